using JasperFx.Events;
using Negotiations.Infrastructure;

namespace Negotiations.Deals;

/// <summary>
/// Keeps <see cref="Deal"/> inline. A report that happened no earlier than anything already known is applied on
/// top of the stored document; a correction, a retraction or a report recorded late changes what came before it, so
/// the document is folded again from the stream (<see cref="DealTimeline.Fold"/>) — rare, and one indexed read.
/// </summary>
public sealed class DealProjection : TimelineProjection<Deal>
{
    public override bool Concerns(IEvent e) => DealEventTypes.Names.ContainsKey(e.EventType);

    public override Deal? Fold(Guid id, IReadOnlyList<IEvent> events) => DealTimeline.Fold(id, events);

    /// <summary>
    /// The fast path: the document after <paramref name="e"/> when it can be applied on top (it sorts after everything
    /// already known and changes no earlier report), else null. Must always equal the full fold; a test holds it to that.
    /// </summary>
    public override Deal? InOrder(Deal? snapshot, IEvent e) =>
        snapshot is not null && e.Data is IDealEvent report and not ReportRetracted && report.OccurredOn >= snapshot.LastActivityOn
            ? snapshot.After(report) with { Version = e.Version }
            : null;
}
