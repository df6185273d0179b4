using Negotiations.Deals;
using Negotiations.Deals.Agreeing;
using Negotiations.Deals.Completing;
using Negotiations.Deals.Funding;
using Negotiations.Deals.Questions;
using Negotiations.Deals.ReportingTalks;
using Negotiations.Deals.Responding;
using Negotiations.Deals.Reviewing;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals;

/// <summary>
/// What each later-stage command checks before its report is recorded, and the report it records: every field rule
/// is its own, and a valid command still obeys the deal's state (a stale version is refused).
/// </summary>
public class CommandRulesTests
{
    private static readonly Source NoPublication = Wsj() with { Publication = " " };
    private static readonly Source Company = new("OpenAI press release", Day("2026-02-27"), Attribution.CompanyStatement);
    private static readonly Guid QuestionId = Guid.Parse("0199a7b6-0000-7000-8000-0000000000b1");

    private static AgreementAnnounced Announced() => new(Usd(50_000_000_000m), [new Tranche(Usd(50_000_000_000m))], null, Day("2026-02-27"), Company);

    private static RegulatoryReviewOpened ReviewOpened(string regulator) => new(regulator, "US", null, Day("2026-03-01"), Wsj("2026-03-01"));

    private static DealCompleted Completed() => new(null, Day("2026-02-28"), null, Day("2026-02-28"), Company);

    private static Deal Agreed => Given(Opened(), Proposed(), Announced());

    [Fact]
    public void an_agreement_checks_its_amount_summary_and_source_and_obeys_the_deals_state()
    {
        var deal = Given(Opened(), Proposed());

        ThenRefused(AnnounceAgreementEndpoint.Validate(new AnnounceAgreement(Company, Amount: Usd(0m)), deal, Now), 400, "amount.value");
        ThenRefused(AnnounceAgreementEndpoint.Validate(new AnnounceAgreement(Company, Summary: Text(TextLimits.Paragraphs + 1)), deal, Now), 400, "summary");
        ThenRefused(AnnounceAgreementEndpoint.Validate(new AnnounceAgreement(NoPublication), deal, Now), 400, "source.publication");
        ThenAccepted(AnnounceAgreementEndpoint.Validate(new AnnounceAgreement(Company, Summary: Text(TextLimits.Paragraphs)), deal, Now));
        ThenConflict(AnnounceAgreementEndpoint.Validate(new AnnounceAgreement(Company, ExpectedVersion: 1), deal, Now), 2);
    }

    [Fact]
    public void a_refused_agreement_names_whether_it_was_announced_or_signed()
    {
        var completed = Given(Opened(), Proposed(), Completed());

        ThenConflict(AnnounceAgreementEndpoint.Validate(new AnnounceAgreement(Wsj("2026-03-01"), AgreementStage.Signed), completed, Now), 3,
            AfterFinal("completed", "have an agreement signed", "2026-02-28"));
        ThenConflict(AnnounceAgreementEndpoint.Validate(new AnnounceAgreement(Wsj("2026-03-01")), completed, Now), 3,
            AfterFinal("completed", "have an agreement announced", "2026-02-28"));
    }

    [Fact]
    public void an_agreement_records_its_tranches_or_none()
    {
        Tranche[] tranches = [new(Usd(5m)), new(Usd(5m), "an IPO")];

        ThenEvent(new AgreementAnnounced(Usd(10m), tranches, null, Day("2026-02-27"), Company),
            AnnounceAgreementEndpoint.Decide(new AnnounceAgreement(Company, Amount: Usd(10m), Tranches: tranches)));
        ThenEvent(new AgreementAnnounced(null, [], null, Day("2026-02-27"), Company), AnnounceAgreementEndpoint.Decide(new AnnounceAgreement(Company)));
    }

    [Fact]
    public void a_completion_checks_its_final_amount_date_summary_and_source_and_obeys_the_deals_state()
    {
        ThenRefused(CompleteDealEndpoint.Validate(new CompleteDeal(Company, FinalAmount: Usd(0m)), Agreed, Now), 400, "finalAmount.value");
        ThenRefused(CompleteDealEndpoint.Validate(new CompleteDeal(Company, CompletedOn: DayAfterTomorrow), Agreed, Now), 400, "completedOn");
        ThenRefused(CompleteDealEndpoint.Validate(new CompleteDeal(Company, Summary: Text(TextLimits.Paragraphs + 1)), Agreed, Now), 400, "summary");
        ThenRefused(CompleteDealEndpoint.Validate(new CompleteDeal(NoPublication), Agreed, Now), 400, "source.publication");
        ThenAccepted(CompleteDealEndpoint.Validate(new CompleteDeal(Company, Usd(1m), Tomorrow, Text(TextLimits.Paragraphs)), Agreed, Now));
        ThenConflict(CompleteDealEndpoint.Validate(new CompleteDeal(Company, ExpectedVersion: 1), Agreed, Now), 3);
    }

