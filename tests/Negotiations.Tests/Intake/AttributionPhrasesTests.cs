using Negotiations.Deals;
using Xunit;

namespace Negotiations.Tests.Intake;

public class AttributionPhrasesTests
{
    private const string Report = "Amazon is in talks to invest $10 billion in OpenAI";

    [Theory]
    [InlineData(", according to people familiar with the matter.", Attribution.AnonymousSource)]
    [InlineData(", a person briefed on the plans said.", Attribution.AnonymousSource)]
    [InlineData(", said two people with knowledge of the discussions.", Attribution.AnonymousSource)]
    [InlineData(", Amazon's chief executive, Andy Jassy, said on Tuesday.", Attribution.NamedSource)]
    [InlineData(", the company said in a statement.", Attribution.CompanyStatement)]
    [InlineData(", OpenAI said in a blog post.", Attribution.CompanyStatement)]
    [InlineData(", according to a regulatory filing.", Attribution.RegulatoryFiling)]
    [InlineData(".", Attribution.Unattributed)]
    public void the_attribution_is_read_from_the_sentence(string ending, Attribution attribution) =>
        Assert.Equal(attribution, Given.One(Report + ending).Source.Attribution);

    [Theory]
    [InlineData(", Bloomberg News reported.", "Bloomberg News", Attribution.Unattributed)]
    [InlineData(", The Information reported, citing two people familiar with the talks.", "The Information", Attribution.AnonymousSource)]
    [InlineData(", according to the Wall Street Journal.", "Wall Street Journal", Attribution.Unattributed)]
    [InlineData(", as first reported by the Financial Times.", "Financial Times", Attribution.Unattributed)]
    public void a_relayed_report_names_the_outlet(string ending, string outlet, Attribution attribution)
    {
        var source = Given.One(Report + ending).Source;

        Assert.Equal((outlet, attribution), (source.Relays, source.Attribution));
    }

    [Fact]
    public void the_source_is_the_documents_and_the_quote_is_the_sentence()
    {
        const string text = "Markets were calm.\nAmazon is in talks to invest $10 billion in OpenAI. The talks are early.";
        var candidate = Assert.Single(Given.Text(text, "Wall Street Journal", "https://example.com/a"));

        Assert.Equal(new Source("Wall Street Journal", Given.PublishedOn, Attribution.Unattributed, "https://example.com/a"), candidate.Source);
        Assert.Equal("Amazon is in talks to invest $10 billion in OpenAI.", text.Substring(candidate.Quote.Start, candidate.Quote.Length));
    }
}
