using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events.Aggregation;

namespace Negotiations.Infrastructure;

/// <summary>
/// A single-stream view that is the pure fold of its stream in the order things happened: a report that sorts after
/// everything known is applied on top (<see cref="InOrder"/>), one recorded late is folded again (<see cref="Fold"/>).
/// The whole slice Marten hands over is folded at once, so the events at hand are never read again. Only a slice that
/// starts past version 1 and holds a late report needs the stream's earlier events; they are read once, before folding,
/// on a connection of their own: a write that loads an async view (<c>FetchForExclusiveWriting</c>) is handed the stored
/// document and the events after it while Marten's reader is still open on the writing session's connection, where a
/// second command fails ("A command is already in progress"). Those earlier events were committed before the stream was
/// locked or the slice was read, so the other connection sees every one of them.
/// </summary>
public abstract class TimelineProjection<TDoc> : SingleStreamProjection<TDoc, Guid> where TDoc : class
{
    /// <summary>Whether the event is one of this view's (the daemon and inline writes hand every stream's events).</summary>
    public abstract bool Concerns(IEvent e);

    /// <summary>The document after <paramref name="e"/> when it sorts after everything known, else null. Must equal the full fold.</summary>
    public abstract TDoc? InOrder(TDoc? snapshot, IEvent e);

    /// <summary>The document after the stream's events from version 1 on (null: not a stream of this view).</summary>
    public abstract TDoc? Fold(Guid id, IReadOnlyList<IEvent> events);

    /// <summary>
    /// Pure: the document after the slice, or <c>Earlier</c> set to the last version it needs read first (the slice
    /// starts past version 1 and one of its events is late).
    /// </summary>
    public (TDoc? Document, long? Earlier) Advance(TDoc? snapshot, Guid id, IReadOnlyList<IEvent> events)
    {
        var ours = events.Where(Concerns).ToList();
        foreach (var e in ours)
        {
            if (InOrder(snapshot, e) is not { } applied)
            {
                return ours[0].Version <= 1 ? (Fold(id, ours) ?? snapshot, null) : (snapshot, ours[0].Version - 1);
            }

            snapshot = applied;
        }

        return (snapshot, null);
    }

    // Stryker disable all : a database read; the API tests cover it
    public override async ValueTask<(TDoc?, ActionType)> DetermineActionAsync(IQuerySession session, TDoc? snapshot, Guid identity,
        IIdentitySetter<TDoc, Guid> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var existed = snapshot is not null;
        var (document, earlier) = Advance(snapshot, identity, events);
        if (earlier is { } before)
        {
            await using var reader = session.DocumentStore.QuerySession();
            var known = await reader.Events.FetchStreamAsync(identity, before, token: cancellation);
            document = Fold(identity, [.. known, .. events.Where(Concerns)]) ?? snapshot;
        }

        return document is null ? (null, existed ? ActionType.Delete : ActionType.Nothing) : (document, ActionType.Store);
    }
    // Stryker restore all
}