    [Fact]
    public void a_completion_happened_when_given_else_when_it_completed_else_when_the_source_published()
    {
        var source = Wsj("2026-03-01");

        Assert.Equal((Day("2026-02-20"), Day("2026-02-25")),
            Dates(CompleteDealEndpoint.Decide(new CompleteDeal(source, CompletedOn: Day("2026-02-25"), OccurredOn: Day("2026-02-20")))));
        Assert.Equal((Day("2026-02-25"), Day("2026-02-25")), Dates(CompleteDealEndpoint.Decide(new CompleteDeal(source, CompletedOn: Day("2026-02-25")))));
        Assert.Equal((Day("2026-02-20"), Day("2026-02-20")), Dates(CompleteDealEndpoint.Decide(new CompleteDeal(source, OccurredOn: Day("2026-02-20")))));
        Assert.Equal((Day("2026-03-01"), Day("2026-03-01")), Dates(CompleteDealEndpoint.Decide(new CompleteDeal(source))));

        static (DateOnly OccurredOn, DateOnly CompletedOn) Dates(DealCompleted e) => (e.OccurredOn, e.CompletedOn);
    }

    [Fact]
    public void opening_a_review_checks_the_regulator_jurisdiction_summary_and_source_and_obeys_the_deals_state()
    {
        OpenReview Review(string regulator = "FTC", string jurisdiction = "US", string? summary = null, Source? source = null, long? expected = null) =>
            new(regulator, jurisdiction, source ?? Wsj("2026-03-01"), summary, ExpectedVersion: expected);

        ThenRefused(OpenReviewEndpoint.Validate(Review(regulator: " "), Agreed, Now), 400, "regulator");
        ThenRefused(OpenReviewEndpoint.Validate(Review(jurisdiction: " "), Agreed, Now), 400, "jurisdiction");
        ThenRefused(OpenReviewEndpoint.Validate(Review(summary: Text(TextLimits.Paragraphs + 1)), Agreed, Now), 400, "summary");
        ThenRefused(OpenReviewEndpoint.Validate(Review(source: NoPublication), Agreed, Now), 400, "source.publication");
        ThenAccepted(OpenReviewEndpoint.Validate(Review(), Agreed, Now));
        ThenConflict(OpenReviewEndpoint.Validate(Review(expected: 1), Agreed, Now), 3);
        ThenEvent(new RegulatoryReviewOpened("FTC", "US", null, Day("2026-03-01"), Wsj("2026-03-01")), OpenReviewEndpoint.Decide(Review(" FTC ", " US ")));
    }

    [Fact]
    public void concluding_a_review_checks_the_regulator_conditions_and_source()
    {
        var underReview = Given(Opened(), Proposed(), Announced(), ReviewOpened("FTC"));
        ConcludeReview Conclusion(string regulator = "FTC", string? conditions = null, Source? source = null) =>
            new(regulator, ReviewOutcome.ClearedWithConditions, source ?? Wsj("2026-03-01"), conditions);

        ThenRefused(ConcludeReviewEndpoint.Validate(Conclusion(regulator: " "), underReview, Now), 400, "regulator");
        ThenRefused(ConcludeReviewEndpoint.Validate(Conclusion(conditions: Text(TextLimits.Paragraphs + 1)), underReview, Now), 400, "conditions");
        ThenRefused(ConcludeReviewEndpoint.Validate(Conclusion(source: NoPublication), underReview, Now), 400, "source.publication");
        ThenAccepted(ConcludeReviewEndpoint.Validate(Conclusion(conditions: Text(TextLimits.Paragraphs)), underReview, Now));
    }

    [Fact]
    public void a_regulator_whose_review_is_concluded_has_nothing_to_conclude_while_another_regulator_still_reviews()
    {
        var deal = Given(Opened(), Proposed(), Announced(), ReviewOpened("FTC"), ReviewOpened("European Commission"),
            new RegulatoryReviewConcluded("FTC", ReviewOutcome.Cleared, null, Day("2026-03-01"), Wsj("2026-03-01")));

        ThenConflict(ConcludeReviewEndpoint.Validate(new ConcludeReview("FTC", ReviewOutcome.Cleared, Wsj("2026-03-02")), deal, Now), 6);
    }

    [Fact]
    public void a_block_is_a_final_ending_that_cannot_come_before_the_latest_move_but_a_clearance_sorts_into_place()
    {
        var talksAfterReview = TalksAgain() with { OccurredOn = Day("2026-03-05"), Source = Wsj("2026-03-05") };
        var deal = Given(Opened(), Proposed(), Announced(), ReviewOpened("FTC"), talksAfterReview);

        ThenConflict(ConcludeReviewEndpoint.Validate(new ConcludeReview("FTC", ReviewOutcome.Blocked, Wsj("2026-03-02")), deal, Now), 5);
        ThenAccepted(ConcludeReviewEndpoint.Validate(new ConcludeReview("FTC", ReviewOutcome.Cleared, Wsj("2026-03-02")), deal, Now));
    }

