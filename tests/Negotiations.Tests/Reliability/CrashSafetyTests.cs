using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Negotiations.Deals;
using Negotiations.Deals.GettingHistory;
using Negotiations.Deals.ListingDeals;
using Negotiations.Infrastructure;
using Negotiations.Tests.Infrastructure;
using Npgsql;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Reliability;

/// <summary>
/// The service as a real process on its own durable PostgreSQL, loaded by several clients, killed with SIGKILL while
/// writes are in flight, and started again on the same database. Every write a client saw acknowledged (2xx) must be
/// there, at the version it was given, in the history and in the status; and no deal may be half-written: its status,
/// its stream and its history agree on every deal in the store, and every stored event is one a client sent, once.
/// </summary>
public class CrashSafetyTests(ITestOutputHelper output)
{
    private const int Clients = 6;

    /// <summary>Enough load for many writes to be in flight, little enough to check every deal afterwards.</summary>
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(1.5);

    private const int EnoughAcknowledgedWrites = 2000;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task a_service_killed_mid_load_keeps_every_acknowledged_write_and_half_writes_nothing()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var root = TempFolder.Create("negotiations-crash");
        LocalPostgres? postgres = null;
        ServiceProcess? killed = null;
        ServiceProcess? restarted = null;
        try
        {
            postgres = await LocalPostgres.StartAsync(root, durable: true, cancellationToken: cancellation);
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings__Negotiations"] = postgres.ConnectionString,
                // The default per-key write limit would turn most of the load into 429s.
                ["RateLimiting__WritesPerMinute"] = "0",
            };
            killed = ServiceProcess.Start(settings);
            await killed.WaitUntilHealthyAsync(Patience);

            var load = new Load();
            // The service compiles each endpoint's handler at its first call: warm every route up, or the first seconds
            // of load are spent waiting on the compiler.
            var warmUp = await WriteAsync(killed.Client, new Uri("/api/deals", UriKind.Relative), NewDeal("Warm-up"), load);
            Assert.NotNull(warmUp);
            Assert.NotNull(await WriteAsync(killed.Client, new Uri($"/api/deals/{warmUp}/terms", UriKind.Relative), new { amount = Usd(1_000_000m), source = Source() }, load));
            Assert.NotNull(await WriteAsync(killed.Client, new Uri($"/api/deals/{warmUp}/talks", UriKind.Relative), new { source = Source() }, load));

