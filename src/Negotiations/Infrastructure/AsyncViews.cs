using Marten;

namespace Negotiations.Infrastructure;

/// <summary>The event sequence (and, when known, the time) the async views reflect.</summary>
public sealed record ViewFreshness(long Sequence, DateTimeOffset? At);

/// <summary>
/// Reads of the async views (projections run by Marten's daemon, not in the writing transaction) say how fresh they are
/// (header <c>X-View-Sequence</c> and a <c>freshness</c> member) and can wait, bounded, until the views reflect a given
/// event sequence (<c>waitFor</c>, the <c>X-Event-Sequence</c> a write answered with): read-your-writes.
/// </summary>
public static class AsyncViews
{
    public const string SequenceHeader = "X-View-Sequence";

    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    /// <summary>The freshness to answer with, or the problem to answer instead (the views did not catch up in time).</summary>
    public sealed record Wait(ViewFreshness Freshness, IResult? Problem);

    public static async Task<Wait> AwaitAsync(HttpContext context, long? waitFor, CancellationToken ct)
    {
        var store = context.RequestServices.GetRequiredService<IDocumentStore>();
        var deadline = DateTimeOffset.UtcNow + MaxWait;
        while (true)
        {
            var sequence = await ReflectedAsync(store, ct);
            context.Response.Headers[SequenceHeader] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var freshness = new ViewFreshness(sequence, null);
            if (waitFor is null || sequence >= waitFor)
            {
                return new Wait(freshness, null);
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                context.Response.Headers.RetryAfter = "1";
                return new Wait(freshness, Results.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "The views have not caught up yet.",
                    Detail = $"The async views reflect event sequence {sequence}, not yet {waitFor}; retry after Retry-After seconds.",
                }));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), ct);
        }
    }

    /// <summary>The lowest sequence any async projection has reached (0 before the daemon ran any).</summary>
    private static async Task<long> ReflectedAsync(IDocumentStore store, CancellationToken ct)
    {
        var shards = (await store.Advanced.AllProjectionProgress(token: ct))
            .Where(s => s.ShardName != "HighWaterMark").ToList();
        return shards.Count == 0 ? 0 : shards.Min(s => s.Sequence);
    }
}
