using JasperFx.Events;
using Marten;

namespace Negotiations.Rounds;

/// <summary>
/// The pure fold behind every view of a round: its reports applied in the order things happened (occurredOn, then
/// recording order), so a report recorded late sorts into its place. The opening report gives the round its identity.
/// </summary>
public static class RoundTimeline
{
    /// <summary>The round after the given events (from version 1 on), or null when they are not a round's, or nothing had happened by <paramref name="occurredBy"/>.</summary>
    public static Round? Fold(Guid id, IReadOnlyCollection<IEvent> events, DateOnly? occurredBy = null)
    {
        if (events.FirstOrDefault(e => e.Version == 1)?.Data is not RoundReported opening)
        {
            return null;
        }

        var counted = events
            .Where(e => e.Data is IRoundEvent r && (occurredBy is null || r.OccurredOn <= occurredBy))
            .OrderBy(e => ((IRoundEvent)e.Data).OccurredOn).ThenBy(e => e.Version)
            .Select(e => (IRoundEvent)e.Data)
            .ToList();
        if (counted.Count == 0)
        {
            return null;
        }

        var round = counted.Aggregate(Round.Identify(id, opening), (state, report) => state.After(report));
        return round with
        {
            OpenedOn = counted.Min(r => r.OccurredOn),
            LastActivityOn = counted.Max(r => r.OccurredOn),
            Version = events.Max(e => e.Version),
        };
    }

    /// <summary>
    /// The round as known at the recorded instant <paramref name="asOf"/>,
    /// keeping what had happened by <paramref name="occurredBy"/> (see <see cref="Deals.DealAsOf"/> for the same axes on a deal).
    /// </summary>
    public static Round? Fold(Guid id, IReadOnlyList<IEvent> stream, DateTimeOffset? asOf, DateOnly? occurredBy) =>
        Fold(id, Deals.DealAsOf.Known(stream, null, asOf), occurredBy);

    // Stryker disable all : a database read; the API tests cover it
    /// <summary>The round now (the state writes decide on), folded from its stream: null for an unknown id or another kind of stream.</summary>
    public static async Task<Round?> LoadAsync(IQuerySession session, Guid id, CancellationToken cancellationToken) =>
        Fold(id, await session.Events.FetchStreamAsync(id, token: cancellationToken));

    /// <summary>
    /// The round to write to, with an exclusive lock on its stream for the rest of the command: writers to one round queue
    /// instead of failing each other (as a deal's do). The aggregate is null for an unknown id or another kind of stream.
    /// </summary>
    public static Task<IEventStream<Round>> LockAsync(IDocumentSession session, Guid id, CancellationToken cancellationToken) =>
        session.Events.FetchForExclusiveWriting<Round>(id, cancellationToken);
    // Stryker restore all
}
