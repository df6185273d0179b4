using System.Diagnostics;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Negotiations.Security;
using Npgsql;
using Wolverine.Http;
using Wolverine.Runtime;
using Wolverine.Runtime.Agents;

namespace Negotiations.Operations;

/// <summary>
/// One rebuild of an async view, as asked and as done: on which node, from when to when, how many events it applied and
/// how fast; <c>Error</c> when it failed (the view then goes on from where it was).
/// </summary>
public sealed record ViewRebuild(
    Guid Id,
    string View,
    DateTimeOffset RequestedAt,
    int? Node = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    long? Events = null,
    double? EventsPerSecond = null,
    string? Error = null);

/// <summary>
/// Rebuilds one async view from the events on the node that runs it, as a Wolverine agent command: that node's daemon
/// stops the view, deletes its documents, applies every event again and resumes it, while every other route goes on.
/// </summary>
public sealed record RebuildView(string View, Guid RebuildId) : IAgentCommand
{
    public async Task<AgentCommands> ExecuteAsync(IWolverineRuntime runtime, CancellationToken cancellationToken)
    {
        var store = runtime.Services.GetRequiredService<IDocumentStore>();
        var family = runtime.Services.GetRequiredService<IEventSubscriptionAgentFamily>();
        var rebuild = await RecordAsync(store, null, r => r with { Node = runtime.Options.Durability.AssignedNodeNumber, StartedAt = DateTimeOffset.UtcNow });
        var clock = Stopwatch.StartNew();
        try
        {
            if (!await family.TryRebuildRegisteredProjectionAsync(View, null, cancellationToken))
            {
                throw new InvalidOperationException($"No async view '{View}' is registered.");
            }

            var events = (await AsyncViews.ProgressAsync(store, runtime.Services.GetRequiredService<NpgsqlDataSource>(), cancellationToken))
                .Views.Single(v => v.Name == View).Sequence;
            await RecordAsync(store, rebuild, r => r with
            {
                FinishedAt = DateTimeOffset.UtcNow,
                Events = events,
                EventsPerSecond = Math.Round(events / Math.Max(clock.Elapsed.TotalSeconds, 0.001)),
            });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RecordAsync(store, rebuild, r => r with { FinishedAt = DateTimeOffset.UtcNow, Error = e.Message });
            throw;
        }

        return AgentCommands.Empty;
    }

    private async Task<ViewRebuild> RecordAsync(IDocumentStore store, ViewRebuild? known, Func<ViewRebuild, ViewRebuild> change)
    {
        await using var session = store.LightweightSession();
        var rebuild = change(known ?? await session.LoadAsync<ViewRebuild>(RebuildId) ?? new ViewRebuild(RebuildId, View, DateTimeOffset.UtcNow));
        session.Store(rebuild);
        await session.SaveChangesAsync();
        return rebuild;
    }
}

public static partial class RebuildViewEndpoint
{
    /// <summary>
    /// Rebuilds the async view <c>name</c> (as <c>GET /api/views</c> names it) from the events, online: the node running it
    /// does the work (this one, or another: the command goes there), writes and other reads go on, and the view's reads
    /// answer from what it has rebuilt so far (or wait, with <c>waitFor</c>) until it has caught up. Answers 202 at once
    /// with the rebuild's record, which <c>Location</c> keeps up to date (node, start, finish, events/s). Admin only.
    /// </summary>
    [Authorize(Policy = SecurityModule.AdminPolicy)]
    [ProducesResponseType<ViewRebuild>(StatusCodes.Status202Accepted, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ResponseHeader(StatusCodes.Status202Accepted, "Location", "The rebuild's record.")]
    [EndpointSummary("Rebuild an async view from the events, online")]
    [WolverinePost("/api/views/{name}/rebuild")]
    public static async Task<IResult> Post(string name, IDocumentStore store, IDocumentSession session, IWolverineRuntime runtime,
        ILogger<RebuildView> logger, CancellationToken cancellationToken)
    {
        if (!AsyncViews.ShardNames(store).Contains(name, StringComparer.Ordinal))
        {
            return Results.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Not found.",
                Detail = $"No async view is named '{name}': GET /api/views lists them.",
            });
        }

        var rebuild = new ViewRebuild(Guid.CreateVersion7(), name, DateTimeOffset.UtcNow);
        session.Store(rebuild);
        await session.SaveChangesAsync(cancellationToken);
        var command = new RebuildView(name, rebuild.Id);
        var owner = AsyncViews.RunsHere(store, runtime.Agents.AllRunningAgentUris(), name) ? null : await OwnerAsync(runtime, store, name, cancellationToken);
        // Not awaited: a rebuild of a large view takes longer than a request should. Its record says how it went.
        _ = Task.Run(async () =>
        {
            try
            {
                if (owner is null)
                {
                    await command.ExecuteAsync(runtime, runtime.Cancellation);
                }
                else
                {
                    await runtime.Agents.InvokeAsync(new NodeDestination(owner.NodeId, owner.ControlUri!), command);
                }
            }
            catch (Exception e)
            {
                RebuildFailed(logger, e, name);
            }
        }, CancellationToken.None);
        return Results.Accepted($"/api/views/rebuilds/{rebuild.Id}", rebuild);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The rebuild of view {View} failed")]
    private static partial void RebuildFailed(ILogger logger, Exception exception, string view);

    /// <summary>The node another node reports running the view, if any.</summary>
    private static async Task<WolverineNode?> OwnerAsync(IWolverineRuntime runtime, IDocumentStore store, string view, CancellationToken cancellationToken)
    {
        var nodes = await runtime.Storage.Nodes.LoadAllNodesAsync(cancellationToken);
        return nodes.FirstOrDefault(node => node.ControlUri is not null && node.NodeId != runtime.Options.UniqueNodeId
            && AsyncViews.RunsHere(store, [.. node.ActiveAgents], view));
    }
}

public static class GetViewRebuildEndpoint
{
    /// <summary>A rebuild's record: asked, started and finished when, on which node, how many events at what speed, or why it failed.</summary>
    [ProducesResponseType<ViewRebuild>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("A rebuild of an async view")]
    [WolverineGet("/api/views/rebuilds/{id}")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<ViewRebuild>(id, cancellationToken) is { } rebuild
            ? Results.Ok(rebuild)
            : Results.Problem(new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = $"No rebuild {id}." });
}
