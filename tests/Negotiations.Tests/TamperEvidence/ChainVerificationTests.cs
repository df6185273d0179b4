using Negotiations.TamperEvidence;
using Xunit;

namespace Negotiations.Tests.TamperEvidence;

public class ChainVerificationTests
{
    private static readonly Guid StreamId = Guid.Parse("01a21000-0000-7000-8000-000000000002");

    /// <summary>A correctly chained stream of the given length, as stored.</summary>
    private static List<ChainRow> Chain(int length)
    {
        var rows = new List<ChainRow>();
        string? previous = null;
        for (var version = 1L; version <= length; version++)
        {
            var stored = new ChainedEvent(StreamId, version, "talks_reported", $$"""{"n":{{version}}}""",
                DateTimeOffset.UnixEpoch.AddSeconds(version), "alice", null, null);
            previous = EventChain.Hash(stored, previous);
            rows.Add(new ChainRow(version, stored, previous));
        }

        return rows;
    }

    [Fact]
    public void a_stream_whose_events_match_their_hashes_is_intact()
    {
        Assert.Equal(new ChainVerdict(true, 3), ChainVerification.Check(Chain(3), 3));
    }

    [Fact]
    public void a_version_with_neither_event_nor_hash_breaks_the_chain_there()
    {
        var rows = Chain(4);
        rows.RemoveAt(1);

        Assert.Equal(new ChainVerdict(false, 3, 2, "neither the event nor its chain hash is stored"), ChainVerification.Check(rows, 4));
    }

    [Fact]
    public void a_hash_that_is_not_the_one_recomputed_breaks_the_chain_there()
    {
        var rows = Chain(3);
        rows[2] = rows[2] with { Hash = new string('0', 64) };

        Assert.Equal(3, ChainVerification.Check(rows, 3).BrokenAtVersion);
    }

    [Fact]
    public void a_stream_whose_version_is_beyond_its_last_event_has_lost_its_tail()
    {
        Assert.Equal(new ChainVerdict(false, 2, 3, "the stream is at version 3, but its events end at 2"), ChainVerification.Check(Chain(2), 3));
    }
}
