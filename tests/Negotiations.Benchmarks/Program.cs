using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Negotiations.Benchmarks;
using Negotiations.Deals.GettingHistory;
using Negotiations.Infrastructure;
using Negotiations.Security;
using Npgsql;

// The service measured against PostgreSQL itself, in one run on one machine: the Release build in its own process as
// deployed (Production, an API key, rate limit off), on a private PostgreSQL with fsync on, driven over loopback HTTP;
// and the same-shaped work sent straight to the same PostgreSQL with Npgsql at the same concurrency, in scratch tables
// of a schema of its own. Ratios from one run are what count: the machine is shared and absolute numbers drift.
// Progress goes to stderr and the report (Markdown) to stdout, so `> report.md` keeps only the report.

const string BenchmarkKey = "neg_benchmark-only-key";
const string Scratch = "benchmark_scratch";
var startupTimeout = TimeSpan.FromSeconds(120);
// A part of its own, selected by its flag: the deal search at scale (SearchBenchmark.cs).
if (args is ["--search", .. var searchArguments])
{
    return await SearchBenchmark.RunAsync(searchArguments, CancellationToken.None);
}

var flags = new (string Name, int Default, int Min, int Max, string Help)[]
{
    ("--seconds", 8, 1, 600, "length of each measured throughput phase"),
    ("--warmup-seconds", 2, 0, 60, "unmeasured load before each phase"),
    ("--latency-seconds", 6, 1, 600, "length of each open-loop latency phase"),
    ("--command-connections", 8, 1, 256, "concurrent writers (HTTP connections / PostgreSQL connections)"),
    ("--read-connections", 16, 1, 256, "concurrent readers"),
    ("--deals", 64, 1, 10_000, "deals the commands and reads are spread over"),
    ("--history-events", 10_000, 2, 100_000, "events of the one long deal whose history is read"),
    ("--history-seconds", 120, 1, 600, "time allowed to append them"),
    ("--history-reads", 3, 1, 1000, "reads of the whole long history (median reported)"),
    ("--max-requests", 1_000_000, 1, 100_000_000, "cap on the requests of any one phase"),
    ("--rebuild-events", 1_000_000, 0, 20_000_000, "events the status projection is rebuilt from, the store filled up to that many with copies of the long deal (0: no rebuild)"),
};
var settings = flags.ToDictionary(f => f.Name, f => f.Default);
for (var i = 0; i < args.Length; i += 2)
{
    var flag = flags.FirstOrDefault(f => f.Name == args[i]);
    if (flag.Name is null || i + 1 == args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value)
        || value < flag.Min || value > flag.Max)
    {
        Console.Error.WriteLine($"Got: {string.Join(' ', args)}");
        Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/Negotiations.Benchmarks -- [flag N] ...");
        foreach (var (name, defaultValue, min, max, help) in flags)
        {
            Console.Error.WriteLine($"  {name,-22} {min}..{max}, default {defaultValue}: {help}");
        }

        return 2;
    }

    settings[args[i]] = value;
}

var seconds = TimeSpan.FromSeconds(settings["--seconds"]);
var warmUp = TimeSpan.FromSeconds(settings["--warmup-seconds"]);
var latencySeconds = TimeSpan.FromSeconds(settings["--latency-seconds"]);
var writers = settings["--command-connections"];
var readers = settings["--read-connections"];
var dealCount = settings["--deals"];
var historyEvents = settings["--history-events"];
var maxRequests = settings["--max-requests"];

// The service as deployed: published ReadyToRun for this machine (framework-dependent), which a Release build of this
// project does (Negotiations.Benchmarks.csproj, PublishServiceReadyToRun) when the service changed.
var metadata = typeof(Phase).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
var publishFolder = metadata.GetValueOrDefault("ServicePublishDir");
var serviceDll = publishFolder is null ? null : Path.Combine(publishFolder, "Negotiations.dll");
if (serviceDll is null || !File.Exists(serviceDll))
{
    Console.Error.WriteLine($"No published service at {serviceDll ?? "(unknown)"}: run `dotnet run -c Release --project tests/Negotiations.Benchmarks`, " +
        "whose Release build publishes it (ReadyToRun); a Debug build does not.");
    return 2;
}

