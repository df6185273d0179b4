using Marten;

namespace Negotiations.Alerts.Delivering;

/// <summary>A watched subject's latest activity (Marten document, id = the watch's): what a quiet check compares with.</summary>
public sealed record WatchActivity(Guid Id, long Sequence, DateTimeOffset At);

/// <summary>Scheduled (a durable Wolverine message: it survives restarts) <c>quietDays</c> after the activity at <c>Sequence</c>.</summary>
public sealed record CheckQuiet(Guid WatchId, long Sequence);

public static class CheckQuietHandler
{
    public const string EventType = "went_quiet";

    /// <summary>
    /// One <c>WentQuiet</c> alert when nothing touched the subject since the activity that scheduled this check; nothing
    /// when there was newer activity (its own check is on the way) or the watch is gone. Written with its delivery message
    /// in one transaction.
    /// </summary>
    public static async Task<IEnumerable<object>> Handle(CheckQuiet message, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var watch = await session.LoadAsync<Watch>(message.WatchId, cancellationToken);
        var activity = await session.LoadAsync<WatchActivity>(message.WatchId, cancellationToken);
        if (watch is null || activity is null || activity.Sequence != message.Sequence)
        {
            return [];
        }

        var (kind, id) = watch.Subject switch
        {
            { DealId: { } deal } => ("deal", deal),
            { RoundId: { } round } => ("round", round),
            { PartyId: { } party } => ("party", party),
            _ => ("question", watch.Subject.QuestionId ?? Guid.Empty),
        };
        var alert = new Alert(QuietAlertId(message), watch.Id, AlertTrigger.WentQuiet, message.Sequence, kind, id, EventType, 0,
            clock.GetUtcNow(), AlertRules.Href(kind, id));
        session.Store(alert);
        if (watch.Delivery.Webhook is null)
        {
            return [];
        }

        session.Store(new AlertDelivery(alert.Id, watch.Id, DeliveryState.Pending, []));
        return [new DeliverAlert(alert.Id)];
    }

    /// <summary>The quiet period after one activity is one "event" of its own: the same alert id however often the check runs.</summary>
    private static Guid QuietAlertId(CheckQuiet message) =>
        AlertRules.AlertId(message.WatchId, $"quiet-after/{message.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
}
