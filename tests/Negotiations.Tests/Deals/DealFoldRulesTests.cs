using Negotiations.Deals;
using Negotiations.Deals.ProposingTerms;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals;

/// <summary>
/// How each report changes the deal (<see cref="Deal.After"/>) and what the latest move is: the rules a mutation run
/// of Deal.cs found unpinned.
/// </summary>
public class DealFoldRulesTests
{
    private static readonly Source Company = new("OpenAI press release", Day("2026-02-27"), Attribution.CompanyStatement);

    private static AgreementAnnounced Announced(params Tranche[] tranches) =>
        new(Usd(50_000_000_000m), tranches, "Announced", Day("2026-02-27"), Company);

    private static AgreementSigned Signed(ReportedAmount? amount, params Tranche[] tranches) =>
        new(amount, tranches, "Signed", Day("2026-03-01"), Company);

    private static RegulatoryReviewOpened ReviewOpened(string regulator, string on = "2026-03-01") =>
        new(regulator, "US", null, Day(on), Wsj(on));

    private static RegulatoryReviewConcluded Cleared(string regulator, string on) => new(regulator, ReviewOutcome.Cleared, null, Day(on), Wsj(on));

    private static DealCompleted Completed(string on = "2026-02-28") => new(null, Day(on), null, Day(on), Company);

    private static QuestionRaised Question(Guid id, string on) => new(id, QuestionTopic.Other, "Who holds the board seat?", Day(on), Wsj(on));

    [Fact]
    public void a_report_of_talks_or_a_stake_revision_after_the_agreement_leaves_the_deal_agreed()
    {
        var talks = TalksAgain() with { OccurredOn = Day("2026-02-28"), Source = Wsj("2026-02-28") };
        var stake = Revised() with { OccurredOn = Day("2026-02-28"), Source = Wsj("2026-02-28") };

        Assert.Equal(DealStatus.Agreed, Given(Opened(), Announced(), talks).Status);
        Assert.Equal(DealStatus.Agreed, Given(Opened(), Announced(), stake).Status);
    }

    [Fact]
    public void the_latest_terms_replace_instrument_governance_and_commitments_and_terms_that_name_none_keep_them()
    {
        var first = Proposed() with { Instrument = "convertible notes", Governance = "no board seat", Commitments = "AWS compute" };
        var second = Proposed() with { Instrument = "common stock", Governance = "a board observer", Commitments = "Azure compute", OccurredOn = Day("2026-02-01") };
        var silent = Proposed() with { OccurredOn = Day("2026-02-02") };

        var replaced = Given(Opened(), first, second);
        var kept = Given(Opened(), first, second, silent);

        Assert.Equal(("common stock", "a board observer", "Azure compute"), (replaced.Instrument, replaced.Governance, replaced.Commitments));
        Assert.Equal(("common stock", "a board observer", "Azure compute"), (kept.Instrument, kept.Governance, kept.Commitments));
    }

    [Fact]
    public void a_review_that_sorts_after_a_final_status_does_not_reopen_the_deal()
    {
        // A correction of its date can put a review after the completion; the completion stays what the deal is.
        var deal = Given(Opened(), Announced(), Completed(), ReviewOpened("FTC", "2026-03-01"));

        Assert.Equal(DealStatus.Completed, deal.Status);
        Assert.Equal("FTC", deal.Reviews.Single().Regulator);
    }

    [Fact]
    public void answering_one_question_leaves_the_others_open()
    {
        var asked = Guid.Parse("0199a7b6-0000-7000-8000-0000000000a1");
        var other = Guid.Parse("0199a7b6-0000-7000-8000-0000000000a2");

        var deal = Given(Opened(), Question(asked, "2026-01-01"), Question(other, "2026-01-02"),
            new QuestionAnswered(asked, "Amazon does", Day("2026-01-03"), Wsj("2026-01-03")));

        Assert.Equal([QuestionState.Answered, QuestionState.Open], deal.Questions.Select(q => q.State));
        Assert.Null(deal.Questions[1].Answer);
    }

    [Fact]
    public void a_question_raised_after_a_final_status_does_not_move_the_date_reports_must_come_before()
    {
        var completed = Given(Opened(), Announced(), Completed("2026-02-28"), Question(Guid.NewGuid(), "2026-03-01"));

        ThenConflict(ProposeTermsEndpoint.Validate(new ProposeTerms(Wsj("2026-02-28"), Usd(1m)), completed, Now), 4,
            AfterFinal("completed", "take proposed terms", "2026-02-28"));
    }

