using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Deals.Retracting;

public class RetractReportApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly object Denial = Source("Amazon", "2026-02-02", "CompanyStatement");

    [Fact]
    public async Task a_retracted_report_stops_counting_in_the_status_and_stays_in_the_history_marked()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ProposeTerms(deal.Id, new { amount = Usd(50_000_000_000m, "UpTo"), source = Source() });

        await Host.Post($"/api/deals/{deal.Id}/retractions", new { retractsVersion = 2, reason = "Amazon denied any terms", source = Denial, kind = "Denied" }, 200);

        var status = await Host.GetJson($"/api/deals/{deal.Id}");
        Assert.Equal("InTalks", status.GetProperty("status").GetString());
        Assert.Equal(10_000_000_000m, status.GetProperty("amount").GetProperty("value").GetDecimal());
        var events = (await Host.GetJson($"/api/deals/{deal.Id}/history")).GetProperty("events");
        Assert.Equal(3, events[1].GetProperty("retractedBy").GetInt64());
        Assert.Equal("report_retracted", events[2].GetProperty("type").GetString());
        Assert.Equal("Amazon", events[2].GetProperty("source").GetProperty("publication").GetString());
        Assert.Equal("Denied", events[2].GetProperty("data").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task retracting_the_same_report_twice_is_a_409()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ProposeTerms(deal.Id, new { amount = Usd(50_000_000_000m, "UpTo"), source = Source() });
        await Host.Post($"/api/deals/{deal.Id}/retractions", new { retractsVersion = 2, reason = "denied", source = Denial }, 200);

        var result = await Host.Post($"/api/deals/{deal.Id}/retractions", new { retractsVersion = 2, reason = "denied again", source = Denial }, 409);

        await result.ShouldBeProblem(409);
    }

    [Fact]
    public async Task retracting_a_version_that_does_not_exist_is_a_400()
    {
        var deal = await Host.ReportNewDeal();

        var result = await Host.Post($"/api/deals/{deal.Id}/retractions", new { retractsVersion = 4, reason = "denied", source = Denial }, 400);

        await result.ShouldBeProblem(400, "retractsVersion");
    }

    [Fact]
    public async Task an_abandoned_deal_can_still_have_a_report_retracted()
    {
        var deal = await Host.ReportNewDeal();
        await Host.Abandon(deal.Id, new { reason = "Collapsed", source = Source("Reuters", "2026-02-01") });

        await Host.Post($"/api/deals/{deal.Id}/retractions", new { retractsVersion = 2, reason = "Reuters withdrew its story", source = Source("Reuters", "2026-02-03") }, 200);

        Assert.Equal("InTalks", (await Host.GetJson($"/api/deals/{deal.Id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task retracting_on_an_unknown_deal_is_a_404()
    {
        var result = await Host.Post($"/api/deals/{UnknownDealId}/retractions", new { retractsVersion = 1, reason = "denied", source = Denial }, 404);

        await result.ShouldBeProblem(404);
    }
}
