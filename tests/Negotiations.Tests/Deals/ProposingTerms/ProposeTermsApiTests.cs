using Negotiations.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;

namespace Negotiations.Tests.Deals.ProposingTerms;

public class ProposeTermsApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static object Terms(long? expectedVersion = null) => new
    {
        amount = Usd(50_000_000_000m, "UpTo"),
        valuation = new { value = 830_000_000_000m, currency = "USD", qualifier = "About", basis = "Unknown" },
        stakePercent = 6.0m,
        instrument = "Common equity",
        governance = "No board seat reported",
        commitments = "Expanded AWS cloud spend",
        source = Source("Wall Street Journal", "2026-01-29"),
        expectedVersion,
    };

    [Fact]
    public async Task proposed_terms_move_the_deal_to_terms_proposed_with_every_term_shown()
    {
        var deal = await Host.ReportNewDeal();

        var version = await Host.ProposeTerms(deal.Id, Terms(expectedVersion: 1));

        Assert.Equal(2, version);
        AssertSame(Expected.NewDeal(deal.Id) with
        {
            Status = DealStatus.TermsProposed,
            Amount = Expected.Usd(50_000_000_000m, AmountQualifier.UpTo),
            Valuation = new Valuation(830_000_000_000m, "USD", AmountQualifier.About),
            StakePercent = 6.0m,
            Instrument = "Common equity",
            Governance = "No board seat reported",
            Commitments = "Expanded AWS cloud spend",
            LastActivityOn = Expected.Day("2026-01-29"),
            LastSource = Expected.Source(),
            Version = 2,
            LastMoveOn = Expected.Day("2026-01-29"),
            Sources = new ValueSources(Expected.Source(), Expected.Source(), Expected.Source()),
        }, await Host.GetDeal(deal.Id));
    }

    [Fact]
    public async Task a_stale_expected_version_is_a_409_carrying_the_current_version_and_records_nothing()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ProposeTerms(deal.Id, Terms());

        var result = await Host.Post($"/api/deals/{deal.Id}/terms", Terms(expectedVersion: 1), 409);

        AssertSame(Problem.StaleVersion(deal.Id, currentVersion: 2, expectedVersion: 1), await result.ShouldBeProblem(409));
        Assert.Equal(2, (await Host.GetDeal(deal.Id)).Version);
    }

    [Fact]
    public async Task an_unknown_deal_is_a_404_problem()
    {
        var result = await Host.Post($"/api/deals/{UnknownDealId}/terms", Terms(), 404);

        AssertSame(Problem.UnknownDealToWrite(UnknownDealId), await result.ShouldBeProblem(404));
    }

    [Fact]
    public async Task an_unknown_deal_with_an_expected_version_is_still_a_404()
    {
        var result = await Host.Post($"/api/deals/{UnknownDealId}/terms", Terms(expectedVersion: 3), 404);

        AssertSame(Problem.UnknownDealToWrite(UnknownDealId), await result.ShouldBeProblem(404));
    }

    [Fact]
    public async Task the_empty_guid_is_no_deal_a_404_not_a_500()
    {
        var result = await Host.Post($"/api/deals/{Guid.Empty}/terms", Terms(), 404);

        AssertSame(Problem.UnknownDeal(Guid.Empty), await result.ShouldBeProblem(404));
        AssertSame(Problem.UnknownDeal(Guid.Empty), await Host.GetProblem($"/api/deals/{Guid.Empty}/history", 404));
    }

    [Fact]
    public async Task a_malformed_deal_id_is_a_400_naming_the_id()
    {
        var result = await Host.Post("/api/deals/not-a-deal/terms", Terms(), 400);

        await result.ShouldBeProblem(400, "id");
    }

    [Fact]
    public async Task terms_without_an_amount_move_the_deal_to_terms_proposed_and_keep_the_amount()
    {
        var deal = await Host.ReportNewDeal();

        await Host.ProposeTerms(deal.Id, new { governance = "Observer seat", source = Source("Wall Street Journal", "2026-01-29") });

        AssertSame(Expected.NewDeal(deal.Id) with
        {
            Status = DealStatus.TermsProposed,
            Governance = "Observer seat",
            LastActivityOn = Expected.Day("2026-01-29"),
            LastSource = Expected.Source(),
            Version = 2,
            LastMoveOn = Expected.Day("2026-01-29"),
        }, await Host.GetDeal(deal.Id));
    }

    [Fact]
    public async Task terms_that_give_nothing_but_a_source_are_a_400_naming_the_amount()
    {
        var deal = await Host.ReportNewDeal();

        var result = await Host.PostRaw($"/api/deals/{deal.Id}/terms",
            """{"source":{"publication":"WSJ","publishedOn":"2026-01-29"}}""", 400);

        await result.ShouldBeProblem(400, "amount");
    }
}