    [Fact]
    public void a_report_applied_out_of_order_keeps_the_latest_activity_date()
    {
        var earlier = TalksAgain() with { OccurredOn = Day("2025-12-20"), Source = Wsj("2025-12-20") };

        var deal = Given(Opened(), Proposed()).After(earlier);

        Assert.Equal(Day("2026-01-29"), deal.LastActivityOn);
    }

    [Fact]
    public void a_signing_after_a_funding_keeps_the_funded_tranche_funded_under_its_signed_terms_and_the_others_unfunded()
    {
        var upFront = new Tranche(Usd(15_000_000_000m));
        var later = new Tranche(Usd(35_000_000_000m), "an IPO");
        var funded = new TrancheFunded(1, Usd(14_000_000_000m), Day("2026-02-28"), Company);

        var deal = Given(Opened(), Announced(upFront, later), funded,
            Signed(Usd(50_000_000_000m), new Tranche(Usd(20_000_000_000m)), new Tranche(Usd(30_000_000_000m), "an IPO by 2028")));

        Assert.Equal(
            Json(new[]
            {
                new TrancheState(1, Usd(20_000_000_000m), null, Day("2026-02-28"), Usd(14_000_000_000m)),
                new TrancheState(2, Usd(30_000_000_000m), "an IPO by 2028"),
            }),
            Json(deal.Agreement!.Tranches));
    }

    [Fact]
    public void a_signing_that_names_an_amount_replaces_the_announced_one_and_one_that_names_none_keeps_it()
    {
        Assert.Equal(Usd(45_000_000_000m), Given(Opened(), Announced(), Signed(Usd(45_000_000_000m))).Agreement!.Amount);
        Assert.Equal(Usd(50_000_000_000m), Given(Opened(), Announced(), Signed(null)).Agreement!.Amount);
    }

    [Fact]
    public void a_signing_during_a_review_leaves_the_deal_under_review()
    {
        var deal = Given(Opened(), Announced(), ReviewOpened("FTC", "2026-02-28"), Signed(null));

        Assert.Equal(DealStatus.UnderReview, deal.Status);
    }

    [Fact]
    public void concluding_one_regulators_review_leaves_another_regulators_review_open()
    {
        var deal = Given(Opened(), Announced(), ReviewOpened("FTC"), ReviewOpened("European Commission"), Cleared("ftc", "2026-03-05"));

        Assert.Equal(
            [("FTC", (ReviewOutcome?)ReviewOutcome.Cleared), ("European Commission", null)],
            deal.Reviews.Select(r => (r.Regulator, r.Outcome)));
    }

    [Fact]
    public void a_review_cleared_before_any_agreement_brings_the_deal_back_to_proposed_terms()
    {
        var deal = Given(Opened(), Proposed(), ReviewOpened("FTC", "2026-02-01"), Cleared("FTC", "2026-02-10"));

        Assert.Equal(DealStatus.TermsProposed, deal.Status);
    }

    [Fact]
    public void a_review_concluded_while_another_stays_open_changes_no_status_and_is_not_a_move()
    {
        var deal = Given(Opened(), Announced(), ReviewOpened("FTC"), ReviewOpened("European Commission"), Cleared("FTC", "2026-03-05"));

        Assert.Equal((DealStatus.UnderReview, Day("2026-03-01"), Day("2026-03-05")), (deal.Status, deal.LastMoveOn!.Value, deal.LastActivityOn));
    }

    [Fact]
    public void a_weaker_and_less_precise_valuation_does_not_replace_a_stronger_one()
    {
        var stated = Proposed() with { Valuation = new Valuation(300_000_000_000m, "USD"), Source = Company, OccurredOn = Day("2026-02-27") };
        var rumoured = TalksAgain() with
        {
            Valuation = new Valuation(350_000_000_000m, "USD", AmountQualifier.About), OccurredOn = Day("2026-02-28"), Source = Wsj("2026-02-28"),
        };

        var deal = Given(Opened(), stated, rumoured);

        Assert.Equal((new Valuation(300_000_000_000m, "USD"), Company), (deal.Valuation!, deal.Sources.Valuation!));
    }
}
