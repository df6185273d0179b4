using Negotiations.Deals;
using Negotiations.Deals.GettingClaims;
using Negotiations.Deals.Questions;
using Negotiations.Deals.Responding;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.Lifecycle;

public class QuestionsAndResponsesTests
{
    private static readonly Guid BoardSeat = Guid.Parse("0199a7b6-0000-7000-8000-00000000b0a4");

    private static QuestionRaised Raised() =>
        new(BoardSeat, QuestionTopic.Governance, "Will Amazon get a board seat?", Day("2026-01-29"), Wsj());

    private static QuestionAnswered Answered() => new(BoardSeat, "No board seat; an observer", Day("2026-02-27"), Wsj("2026-02-27"));

    [Fact]
    public void a_raised_question_is_open_and_an_answer_closes_it_with_its_source()
    {
        Assert.Equal(
            new DealQuestion(BoardSeat, QuestionTopic.Governance, "Will Amazon get a board seat?", Day("2026-01-29"), Wsj()),
            Given(Opened(), Raised()).Questions.Single());
        Assert.Equal(
            new DealQuestion(BoardSeat, QuestionTopic.Governance, "Will Amazon get a board seat?", Day("2026-01-29"), Wsj(),
                QuestionState.Answered, "No board seat; an observer", Day("2026-02-27"), Wsj("2026-02-27")),
            Given(Opened(), Raised(), Answered()).Questions.Single());
    }

    [Fact]
    public void retracting_the_answer_reopens_the_question()
    {
        var deal = Given(Opened(), Raised(), Answered(), new ReportRetracted(3, "the article was wrong", Day("2026-02-28"), Wsj("2026-02-28")));

        Assert.Equal(QuestionState.Open, deal.Questions.Single().State);
    }

    [Fact]
    public void questions_are_commentary_taken_on_any_deal_and_do_not_move_it()
    {
        var closed = Given(Opened(), Proposed(), Closed());

        ThenAccepted(RaiseQuestionEndpoint.Validate(new RaiseQuestion(QuestionTopic.Regulatory, "Antitrust review?", Wsj("2026-03-01")), closed, Now));
        Assert.Equal((DealStatus.Closed, Day("2026-02-27")), (Given(Opened(), Proposed(), Closed(), Raised()).Status, closed.LastMoveOn!.Value));
    }

    [Fact]
    public void an_answer_needs_a_known_open_question_dated_no_earlier_than_it()
    {
        var open = Given(Opened(), Raised());

        ThenAccepted(AnswerQuestionEndpoint.Validate(new AnswerQuestion(BoardSeat, "No", Wsj("2026-02-27")), open, Now));
        ThenRefused(AnswerQuestionEndpoint.Validate(new AnswerQuestion(Guid.NewGuid(), "No", Wsj("2026-02-27")), open, Now), 400, "questionId");
        ThenConflict(AnswerQuestionEndpoint.Validate(new AnswerQuestion(BoardSeat, "No", Wsj("2026-01-01")), open, Now), 2);
        ThenConflict(AnswerQuestionEndpoint.Validate(new AnswerQuestion(BoardSeat, "No", Wsj("2026-02-28")), Given(Opened(), Raised(), Answered()), Now), 3);
    }

    [Fact]
    public void a_response_names_a_party_of_the_deal_and_a_report()
    {
        var deal = Given(Opened(), Proposed());
        var proposed = Wrap(Proposed(), 2);

        ThenAccepted(RecordResponseEndpoint.Validate(new RecordResponse("amazon", PartyResponse.DeclinedToComment, Wsj(), 2), deal, proposed, Now));
        ThenRefused(RecordResponseEndpoint.Validate(new RecordResponse("Microsoft", PartyResponse.Denied, Wsj(), 2), deal, proposed, Now), 400, "party");
        ThenRefused(RecordResponseEndpoint.Validate(new RecordResponse("Amazon", PartyResponse.Denied, Wsj(), 9), deal, null, Now), 400, "respondsToVersion");
    }

    [Fact]
    public void responses_show_next_to_the_claim_they_answer_and_a_denial_does_not_delete_it()
    {
        var events = new object[]
        {
            Opened(), Proposed(),
            new PartyResponded("Amazon", PartyResponse.DeclinedToComment, 2, null, Day("2026-01-29"), Wsj()),
            new PartyResponded("OpenAI", PartyResponse.Denied, 2, "No such talks", Day("2026-01-30"), Wsj("2026-01-30")),
        }.Select((data, index) => Wrap(data, index + 1)).ToList();

        var claim = DealClaims.From(DealId, events)!.Fields.Amount.Claims[1];

        Assert.False(claim.Retracted);
        Assert.False(claim.Confirmed);
        Assert.Equal(
            [new ClaimResponse(3, "Amazon", PartyResponse.DeclinedToComment, Day("2026-01-29"), "Wall Street Journal"),
             new ClaimResponse(4, "OpenAI", PartyResponse.Denied, Day("2026-01-30"), "Wall Street Journal")],
            claim.Responses);
        Assert.EndsWith("up to $50B (2026-01-29, declined to comment by Amazon, denied by OpenAI)", DealClaims.From(DealId, events)!.Fields.Amount.Summary);
    }

    [Fact]
    public void a_confirmation_by_a_party_marks_the_claim_confirmed()
    {
        var events = new object[] { Opened(), Proposed(), new PartyResponded("OpenAI", PartyResponse.Confirmed, 2, null, Day("2026-01-30"), Wsj("2026-01-30")) }
            .Select((data, index) => Wrap(data, index + 1)).ToList();

        var claims = DealClaims.From(DealId, events)!.Fields.Amount;

        Assert.Equal([false, true], claims.Claims.Select(c => c.Confirmed));
        Assert.EndsWith("up to $50B (2026-01-29, confirmed by OpenAI)", claims.Summary);
    }

    [Fact]
    public void a_relayed_report_names_the_publication_it_cites()
    {
        var relayed = new TalksReported(null, null, [], null, Usd(50_000_000_000m, AmountQualifier.UpTo), null, Day("2026-01-30"),
            new Source("Reuters", Day("2026-01-30"), Attribution.AnonymousSource, Relays: "Wall Street Journal"));
        var events = new object[] { Opened(), relayed }.Select((data, index) => Wrap(data, index + 1)).ToList();

        var claims = DealClaims.From(DealId, events)!.Fields.Amount;

        Assert.Equal("Wall Street Journal", claims.Claims[1].Relays);
        Assert.EndsWith("Reuters (citing Wall Street Journal) up to $50B (2026-01-30)", claims.Summary);
    }
}
