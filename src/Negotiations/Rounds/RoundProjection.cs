using JasperFx.Events;
using Negotiations.Infrastructure;

namespace Negotiations.Rounds;

/// <summary>
/// The rounds' async view (<see cref="Round"/> documents, run by the daemon): what the round list and the round book read,
/// and the state a write to a round decides on (folded live from the locked stream). A report that happened no earlier
/// than anything already known is applied on top; one recorded late is folded again (<see cref="RoundTimeline"/>).
/// </summary>
public sealed class RoundProjection : TimelineProjection<Round>
{
    public override bool Concerns(IEvent e) => RoundEventTypes.Names.ContainsKey(e.EventType);

    public override Round? Fold(Guid id, IReadOnlyList<IEvent> events) => RoundTimeline.Fold(id, events);

    /// <summary>The document after <paramref name="e"/> when it sorts after everything known, else null. Must equal the full fold.</summary>
    public override Round? InOrder(Round? snapshot, IEvent e) =>
        snapshot is not null && e.Data is IRoundEvent report and not RoundReported && report.OccurredOn >= snapshot.LastActivityOn
            ? snapshot.After(report) with { Version = e.Version, LastActivityOn = report.OccurredOn }
            : null;
}
