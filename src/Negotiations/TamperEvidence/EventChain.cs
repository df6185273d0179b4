using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Negotiations.TamperEvidence;

/// <summary>One event as stored: the columns of <c>mt_events</c> that the chain covers.</summary>
public sealed record ChainedEvent(
    Guid StreamId,
    long Version,
    string Type,
    string Data,
    DateTimeOffset RecordedAt,
    string? RecordedBy,
    string? CorrelationId,
    string? CausationId);

/// <summary>
/// The hash chain of a stream: <c>hash(n) = lowercase hex of SHA-256(UTF-8(canonical form of event n))</c>, where the
/// canonical form is the <see cref="CanonicalJson"/> text of
/// <code>
/// { "causationId", "correlationId", "data", "previousHash", "recordedAt", "recordedBy", "streamId", "type", "version" }
/// </code>
/// <c>previousHash</c> is <c>hash(n-1)</c>, null for version 1, so changing, removing or reordering any event changes
/// every hash after it. <c>data</c> is the event's JSON (its <c>occurredOn</c> included), <c>type</c> its stored type
/// name, <c>recordedAt</c> the store's timestamp in UTC to the microsecond PostgreSQL keeps
/// (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>), <c>recordedBy</c> the user name, <c>streamId</c> the deal id in lowercase
/// <c>D</c> format; absent metadata is null. Stream id and version are in it so that an event cannot be moved.
/// </summary>
public static class EventChain
{
    public static string CanonicalForm(ChainedEvent e, string? previousHash) => CanonicalJson.From(new JsonObject
    {
        ["causationId"] = e.CausationId,
        ["correlationId"] = e.CorrelationId,
        ["data"] = JsonNode.Parse(e.Data),
        ["previousHash"] = previousHash,
        ["recordedAt"] = RecordedAtText(e.RecordedAt),
        ["recordedBy"] = e.RecordedBy,
        ["streamId"] = e.StreamId.ToString("D"),
        ["type"] = e.Type,
        ["version"] = e.Version,
    }.ToJsonString());

    public static string Hash(ChainedEvent e, string? previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalForm(e, previousHash))));

    /// <summary>PostgreSQL keeps timestamps to the microsecond; the chain hashes exactly what it keeps.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);

    private static string RecordedAtText(DateTimeOffset at) =>
        ToMicroseconds(at).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
