using System.Diagnostics;
using System.Text.Json;
using Negotiations.Operations;

namespace Negotiations.Benchmarks;

/// <summary>
/// Samples <c>GET /api/views</c> every 100 ms while a load runs: how far behind the latest event the slowest async view
/// is. After the load, how long the views take to apply everything written.
/// </summary>
internal sealed class DaemonLag(HttpClient http) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly CancellationTokenSource _stop = new();

    public List<long> Samples { get; } = [];

    /// <summary>Each view's own samples (which view is the slowest, and by how much).</summary>
    public SortedDictionary<string, List<long>> ByView { get; } = new(StringComparer.Ordinal);

    public void Dispose() => _stop.Dispose();

    public double Max => Samples.Count == 0 ? 0 : Samples.Max();

    public double Percentile(double p) => Percentile(Samples, p);

    public static double Percentile(List<long> samples, double p) =>
        samples.Count == 0 ? 0 : samples.Order().ElementAt(Math.Min(samples.Count - 1, (int)Math.Ceiling(p * samples.Count) - 1));

    public async Task SampleAsync(CancellationToken cancel)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancel, _stop.Token);
        try
        {
            while (true)
            {
                var progress = await ReadAsync(both.Token);
                if (progress.Views.Count > 0)
                {
                    Samples.Add(progress.Views.Max(v => v.Behind));
                    foreach (var view in progress.Views)
                    {
                        (ByView.TryGetValue(view.Name, out var samples) ? samples : ByView[view.Name] = []).Add(view.Behind);
                    }
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), both.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped: the load is over.
        }
    }

    /// <summary>Stops sampling; the time from then until every view has applied the last event.</summary>
    public async Task<TimeSpan> StopAndDrainAsync(Task sampling, CancellationToken cancel)
    {
        await _stop.CancelAsync();
        await sampling;
        var clock = Stopwatch.StartNew();
        while (await ReadAsync(cancel) is { } progress && progress.Freshness.Sequence < progress.LastEvent)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancel);
        }

        return clock.Elapsed;
    }

    private async Task<ViewsProgress> ReadAsync(CancellationToken cancel) =>
        JsonSerializer.Deserialize<ViewsProgress>(await http.GetStringAsync(new Uri("/api/views", UriKind.Relative), cancel), Json)
        ?? throw new InvalidOperationException("GET /api/views answered nothing.");
}
