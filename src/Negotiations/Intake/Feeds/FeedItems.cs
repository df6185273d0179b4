using System.ServiceModel.Syndication;
using System.Xml;

namespace Negotiations.Intake.Feeds;

/// <summary>One entry of a feed: the article's link, and what the feed says of it.</summary>
public sealed record FeedItem(string Link, string? Title, DateOnly? PublishedOn, string? Summary);

/// <summary>An RSS 2.0 or Atom 1.0 feed's entries, newest first as the feed lists them. Pure; no DTDs (no external entities).</summary>
public static class FeedItems
{
    public const int MaxItems = 100;

    public static IReadOnlyList<FeedItem>? Parse(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 10_000_000 };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            var feed = SyndicationFeed.Load(reader);
            return [.. feed.Items
                .Select(item => (Item: item, Link: item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri ?? item.BaseUri))
                .Where(x => x.Link is { IsAbsoluteUri: true })
                .Take(MaxItems)
                .Select(x => new FeedItem(x.Link!.ToString(), x.Item.Title?.Text,
                    Day(x.Item.PublishDate) ?? Day(x.Item.LastUpdatedTime), x.Item.Summary?.Text))];
        }
        catch (Exception e) when (e is XmlException or InvalidOperationException)
        {
            return null;
        }
    }

    private static DateOnly? Day(DateTimeOffset instant) => instant == default ? null : DateOnly.FromDateTime(instant.UtcDateTime);
}
