using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Negotiations.Infrastructure;

/// <summary>What the async views reflect: every event up to <c>Sequence</c> (the event store's global sequence), as of <c>At</c>.</summary>
public sealed record ViewFreshness(long Sequence, DateTimeOffset? At);

/// <summary>One async view's progress: the last event it has applied, how many events it is behind the latest, when it last moved.</summary>
public sealed record ViewProgress(string Name, long Sequence, long Behind, DateTimeOffset? UpdatedAt)
{
    /// <summary>Whether the view is being rebuilt from the first event (its sequence then counts the rebuild's progress).</summary>
    public bool Rebuilding { get; init; }

    /// <summary>Whether the node answering runs this view (each view runs on exactly one node).</summary>
    public bool RunningHere { get; init; }
}

/// <summary>
/// Cross-deal views are Marten async projections, applied by the daemon after the write commits (on whichever node
/// Wolverine assigns them to). Every write answers with <see cref="EventSequenceHeader"/>, the global sequence of its
/// last event; a read of an async view answers with <see cref="ViewSequenceHeader"/>, the sequence its views reflect,
/// and with <c>waitFor=n</c> first waits (up to <see cref="MaxWait"/>) until they reflect event n: read-your-writes.
/// Views that do not catch up in time answer 503 with Retry-After; a sequence no event has yet is a 400.
/// </summary>
public static class AsyncViews
{
    public const string EventSequenceHeader = "X-Event-Sequence";
    public const string ViewSequenceHeader = "X-View-Sequence";
    public const string WaitForParameter = "waitFor";
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The start of every async view's read: binds the query record (400 naming a bad parameter), then waits for
    /// <c>waitFor</c> (<see cref="AwaitAsync"/>). Answer <c>Problem</c> when it is set.
    /// </summary>
    public static async Task<ViewRead<T>> ReadAsync<T>(HttpContext context, CancellationToken cancellationToken) where T : class, IViewQuery
    {
        var errors = new ValidationErrors();
        if (QueryParameters.Bind<T>(context.Request.Query, errors) is not { } query)
        {
            return new ViewRead<T>(null, null, Results.Problem(errors.ToProblem()));
        }

        var wait = await AwaitAsync(context, query.WaitFor, cancellationToken);
        return new ViewRead<T>(query, wait.Freshness, wait.Problem);
    }

    /// <summary>The outcome of <see cref="AwaitAsync"/>: the views' freshness, and a problem to answer with when they did not catch up.</summary>
    public sealed record Wait(ViewFreshness Freshness, IResult? Problem);

