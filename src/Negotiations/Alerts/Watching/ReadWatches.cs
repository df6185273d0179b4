using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Alerts.Watching;

public sealed record WatchList(IReadOnlyList<WatchView> Items);

public sealed record AlertList(Guid WatchId, IReadOnlyList<Alert> Items);

public sealed record DeliveryList(Guid WatchId, IReadOnlyList<AlertDelivery> Items);

/// <summary>A watch's routes: it, its alerts, its deliveries, its feed. Another key's watch is a 404, as if it did not exist.</summary>
public static class WatchEndpoints
{
    public const int Latest = 200;

    public static ProblemDetails NotFound(Guid id) => Problems.NotFound($"No watch with id {id} exists.");

    /// <summary>The watch when the caller may see it (its owner, or an admin), else null.</summary>
    public static async Task<Watch?> FindAsync(Guid id, HttpContext context, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<Watch>(id, cancellationToken) is { } watch && WatchOwners.MaySee(context.User, watch) ? watch : null;

    [ProducesResponseType<WatchList>(StatusCodes.Status200OK, "application/json")]
    [EndpointSummary("The caller's watches (an admin: everyone's)")]
    [WolverineGet("/api/watches")]
    public static async Task<WatchList> List(HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var owner = WatchOwners.Of(context.User);
        var all = context.User.IsInRole(Security.Roles.Admin);
        var watches = await session.Query<Watch>().Where(w => all || w.Owner == owner).OrderBy(w => w.CreatedAt).ToListAsync(cancellationToken);
        return new WatchList([.. watches.Select(w => WatchView.Of(w))]);
    }

    [ProducesResponseType<WatchView>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("A watch")]
    [WolverineGet("/api/watches/{id}")]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, CancellationToken cancellationToken) =>
        await FindAsync(id, context, session, cancellationToken) is { } watch ? Results.Ok(WatchView.Of(watch)) : Results.Problem(NotFound(id));

    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("Delete a watch: it sends nothing more")]
    [WolverineDelete("/api/watches/{id}")]
    public static async Task<IResult> Delete(Guid id, HttpContext context, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, context, session, cancellationToken) is null)
        {
            return Results.Problem(NotFound(id));
        }

        session.Delete<Watch>(id);
        return Results.NoContent();
    }

    [ProducesResponseType<AlertList>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("A watch's latest alerts, newest first")]
    [WolverineGet("/api/watches/{id}/alerts")]
    public static Task<IResult> Alerts(Guid id, HttpContext context, IQuerySession session, CancellationToken cancellationToken) =>
        OfVisibleAsync(id, context, session, async _ => Results.Ok(new AlertList(id, await LatestAlertsAsync(session, id, cancellationToken))), cancellationToken);

    /// <summary>The answer about a watch the caller may see, else the watch's 404.</summary>
    public static async Task<IResult> OfVisibleAsync(Guid id, HttpContext context, IQuerySession session, Func<Watch, Task<IResult>> answer, CancellationToken cancellationToken) =>
        await FindAsync(id, context, session, cancellationToken) is { } watch ? await answer(watch) : Results.Problem(NotFound(id));

    public static async Task<IReadOnlyList<Alert>> LatestAlertsAsync(IQuerySession session, Guid watch, CancellationToken cancellationToken) =>
        await session.Query<Alert>().Where(a => a.WatchId == watch).OrderByDescending(a => a.Sequence).Take(Latest).ToListAsync(cancellationToken);

    [ProducesResponseType<DeliveryList>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("A watch's webhook deliveries: each attempt's time, status code, error and next try")]
    [WolverineGet("/api/watches/{id}/deliveries")]
    public static Task<IResult> Deliveries(Guid id, HttpContext context, IQuerySession session, CancellationToken cancellationToken) =>
        OfVisibleAsync(id, context, session, async _ =>
        {
            var deliveries = await session.Query<AlertDelivery>().Where(d => d.WatchId == id).ToListAsync(cancellationToken);
            return Results.Ok(new DeliveryList(id, [.. deliveries.OrderByDescending(d => d.Attempts.Count == 0 ? DateTimeOffset.MinValue : d.Attempts[^1].At).Take(Latest)]));
        }, cancellationToken);
}
