using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

namespace Negotiations.Deals;

/// <summary>
/// Keeps <see cref="Deal"/> inline. A report that happened no earlier than anything already known is applied on
/// top of the stored document; a correction, a retraction or a report recorded late changes what came before it, so
/// the document is folded again from the stream (<see cref="DealTimeline.Fold"/>) — rare, and one indexed read.
/// </summary>
public sealed class DealProjection : SingleStreamProjection<Deal, Guid>
{
    // Stryker disable all : a database read; the API tests cover it, the unit tier (scripts/mutation.sh) cannot reach it
    public override async ValueTask<Deal?> EvolveAsync(
        Deal? snapshot, Guid id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        if (InOrder(snapshot, e) is { } applied)
        {
            return applied;
        }

        // Events committed before this one; this one is not in the database yet (inline) or is replayed (rebuild).
        var earlier = e.Version > 1 ? await session.Events.FetchStreamAsync(id, e.Version - 1, token: cancellation) : [];
        return DealTimeline.Fold(id, [.. earlier, e]) ?? snapshot;
    }
    // Stryker restore all

    /// <summary>
    /// The fast path: the document after <paramref name="e"/> when it can be applied on top (it sorts after everything
    /// already known and changes no earlier report), else null. Must always equal the full fold; a test holds it to that.
    /// </summary>
    public static Deal? InOrder(Deal? snapshot, IEvent e) =>
        snapshot is not null && e.Data is IDealEvent report and not ReportRetracted && report.OccurredOn >= snapshot.LastActivityOn
            ? snapshot.After(report) with { Version = e.Version }
            : null;
}