    /// <summary>Waits until the async views reflect event <paramref name="waitFor"/> (when given), and says how fresh they are.</summary>
    public static async Task<Wait> AwaitAsync(HttpContext context, long? waitFor, CancellationToken cancellationToken)
    {
        var store = context.RequestServices.GetRequiredService<IDocumentStore>();
        var dataSource = context.RequestServices.GetRequiredService<NpgsqlDataSource>();
        var deadline = DateTimeOffset.UtcNow + MaxWait;
        while (true)
        {
            var (freshness, last) = await FreshnessAsync(store, dataSource, cancellationToken);
            context.Response.Headers[ViewSequenceHeader] = freshness.Sequence.ToString(CultureInfo.InvariantCulture);
            if (waitFor is not { } wanted || freshness.Sequence >= wanted)
            {
                return new Wait(freshness, null);
            }

            if (wanted > last)
            {
                var errors = new ValidationErrors();
                errors.Add(WaitForParameter, $"No event has sequence {wanted} yet (the latest is {last}).");
                return new Wait(freshness, Results.Problem(errors.ToProblem()));
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                context.Response.Headers.RetryAfter = "1";
                return new Wait(freshness, Results.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "The views have not caught up yet.",
                    Detail = $"The views reflect events up to {freshness.Sequence}; event {wanted} was not applied within {MaxWait.TotalSeconds:0} s. Try again.",
                }));
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// For pages a person reads right after writing: waits (up to <paramref name="patience"/>) until the async views reflect
    /// every event written before the call, then says how fresh they are, caught up or not (no problem answer: the page
    /// shows what the views have, with their freshness).
    /// </summary>
    public static async Task<ViewFreshness> CatchUpAsync(HttpContext context, TimeSpan patience, CancellationToken cancellationToken)
    {
        var store = context.RequestServices.GetRequiredService<IDocumentStore>();
        var dataSource = context.RequestServices.GetRequiredService<NpgsqlDataSource>();
        var deadline = DateTimeOffset.UtcNow + patience;
        var (freshness, last) = await FreshnessAsync(store, dataSource, cancellationToken);
        while (freshness.Sequence < last && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(PollInterval, cancellationToken);
            (freshness, _) = await FreshnessAsync(store, dataSource, cancellationToken);
        }

        return freshness;
    }

    /// <summary>Freshness of all async views together (the least advanced one), and the latest event's sequence.</summary>
    public static async Task<(ViewFreshness Freshness, long LastEvent)> FreshnessAsync(IDocumentStore store, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var (views, last) = await ProgressAsync(store, dataSource, cancellationToken);
        if (views.Count == 0)
        {
            return (new ViewFreshness(last, null), last);
        }

        var least = views.MinBy(v => v.Sequence)!;
        return (new ViewFreshness(least.Sequence, least.UpdatedAt), last);
    }

    /// <summary>Each async view's progress (one query), and the latest event's sequence.</summary>
    public static async Task<(IReadOnlyList<ViewProgress> Views, long LastEvent)> ProgressAsync(IDocumentStore store, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var names = ShardNames(store);
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var command = dataSource.CreateCommand(
            $"select name, last_seq_id, last_updated, mode from {schema}.mt_event_progression where name = any(@names);" +
            $"select coalesce(max(seq_id), 0) from {schema}.mt_events;");
        command.Parameters.AddWithValue("names", names);
        var found = new Dictionary<string, (long Sequence, DateTimeOffset? At, bool Rebuilding)>();
        long last;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetString(0)] = (
                    reader.IsDBNull(1) ? 0 : reader.GetInt64(1),
                    reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2),
                    !reader.IsDBNull(3) && reader.GetString(3) == "rebuilding");
            }

            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            last = reader.GetInt64(0);
        }

        var views = names.Select(name => found.TryGetValue(name, out var p)
            ? new ViewProgress(name, p.Sequence, Math.Max(0, last - p.Sequence), p.At) { Rebuilding = p.Rebuilding }
            : new ViewProgress(name, 0, last, null)).ToList();
        return (views, last);
    }

    /// <summary>The progress-row names of every async projection shard.</summary>
    public static string[] ShardNames(IDocumentStore store) =>
        [.. Shards(store).Select(shard => shard.Identity).Order(StringComparer.Ordinal)];

    /// <summary>Whether this node runs the view of that progress-row name (its agent, of Wolverine's event-subscription family, runs here).</summary>
    public static bool RunsHere(IDocumentStore store, Uri[] runningAgents, string view) =>
        Shards(store).FirstOrDefault(shard => shard.Identity == view) is { } shard
        && runningAgents.Any(agent => agent.Scheme == "event-subscriptions"
            && agent.AbsolutePath.TrimEnd('/').EndsWith("/" + shard.RelativeUrl, StringComparison.OrdinalIgnoreCase));

    /// <summary>The async views' shards: projections only (a subscription, such as the alerts', has progress but is no view to rebuild).</summary>
    private static IEnumerable<JasperFx.Events.Projections.ShardName> Shards(IDocumentStore store)
    {
        var projections = ((DocumentStore)store).Options.Projections;
        var views = projections.All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return projections.AllShards().Select(shard => shard.Name).Where(name => views.Contains(name.Name));
    }

    /// <summary>Puts the global sequence of a write's last event on the response (<see cref="EventSequenceHeader"/>).</summary>
    internal sealed class EventSequenceListener(IHttpContextAccessor http) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            var response = http.HttpContext?.Response;
            var events = commit.GetEvents().ToList();
            if (response is { HasStarted: false } && events.Count > 0)
            {
                response.Headers[EventSequenceHeader] = events.Max(e => e.Sequence).ToString(CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Registers the listener with the store (it needs the HTTP context, so it is added once services exist).</summary>
    internal sealed class Registration(IHttpContextAccessor http) : IConfigureMarten
    {
        public void Configure(IServiceProvider services, StoreOptions options) => options.Listeners.Add(new EventSequenceListener(http));
    }
}

/// <summary>The query of an async view's read: whatever else it takes, <c>waitFor</c>.</summary>
public interface IViewQuery
{
    long? WaitFor { get; }
}

/// <summary>The query of an async view's read that only asks to wait: <c>waitFor</c>.</summary>
public sealed record ViewWaitQuery([Range(typeof(long), "1", "9223372036854775807")] long? WaitFor = null) : IViewQuery;

/// <summary>An async view's read, ready: its query bound and the views waited for (their freshness); or the problem to answer.</summary>
public sealed record ViewRead<T>(T? Query, ViewFreshness? Freshness, IResult? Problem)
    where T : class, IViewQuery;
