using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Intake.Archiving;
using Negotiations.Intake.Extraction;
using Negotiations.Intake.Fetching;

namespace Negotiations.Intake.Feeds;

/// <summary>Poll the feeds followed (or one): archive each entry not archived before, its page fetched under the fetch rules.</summary>
public sealed record PollFeeds(Guid? Feed = null);

/// <summary>What a poll archived: documents new and known, and entries that could not be had.</summary>
public sealed record FeedsPolled(int Feeds, int Archived, int Known, int Failed);

public static class PollFeedsHandler
{
    public static async Task<FeedsPolled> Handle(PollFeeds command, IDocumentSession session, PageFetcher fetcher, ICandidateExtractor extractor,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var feeds = command.Feed is { } one
            ? await session.Query<IntakeFeed>().Where(f => f.Id == one).ToListAsync(cancellationToken)
            : await session.Query<IntakeFeed>().ToListAsync(cancellationToken);
        var (archived, known, failed) = (0, 0, 0);
        foreach (var feed in feeds)
        {
            var now = clock.GetUtcNow();
            var (xml, problem) = await fetcher.FetchFeedAsync(new Uri(feed.Url), cancellationToken);
            var items = xml is null ? null : FeedItems.Parse(xml);
            if (items is null)
            {
                session.Store(feed with { PolledAt = now, LastProblem = Said(problem) ?? "The feed is not RSS or Atom." });
                await session.SaveChangesAsync(cancellationToken);
                failed++;
                continue;
            }

            var seen = new List<string>(feed.Seen ?? []);
            foreach (var item in items.Where(i => !seen.Contains(i.Link, StringComparer.Ordinal)))
            {
                var (page, _) = await ArchiveDocumentEndpoint.FetchAsync(item.Link, feed.Publication, item.PublishedOn, item.Title, fetcher, now, cancellationToken);
                if (page is null)
                {
                    failed++;
                    continue;
                }

                var (_, created) = await ArchiveDocumentEndpoint.StoreAsync(page, session, extractor, now, cancellationToken);
                (archived, known) = created ? (archived + 1, known) : (archived, known + 1);
                seen.Add(item.Link);
            }

            session.Store(feed with { PolledAt = now, LastProblem = null, Seen = [.. seen.TakeLast(IntakeFeed.MaxSeen)] });
            await session.SaveChangesAsync(cancellationToken);
        }

        return new FeedsPolled(feeds.Count, archived, known, failed);
    }

    private static string? Said(ProblemDetails? problem) =>
        problem is ValidationProblemDetails validation ? validation.Errors.Values.SelectMany(m => m).FirstOrDefault() : problem?.Detail;
}
