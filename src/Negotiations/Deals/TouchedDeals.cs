using JasperFx.Events;
using Marten;

namespace Negotiations.Deals;

/// <summary>
/// For async views computed again per deal (search, sources): the deals a batch of events touches, each with all its
/// events up to the batch's last one, in version order. One read for the whole batch.
/// </summary>
public static class TouchedDeals
{
    public static async Task<IReadOnlyList<(Guid Id, IReadOnlyCollection<IEvent> Events)>> ReadAsync(
        IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var deals = events.Where(e => DealEventTypes.Names.ContainsKey(e.EventType)).Select(e => e.StreamId).Distinct().ToArray();
        if (deals.Length == 0)
        {
            return [];
        }

        var upTo = events.Max(e => e.Sequence);
        var streams = await operations.Events.QueryAllRawEvents()
            .Where(e => deals.Contains(e.StreamId) && e.Sequence <= upTo)
            .ToListAsync(cancellation);
        return [.. streams.GroupBy(e => e.StreamId).Select(stream => (stream.Key, (IReadOnlyCollection<IEvent>)[.. stream.OrderBy(e => e.Version)]))];
    }
}