            var clock = Stopwatch.StartNew();
            var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(() => RunClientAsync(killed.BaseAddress, client, load), cancellation)).ToArray();
            while (clock.Elapsed < LoadBeforeKill && load.Acknowledged.Count < EnoughAcknowledgedWrites && !clients.Any(c => c.IsCompleted))
            {
                await Task.Delay(10, cancellation);
            }

            load.Killed = true;
            var inFlightAtKill = Volatile.Read(ref load.InFlight);
            var loadTime = clock.Elapsed;
            killed.Kill();
            await Task.WhenAll(clients);
            Assert.Empty(load.Refused);
            Assert.NotEmpty(load.Acknowledged);

            restarted = ServiceProcess.Start(settings);
            await restarted.WaitUntilHealthyAsync(Patience);
            var deals = await CheckEveryDealAsync(restarted.Client, postgres.ConnectionString, load);

            output.WriteLine(
                $"{load.Acknowledged.Count} writes acknowledged by {Clients} clients in {loadTime.TotalSeconds:0.00} s; " +
                $"{inFlightAtKill} in flight at the SIGKILL, {load.Unanswered} never answered ({deals.UnansweredButStored} of those stored); " +
                $"{deals.Deals} deals and {deals.Events} events checked after the restart.");
        }
        finally
        {
            if (killed is not null)
            {
                await killed.DisposeAsync();
            }

            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }

            if (postgres is not null)
            {
                await postgres.StopAsync();
            }

            TempFolder.Delete(root);
        }
    }

    /// <summary>One client: opens a deal, then proposes terms and reports talks on it in turn, over and over, until the kill.</summary>
    private static async Task RunClientAsync(Uri service, int client, Load load)
    {
        using var http = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(30) };
        for (var round = 0; !load.Killed; round++)
        {
            var opened = await WriteAsync(http, new Uri("/api/deals", UriKind.Relative),
                NewDeal($"Crash test {client}.{round}", $"Investor {client}.{round}", $"Target {client}.{round}"), load);
            for (var write = 0; opened is { } deal && write < 4 && !load.Killed; write++)
            {
                opened = write % 2 == 0
                    ? await WriteAsync(http, new Uri($"/api/deals/{deal}/terms", UriKind.Relative),
                        new { amount = Usd((write + 1) * 1_000_000_000m, "UpTo"), source = Source() }, load)
                    : await WriteAsync(http, new Uri($"/api/deals/{deal}/talks", UriKind.Relative),
                        new { summary = $"Round {round}, write {write}", source = Source() }, load);
            }

            if (opened is null)
            {
                return;
            }
        }
    }

    /// <summary>One write, tagged with its own correlation id so the store can be searched for it; the deal id on a 2xx.</summary>
    private static async Task<Guid?> WriteAsync(HttpClient http, Uri path, object body, Load load)
    {
        var correlationId = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add(Correlation.CorrelationHeader, correlationId);
        load.Sent[correlationId] = path.ToString();
        Interlocked.Increment(ref load.InFlight);
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                load.Refused.Add($"{(int)response.StatusCode} on POST {path}: {text}");
                return null;
            }

            var written = path.ToString() == "/api/deals" ? Written(TestJson.Read<DealOpened>(text)) : TestJson.Read<DealWritten>(text);
            load.Acknowledged[correlationId] = new Acknowledged(written.Id, written.Version);
            return written.Id;
        }
        catch (Exception e) when (load.Killed && e is HttpRequestException or IOException or TaskCanceledException)
        {
            // The service died with this write in flight: it may or may not have been committed, but never half.
            Interlocked.Increment(ref load.Unanswered);
            return null;
        }
        finally
        {
            Interlocked.Decrement(ref load.InFlight);
        }
    }

    private static DealWritten Written(DealOpened deal) => new(deal.Id, deal.Version);

    /// <summary>Every acknowledged write where it was acknowledged, and every deal in the store whole.</summary>
    private static async Task<Checked> CheckEveryDealAsync(HttpClient service, string connectionString, Load load)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var streams = await StreamsAsync(connectionString);
        // The list is an async view: read it once it reflects the last event stored. The restarted service takes the
        // views over only once the killed node is found silent, which can take longer than one waitFor (503 meanwhile).
        var listed = new Uri($"/api/deals?pageSize=1&waitFor={await LastSequenceAsync(connectionString)}", UriKind.Relative);
        using var views = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        HttpResponseMessage answer;
        while ((answer = await service.GetAsync(listed, cancellation)).StatusCode == HttpStatusCode.ServiceUnavailable && !views.IsCancellationRequested)
        {
            answer.Dispose();
        }

        var list = TestJson.Read<DealList>(await answer.EnsureSuccessStatusCode().Content.ReadAsStringAsync(cancellation));
        answer.Dispose();
        Assert.Equal(streams.Count, list.Total);

        var stored = new Dictionary<string, (Guid Deal, long Version)>();
        var statusVersions = new Dictionary<Guid, long>();
        var events = 0;
        foreach (var (id, streamVersion) in streams)
        {
            var status = TestJson.Read<Deal>(await service.GetStringAsync(new Uri($"/api/deals/{id}", UriKind.Relative), cancellation));
            var history = TestJson.Read<DealHistory>(await service.GetStringAsync(new Uri($"/api/deals/{id}/history", UriKind.Relative), cancellation));
            var versions = history.Events.Select(e => e.Version).ToList();

            // Status and history agree: the status counts exactly the events the history holds, numbered 1 to n without a gap.
            Assert.Equal(Enumerable.Range(1, versions.Count).Select(v => (long)v), versions);
            statusVersions[id] = status.Version;
            Assert.Equal(versions.Count, statusVersions[id]);
            Assert.Equal(versions.Count, streamVersion);
            Assert.Equal(id, history.Id);
            Assert.Equal(id, status.Id);
            Assert.Equal("talks_reported", history.Events[0].Type);

            foreach (var e in history.Events)
            {
                var correlationId = e.CorrelationId ?? "";
                Assert.True(load.Sent.ContainsKey(correlationId), $"Deal {id} event {e.Version} was recorded by no request a client sent.");
                Assert.True(stored.TryAdd(correlationId, (id, e.Version)), $"Request {correlationId} was recorded twice.");
                events++;
            }
        }

        foreach (var (correlationId, acknowledged) in load.Acknowledged)
        {
            Assert.True(stored.TryGetValue(correlationId, out var at), $"The acknowledged write {correlationId} ({acknowledged}) is not in the store.");
            Assert.Equal((acknowledged.Deal, acknowledged.Version), at);
            Assert.True(statusVersions[acknowledged.Deal] >= acknowledged.Version, $"The status of deal {acknowledged.Deal} is behind its acknowledged version {acknowledged.Version}.");
        }

        return new Checked(streams.Count, events, stored.Count - load.Acknowledged.Count);
    }

    /// <summary>Every stream in the store with its version, read past the API so no deal can hide from the check.</summary>
    private static async Task<List<(Guid Id, long Version)>> StreamsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"select id, version from {ServiceSetup.SchemaName}.mt_streams order by id", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var streams = new List<(Guid, long)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            streams.Add((reader.GetGuid(0), reader.GetInt64(1)));
        }

        return streams;
    }

    private static async Task<long> LastSequenceAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"select coalesce(max(seq_id), 1) from {ServiceSetup.SchemaName}.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private sealed record Acknowledged(Guid Deal, long Version);

    private sealed record Checked(int Deals, int Events, int UnansweredButStored);

    /// <summary>What the clients sent and heard, shared between them.</summary>
    private sealed class Load
    {
        public readonly ConcurrentDictionary<string, string> Sent = new();
        public readonly ConcurrentDictionary<string, Acknowledged> Acknowledged = new();
        public readonly ConcurrentBag<string> Refused = [];
        public int InFlight;
        public int Unanswered;
        private volatile bool _killed;

        public bool Killed
        {
            get => _killed;
            set => _killed = value;
        }
    }
}
