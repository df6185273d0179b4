using Negotiations.TamperEvidence;
using Xunit;

namespace Negotiations.Tests.TamperEvidence;

public class EventChainTests
{
    private static readonly ChainedEvent Proposed = new(
        Guid.Parse("01a21000-0000-7000-8000-000000000001"),
        2,
        "terms_proposed",
        """{"occurredOn": "2026-01-29", "amount": {"value": 50000000000, "currency": "USD", "qualifier": "UpTo"}}""",
        new DateTimeOffset(2026, 1, 29, 10, 11, 12, TimeSpan.FromHours(1)).AddTicks(1234567),
        "alice",
        "corr-1",
        null);

    private const string PreviousHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    [Fact]
    public void the_canonical_form_is_exactly_as_documented()
    {
        Assert.Equal(
            """{"causationId":null,"correlationId":"corr-1","data":{"amount":{"currency":"USD","qualifier":"UpTo","value":50000000000},"occurredOn":"2026-01-29"},"previousHash":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","recordedAt":"2026-01-29T09:11:12.123456Z","recordedBy":"alice","streamId":"01a21000-0000-7000-8000-000000000001","type":"terms_proposed","version":2}""",
            EventChain.CanonicalForm(Proposed, PreviousHash));
    }

    [Fact]
    public void the_hash_is_the_lowercase_hex_sha256_of_the_canonical_form()
    {
        // Computed outside .NET: printf '%s' "<canonical form above>" | sha256sum
        Assert.Equal("ab1d6f37b98a164160f6b2ec1035c5abc8c177502f731300618415d00ba220d7", EventChain.Hash(Proposed, PreviousHash));
    }

    [Fact]
    public void the_hash_does_not_depend_on_how_the_data_was_spelled()
    {
        var respelled = Proposed with { Data = """{"amount":{"qualifier":"UpTo","currency":"USD","value":5E10},"occurredOn":"2026-01-29"}""" };

        Assert.Equal(EventChain.Hash(Proposed, PreviousHash), EventChain.Hash(respelled, PreviousHash));
    }

    [Fact]
    public void the_hash_ignores_what_postgresql_cannot_keep_below_a_microsecond()
    {
        var finer = Proposed with { RecordedAt = Proposed.RecordedAt.AddTicks(2) };

        Assert.Equal(EventChain.Hash(Proposed, PreviousHash), EventChain.Hash(finer, PreviousHash));
    }

    public static TheoryData<string, ChainedEvent, string?> Changes => new()
    {
        { "type", Proposed with { Type = "stake_revised" }, PreviousHash },
        { "data", Proposed with { Data = Proposed.Data.Replace("50000000000", "1", StringComparison.Ordinal) }, PreviousHash },
        { "occurredOn", Proposed with { Data = Proposed.Data.Replace("2026-01-29", "2026-01-28", StringComparison.Ordinal) }, PreviousHash },
        { "recordedAt", Proposed with { RecordedAt = Proposed.RecordedAt.AddTicks(10) }, PreviousHash },
        { "recordedBy", Proposed with { RecordedBy = "mallory" }, PreviousHash },
        { "correlationId", Proposed with { CorrelationId = null }, PreviousHash },
        { "causationId", Proposed with { CausationId = "cause" }, PreviousHash },
        { "version", Proposed with { Version = 3 }, PreviousHash },
        { "streamId", Proposed with { StreamId = Guid.Empty }, PreviousHash },
        { "previousHash", Proposed, null },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void changing_anything_covered_changes_the_hash(string covered, ChainedEvent changed, string? previousHash)
    {
        Assert.True(EventChain.Hash(Proposed, PreviousHash) != EventChain.Hash(changed, previousHash), $"{covered} is not covered");
    }

    [Fact]
    public void the_hash_is_the_same_every_time()
    {
        Assert.Equal(EventChain.Hash(Proposed, PreviousHash), EventChain.Hash(Proposed with { }, PreviousHash));
    }
}