    [Fact]
    public void raising_a_question_checks_its_text_and_source_and_obeys_the_deals_state()
    {
        var deal = Given(Opened(), Proposed());

        ThenRefused(RaiseQuestionEndpoint.Validate(new RaiseQuestion(QuestionTopic.Governance, " ", Wsj()), deal, Now), 400, "text");
        ThenRefused(RaiseQuestionEndpoint.Validate(new RaiseQuestion(QuestionTopic.Governance, "Who?", NoPublication), deal, Now), 400, "source.publication");
        ThenAccepted(RaiseQuestionEndpoint.Validate(new RaiseQuestion(QuestionTopic.Governance, "Who?", Wsj()), deal, Now));
        ThenConflict(RaiseQuestionEndpoint.Validate(new RaiseQuestion(QuestionTopic.Governance, "Who?", Wsj(), ExpectedVersion: 1), deal, Now), 2);
    }

    [Fact]
    public void a_raised_question_answers_with_the_deals_next_version_and_the_questions_id()
    {
        var deal = Given(Opened(), Proposed());

        var (recorded, events) = RaiseQuestionEndpoint.Post(new RaiseQuestion(QuestionTopic.Governance, " Who? ", Wsj()), deal);

        var raised = Assert.IsType<QuestionRaised>(Assert.Single(events));
        Assert.Equal(new QuestionRecorded(DealId, 3, raised.QuestionId), recorded);
        ThenEvent(new QuestionRaised(raised.QuestionId, QuestionTopic.Governance, "Who?", Day("2026-01-29"), Wsj()), raised);
    }

    [Fact]
    public void answering_checks_the_answer_and_source_and_an_answer_may_come_the_day_the_question_was_raised()
    {
        var deal = Given(Opened(), new QuestionRaised(QuestionId, QuestionTopic.Governance, "Who?", Day("2026-01-10"), Wsj("2026-01-10")));

        ThenRefused(AnswerQuestionEndpoint.Validate(new AnswerQuestion(QuestionId, " ", Wsj("2026-01-10")), deal, Now), 400, "answer");
        ThenRefused(AnswerQuestionEndpoint.Validate(new AnswerQuestion(QuestionId, "Amazon", NoPublication), deal, Now), 400, "source.publication");
        ThenAccepted(AnswerQuestionEndpoint.Validate(new AnswerQuestion(QuestionId, "Amazon", Wsj("2026-01-10")), deal, Now));
        ThenConflict(AnswerQuestionEndpoint.Validate(new AnswerQuestion(QuestionId, "Amazon", Wsj("2026-01-09")), deal, Now), 2);
    }

    [Fact]
    public void a_response_checks_the_party_statement_and_source_and_obeys_the_deals_state()
    {
        var deal = Given(Opened(), Proposed());
        RecordResponse Response(string party = "Amazon", string? statement = null, Source? source = null, long? expected = null) =>
            new(party, PartyResponse.Denied, source ?? Wsj(), 2, statement, ExpectedVersion: expected);

        ThenRefused(RecordResponseEndpoint.Validate(Response(party: " "), deal, Wrap(Proposed(), 2), Now), 400, "party");
        ThenRefused(RecordResponseEndpoint.Validate(Response(statement: Text(TextLimits.Paragraphs + 1)), deal, Wrap(Proposed(), 2), Now), 400, "statement");
        ThenRefused(RecordResponseEndpoint.Validate(Response(source: NoPublication), deal, Wrap(Proposed(), 2), Now), 400, "source.publication");
        ThenAccepted(RecordResponseEndpoint.Validate(Response(statement: Text(TextLimits.Paragraphs)), deal, Wrap(Proposed(), 2), Now));
        ThenConflict(RecordResponseEndpoint.Validate(Response(expected: 1), deal, Wrap(Proposed(), 2), Now), 2);
    }

    [Fact]
    public void a_funding_checks_its_amount_and_source_and_may_come_the_day_of_the_agreement()
    {
        ThenRefused(FundTrancheEndpoint.Validate(new FundTranche(1, Company, Usd(0m)), Agreed, Now), 400, "amount.value");
        ThenRefused(FundTrancheEndpoint.Validate(new FundTranche(1, NoPublication), Agreed, Now), 400, "source.publication");
        ThenAccepted(FundTrancheEndpoint.Validate(new FundTranche(1, Company, Usd(1m)), Agreed, Now));
    }

    [Fact]
    public void a_new_deal_starts_its_own_stream_with_the_report_as_version_one()
    {
        var command = new ReportNewDeal(" Amazon invests in OpenAI ", DealKind.Investment,
            [new Party("Amazon", PartyRole.Investor), new Party("OpenAI", PartyRole.Target)], Wsj("2025-12-16"), Amount: Usd(10_000_000_000m, AmountQualifier.AtLeast));

        var (opened, start) = ReportNewDealEndpoint.Post(command);

        Assert.Equal(1, opened.Version);
        Assert.Equal(opened.Id, start.StreamId);
        ThenEvent(ReportNewDealEndpoint.Decide(command), Assert.Single(start.Events));
    }
}
