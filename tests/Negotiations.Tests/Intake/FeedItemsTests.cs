using Negotiations.Intake.Feeds;
using Xunit;

namespace Negotiations.Tests.Intake;

public class FeedItemsTests
{
    [Fact]
    public void an_rss_feed_lists_its_entries_links_titles_and_days()
    {
        const string rss = """
            <?xml version="1.0"?>
            <rss version="2.0"><channel><title>The Wire</title><link>https://wire.example/</link><description>Deals</description>
            <item><title>Amazon in talks with OpenAI</title><link>https://wire.example/a</link><pubDate>Thu, 29 Jan 2026 08:00:00 GMT</pubDate></item>
            <item><title>No link</title></item>
            </channel></rss>
            """;

        Assert.Equal([new FeedItem("https://wire.example/a", "Amazon in talks with OpenAI", new DateOnly(2026, 1, 29), null)], FeedItems.Parse(rss));
    }

    [Fact]
    public void an_atom_feed_lists_its_entries()
    {
        const string atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>The Wire</title><id>urn:wire</id><updated>2026-01-29T08:00:00Z</updated>
            <entry><title>Salesforce to buy Informatica</title><id>urn:1</id><link href="https://wire.example/b"/>
            <updated>2026-01-30T09:00:00Z</updated><summary>About $11 billion.</summary></entry></feed>
            """;

        Assert.Equal([new FeedItem("https://wire.example/b", "Salesforce to buy Informatica", new DateOnly(2026, 1, 30), "About $11 billion.")], FeedItems.Parse(atom));
    }

    [Theory]
    [InlineData("<html><body>not a feed</body></html>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&x;</title></channel></rss>")]
    public void what_is_not_a_feed_or_declares_entities_is_no_feed(string xml) => Assert.Null(FeedItems.Parse(xml));
}
