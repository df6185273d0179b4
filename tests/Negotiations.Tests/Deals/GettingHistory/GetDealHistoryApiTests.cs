using System.Text.Json;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

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

        var history = await Host.GetJson($"/api/deals/{deal.Id}/history");

        Assert.Equal(deal.Id, history.GetProperty("id").GetGuid());
        var events = history.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal(["talks_reported", "terms_proposed", "deal_closed"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(["alice", "anonymous", "bob"], events.Select(e => e.GetProperty("recordedBy").GetString()));
        Assert.Equal(["2025-12-16", "2026-01-28", "2026-02-27"], events.Select(e => e.GetProperty("occurredOn").GetString()));
        Assert.Equal(["The Information", "Wall Street Journal", "Amazon press release"],
            events.Select(e => e.GetProperty("source").GetProperty("publication").GetString()));
        var recordedAt = events.Select(e => e.GetProperty("recordedAt").GetDateTimeOffset()).ToList();
        Assert.All(recordedAt, at => Assert.InRange(at, before, DateTimeOffset.UtcNow.AddSeconds(5)));
        Assert.Equal(recordedAt.Order(), recordedAt);
        Assert.Equal(50_000_000_000m, events[1].GetProperty("data").GetProperty("amount").GetProperty("value").GetDecimal());
        Assert.Equal(JsonValueKind.Null, history.GetProperty("nextFromVersion").ValueKind);
    }

    [Fact]
    public async Task long_histories_come_in_pages_that_join_up()
    {
        var deal = await Host.ReportNewDeal();
        for (var i = 0; i < 4; i++)
        {
            await Host.ReportTalks(deal.Id, new { summary = $"report {i}", source = Source() });
        }

        var first = await Host.GetJson($"/api/deals/{deal.Id}/history?limit=2");
        var second = await Host.GetJson($"/api/deals/{deal.Id}/history?limit=2&fromVersion={first.GetProperty("nextFromVersion").GetInt64()}");
        var last = await Host.GetJson($"/api/deals/{deal.Id}/history?limit=2&fromVersion={second.GetProperty("nextFromVersion").GetInt64()}");

        var versions = new[] { first, second, last }
            .SelectMany(page => page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], versions);
        Assert.Equal(JsonValueKind.Null, last.GetProperty("nextFromVersion").ValueKind);
    }

    [Fact]
    public async Task the_history_of_an_unknown_deal_is_a_404_problem()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{UnknownDealId}/history");
            s.StatusCodeShouldBe(404);
        });

        await result.ShouldBeProblem(404);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=5001", "limit")]
    [InlineData("fromVersion=-1", "fromVersion")]
    [InlineData("from=2", "from")]
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
