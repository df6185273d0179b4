using System.Text.Json;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Deals.GettingDeal;

/// <summary>The two clocks: when something was recorded (version, asOf) and when it happened (occurredBy).</summary>
public class AsOfApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_report_published_in_december_but_recorded_later_sorts_into_december_on_the_occurred_axis()
    {
        var deal = await Host.ReportNewDeal(NewDeal(source: Source("Wall Street Journal", "2026-01-29"), amount: Usd(50_000_000_000m, "UpTo")));
        await Host.ReportTalks(deal.Id, new { amount = Usd(10_000_000_000m, "AtLeast"), source = Source("The Information", "2025-12-16") });

        var now = await Host.GetJson($"/api/deals/{deal.Id}");
        var endOfDecember = await Host.GetJson($"/api/deals/{deal.Id}?occurredBy=2025-12-31");
        var beforeTheLateRecord = await Host.GetJson($"/api/deals/{deal.Id}?version=1&occurredBy=2025-12-31", 404);

        Assert.Equal(50_000_000_000m, now.GetProperty("amount").GetProperty("value").GetDecimal());
        Assert.Equal("2025-12-16", now.GetProperty("openedOn").GetString());
        Assert.Equal("2026-01-29", now.GetProperty("lastActivityOn").GetString());
        Assert.Equal(10_000_000_000m, endOfDecember.GetProperty("amount").GetProperty("value").GetDecimal());
        Assert.Equal("2025-12-16", endOfDecember.GetProperty("lastActivityOn").GetString());
        Assert.Equal(404, beforeTheLateRecord.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task both_axes_together_answer_what_we_believed_then_about_an_earlier_date()
    {
        var deal = await Host.ReportNewDeal(NewDeal(source: Source("The Information", "2025-12-16")));
        await Host.ProposeTerms(deal.Id, new { amount = Usd(50_000_000_000m, "UpTo"), source = Source("Wall Street Journal", "2026-01-29") });
        var recordedAt = (await Host.GetJson($"/api/deals/{deal.Id}/history")).GetProperty("events")[1].GetProperty("recordedAt").GetDateTimeOffset();
        await Host.Post($"/api/deals/{deal.Id}/corrections", new { correctsVersion = 1, amount = Usd(12_000_000_000m, "AtLeast"), reason = "typo" }, 200);

        var believedThen = await Host.GetJson($"/api/deals/{deal.Id}?asOf={Uri.EscapeDataString(recordedAt.ToString("O"))}&occurredBy=2026-01-15");
        var believedNow = await Host.GetJson($"/api/deals/{deal.Id}?occurredBy=2026-01-15");

        Assert.Equal(10_000_000_000m, believedThen.GetProperty("amount").GetProperty("value").GetDecimal());
        Assert.Equal("InTalks", believedThen.GetProperty("status").GetString());
        Assert.Equal(2, believedThen.GetProperty("version").GetInt64());
        Assert.Equal(12_000_000_000m, believedNow.GetProperty("amount").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task an_instant_in_any_offset_means_the_same_moment()
    {
        var deal = await Host.ReportNewDeal();
        var recordedAt = (await Host.GetJson($"/api/deals/{deal.Id}/history")).GetProperty("events")[0].GetProperty("recordedAt").GetDateTimeOffset();

        var inParis = await Host.GetJson($"/api/deals/{deal.Id}?asOf={Uri.EscapeDataString(recordedAt.ToOffset(TimeSpan.FromHours(1)).ToString("O"))}");
        var aSecondBefore = await Host.GetJson($"/api/deals/{deal.Id}?asOf={Uri.EscapeDataString(recordedAt.AddSeconds(-1).ToOffset(TimeSpan.FromHours(-5)).ToString("O"))}", 404);

        Assert.Equal(1, inParis.GetProperty("version").GetInt64());
        Assert.Equal(404, aSecondBefore.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task a_deal_whose_opening_report_was_retracted_is_still_known_on_the_occurred_axis()
    {
        var deal = await Host.ReportNewDeal(NewDeal(source: Source("The Information", "2025-12-16")));
        await Host.Post($"/api/deals/{deal.Id}/retractions", new { retractsVersion = 1, reason = "denied", source = Source("Amazon", "2025-12-17") }, 200);

        var status = await Host.GetJson($"/api/deals/{deal.Id}?occurredBy=2026-03-01");

        Assert.Equal(JsonValueKind.Null, status.GetProperty("amount").ValueKind);
        Assert.Equal(2, status.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task the_status_after_a_version_and_its_etag()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ProposeTerms(deal.Id, new { amount = Usd(50_000_000_000m, "UpTo"), source = Source() });
        await Host.Close(deal.Id, new { source = Source("Amazon", "2026-02-27") });

        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{deal.Id}?version=2");
            s.StatusCodeShouldBe(200);
        });

        var status = await result.Json();
        Assert.Equal("TermsProposed", status.GetProperty("status").GetString());
        Assert.Equal("\"2\"", result.Context.Response.Headers.ETag.ToString());
    }

    [Theory]
    [InlineData("asOf=2026-01-01", "asOf")]
    [InlineData("asOf=2026-01-01T10:00:00", "asOf")]
    [InlineData("asOf=yesterday", "asOf")]
    [InlineData("version=0", "version")]
    [InlineData("version=two", "version")]
    [InlineData("occurredBy=2026-13-01", "occurredBy")]
    [InlineData("occurredBy=2026-01-01T00:00:00Z", "occurredBy")]
    [InlineData("version=1&asOf=2026-01-01T00:00:00Z", "asOf")]
    [InlineData("as_of=2026-01-01T00:00:00Z", "as_of")]
    public async Task a_malformed_or_unknown_parameter_is_a_400_naming_it(string query, string field)
    {
        var deal = await Host.ReportNewDeal();

        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{deal.Id}?{query}");
            s.StatusCodeShouldBe(400);
        });

        await result.ShouldBeProblem(400, field);
    }

    [Fact]
    public async Task an_instant_before_the_deal_existed_a_version_not_yet_written_or_an_unknown_deal_are_404s()
    {
        var deal = await Host.ReportNewDeal();

        var beforeIt = await Host.GetJson($"/api/deals/{deal.Id}?asOf=2020-01-01T00:00:00Z", 404);
        var notYet = await Host.GetJson($"/api/deals/{deal.Id}?version=5", 404);
        var unknown = await Host.GetJson($"/api/deals/{UnknownDealId}?version=1", 404);

        Assert.Contains("not been recorded yet", beforeIt.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("no version 5", notYet.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("No deal", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
