using Marten;
using Negotiations.TamperEvidence;
using Xunit;

namespace Negotiations.Tests.TamperEvidence;

public class CommittedChainHeadsTests
{
    private static readonly Guid Deal = Guid.Parse("01a21000-0000-7000-8000-0000000000c1");
    private static readonly Guid Other = Guid.Parse("01a21000-0000-7000-8000-0000000000c2");

    // Only the session's identity is used (a weak key): no store behind it.
    private static IDocumentSession Session() => (IDocumentSession)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(Marten.Internal.Sessions.LightweightSession));

    [Fact]
    public void a_committed_head_is_given_once_for_the_version_it_was_committed_at()
    {
        var heads = new CommittedChainHeads();
        var session = Session();
        heads.Pending(session, Deal, 3, "h3");
        heads.Committed(session);

        Assert.Equal("h3", heads.Take(Deal, 3));
        Assert.Null(heads.Take(Deal, 3));
    }

    [Fact]
    public void a_head_at_another_version_is_not_given_and_is_forgotten()
    {
        var heads = new CommittedChainHeads();
        var session = Session();
        heads.Pending(session, Deal, 3, "h3");
        heads.Committed(session);

        Assert.Null(heads.Take(Deal, 4));
        Assert.Equal(0, heads.Count);
    }

    [Fact]
    public void nothing_is_remembered_before_the_commit_nor_after_a_failed_write()
    {
        var heads = new CommittedChainHeads();
        var session = Session();
        heads.Pending(session, Deal, 3, "h3");
        Assert.Null(heads.Take(Deal, 3));

        heads.Forget(session);
        heads.Committed(session);
        Assert.Equal(0, heads.Count);
    }

    [Fact]
    public void a_session_remembers_the_last_head_of_each_stream_it_wrote()
    {
        var heads = new CommittedChainHeads();
        var session = Session();
        heads.Pending(session, Deal, 3, "h3");
        heads.Pending(session, Deal, 4, "h4");
        heads.Pending(session, Other, 1, "o1");
        heads.Committed(session);

        Assert.Equal("h4", heads.Take(Deal, 4));
        Assert.Equal("o1", heads.Take(Other, 1));
    }

    [Fact]
    public void another_sessions_commit_does_not_publish_this_sessions_heads()
    {
        var heads = new CommittedChainHeads();
        var (mine, theirs) = (Session(), Session());
        heads.Pending(mine, Deal, 3, "h3");
        heads.Pending(theirs, Other, 1, "o1");
        heads.Committed(theirs);

        Assert.Null(heads.Take(Deal, 3));
        Assert.Equal("o1", heads.Take(Other, 1));
    }

    [Fact]
    public void past_its_capacity_the_memory_starts_again()
    {
        var heads = new CommittedChainHeads();
        for (var i = 0; i < CommittedChainHeads.Capacity; i++)
        {
            var session = Session();
            heads.Pending(session, Guid.CreateVersion7(), 1, "h");
            heads.Committed(session);
        }

        Assert.Equal(CommittedChainHeads.Capacity, heads.Count);
        var last = Session();
        heads.Pending(last, Deal, 2, "h2");
        heads.Committed(last);

        Assert.Equal(1, heads.Count);
        Assert.Equal("h2", heads.Take(Deal, 2));
    }

    [Fact]
    public void clearing_forgets_every_head()
    {
        var heads = new CommittedChainHeads();
        var session = Session();
        heads.Pending(session, Deal, 3, "h3");
        heads.Committed(session);

        heads.Clear();

        Assert.Null(heads.Take(Deal, 3));
    }
}
