using System.Security.Cryptography;

namespace Negotiations.Alerts;

/// <summary>What a watch is about: exactly one of a deal, a round, a party (its names and its parts) or an open question.</summary>
public sealed record WatchSubject(Guid? DealId = null, Guid? RoundId = null, Guid? PartyId = null, Guid? QuestionId = null)
{
    /// <summary>The one key the watch is found by: <c>deal:…</c>, <c>round:…</c>, <c>party:…</c> or <c>question:…</c> (stored as <see cref="Watch.SubjectKey"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key => (DealId, RoundId, PartyId, QuestionId) switch
    {
        ({ } deal, null, null, null) => SubjectKeys.Deal(deal),
        (null, { } round, null, null) => SubjectKeys.Round(round),
        (null, null, { } party, null) => SubjectKeys.Party(party),
        (null, null, null, { } question) => SubjectKeys.Question(question),
        _ => "",
    };
}

/// <summary>What makes a watch raise an alert.</summary>
public enum AlertTrigger { AnyChange, StatusChanged, AmountChanged, QuestionAnswered, ConflictAppeared, ReportRetracted, WentQuiet }

/// <summary>Where alerts go: a webhook (Standard Webhooks signed, <c>secret</c> in <c>whsec_</c> form), an Atom feed, or both.</summary>
public sealed record WatchWebhook(Uri Url, string? Secret = null);

public sealed record WatchDelivery(WatchWebhook? Webhook = null, bool Feed = false);

/// <summary>
/// A watch (a Marten document): its subject, triggers and delivery, the key holder it belongs to, and the webhook's secret
/// (shown once, when generated). <c>SubjectKey</c> is indexed: finding the watches an event touches never scans them all.
/// </summary>
public sealed record Watch(
    Guid Id,
    string Name,
    WatchSubject Subject,
    IReadOnlyList<AlertTrigger> Triggers,
    WatchDelivery Delivery,
    int? QuietDays,
    string Owner,
    DateTimeOffset CreatedAt)
{
    public string SubjectKey { get; init; } = Subject.Key;

    /// <summary>The webhook's signing secret (whsec_ + base64 of 24 random bytes when the creator gave none).</summary>
    public string? Secret { get; init; }

    /// <summary>The last event sequence committed before the watch was made: the alerts start after it.</summary>
    public long Since { get; init; }

    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
}

/// <summary>The subject keys an event can touch, one place for the watches and the matcher.</summary>
public static class SubjectKeys
{
    public static string Deal(Guid id) => $"deal:{id}";

    public static string Round(Guid id) => $"round:{id}";

    public static string Party(Guid id) => $"party:{id}";

    public static string Question(Guid id) => $"question:{id}";
}
