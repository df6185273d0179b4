using System.Diagnostics;

namespace Negotiations.Benchmarks;

/// <summary>The outcome of one load phase: operations completed, how long it ran, and each one's latency in ms.</summary>
public sealed record LoadResult(long Count, double Seconds, double[] Latencies)
{
    public double PerSecond => Count / Seconds;

    /// <summary>Nearest rank: an observed latency, never an interpolation between two.</summary>
    public double Percentile(double q)
    {
        if (Latencies.Length == 0)
        {
            return double.NaN;
        }

        var sorted = Latencies.Order().ToArray();
        return sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }
}

/// <summary>Load loops, each bounded in count and in time, that stop by themselves.</summary>
public static class Load
{
    /// <summary>
    /// Closed loop: <paramref name="connections"/> workers, each sending its next operation when the last one answered,
    /// until <paramref name="duration"/> has passed or <paramref name="maxCount"/> operations were started. Operation
    /// i gets i, so callers spread it over their deals.
    /// </summary>
    public static async Task<LoadResult> ClosedAsync(
        int connections, TimeSpan duration, long maxCount, Func<long, int, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        long started = 0;
        var latencies = new List<double>[connections];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref started) - 1;
                if (i >= maxCount)
                {
                    break;
                }

                var start = Stopwatch.GetTimestamp();
                await operation(i, worker, cancellationToken);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        cancellationToken.ThrowIfCancellationRequested();
        var all = latencies.SelectMany(l => l).ToArray();
        return new LoadResult(all.Length, seconds, all);
    }

    /// <summary>
    /// Open loop: operations started at a fixed <paramref name="perSecond"/> whether or not earlier ones answered, and
    /// timed from when each was due, so that a stall shows in the latencies instead of slowing the schedule (no
    /// coordinated omission). At most <paramref name="maxInFlight"/> at once; bounded by duration and count.
    /// </summary>
    public static async Task<LoadResult> OpenAsync(
        double perSecond, TimeSpan duration, long maxCount, int maxInFlight, Func<long, CancellationToken, Task> operation,
        CancellationToken cancellationToken)
    {
        var count = Math.Min(maxCount, Math.Max(1, (long)(perSecond * duration.TotalSeconds)));
        var latencies = new double[count];
        using var inFlight = new SemaphoreSlim(maxInFlight);
        var clock = Stopwatch.StartNew();
        var running = new List<Task>();
        for (long i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            await inFlight.WaitAsync(cancellationToken);
            var index = i;
            running.Add(Task.Run(async () =>
            {
                try
                {
                    await operation(index, cancellationToken);
                    latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
                }
                finally
                {
                    inFlight.Release();
                }
            }, cancellationToken));
        }

        await Task.WhenAll(running);
        return new LoadResult(count, clock.Elapsed.TotalSeconds, latencies);
    }
}
