using JasperFx.Events;
using Marten;

namespace Negotiations.Deals;

/// <summary>
/// For async views computed again per deal (search, sources): the deals a batch of events touches, each with all its
/// events up to the batch's last one, in version order. The daemon hands a view every event in sequence order, so a
/// deal's events up to the batch's last are its events up to its highest version in the batch: the cached ones before
/// the batch plus the batch's own (<see cref="DealEventCache"/>, shared by both views). Deals the cache cannot answer
/// for are read from the database, all in one query, and kept for the next batch.
/// </summary>
public static class TouchedDeals
{
    public static async Task<IReadOnlyList<(Guid Id, IReadOnlyCollection<IEvent> Events)>> ReadAsync(
        IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var deals = events.Where(e => DealEventTypes.Names.ContainsKey(e.EventType)).Select(e => e.StreamId).ToHashSet();
        if (deals.Count == 0)
        {
            return [];
        }

        var cache = DealEventCache.Of(operations.DocumentStore);
        var touched = new List<(Guid Id, IReadOnlyCollection<IEvent> Events)>(deals.Count);
        var missed = new List<Guid>();
        foreach (var batch in events.Where(e => deals.Contains(e.StreamId)).GroupBy(e => e.StreamId))
        {
            if (cache.TryCompose(batch.Key, [.. batch.OrderBy(e => e.Version)]) is { } known)
            {
                touched.Add((batch.Key, known));
            }
            else
            {
                missed.Add(batch.Key);
            }
        }

        if (missed.Count == 0)
        {
            return touched;
        }

        var upTo = events.Max(e => e.Sequence);
        var ids = missed.ToArray();
        var streams = await operations.Events.QueryAllRawEvents()
            .Where(e => ids.Contains(e.StreamId) && e.Sequence <= upTo)
            .ToListAsync(cancellation);
        foreach (var stream in streams.GroupBy(e => e.StreamId))
        {
            IEvent[] read = [.. stream.OrderBy(e => e.Version)];
            cache.Store(stream.Key, read);
            touched.Add((stream.Key, read));
        }

        return touched;
    }
}
