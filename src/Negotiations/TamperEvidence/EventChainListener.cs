using JasperFx.Events;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;

namespace Negotiations.TamperEvidence;

/// <summary>
/// Chains every appended event in the transaction that appends it, whichever handler appended it. Marten calls this
/// after it has numbered and stamped the session's events (Rich append mode) and before it sends the batch, so the
/// hash inserts queued here commit or roll back with the events. Two writers racing on one stream already conflict on
/// the event version, and the chain's primary key allows one hash per version. The head a write links to comes from
/// <see cref="Heads"/> when this process committed it, else from the table.
/// </summary>
internal sealed class EventChainListener : DocumentSessionListenerBase
{
    public CommittedChainHeads Heads { get; } = new();

    /// <summary>The heads one document store's process remembers (its chain listener's).</summary>
    public static CommittedChainHeads HeadsOf(IDocumentStore store) =>
        ((DocumentStore)store).Options.Listeners.OfType<EventChainListener>().Single().Heads;

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        Heads.Forget(session);
        await EventChainStore.EnsureTablesAsync(session.Database, token);
        foreach (var stream in session.PendingChanges.Streams().Where(s => s.Events.Count > 0))
        {
            var first = stream.Events[0].Version;
            if (first < 1)
            {
                throw new InvalidOperationException("The event chain needs events numbered before saving: Marten's Rich append mode.");
            }

            var remembered = first == 1 ? null : Heads.Take(stream.Id, first - 1);
            var previous = first == 1 || remembered is not null ? remembered : await PreviousHashAsync(session, stream.Id, first - 1, token);
            foreach (var e in stream.Events)
            {
                // Marten writes the timestamp it holds here; PostgreSQL keeps microseconds. Storing the truncated value
                // makes the stored timestamp exactly the hashed one.
                e.Timestamp = EventChain.ToMicroseconds(e.Timestamp);
                var hash = EventChain.Hash(Stored(session, stream.Id, e), previous);
                if (remembered is not null && e.Version == first)
                {
                    // Linked to a head this process remembers: the insert itself checks it is the stored one.
                    session.QueueSqlCommand(EventChainStore.InsertAfterSql, stream.Id, e.Version, stream.Id, e.Version - 1, remembered, hash);
                }
                else
                {
                    session.QueueSqlCommand(EventChainStore.InsertSql, stream.Id, e.Version, hash);
                }

                previous = hash;
            }

            Heads.Pending(session, stream.Id, stream.Events[^1].Version, previous!);
        }
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        Heads.Committed(session);
        return Task.CompletedTask;
    }

    private static ChainedEvent Stored(IDocumentSession session, Guid streamId, IEvent e) => new(
        streamId, e.Version, e.EventTypeName, session.DocumentStore.Advanced.Serializer.ToJson(e.Data), e.Timestamp, e.UserName, e.CorrelationId, e.CausationId);

    /// <summary>
    /// The hash the next event links to. A stream with no chain at all was recorded before chaining existed: it is
    /// chained now, as it is stored (trust on first use). A stream whose chain stops short refuses the write.
    /// </summary>
    private static async Task<string?> PreviousHashAsync(IDocumentSession session, Guid streamId, long version, CancellationToken token)
    {
        var connection = session.Connection;
        var hash = await EventChainStore.ReadHashAsync(connection, streamId, version, token);
        if (hash is not null)
        {
            return hash;
        }

        var (rows, _) = await EventChainStore.ReadStreamAsync(connection, streamId, token);
        if (rows.Count != version || rows.Any(row => row.Event is null || row.Hash is not null))
        {
            throw new EventChainBrokenException(
                $"The tamper-evidence chain of deal {streamId} does not reach version {version}: nothing was recorded. An operator must " +
                "run verify-chains and look into the stored events before this deal takes writes again.");
        }

        string? previous = null;
        foreach (var row in rows)
        {
            previous = EventChain.Hash(row.Event!, previous);
            session.QueueSqlCommand(EventChainStore.InsertSql, streamId, row.Version, previous);
        }

        return previous;
    }
}

/// <summary>A write refused because the deal's stored chain has a gap: damage to the store, not to the request.</summary>
public sealed class EventChainBrokenException(string message) : ProblemException(message)
{
    public override ProblemDetails ToProblem() => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "This deal cannot take writes until its audit chain is checked.",
        Detail = Message,
    };
}
