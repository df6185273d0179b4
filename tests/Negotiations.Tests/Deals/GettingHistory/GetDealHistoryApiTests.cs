using System.Text.Json;
using Negotiations.Deals;
using Negotiations.Deals.GettingHistory;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;

namespace Negotiations.Tests.Deals.GettingHistory;

public class GetDealHistoryApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task history_lists_every_event_in_order_with_when_who_and_source()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var deal = await Host.ReportNewDeal(recordedBy: "alice");
        await Host.Post($"/api/deals/{deal.Id}/terms",
            new { amount = Usd(50_000_000_000m, "UpTo"), source = Source("Wall Street Journal", "2026-01-29"), occurredOn = "2026-01-28" }, 200);
        await Host.Post($"/api/deals/{deal.Id}/close",
            new { source = Source("Amazon press release", "2026-02-27", "CompanyStatement") }, 200, recordedBy: "bob");

        var history = await Host.GetHistory(deal.Id);

        var events = history.Events;
        Assert.Equal(3, events.Count);
        var recordedAt = events.Select(e => e.RecordedAt).ToList();
        Assert.All(recordedAt, at => Assert.InRange(at, before, DateTimeOffset.UtcNow.AddSeconds(5)));
        Assert.Equal(recordedAt.Order(), recordedAt);
        var announcement = Expected.Source("Amazon press release", "2026-02-27", Attribution.CompanyStatement);
        AssertSame(new DealHistory(deal.Id, [
            Expected.Entry(events[0], 1, "talks_reported", Expected.Opening(), recordedBy: "alice"),
            Expected.Entry(events[1], 2, "terms_proposed", new TermsProposed(
                Expected.Usd(50_000_000_000m, AmountQualifier.UpTo), null, null, null, null, null, null, Expected.Day("2026-01-28"), Expected.Source())),
            Expected.Entry(events[2], 3, "deal_closed",
                new DealClosed(null, Expected.Day("2026-02-27"), null, Expected.Day("2026-02-27"), announcement), recordedBy: "bob"),
        ], null), history);
    }

    [Fact]
    public async Task long_histories_come_in_pages_that_join_up()
    {
        var deal = await Host.ReportNewDeal();
        for (var i = 0; i < 4; i++)
        {
            await Host.ReportTalks(deal.Id, new { summary = $"report {i}", source = Source() });
        }

        var first = await Host.GetAs<DealHistory>($"/api/deals/{deal.Id}/history?limit=2");
        var second = await Host.GetAs<DealHistory>($"/api/deals/{deal.Id}/history?limit=2&fromVersion={first.NextFromVersion}");
        var last = await Host.GetAs<DealHistory>($"/api/deals/{deal.Id}/history?limit=2&fromVersion={second.NextFromVersion}");

        Assert.Equal([1L, 2L, 3L, 4L, 5L], new[] { first, second, last }.SelectMany(page => page.Events.Select(e => e.Version)));
        Assert.Equal([3L, 5L, null], new[] { first, second, last }.Select(page => page.NextFromVersion));
        Assert.All([first, second, last], page => Assert.Equal(deal.Id, page.Id));
    }

    [Theory]
    [InlineData("?format=csv", null)]
    [InlineData("", "text/csv")]
    [InlineData("", "application/json;q=0.5, text/csv")]
    public async Task the_csv_has_one_row_per_event_that_reads_back_cell_for_cell_as_the_json_says_it(string query, string? accept)
    {
        var tricky = Source("Reuters, \"Breakingviews\"\r\nLondon", "2026-02-01", url: "https://www.reuters.com/a,b");
        var deal = await Host.ReportNewDeal(recordedBy: "alice");
        await Host.ProposeTerms(deal.Id, new
        {
            amount = Usd(50_000_000_000m, "UpTo"),
            summary = "Up to $50B, \"largest contributor\";\nAmazon declined to comment",
            source = tricky,
        });
        await Host.Correct(deal.Id, new { correctsVersion = 2, summary = "Up to $50B, as \"the WSJ\" said", reason = "quote, fixed" });
        await Host.Abandon(deal.Id, new { reason = "Talks broke down,\r\n\"for now\"", source = tricky });
        var json = await Host.GetJson($"/api/deals/{deal.Id}/history");

        var (_, rows) = await Host.GetCsv($"/api/deals/{deal.Id}/history{query}", accept);

        Assert.Equal(
            ["version", "type", "occurredOn", "recordedAt", "recordedBy", "correlationId", "causationId",
             "publication", "attribution", "url", "publishedOn", "correctedBy", "retractedBy", "data"],
            rows[0]);
        Assert.Equal(GetDealHistoryEndpoint.CsvColumns, rows[0]);
        var expected = json.GetProperty("events").EnumerateArray().Select(e => rows[0].Select(column => column switch
        {
            "publication" or "attribution" or "url" or "publishedOn" =>
                e.GetProperty("source").ValueKind == JsonValueKind.Null ? "" : CsvCell(e.GetProperty("source").GetProperty(column)),
            _ => CsvCell(e.GetProperty(column)),
        }).ToArray());
        Assert.Equal(expected, rows.Skip(1));
        Assert.Equal(5, rows.Count);
        Assert.Equal("Reuters, \"Breakingviews\"\r\nLondon", rows[2][7]);
        Assert.Equal(["", "", "", ""], rows[3][7..11]);
        Assert.Equal("[3]", rows[2][11]);
    }

    [Fact]
    public async Task csv_pages_join_up_through_the_next_version_header_and_the_link_header()
    {
        var deal = await Host.ReportNewDeal();
        for (var i = 0; i < 4; i++)
        {
            await Host.ReportTalks(deal.Id, new { summary = $"report {i}, \"again\"", source = Source() });
        }

        var (first, firstRows) = await Host.GetCsv($"/api/deals/{deal.Id}/history?limit=2&format=csv");
        var next = first.Context.Response.Headers[GetDealHistoryEndpoint.NextFromVersionHeader].ToString();
        var link = first.Context.Response.Headers.Link.ToString();
        var (second, secondRows) = await Host.GetCsv($"/api/deals/{deal.Id}/history?limit=2&fromVersion={next}", "text/csv");
        var (last, lastRows) = await Host.GetCsv($"/api/deals/{deal.Id}/history?limit=2&fromVersion={second.Context.Response.Headers[GetDealHistoryEndpoint.NextFromVersionHeader]}&format=csv");

        Assert.Equal("3", next);
        Assert.Equal($"</api/deals/{deal.Id}/history?fromVersion=3&limit=2&format=csv>; rel=\"next\"", link);
        Assert.Equal(["1", "2", "3", "4", "5"], new[] { firstRows, secondRows, lastRows }.SelectMany(rows => rows.Skip(1).Select(row => row[0])));
        Assert.All([firstRows[0], secondRows[0], lastRows[0]], header => Assert.Equal(GetDealHistoryEndpoint.CsvColumns, header));
        Assert.False(last.Context.Response.Headers.ContainsKey(GetDealHistoryEndpoint.NextFromVersionHeader));
        Assert.False(last.Context.Response.Headers.ContainsKey("Link"));
    }

    [Fact]
    public async Task json_pages_carry_the_next_version_header_too()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ReportTalks(deal.Id, new { summary = "again", source = Source() });

        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{deal.Id}/history?limit=1");
            s.StatusCodeShouldBe(200);
        });

        Assert.Equal("2", result.Context.Response.Headers[GetDealHistoryEndpoint.NextFromVersionHeader].ToString());
        var page = await result.ReadAs<DealHistory>();
        AssertSame(new DealHistory(deal.Id, [Expected.Entry(page.Events[0], 1, "talks_reported", Expected.Opening())], 2), page);
        Assert.Equal($"</api/deals/{deal.Id}/history?fromVersion=2&limit=1>; rel=\"next\"", result.Context.Response.Headers.Link.ToString());
    }

    [Fact]
    public async Task the_history_of_an_unknown_deal_is_a_404_problem()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{UnknownDealId}/history");
            s.StatusCodeShouldBe(404);
        });

        AssertSame(Problem.UnknownDeal(UnknownDealId), await result.ShouldBeProblem(404));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5001", "limit")]
    [InlineData("fromVersion=-1", "fromVersion")]
    [InlineData("from=2", "from")]
    [InlineData("format=xml", "format")]
    public async Task a_bad_paging_parameter_is_a_400_naming_it(string query, string field)
    {
        var deal = await Host.ReportNewDeal();

        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{deal.Id}/history?{query}");
            s.StatusCodeShouldBe(400);
        });

        await result.ShouldBeProblem(400, field);
    }
}
