using System.Text.Json.Serialization;
using Marten.Storage;

namespace Negotiations.TamperEvidence;

/// <summary>One version of a stream as stored: the event (null when deleted) and its chain hash (null when missing).</summary>
public sealed record ChainRow(long Version, ChainedEvent? Event, string? Hash);

/// <summary>What verifying a stream found; <c>BrokenAtVersion</c> and <c>Reason</c> are null when it is intact.</summary>
public sealed record ChainVerdict(
    bool Intact,
    int Events,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? BrokenAtVersion = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null);

public static class ChainVerification
{
    /// <summary>
    /// Recomputes the chain over the stored rows (in version order) and names the first version that does not hold.
    /// <paramref name="streamVersion"/> is the stream's own version (mt_streams), which also catches a deleted tail.
    /// </summary>
    public static ChainVerdict Check(IReadOnlyList<ChainRow> rows, long? streamVersion)
    {
        var events = rows.Count(row => row.Event is not null);
        string? previous = null;
        var expected = 1L;
        foreach (var row in rows)
        {
            var problem =
                row.Version != expected ? "neither the event nor its chain hash is stored"
                : row.Event is null ? "the event is missing, but the chain recorded it"
                : row.Hash is null ? "no chain hash is recorded for the event"
                : EventChain.Hash(row.Event, previous) != row.Hash ? "the stored event does not match its chain hash"
                : null;
            if (problem is not null)
            {
                return new ChainVerdict(false, events, expected, problem);
            }

            previous = row.Hash;
            expected++;
        }

        return streamVersion >= expected
            ? new ChainVerdict(false, events, expected, $"the stream is at version {streamVersion}, but its events end at {expected - 1}")
            : new ChainVerdict(true, events);
    }

    /// <summary>Verifies one stream as stored; null when there is no such stream and no chain for it.</summary>
    public static async Task<ChainVerdict?> VerifyAsync(IMartenDatabase database, Guid streamId, CancellationToken cancellationToken)
    {
        await using var connection = await EventChainStore.OpenAsync(database, cancellationToken);
        var (rows, streamVersion) = await EventChainStore.ReadStreamAsync(connection, streamId, cancellationToken);
        return rows.Count == 0 && streamVersion is null ? null : Check(rows, streamVersion);
    }
}
