using Negotiations.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;

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

        AssertSame(Expected.NewDeal(deal.Id) with { Version = 3 }, await Host.GetDeal(deal.Id));
        var events = (await Host.GetHistory(deal.Id)).Events;
        Assert.Equal(3, events[1].RetractedBy);
        var denial = Expected.Source("Amazon", "2026-02-02", Attribution.CompanyStatement);
        AssertSame(events[2] with
        {
            Version = 3,
            Type = "report_retracted",
            OccurredOn = Expected.Day("2026-02-02"),
            RecordedBy = "anonymous",
            CausationId = null,
            Source = denial,
            CorrectedBy = [],
            RetractedBy = null,
            Data = new ReportRetracted(2, "Amazon denied any terms", Expected.Day("2026-02-02"), denial, RetractionKind.Denied),
        }, events[2]);
    }

    [Fact]
    public async Task retracting_the_same_report_twice_is_a_409()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ProposeTerms(deal.Id, new { amount = Usd(50_000_000_000m, "UpTo"), source = Source() });
        await Host.Post($"/api/deals/{deal.Id}/retractions", new { retractsVersion = 2, reason = "denied", source = Denial }, 200);

        var result = await Host.Post($"/api/deals/{deal.Id}/retractions", new { retractsVersion = 2, reason = "denied again", source = Denial }, 409);

        AssertSame(Problem.DealConflict("Event 2 was already retracted by event 3.", currentVersion: 3), await result.ShouldBeProblem(409));
    }

    [Fact]
    public async Task retracting_a_version_that_does_not_exist_is_a_400()
    {
        var deal = await Host.ReportNewDeal();

        var result = await Host.Post($"/api/deals/{deal.Id}/retractions", new { retractsVersion = 4, reason = "denied", source = Denial }, 400);

        AssertSame(
            Problem.Invalid(("retractsVersion", $"Deal {deal.Id} has no event 4 (its versions are 1 to 1).")),
            await result.ShouldBeProblem(400, "retractsVersion"));
    }

    [Fact]
    public async Task an_abandoned_deal_can_still_have_a_report_retracted()
    {
        var deal = await Host.ReportNewDeal();
        await Host.Abandon(deal.Id, new { reason = "Collapsed", source = Source("Reuters", "2026-02-01") });

        await Host.Post($"/api/deals/{deal.Id}/retractions", new { retractsVersion = 2, reason = "Reuters withdrew its story", source = Source("Reuters", "2026-02-03") }, 200);

        Assert.Equal(DealStatus.InTalks, (await Host.GetDeal(deal.Id)).Status);
    }

    [Fact]
    public async Task retracting_on_an_unknown_deal_is_a_404()
    {
        var result = await Host.Post($"/api/deals/{UnknownDealId}/retractions", new { retractsVersion = 1, reason = "denied", source = Denial }, 404);

        AssertSame(Problem.UnknownDealToWrite(UnknownDealId), await result.ShouldBeProblem(404));
    }
}
