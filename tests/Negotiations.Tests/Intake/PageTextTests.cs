using Negotiations.Intake.Fetching;
using Xunit;

namespace Negotiations.Tests.Intake;

public class PageTextTests
{
    private const string Html = """
        <html><head><title>Amazon in talks | The Wire</title>
        <meta property="og:site_name" content="The Wire"><meta property="article:published_time" content="2026-01-29T08:00:00Z">
        <script>var tracking = "Amazon will buy everything for $1 trillion";</script><style>p { color: red }</style></head>
        <body><nav><a href="/">Home</a> <a href="/deals">Deals</a></nav><header>Subscribe now</header>
        <article><h1>Amazon in talks to invest in OpenAI</h1>
        <p>Amazon is in talks to invest as much as $50 billion in OpenAI,
           according to people familiar with the matter.</p>
        <aside>Related: Microsoft's $13 billion bet</aside>
        <p>Amazon declined to comment.</p></article>
        <footer>© The Wire. Shares of Amazon rose 2%.</footer></body></html>
        """;

    [Fact]
    public void a_page_is_reduced_to_its_articles_headings_and_paragraphs()
    {
        var page = PageText.FromHtml(Html);

        Assert.Equal(
            "Amazon in talks to invest in OpenAI\nAmazon is in talks to invest as much as $50 billion in OpenAI, according to people familiar with the matter.\nAmazon declined to comment.",
            page.Text);
        Assert.Equal(("Amazon in talks | The Wire", "The Wire", new DateOnly(2026, 1, 29)), (page.Title, page.SiteName, page.PublishedOn));
    }

    [Fact]
    public void a_page_without_an_article_reads_its_body()
    {
        var page = PageText.FromHtml("<html><body><div>Salesforce is in talks to acquire Informatica.</div><footer>Contact</footer></body></html>");

        Assert.Equal(("Salesforce is in talks to acquire Informatica.", (string?)null, (DateOnly?)null), (page.Text, page.Title, page.PublishedOn));
    }
}
