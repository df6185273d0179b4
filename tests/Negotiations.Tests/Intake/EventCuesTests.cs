using Negotiations.Deals;
using Xunit;

namespace Negotiations.Tests.Intake;

public class EventCuesTests
{
    [Theory]
    [InlineData("Salesforce is in talks to acquire Informatica for about $11 billion.", "talks_reported")]
    [InlineData("Apollo has offered £3.1 billion for Harrowgate Stores.", "terms_proposed")]
    [InlineData("Synopsys signed a definitive agreement to acquire Ansys for $35 billion.", "agreement_announced")]
    [InlineData("Amazon will invest $50 billion in OpenAI, the companies said in a joint statement.", "agreement_announced")]
    [InlineData("Home Depot lowered its offer for Foundation Building Materials to $8.5 billion.", "stake_revised")]
    [InlineData("Pfizer has walked away from talks to acquire Vantage Biotherapeutics.", "deal_abandoned")]
    [InlineData("The Federal Trade Commission opened an antitrust investigation into Microsoft's $13 billion investment in OpenAI.", "regulatory_review_opened")]
    public void the_verbs_name_the_event(string text, string eventType) => Assert.Equal(eventType, Given.One(text).EventType);

    [Theory]
    [InlineData("Amazon declined to comment.", PartyResponse.DeclinedToComment, Attribution.Unattributed)]
    [InlineData("Amazon did not immediately respond to a request for comment.", PartyResponse.NoResponse, Attribution.Unattributed)]
    [InlineData("Amazon denied the report.", PartyResponse.Denied, Attribution.CompanyStatement)]
    [InlineData("A spokesperson for Amazon said the company was not in talks with OpenAI.", PartyResponse.Denied, Attribution.CompanyStatement)]
    [InlineData("Amazon confirmed the talks on Monday.", PartyResponse.Confirmed, Attribution.CompanyStatement)]
    public void an_answer_in_the_passage_is_a_party_response(string answer, PartyResponse response, Attribution attribution)
    {
        var candidates = Given.Text("Amazon is in talks to invest $10 billion in OpenAI, Reuters reported. " + answer);

        Assert.Equal(2, candidates.Count);
        var responded = candidates[1];
        Assert.Equal(("party_responded", response, attribution, "Amazon", PartyRole.Investor),
            (responded.EventType, responded.Response!.Value, responded.Source.Attribution, responded.Parties.Single().Name, responded.Parties.Single().Role));
    }

    [Fact]
    public void an_answer_without_a_deal_in_the_passage_is_no_candidate() => Assert.Empty(Given.Text("Amazon declined to comment."));
}
