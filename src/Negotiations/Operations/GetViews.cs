using Marten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;
using Wolverine.Runtime;

using Negotiations.Infrastructure;

namespace Negotiations.Operations;

/// <summary>The async views' progress: how far each has applied the events, and whether the node answering (<c>node</c>) runs it.</summary>
public sealed record ViewsProgress(long LastEvent, ViewFreshness Freshness, int Node, IReadOnlyList<ViewProgress> Views);

public static class GetViewsEndpoint
{
    /// <summary>
    /// Each async view with the last event it applied, how many events it is behind the latest, when it last moved, and
    /// whether the node answering runs it (<c>node</c> is that node's number; with several nodes, each view runs on exactly
    /// one). <c>waitFor=n</c> first waits until every view has applied event n (the <c>X-Event-Sequence</c> of a write).
    /// </summary>
    [ProducesResponseType<ViewsProgress>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ResponseHeader(StatusCodes.Status200OK, AsyncViews.ViewSequenceHeader, "The event sequence every async view has applied.")]
    [EndpointSummary("The async views' progress")]
    [QueryRecord(typeof(ViewWaitQuery))]
    [WolverineGet("/api/views")]
    public static async Task<IResult> Get(HttpContext context, IDocumentStore store, NpgsqlDataSource dataSource, IWolverineRuntime runtime, CancellationToken cancellationToken)
    {
        var read = await AsyncViews.ReadAsync<ViewWaitQuery>(context, cancellationToken);
        if (read is not { Query: { } query, Freshness: { } freshness, Problem: null })
        {
            return read.Problem!;
        }

        var (views, last) = await AsyncViews.ProgressAsync(store, dataSource, cancellationToken);
        var running = runtime.Agents.AllRunningAgentUris();
        return Results.Ok(new ViewsProgress(last, freshness, runtime.Options.Durability.AssignedNodeNumber,
            [.. views.Select(view => view with { RunningHere = AsyncViews.RunsHere(store, running, view.Name) })]));
    }
}
