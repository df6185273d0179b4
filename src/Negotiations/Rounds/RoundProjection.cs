using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

namespace Negotiations.Rounds;

/// <summary>
/// The rounds' async view (<see cref="Round"/> documents, run by the daemon): what the round list and the round book read.
/// A report that happened no earlier than anything already known is applied on top; one recorded late is folded again
/// from the stream (<see cref="RoundTimeline.Fold(Guid, IReadOnlyCollection{IEvent}, DateOnly?)"/>), as the deals' projection does.
/// </summary>
public sealed class RoundProjection : SingleStreamProjection<Round, Guid>
{
    // Stryker disable all : a database read; the API tests cover it
    public override async ValueTask<Round?> EvolveAsync(Round? snapshot, Guid id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is not IRoundEvent)
        {
            // A deal's event (the daemon hands the view every stream's events): nothing of a round, and no stream to read.
            return snapshot;
        }

        if (InOrder(snapshot, e) is { } applied)
        {
            return applied;
        }

        var earlier = e.Version > 1 ? await session.Events.FetchStreamAsync(id, e.Version - 1, token: cancellation) : [];
        return RoundTimeline.Fold(id, [.. earlier, e]) ?? snapshot;
    }
    // Stryker restore all

    /// <summary>The document after <paramref name="e"/> when it sorts after everything known, else null. Must equal the full fold.</summary>
    public static Round? InOrder(Round? snapshot, IEvent e) =>
        snapshot is not null && e.Data is IRoundEvent report and not RoundReported && report.OccurredOn >= snapshot.LastActivityOn
            ? snapshot.After(report) with { Version = e.Version, LastActivityOn = report.OccurredOn }
            : null;
}
