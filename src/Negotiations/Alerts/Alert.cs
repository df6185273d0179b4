namespace Negotiations.Alerts;

/// <summary>One alert: a watch's trigger fired by one event (Marten document; its id is stable, see <see cref="AlertRules.AlertId(Guid, string)"/>).</summary>
public sealed record Alert(
    Guid Id,
    Guid WatchId,
    AlertTrigger Trigger,
    long Sequence,
    string StreamKind,
    Guid StreamId,
    string EventType,
    long Version,
    DateTimeOffset RecordedAt,
    string Href);

/// <summary>Where an alert's webhook delivery stands: pending (retrying), delivered, or dead-lettered after the last retry.</summary>
public enum DeliveryState { Pending, Delivered, DeadLettered }

/// <summary>One try to deliver an alert: when, the receiver's status code or the error, and when the next try is due.</summary>
public sealed record DeliveryAttempt(int Attempt, DateTimeOffset At, int? StatusCode, string? Error, DateTimeOffset? NextTryAt);

/// <summary>The webhook delivery of one alert (Marten document, id = the alert's id): its state and every attempt.</summary>
public sealed record AlertDelivery(Guid Id, Guid WatchId, DeliveryState State, IReadOnlyList<DeliveryAttempt> Attempts);
