using Negotiations.Deals;
using Negotiations.Deals.Agreeing;
using Negotiations.Deals.Completing;
using Negotiations.Deals.Funding;
using Negotiations.Deals.ProposingTerms;
using Negotiations.Deals.ReportingTalks;
using Negotiations.Deals.Reviewing;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.Lifecycle;

/// <summary>A deal's life after talks: agreement, tranches, review, completion or block, and the reports that come late.</summary>
public class LifecycleTests
{
    private static readonly Source OpenAiRelease = new("OpenAI press release", Day("2026-02-27"), Attribution.CompanyStatement);

    private static readonly Tranche UpFront = new(Usd(15_000_000_000m));

    private static readonly Tranche OnConditions = new(Usd(35_000_000_000m), "an IPO or an AGI milestone");

    private static AgreementAnnounced Announced() => new(Usd(50_000_000_000m), [UpFront, OnConditions], "Announced", Day("2026-02-27"), OpenAiRelease);

    private static RegulatoryReviewOpened ReviewOpened() => new("FTC", "US", null, Day("2026-03-01"), Wsj("2026-03-01"));

    private static RegulatoryReviewConcluded ReviewConcluded(ReviewOutcome outcome, string on = "2026-03-01") =>
        new("ftc", outcome, null, Day(on), Wsj(on));

    [Fact]
    public void an_announced_agreement_shows_the_agreed_amount_with_up_front_funded_and_conditional_money_apart()
    {
        var deal = Given(Opened(), Proposed(), Announced());

        Assert.Equal(DealStatus.Agreed, deal.Status);
        Assert.Equal(Usd(50_000_000_000m), deal.Amount);
        Assert.Equal(
            Json(new Agreement(AgreementStage.Announced, Day("2026-02-27"), Usd(50_000_000_000m),
                [new TrancheState(1, UpFront.Amount, null), new TrancheState(2, OnConditions.Amount, OnConditions.Condition)],
                Usd(15_000_000_000m), null, Usd(35_000_000_000m))),
            Json(deal.Agreement!));
    }

    [Fact]
    public void a_funded_conditional_tranche_moves_from_conditional_to_funded()
    {
        var deal = Given(Opened(), Announced(), new TrancheFunded(2, null, Day("2026-02-28"), Wsj("2026-02-28")));

        Assert.Equal(Usd(35_000_000_000m), deal.Agreement!.Funded);
        Assert.Null(deal.Agreement.Conditional);
        Assert.Equal(Day("2026-02-28"), deal.Agreement.Tranches[1].FundedOn);
        Assert.Equal(DealStatus.Agreed, deal.Status);
    }

    [Fact]
    public void a_signing_without_tranches_keeps_the_announced_ones_and_what_was_funded()
    {
        var deal = Given(
            Opened(), Announced(), new TrancheFunded(1, null, Day("2026-02-27"), OpenAiRelease),
            new AgreementSigned(null, [], "Signed", Day("2026-02-28"), OpenAiRelease));

        Assert.Equal(AgreementStage.Signed, deal.Agreement!.Stage);
        Assert.Equal(Day("2026-02-27"), deal.Agreement.AgreedOn);
        Assert.Equal(Usd(15_000_000_000m), deal.Agreement.Funded);
        Assert.Equal(Usd(35_000_000_000m), deal.Agreement.Conditional);
    }

    [Fact]
    public void a_review_puts_the_deal_under_review_and_clearing_it_brings_the_deal_back_to_agreed()
    {
        Assert.Equal(DealStatus.UnderReview, Given(Opened(), Announced(), ReviewOpened()).Status);

        var cleared = Given(Opened(), Announced(), ReviewOpened(), ReviewConcluded(ReviewOutcome.ClearedWithConditions));

        Assert.Equal(DealStatus.Agreed, cleared.Status);
        Assert.Equal(new RegulatoryReview("FTC", "US", Day("2026-03-01"), ReviewOutcome.ClearedWithConditions, null, Day("2026-03-01")), cleared.Reviews.Single());
    }

    [Fact]
    public void a_deal_stays_under_review_while_another_regulator_still_reviews_it()
    {
        var deal = Given(
            Opened(), Announced(), ReviewOpened(), new RegulatoryReviewOpened("European Commission", "EU", null, Day("2026-03-01"), Wsj("2026-03-01")),
            ReviewConcluded(ReviewOutcome.Cleared));

        Assert.Equal(DealStatus.UnderReview, deal.Status);
    }

    [Fact]
    public void a_block_ends_the_deal()
    {
        Assert.Equal(DealStatus.Blocked, Given(Opened(), Announced(), ReviewOpened(), ReviewConcluded(ReviewOutcome.Blocked)).Status);
    }

