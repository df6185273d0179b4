using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Marten;

namespace Negotiations.TamperEvidence;

/// <summary>
/// The last hash this process committed for each stream, so that the next write to the stream links to it without
/// reading it back (one database round trip less per command). A committed version's hash never changes, but another
/// process may have written since, so a head is used only for the version the write follows, is taken out while the
/// write runs (a failed write leaves no entry; the next one reads the table), and the write's insert asserts it against
/// the table in the same statement (<see cref="EventChainStore.InsertAfterSql"/>): a head that is not the stored one
/// fails the transaction, it is never linked to.
/// </summary>
internal sealed class CommittedChainHeads
{
    /// <summary>Streams remembered at most; past that the memory is emptied and filled again (each entry ~150 bytes).</summary>
    public const int Capacity = 20_000;

    private readonly ConcurrentDictionary<Guid, (long Version, string Hash)> heads = new();
    private readonly ConditionalWeakTable<IDocumentSession, Dictionary<Guid, (long Version, string Hash)>> pending = new();

    /// <summary>The head at <paramref name="version"/> when this process committed it, taken out; else null.</summary>
    public string? Take(Guid streamId, long version) =>
        heads.TryRemove(streamId, out var head) && head.Version == version ? head.Hash : null;

    /// <summary>The head a session's write will leave, remembered once the session commits (<see cref="Committed"/>).</summary>
    public void Pending(IDocumentSession session, Guid streamId, long version, string hash) =>
        pending.GetOrCreateValue(session)[streamId] = (version, hash);

    /// <summary>The session committed: its heads are the streams' heads now.</summary>
    public void Committed(IDocumentSession session)
    {
        if (!pending.TryGetValue(session, out var written))
        {
            return;
        }

        pending.Remove(session);
        if (heads.Count + written.Count > Capacity)
        {
            heads.Clear();
        }

        foreach (var (streamId, head) in written)
        {
            heads[streamId] = head;
        }
    }

    /// <summary>The session's write failed or was abandoned: nothing it computed is a head.</summary>
    public void Forget(IDocumentSession session) => pending.Remove(session);

    /// <summary>Forgets every head (the stored streams were deleted, e.g. a test's data reset).</summary>
    public void Clear() => heads.Clear();

    public int Count => heads.Count;
}