var serviceForm = $"published ReadyToRun ({metadata.GetValueOrDefault("ServiceRuntime")}, framework-dependent) at {serviceDll}";

// Ctrl+C or SIGTERM (a CI timeout) cancels the run instead of ending the process, so that the finally block below
// still stops the service and PostgreSQL.
using var interrupted = new CancellationTokenSource();
void Interrupt(PosixSignalContext signal)
{
    signal.Cancel = true;
    interrupted.Cancel();
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
var cancel = interrupted.Token;

var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
var newDeal = JsonSerializer.Serialize(new
{
    title = "Amazon invests in OpenAI",
    kind = "Investment",
    parties = new[] { new { name = "Amazon", role = "Investor" }, new { name = "OpenAI", role = "Target" } },
    amount = new { value = 10_000_000_000m, currency = "USD", qualifier = "AtLeast" },
    source = new { publication = "The Information", publishedOn = "2025-12-16", attribution = "AnonymousSource" },
}, json);
var terms = JsonSerializer.Serialize(new
{
    amount = new { value = 50_000_000_000m, currency = "USD", qualifier = "UpTo" },
    source = new { publication = "WSJ", publishedOn = "2026-01-29" },
}, json);

var tempFolder = Path.Combine(Path.GetTempPath(), $"negotiations-benchmark-{Guid.NewGuid():N}");
var serviceOutput = new ConcurrentQueue<string>();
var port = Ports.FreeLoopbackPort();
// No proxy: only the service on 127.0.0.1 is ever contacted, whatever HTTP_PROXY says. One connection per worker.
using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 256 })
{
    BaseAddress = new Uri($"http://127.0.0.1:{port}"),
    Timeout = startupTimeout,
    DefaultRequestHeaders = { { ApiKeyAuthenticationHandler.HeaderName, BenchmarkKey } },
};
var invariant = CultureInfo.InvariantCulture;
LocalPostgres? postgres = null;
Process? service = null;
NpgsqlDataSource? direct = null;
try
{
    Console.Error.WriteLine($"Starting PostgreSQL in {tempFolder} ...");
    postgres = await LocalPostgres.StartAsync(tempFolder, durable: true, cancellationToken: cancel);
    // Before the service starts: loading the module needs a restart of the cluster.
    var statementStatistics = await Probes.EnableStatementStatisticsAsync(postgres, cancel);
    Console.Error.WriteLine(statementStatistics ? "pg_stat_statements loaded." : "pg_stat_statements is not installed: no statement counts.");
    var postmaster = Probes.PostmasterPid(postgres.DataDirectory);
    await using var control = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = false }.ConnectionString);
    await control.OpenAsync(cancel);

    Console.Error.WriteLine($"Starting the service, {serviceForm}, on port {port} ...");
    var clock = Stopwatch.StartNew();
    var running = service = StartService(serviceDll, postgres.ConnectionString, port, serviceOutput);

    // Both polls run side by side so that neither's first request (which compiles its endpoint) delays the other's time.
    using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancel);
    var healthy = PollAsync(async () =>
    {
        using var response = await http.GetAsync("/health", startup.Token);
        return response.StatusCode == HttpStatusCode.OK;
    });
    var firstWrite = PollAsync(async () =>
    {
        await SendAsync(HttpMethod.Post, "/api/deals", newDeal, HttpStatusCode.Created, startup.Token);
        return true;
    });
    await Task.WhenAll(healthy, firstWrite);
    // The service's own CPU from its start to its first write (user + system): unlike the wall time, not inflated by
    // other work on the machine (only by the /health poll, which runs beside it).
    var startupCpu = Probes.CpuSeconds(running.Id);
    var idleRss = Probes.RssMegabytes(running.Id);

    Console.Error.WriteLine($"Creating {dealCount} deals ...");
    var deals = new Guid[dealCount];
    await Load.ClosedAsync(writers, TimeSpan.FromMinutes(5), dealCount,
        async (i, _, ct) => deals[i] = await CreateDealAsync(ct), cancel);
    if (deals.Contains(Guid.Empty))
    {
        throw new InvalidOperationException("Not every deal was created in time.");
    }

    // The scratch side: the same deals' documents as the service stores them, in tables of the benchmark's own.
    Console.Error.WriteLine($"Creating the scratch schema {Scratch} ...");
    direct = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(postgres.ConnectionString)
    {
        MaxPoolSize = Math.Max(writers, readers) + 1,
    }.ConnectionString).Build();
    await ExecuteAsync($"""
        drop schema if exists {Scratch} cascade;
        create schema {Scratch};
        create table {Scratch}.streams (id uuid primary key, version bigint not null);
        create table {Scratch}.events (seq bigserial primary key, stream_id uuid not null, version bigint not null,
            type text not null, data jsonb not null, timestamp timestamptz not null default now(), unique (stream_id, version));
        create table {Scratch}.docs (id uuid primary key, data jsonb not null, version bigint not null);
        """);
    foreach (var deal in deals)
    {
        var document = await SendAsync(HttpMethod.Get, $"/api/deals/{deal}", null, HttpStatusCode.OK, cancel);
        await ExecuteAsync($"""
            insert into {Scratch}.streams values (@id, 1);
            insert into {Scratch}.events (stream_id, version, type, data) values (@id, 1, 'talks_reported', @event::jsonb);
            insert into {Scratch}.docs values (@id, @doc::jsonb, 1);
            """, ("id", deal), ("event", newDeal), ("doc", document));
    }

    var phases = new List<Phase>();

    // (i) Commands: append terms to one of the deals.
    Console.Error.WriteLine($"Commands, {writers} connections: the service ...");
    // The async views' lag while the commands come: how many events behind the latest the slowest view is, sampled.
    using var lag = new DaemonLag(http);
    var lagSampling = lag.SampleAsync(cancel);
    var serviceCommands = await MeasureAsync("POST terms (service)", writers, running.Id,
        (i, _, ct) => SendAsync(HttpMethod.Post, $"/api/deals/{deals[i % dealCount]}/terms", terms, HttpStatusCode.OK, ct));
    var drained = await lag.StopAndDrainAsync(lagSampling, cancel);
    Console.Error.WriteLine($"Commands, {writers} connections: PostgreSQL alone ...");
    var directCommands = await MeasureAsync("same-shaped transaction (PostgreSQL)", writers, null,
        (i, _, ct) => DirectCommandAsync(deals[i % dealCount], ct));

    // (ii) Status reads.
    Console.Error.WriteLine($"Status reads, {readers} connections: the service ...");
    var serviceReads = await MeasureAsync("GET status (service)", readers, running.Id,
        (i, _, ct) => SendAsync(HttpMethod.Get, $"/api/deals/{deals[i % dealCount]}", null, HttpStatusCode.OK, ct));
    Console.Error.WriteLine($"Status reads, {readers} connections: PostgreSQL alone ...");
    var directReads = await MeasureAsync("primary-key select of the jsonb document (PostgreSQL)", readers, null,
        (i, _, ct) => DirectReadAsync(deals[i % dealCount], ct));

    // Latency at half the service's peak, open loop, both sides at that same rate.
    var halfPeak = Math.Max(1, serviceCommands.Load.PerSecond / 2);
    Console.Error.WriteLine($"Command latency at {halfPeak:F0}/s, open loop: the service ...");
    var serviceLatency = await Load.OpenAsync(halfPeak, latencySeconds, maxRequests, 256,
        (i, ct) => SendAsync(HttpMethod.Post, $"/api/deals/{deals[i % dealCount]}/terms", terms, HttpStatusCode.OK, ct), cancel);
    Console.Error.WriteLine($"Command latency at {halfPeak:F0}/s, open loop: PostgreSQL alone ...");
    var directLatency = await Load.OpenAsync(halfPeak, latencySeconds, maxRequests, Math.Max(writers, readers),
        (i, ct) => DirectCommandAsync(deals[i % dealCount], ct), cancel);

    // History of one long deal: its writers queue on the deal's lock, so several at once keep the service busy.
    Console.Error.WriteLine($"Appending {historyEvents - 1} events to one deal ({writers} writers) ...");
    var longDeal = await CreateDealAsync(cancel);
    var appended = await Load.ClosedAsync(writers, TimeSpan.FromSeconds(settings["--history-seconds"]), historyEvents - 1,
        (_, _, ct) => SendAsync(HttpMethod.Post, $"/api/deals/{longDeal}/terms", terms, HttpStatusCode.OK, ct), cancel);
    var longEvents = (int)appended.Count + 1;
    // Once untimed, as every other endpoint was warmed: the first call compiles the endpoint's code.
    await ReadHistoryAsync(longDeal);
    var historyTimes = new List<double>();
    for (var i = 0; i < settings["--history-reads"]; i++)
    {
        var start = Stopwatch.GetTimestamp();
        var read = await ReadHistoryAsync(longDeal);
        historyTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        if (read != longEvents)
        {
            throw new InvalidOperationException($"The history holds {read} events, expected {longEvents}.");
        }
    }

    await ExecuteAsync($"""
        insert into {Scratch}.events (stream_id, version, type, data)
        select @id, v, 'terms_proposed', @event::jsonb from generate_series(1, @count) v;
        analyze {Scratch}.events;
        """, ("id", longDeal), ("event", terms), ("count", longEvents));
    await DirectHistoryAsync(longDeal);
    var directHistoryTimes = new List<double>();
    for (var i = 0; i < settings["--history-reads"]; i++)
    {
        var start = Stopwatch.GetTimestamp();
        var read = await DirectHistoryAsync(longDeal);
        directHistoryTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        if (read != longEvents)
        {
            throw new InvalidOperationException($"The scratch history holds {read} events, expected {longEvents}.");
        }
    }

    // The status projection rebuilt from the store filled up to --rebuild-events, with the service stopped first so that
    // nothing competes with the rebuild (its async views would apply the seeded events too).
    RebuildResult? rebuild = null;
    if (settings["--rebuild-events"] > 0)
    {
        Console.Error.WriteLine("Stopping the service for the rebuild ...");
        running.Kill(entireProcessTree: true);
        await running.WaitForExitAsync(cancel);
        running.Dispose();
        service = null;
        rebuild = await RebuildBenchmark.RunAsync(postgres.ConnectionString, postmaster, longDeal, settings["--rebuild-events"], cancel);
    }

    await using var version = new NpgsqlCommand("show server_version", control);
    var postgresVersion = await version.ExecuteScalarAsync(cancel);

    var report = new StringBuilder();
    report.AppendLine(invariant, $"Machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), {RuntimeInformation.FrameworkDescription}, PostgreSQL {postgresVersion} (fsync on), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    report.AppendLine(invariant, $"Service: {serviceForm} (built {File.GetLastWriteTime(serviceDll):yyyy-MM-dd HH:mm}), Production, API key, rate limit off; load from 127.0.0.1 over HTTP/1.1, {seconds.TotalSeconds:F0} s a phase after {warmUp.TotalSeconds:F0} s of warm-up, spread over {dealCount} deals");
    report.AppendLine();
    report.AppendLine("| measure | the service | PostgreSQL alone, same shape | ratio |");
    report.AppendLine("|---|---:|---:|---:|");
    report.AppendLine(invariant, $"| commands/s: append terms to one of {dealCount} deals, {writers} connections | {serviceCommands.Load.PerSecond:F0} | {directCommands.Load.PerSecond:F0} | {serviceCommands.Load.PerSecond / directCommands.Load.PerSecond:F2}× |");
    report.AppendLine(invariant, $"| reads/s: a deal's status, {readers} connections | {serviceReads.Load.PerSecond:F0} | {directReads.Load.PerSecond:F0} | {serviceReads.Load.PerSecond / directReads.Load.PerSecond:F2}× |");
    report.AppendLine(invariant, $"| command p50 / p99 at {halfPeak:F0}/s (half the service's peak), open loop | {serviceLatency.Percentile(0.5):F1} / {serviceLatency.Percentile(0.99):F1} ms | {directLatency.Percentile(0.5):F1} / {directLatency.Percentile(0.99):F1} ms | {directLatency.Percentile(0.5) / serviceLatency.Percentile(0.5):F2}× / {directLatency.Percentile(0.99) / serviceLatency.Percentile(0.99):F2}× |");
    report.AppendLine(invariant, $"| history of a {longEvents:N0}-event deal (GET, pages of {GetDealHistoryEndpoint.MaxLimit:N0}; median of {historyTimes.Count}) | {Median(historyTimes):F0} ms | {Median(directHistoryTimes):F0} ms | {Median(directHistoryTimes) / Median(historyTimes):F2}× |");
    report.AppendLine(invariant, $"| start → first successful write (→ /health 200); the service's CPU until then | {await firstWrite:F0} ms ({await healthy:F0} ms); {startupCpu * 1000:F0} ms CPU | — | — |");
    report.AppendLine(invariant, $"| RSS of the service at steady load, peak (idle after start) | {phases.Where(p => p.Rss > 0).Max(p => p.Rss):F0} MB ({idleRss:F0} MB) | — | — |");
    report.AppendLine(invariant, $"| async views' lag during the commands: events behind, p50 / p95 / max of {lag.Samples.Count} samples; caught up after the load | {lag.Percentile(0.5):F0} / {lag.Percentile(0.95):F0} / {lag.Max:F0} events; {drained.TotalMilliseconds:F0} ms (p50 / p95 per view: {string.Join(", ", lag.ByView.Select(v => $"{v.Key.Split(':')[0]} {DaemonLag.Percentile(v.Value, 0.5):F0} / {DaemonLag.Percentile(v.Value, 0.95):F0}"))}) | — | — |");
    if (rebuild is not null)
    {
        report.AppendLine(invariant, $"| rebuild of the status projection (Deal) from {rebuild.Events:N0} events ({rebuild.Copies} copies of the long deal and this run's own), service stopped; {rebuild.Documents:N0} documents equal to before | {rebuild.EventsPerSecond:N0} events/s ({rebuild.Elapsed.TotalSeconds:F1} s; CPU µs per event: {rebuild.CpuMicrosPerEvent:F1} rebuild / {rebuild.PostgresCpuMicrosPerEvent:F1} postgres; seeded by SQL in {rebuild.Seeding.TotalSeconds:F0} s) | — | — |");
    }

    report.AppendLine();
    report.AppendLine("Ratio: the service's speed over PostgreSQL's (for times, PostgreSQL's time over the service's): 1.00× would be as fast as PostgreSQL doing the same work alone.");
    report.AppendLine();
    report.AppendLine("| phase | ops | CPU cores: service / postgres / load generator | CPU µs per op: service / postgres | SQL statements / op, sent (with those run inside functions) | round trips / op |");
    report.AppendLine("|---|---:|---:|---:|---:|---:|");
    foreach (var phase in phases)
    {
        report.AppendLine(invariant, $"| {phase.Name} | {phase.Load.Count:N0} | {Cores(phase.ServiceCpu, phase.Load.Seconds)} / {Cores(phase.PostgresCpu, phase.Load.Seconds)} / {Cores(phase.ClientCpu, phase.Load.Seconds)} | {Micros(phase.ServiceCpu, phase.Load.Count)} / {Micros(phase.PostgresCpu, phase.Load.Count)} | {PerOp(phase.Statements?.Where(s => s.TopLevel).Sum(s => s.Calls), phase.Load.Count)} ({PerOp(phase.Statements?.Sum(s => s.Calls), phase.Load.Count)}) | {PerOp(phase.Segments, phase.Load.Count)} |");
    }

    report.AppendLine();
    report.AppendLine("CPU in cores (CPU seconds over wall seconds; the machine has " + Environment.ProcessorCount.ToString(invariant) +
        "). SQL statements from pg_stat_statements (BEGIN and COMMIT count); round trips are the TCP data segments the client sent to PostgreSQL (ss), one per flush.");
    foreach (var phase in phases.Where(p => p.Statements is { Count: > 0 }))
    {
        report.AppendLine();
        report.AppendLine(invariant, $"Statements of \"{phase.Name}\" (per op; total ms per op):");
        report.AppendLine();
        report.AppendLine("| per op | ms / op | statement |");
        report.AppendLine("|---:|---:|---|");
        foreach (var statement in phase.Statements!.Where(s => s.Calls * 50 >= phase.Load.Count).Take(16))
        {
            var nested = statement.TopLevel ? "" : "↳ inside a function: ";
            report.AppendLine(invariant, $"| {(double)statement.Calls / phase.Load.Count:F2} | {statement.TotalMilliseconds / phase.Load.Count:F3} | {nested}`{Shorten(statement.Query)}` |");
        }
    }

    Console.Write(report);
    return 0;

    async Task<Phase> MeasureAsync(string name, int connections, int? servicePid, Func<long, int, CancellationToken, Task> operation)
    {
        if (warmUp > TimeSpan.Zero)
        {
            await Load.ClosedAsync(connections, warmUp, maxRequests, operation, cancel);
        }

        if (statementStatistics)
        {
            await Probes.ResetStatementsAsync(control, cancel);
        }

        var client = servicePid ?? Environment.ProcessId;
        var segmentsBefore = await Probes.SegmentsSentAsync(client, postgres.Port, cancel);
        var cpu = (Service: servicePid is { } s ? Probes.CpuSeconds(s) : 0, Postgres: Probes.ClusterCpuSeconds(postmaster), Client: Probes.CpuSeconds(Environment.ProcessId));
        using var sampling = new CancellationTokenSource();
        var rss = servicePid is { } pid ? SampleRssAsync(pid, sampling.Token) : Task.FromResult(0.0);
        var load = await Load.ClosedAsync(connections, seconds, maxRequests, operation, cancel);
        var after = (Service: servicePid is { } t ? Probes.CpuSeconds(t) : 0, Postgres: Probes.ClusterCpuSeconds(postmaster), Client: Probes.CpuSeconds(Environment.ProcessId));
        var segmentsAfter = await Probes.SegmentsSentAsync(client, postgres.Port, cancel);
        await sampling.CancelAsync();
        var statements = statementStatistics ? await Probes.StatementsAsync(control, cancel) : null;
        var phase = new Phase(name, load, after.Service - cpu.Service, after.Postgres - cpu.Postgres, after.Client - cpu.Client,
            segmentsAfter - segmentsBefore, statements, await rss);
        phases.Add(phase);
        return phase;
    }

    async Task DirectCommandAsync(Guid id, CancellationToken ct)
    {
        // Separate round trips, as the statements of one transaction are sent one after another by a client that reads
        // each answer: BEGIN goes with the first.
        await using var connection = await direct.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        string document;
        long current;
        await using (var select = new NpgsqlCommand($"select data::text, version from {Scratch}.docs where id = @id for update", connection, transaction))
        {
            select.Parameters.AddWithValue("id", id);
            await using var reader = await select.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                throw new InvalidOperationException($"No scratch document {id}.");
            }

            document = reader.GetString(0);
            current = reader.GetInt64(1);
        }

        var next = current + 1;
        await using (var insert = new NpgsqlCommand($"insert into {Scratch}.events (stream_id, version, type, data) values (@id, @version, 'terms_proposed', @data::jsonb)", connection, transaction))
        {
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("version", next);
            insert.Parameters.AddWithValue("data", terms);
            await insert.ExecuteNonQueryAsync(ct);
        }

        await using (var bump = new NpgsqlCommand($"update {Scratch}.streams set version = @version where id = @id", connection, transaction))
        {
            bump.Parameters.AddWithValue("id", id);
            bump.Parameters.AddWithValue("version", next);
            await bump.ExecuteNonQueryAsync(ct);
        }

        await using (var upsert = new NpgsqlCommand($$"""
            insert into {{Scratch}}.docs (id, data, version) values (@id, jsonb_set(@data::jsonb, '{version}', to_jsonb(@version)), @version)
            on conflict (id) do update set data = excluded.data, version = excluded.version
            """, connection, transaction))
        {
            upsert.Parameters.AddWithValue("id", id);
            upsert.Parameters.AddWithValue("data", document);
            upsert.Parameters.AddWithValue("version", next);
            await upsert.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    async Task DirectReadAsync(Guid id, CancellationToken ct)
    {
        await using var select = direct.CreateCommand($"select data::text from {Scratch}.docs where id = @id");
        select.Parameters.AddWithValue("id", id);
        if (await select.ExecuteScalarAsync(ct) is not string)
        {
            throw new InvalidOperationException($"No scratch document {id}.");
        }
    }

    async Task<int> DirectHistoryAsync(Guid id)
    {
        await using var select = direct.CreateCommand(
            $"select version, type, data::text, timestamp from {Scratch}.events where stream_id = @id order by version");
        select.Parameters.AddWithValue("id", id);
        await using var reader = await select.ExecuteReaderAsync(cancel);
        var count = 0;
        while (await reader.ReadAsync(cancel))
        {
            _ = reader.GetString(2);
            count++;
        }

        return count;
    }

    async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = direct.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancel);
    }

    // Every page of the deal's history, the largest the API gives, following its next-page pointer.
    async Task<int> ReadHistoryAsync(Guid id)
    {
        var count = 0;
        long? from = 1;
        for (var pages = 0; from is not null && pages < 1000; pages++)
        {
            using var page = JsonDocument.Parse(await SendAsync(HttpMethod.Get,
                $"/api/deals/{id}/history?fromVersion={from}&limit={GetDealHistoryEndpoint.MaxLimit}", null, HttpStatusCode.OK, cancel));
            count += page.RootElement.GetProperty("events").GetArrayLength();
            from = page.RootElement.GetProperty("nextFromVersion") is { ValueKind: JsonValueKind.Number } next ? next.GetInt64() : null;
        }

        return count;
    }

    async Task<double> SampleRssAsync(int pid, CancellationToken ct)
    {
        var peak = 0.0;
        while (!ct.IsCancellationRequested)
        {
            peak = Math.Max(peak, Probes.RssMegabytes(pid));
            try
            {
                await Task.Delay(250, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return peak;
    }

    async Task<double> PollAsync(Func<Task<bool>> attempt)
    {
        try
        {
            while (true)
            {
                if (running.HasExited)
                {
                    throw new InvalidOperationException($"The service exited with code {running.ExitCode} before answering.");
                }

                if (clock.Elapsed > startupTimeout)
                {
                    throw new TimeoutException($"The service did not answer within {startupTimeout.TotalSeconds:F0} s.");
                }

                try
                {
                    if (await attempt())
                    {
                        return clock.Elapsed.TotalMilliseconds;
                    }
                }
                catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
                {
                    // Connection refused: the service is not listening yet.
                }

                await Task.Delay(20, startup.Token);
            }
        }
        catch
        {
            startup.Cancel(); // The other poll has nothing left to wait for.
            throw;
        }
    }
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    Console.Error.WriteLine(cancel.IsCancellationRequested ? "Interrupted." : $"Benchmark failed: {e}");
    if (!cancel.IsCancellationRequested && !serviceOutput.IsEmpty)
    {
        Console.Error.WriteLine("Last lines of the service's output:");
        Console.Error.WriteLine(string.Join(Environment.NewLine, serviceOutput));
    }

    return 1;
}
finally
{
    if (direct is not null)
    {
        await direct.DisposeAsync();
    }

    if (service is not null)
    {
        service.Kill(entireProcessTree: true);
        service.WaitForExit(TimeSpan.FromSeconds(10));
        service.Dispose();
    }

    try
    {
        if (postgres is not null)
        {
            await postgres.StopAsync();
        }
    }
    finally
    {
        DeleteFolder(tempFolder);
    }
}

async Task<string> SendAsync(HttpMethod method, string url, string? body, HttpStatusCode expected, CancellationToken cancellationToken)
{
    using var request = new HttpRequestMessage(method, url);
    if (body is not null)
    {
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
    }

    using var response = await http.SendAsync(request, cancellationToken);
    var text = await response.Content.ReadAsStringAsync(cancellationToken);
    return response.StatusCode == expected
        ? text
        : throw new InvalidOperationException($"{method} {url} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
}

async Task<Guid> CreateDealAsync(CancellationToken cancellationToken)
{
    using var created = JsonDocument.Parse(await SendAsync(HttpMethod.Post, "/api/deals", newDeal, HttpStatusCode.Created, cancellationToken));
    return created.RootElement.GetProperty("id").GetGuid();
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

static string Cores(double cpuSeconds, double wallSeconds) => string.Create(CultureInfo.InvariantCulture, $"{cpuSeconds / wallSeconds:F2}");

static string Micros(double cpuSeconds, long count) =>
    count == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{cpuSeconds * 1e6 / count:F0}");

static string PerOp(long? total, long count) =>
    total is null || count == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{(double)total / count:F2}");

// One line, at most 110 characters, safe inside a Markdown table cell and code span.
static string Shorten(string query)
{
    var line = string.Join(' ', query.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal);
    return line.Length <= 110 ? line : line[..107] + "...";
}

static Process StartService(string dll, string connectionString, int port, ConcurrentQueue<string> output)
{
    var start = new ProcessStartInfo("dotnet")
    {
        ArgumentList = { dll },
        WorkingDirectory = Path.GetDirectoryName(dll),
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
        Environment =
        {
            ["ConnectionStrings__Negotiations"] = connectionString,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            // Production needs a key; the benchmark's own, configured by hash as in any deployment.
            ["Auth__Keys__0__Name"] = "benchmark",
            ["Auth__Keys__0__Role"] = Roles.Recorder,
            ["Auth__Keys__0__Sha256"] = ApiKeyHash.Of(BenchmarkKey),
            // One client writing as fast as it can would otherwise meet the per-key write limit.
            ["RateLimiting__WritesPerMinute"] = "0",
        },
    };
    var process = new Process { StartInfo = start };

    // Drained so that a full pipe never blocks the service; the last lines explain a failed start.
    void Keep(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is null)
        {
            return;
        }

        output.Enqueue(e.Data);
        while (output.Count > 100)
        {
            output.TryDequeue(out _);
        }
    }

    process.OutputDataReceived += Keep;
    process.ErrorDataReceived += Keep;
    process.Start();
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static void DeleteFolder(string path)
{
    try
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"Could not delete {path}: {e.Message}");
    }
}

/// <summary>One measured phase: its load, the CPU seconds each side used, the round trips and statements it cost.</summary>
internal sealed record Phase(
    string Name, LoadResult Load, double ServiceCpu, double PostgresCpu, double ClientCpu, long? Segments,
    IReadOnlyList<Statement>? Statements, double Rss);
