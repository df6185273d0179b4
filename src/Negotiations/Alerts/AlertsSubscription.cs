using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Negotiations.Alerts.Delivering;
using Negotiations.Deals;
using Negotiations.Parties;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace Negotiations.Alerts;

/// <summary>
/// Turns committed events into alerts, run by the daemon like the async views (on one node of several): each page of
/// events is matched to the watches of the subjects it touches (an indexed lookup by subject key, never a scan), and
/// each alert, its pending delivery and its <see cref="DeliverAlert"/> message are written in one transaction with the
/// subscription's progress — Wolverine's durable outbox. A crash before that commit replays the page: the alert ids are
/// stable, so nothing is lost and nothing is doubled.
/// </summary>
public sealed class AlertsSubscription : BatchSubscription
{
    public const string Name = "Alerts";

    public AlertsSubscription() : base(Name)
    {
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations,
        IMessageBus bus, CancellationToken cancellationToken)
    {
        // No watch at all (the common case under write load): one indexed probe instead of reading deals and parties.
        if (!await operations.Query<Watch>().AnyAsync(cancellationToken))
        {
            return;
        }

        var touched = await TouchedAsync(page.Events, operations, cancellationToken);
        var keys = touched.SelectMany(t => t.Subjects).Distinct().ToArray();
        if (keys.Length == 0)
        {
            return;
        }

        var watches = await operations.Query<Watch>().Where(w => w.SubjectKey.IsOneOf(keys)).ToListAsync(cancellationToken);
        foreach (var (e, subjects) in touched)
        {
            var fired = AlertRules.Fired(e.Data);
            foreach (var watch in watches.Where(w => subjects.Contains(w.SubjectKey) && e.Sequence > w.Since))
            {
                if (watch.Triggers.Contains(AlertTrigger.WentQuiet) && watch.QuietDays is { } days)
                {
                    // The latest activity is the one a quiet check compares with: an earlier check then finds newer activity and stays silent.
                    operations.Store(new WatchActivity(watch.Id, e.Sequence, e.Timestamp));
                    await bus.ScheduleAsync(new CheckQuiet(watch.Id, e.Sequence), TimeSpan.FromDays(days));
                }

                var matched = watch.Triggers.Where(fired.Contains).ToList();
                if (matched.Count == 0)
                {
                    continue;
                }

                var trigger = matched[0];

                var kind = AlertRules.StreamKind(e.EventTypeName);
                var alert = new Alert(AlertRules.AlertId(watch.Id, e.Id), watch.Id, trigger, e.Sequence, kind, e.StreamId, e.EventTypeName, e.Version,
                    e.Timestamp, AlertRules.Href(kind, e.StreamId));
                operations.Store(alert);
                if (watch.Delivery.Webhook is not null)
                {
                    operations.Store(new AlertDelivery(alert.Id, watch.Id, DeliveryState.Pending, []));
                    await bus.PublishAsync(new DeliverAlert(alert.Id));
                }
            }
        }
    }

    /// <summary>
    /// The subjects each event touches: its stream and what it names directly, and for a deal's event every party of the
    /// deal (by name or alias, first-sight ones by their derived id) and every party those are part of.
    /// </summary>
    private static async Task<List<(IEvent Event, HashSet<string> Subjects)>> TouchedAsync(IReadOnlyList<IEvent> events, IQuerySession session, CancellationToken cancellationToken)
    {
        var ours = events.Where(e => AlertRules.StreamKind(e.EventTypeName) != "other").ToList();
        var dealIds = ours.Where(e => AlertRules.StreamKind(e.EventTypeName) == "deal").Select(e => e.StreamId).Distinct().ToArray();
        var deals = dealIds.Length == 0 ? [] : (await session.LoadManyAsync<Deal>(cancellationToken, dealIds)).ToDictionary(d => d.Id);
        var names = ours.ToDictionary(e => e.Id, e => AlertRules.NamedParties(e.Data)
            .Concat(deals.TryGetValue(e.StreamId, out var deal) ? deal.Parties.Select(p => p.Name) : [])
            .Select(PartyNames.Key).Distinct().ToList());
        var keys = names.Values.SelectMany(k => k).Distinct().ToArray();
        var owners = keys.Length == 0 ? [] : (await session.LoadManyAsync<PartyName>(cancellationToken, keys)).ToDictionary(n => n.Id, n => n.PartyId);
        var partyIds = keys.Select(k => owners.TryGetValue(k, out var owner) ? owner : PartyIds.Of(k)).Distinct().ToArray();
        var states = partyIds.Length == 0 ? [] : (await session.LoadManyAsync<PartyState>(cancellationToken, partyIds)).ToDictionary(s => s.Id);
        IEnumerable<Guid> Wholes(Guid party) => states.TryGetValue(party, out var state)
            ? state.Relations.Where(r => r.Kind == RelationKind.PartOf).Select(r => r.OtherPartyId)
            : [];

        return [.. ours.Select(e =>
        {
            var subjects = AlertRules.DirectSubjects(AlertRules.StreamKind(e.EventTypeName), e.StreamId, e.Data).ToHashSet();
            foreach (var key in names[e.Id])
            {
                var party = owners.TryGetValue(key, out var owner) ? owner : PartyIds.Of(key);
                subjects.Add(SubjectKeys.Party(party));
                subjects.UnionWith(Wholes(party).Select(SubjectKeys.Party));
            }

            return (e, subjects);
        })];
    }
}