    [Fact]
    public void completion_ends_the_deal_with_its_final_amount_and_date()
    {
        var deal = Given(Opened(), Announced(), new DealCompleted(Usd(50_000_000_000m), Day("2026-02-28"), null, Day("2026-02-28"), OpenAiRelease));

        Assert.Equal((DealStatus.Completed, Day("2026-02-28")), (deal.Status, deal.CompletedOn));
        Assert.True(deal.IsFinal);
    }

    [Fact]
    public void talks_and_terms_reported_after_the_agreement_update_the_values_but_do_not_move_the_deal_back()
    {
        var deal = Given(Opened(), Announced(), new TermsProposed(null, null, 4m, null, "board observer", null, null, Day("2026-02-28"), OpenAiRelease));

        Assert.Equal((DealStatus.Agreed, 4m, "board observer"), (deal.Status, deal.StakePercent, deal.Governance));
    }

    [Fact]
    public void an_older_article_found_after_the_announcement_is_accepted_and_sorted_into_place()
    {
        var deal = Given(Opened(), Announced());
        var older = new ReportTalks(Wsj("2026-01-20"), Summary: "talks widen to Nvidia and SoftBank");

        ThenAccepted(ReportTalksEndpoint.Validate(older, deal, Now));
        var after = Given(Opened(), Announced(), ReportTalksEndpoint.Decide(older));
        Assert.Equal((DealStatus.Agreed, Day("2026-02-27")), (after.Status, after.LastActivityOn));
    }

    [Fact]
    public void on_a_completed_deal_a_report_dated_before_completion_is_accepted_and_one_after_it_is_refused()
    {
        var completed = Given(Opened(), Announced(), new DealCompleted(null, Day("2026-02-28"), null, Day("2026-02-28"), OpenAiRelease));

        ThenAccepted(ProposeTermsEndpoint.Validate(new ProposeTerms(Wsj("2026-02-01"), Usd(1m)), completed, Now));
        ThenConflict(ProposeTermsEndpoint.Validate(new ProposeTerms(Wsj("2026-03-01"), Usd(1m)), completed, Now), 3);
    }

    [Fact]
    public void a_report_dated_the_day_a_deal_ended_would_sort_after_the_ending_and_is_refused()
    {
        var closed = Given(Opened(), Proposed(), Closed());
        var abandoned = Given(Opened(), Proposed(), Abandoned());

        ThenConflict(ProposeTermsEndpoint.Validate(new ProposeTerms(Wsj("2026-02-27"), Usd(1m)), closed, Now), 3);
        ThenAccepted(ProposeTermsEndpoint.Validate(new ProposeTerms(Wsj("2026-02-26"), Usd(1m)), closed, Now));
        ThenConflict(ProposeTermsEndpoint.Validate(new ProposeTerms(Wsj("2026-02-01"), Usd(1m)), abandoned, Now), 3);
        ThenAccepted(ProposeTermsEndpoint.Validate(new ProposeTerms(Wsj("2026-01-31"), Usd(1m)), abandoned, Now));
    }

    [Fact]
    public void the_latest_move_is_the_latest_moving_report_not_a_question_or_a_funding()
    {
        var deal = Given(Opened(), Announced(), new TrancheFunded(1, null, Day("2026-03-01"), Wsj("2026-03-01")),
            new QuestionRaised(Guid.NewGuid(), QuestionTopic.Other, "?", Day("2026-03-01"), Wsj("2026-03-01")));

        Assert.Equal((Day("2026-02-27"), Day("2026-03-01")), (deal.LastMoveOn!.Value, deal.LastActivityOn));
    }

    [Fact]
    public void a_conditional_tranche_may_still_be_funded_after_completion_but_not_after_a_block()
    {
        var completed = Given(Opened(), Announced(), new DealCompleted(null, Day("2026-02-28"), null, Day("2026-02-28"), OpenAiRelease));
        var blocked = Given(Opened(), Announced(), ReviewOpened(), ReviewConcluded(ReviewOutcome.Blocked));

        ThenAccepted(FundTrancheEndpoint.Validate(new FundTranche(2, Wsj("2026-03-01")), completed, Now));
        ThenConflict(FundTrancheEndpoint.Validate(new FundTranche(2, Wsj("2026-03-02")), blocked, Now), 4);
    }

    [Fact]
    public void a_tranche_cannot_be_funded_before_the_agreement_twice_or_without_one()
    {
        ThenConflict(FundTrancheEndpoint.Validate(new FundTranche(1, Wsj("2026-02-01")), Given(Opened(), Announced()), Now), 2);
        ThenConflict(FundTrancheEndpoint.Validate(new FundTranche(1, Wsj("2026-03-01")), Given(Opened(), Proposed()), Now), 2);
        ThenConflict(
            FundTrancheEndpoint.Validate(new FundTranche(1, Wsj("2026-03-01")),
                Given(Opened(), Announced(), new TrancheFunded(1, null, Day("2026-02-28"), Wsj("2026-02-28"))), Now), 3);
        ThenRefused(FundTrancheEndpoint.Validate(new FundTranche(3, Wsj("2026-03-01")), Given(Opened(), Announced()), Now), 400, "tranche");
    }

    [Fact]
    public void tranches_must_be_exact_in_the_agreed_currency_and_add_up_to_the_agreed_amount()
    {
        var deal = Given(Opened(), Proposed());
        AnnounceAgreement Agreement(ReportedAmount? amount, params Tranche[] tranches) => new(OpenAiRelease, Amount: amount, Tranches: tranches);

        ThenAccepted(AnnounceAgreementEndpoint.Validate(Agreement(Usd(50_000_000_000m), UpFront, OnConditions), deal, Now));
        ThenRefused(AnnounceAgreementEndpoint.Validate(Agreement(Usd(60_000_000_000m), UpFront, OnConditions), deal, Now), 400, "tranches");
        ThenRefused(AnnounceAgreementEndpoint.Validate(Agreement(null, UpFront), deal, Now), 400, "amount");
        ThenRefused(AnnounceAgreementEndpoint.Validate(
            Agreement(Usd(15_000_000_000m), new Tranche(Usd(15_000_000_000m, AmountQualifier.About))), deal, Now), 400, "tranches[0].amount");
        ThenRefused(AnnounceAgreementEndpoint.Validate(
            Agreement(Usd(15_000_000_000m), new Tranche(new ReportedAmount(15_000_000_000m, "EUR"))), deal, Now), 400, "tranches");
    }

    [Fact]
    public void an_agreement_cannot_move_a_funded_tranche_but_may_repeat_it_or_name_no_tranches()
    {
        var funded = Given(Opened(), Announced(), new TrancheFunded(1, null, Day("2026-02-28"), Wsj("2026-02-28")));
        AnnounceAgreement Signing(params Tranche[] tranches) => new(OpenAiRelease, AgreementStage.Signed, Usd(50_000_000_000m), tranches);

        ThenAccepted(AnnounceAgreementEndpoint.Validate(Signing(UpFront, OnConditions), funded, Now));
        ThenAccepted(AnnounceAgreementEndpoint.Validate(Signing(), funded, Now));
        ThenConflict(AnnounceAgreementEndpoint.Validate(Signing(OnConditions, UpFront), funded, Now), 3);
    }

    [Fact]
    public void signing_records_the_signed_event_and_announcing_the_announced_one()
    {
        Assert.IsType<AgreementSigned>(AnnounceAgreementEndpoint.Decide(new AnnounceAgreement(OpenAiRelease, AgreementStage.Signed)));
        Assert.IsType<AgreementAnnounced>(AnnounceAgreementEndpoint.Decide(new AnnounceAgreement(OpenAiRelease)));
    }

    [Fact]
    public void a_final_ending_dated_before_the_latest_move_is_refused_and_a_deal_ends_finally_once()
    {
        var agreed = Given(Opened(), Announced());
        var completed = Given(Opened(), Announced(), new DealCompleted(null, Day("2026-02-28"), null, Day("2026-02-28"), OpenAiRelease));

        ThenConflict(CompleteDealEndpoint.Validate(new CompleteDeal(Wsj("2026-02-01")), agreed, Now), 2);
        ThenAccepted(CompleteDealEndpoint.Validate(new CompleteDeal(Wsj("2026-02-28")), agreed, Now));
        ThenConflict(CompleteDealEndpoint.Validate(new CompleteDeal(Wsj("2026-03-01")), completed, Now), 3);
    }

    [Fact]
    public void a_completion_or_closing_date_before_the_deal_was_first_reported_is_a_400()
    {
        var deal = Given(Opened(), Announced());

        ThenRefused(CompleteDealEndpoint.Validate(new CompleteDeal(Wsj("2026-02-28"), CompletedOn: Day("2025-12-01")), deal, Now), 400, "completedOn");
    }

    [Fact]
    public void a_review_can_only_be_concluded_once_opened_and_not_before_it_opened()
    {
        ThenConflict(ConcludeReviewEndpoint.Validate(new ConcludeReview("FTC", ReviewOutcome.Cleared, Wsj("2026-03-01")), Given(Opened(), Announced()), Now), 2);
        ThenConflict(ConcludeReviewEndpoint.Validate(
            new ConcludeReview("FTC", ReviewOutcome.Cleared, Wsj("2026-02-28")), Given(Opened(), Announced(), ReviewOpened()), Now), 3);
        ThenAccepted(ConcludeReviewEndpoint.Validate(
            new ConcludeReview("ftc", ReviewOutcome.Cleared, Wsj("2026-03-01")), Given(Opened(), Announced(), ReviewOpened()), Now));
    }
}
