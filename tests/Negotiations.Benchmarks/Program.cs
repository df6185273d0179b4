using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Negotiations.Deals.GettingHistory;
using Negotiations.Infrastructure;
using Negotiations.Security;
using Negotiations.Tests.Infrastructure;
using Npgsql;

// Latency of the service as a client sees it: the Release build in its own process, as deployed, on a private
// PostgreSQL with fsync on (durable), over loopback HTTP, one sequential client. Progress goes to stderr and the report
// (Markdown) to stdout, so `> report.md` keeps only the report.

const int WarmUpRequests = 50;
const string BenchmarkKey = "neg_benchmark-only-key";
const int MaxCount = 100_000;
var startupTimeout = TimeSpan.FromSeconds(120);
var settings = new Dictionary<string, int>
{
    ["--posts"] = 1000, ["--gets"] = 2000, ["--history-events"] = 2000, ["--history-reads"] = 100,
};
for (var i = 0; i < args.Length; i += 2)
{
    if (!settings.ContainsKey(args[i]) || i + 1 == args.Length || !int.TryParse(args[i + 1], out var value)
        || value < 1 || value > MaxCount || (args[i] == "--history-events" && value > GetDealHistoryEndpoint.MaxLimit))
    {
        Console.Error.WriteLine($"Usage: [--posts N] [--gets N] [--history-events N] [--history-reads N], each 1..{MaxCount} " +
            $"(history events at most {GetDealHistoryEndpoint.MaxLimit}, the API's largest history page). Got: {string.Join(' ', args)}");
        return 2;
    }

    settings[args[i]] = value;
}

var root = Repository.FindRoot();
var serviceDll = root is null ? null : Path.Combine(root, "src", "Negotiations", "bin", "Release", "net10.0", "Negotiations.dll");
if (serviceDll is null || !File.Exists(serviceDll))
{
    Console.Error.WriteLine($"No Release build of the service at {serviceDll ?? "src/Negotiations/bin/Release/net10.0 (Negotiations.sln not found)"}: " +
        "run `dotnet build -c Release src/Negotiations` first (`dotnet run -c Release --project tests/Negotiations.Benchmarks` builds it too).");
    return 2;
}

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
// No proxy: only the service on 127.0.0.1 is ever contacted, whatever HTTP_PROXY says.
using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
{
    BaseAddress = new Uri($"http://127.0.0.1:{port}"),
    Timeout = startupTimeout,
    DefaultRequestHeaders = { { ApiKeyAuthenticationHandler.HeaderName, BenchmarkKey } },
};
LocalPostgres? postgres = null;
Process? service = null;
try
{
    Console.Error.WriteLine($"Starting PostgreSQL in {tempFolder} ...");
    postgres = await LocalPostgres.StartAsync(tempFolder, durable: true, cancellationToken: cancel);

    Console.Error.WriteLine($"Starting {serviceDll} on port {port} ...");
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

    Console.Error.WriteLine($"Warming up ({WarmUpRequests} requests) ...");
    var warmUpDeal = Guid.Empty;
    for (var i = 0; i < WarmUpRequests; i++)
    {
        // Every endpoint the benchmark uses, so that each one's generated code is compiled before measuring.
        switch (i % 4)
        {
            case 0:
                warmUpDeal = await CreateDealAsync();
                break;
            case 1:
                await SendAsync(HttpMethod.Post, $"/api/deals/{warmUpDeal}/terms", terms, HttpStatusCode.OK, cancel);
                break;
            case 2:
                await SendAsync(HttpMethod.Get, $"/api/deals/{warmUpDeal}", null, HttpStatusCode.OK, cancel);
                break;
            default:
                await SendAsync(HttpMethod.Get, $"/api/deals/{warmUpDeal}/history", null, HttpStatusCode.OK, cancel);
                break;
        }
    }

    var posts = settings["--posts"];
    Console.Error.WriteLine($"Measuring {posts} POSTs ...");
    var creates = new List<double>();
    var proposals = new List<double>();
    var deals = new List<Guid>();
    for (var i = 0; i < posts; i++)
    {
        if (i % 2 == 0)
        {
            var start = Stopwatch.GetTimestamp();
            deals.Add(await CreateDealAsync());
            creates.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        else
        {
            proposals.Add(await TimeAsync(HttpMethod.Post, $"/api/deals/{deals[^1]}/terms", terms, HttpStatusCode.OK));
        }
    }

    var gets = settings["--gets"];
    Console.Error.WriteLine($"Measuring {gets} GETs ...");
    var reads = new List<double>();
    for (var i = 0; i < gets; i++)
    {
        reads.Add(await TimeAsync(HttpMethod.Get, $"/api/deals/{deals[i % deals.Count]}", null, HttpStatusCode.OK));
    }

    var historyEvents = settings["--history-events"];
    Console.Error.WriteLine($"Appending {historyEvents} events to one deal ...");
    var longDeal = await CreateDealAsync();
    var appends = new List<double>();
    for (var i = 1; i < historyEvents; i++)
    {
        appends.Add(await TimeAsync(HttpMethod.Post, $"/api/deals/{longDeal}/terms", terms, HttpStatusCode.OK));
    }

    // The whole history in one page; checked once so that a wrong page size cannot pass for a fast read.
    var historyUrl = $"/api/deals/{longDeal}/history?limit={historyEvents}";
    using (var history = JsonDocument.Parse(await SendAsync(HttpMethod.Get, historyUrl, null, HttpStatusCode.OK, cancel)))
    {
        var count = history.RootElement.GetProperty("events").GetArrayLength();
        if (count != historyEvents)
        {
            throw new InvalidOperationException($"The history holds {count} events, expected {historyEvents}.");
        }
    }

    var historyReads = settings["--history-reads"];
    Console.Error.WriteLine($"Measuring {historyReads} history reads ...");
    var historyLatencies = new List<double>();
    for (var i = 0; i < historyReads; i++)
    {
        historyLatencies.Add(await TimeAsync(HttpMethod.Get, historyUrl, null, HttpStatusCode.OK));
    }

    await using var connection = new NpgsqlConnection(postgres.ConnectionString);
    await connection.OpenAsync(cancel);
    await using var version = new NpgsqlCommand("show server_version", connection);
    var postgresVersion = await version.ExecuteScalarAsync(cancel);

    var report = new StringBuilder();
    var invariant = CultureInfo.InvariantCulture;
    report.AppendLine(invariant, $"Machine: {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), {RuntimeInformation.FrameworkDescription}, PostgreSQL {postgresVersion} (fsync on)");
    report.AppendLine(invariant, $"Service: {serviceDll} (built {File.GetLastWriteTime(serviceDll):yyyy-MM-dd HH:mm}), one sequential client on 127.0.0.1, {WarmUpRequests} warm-up requests");
    report.AppendLine();
    report.AppendLine("| Startup (from Process.Start) | ms |");
    report.AppendLine("|---|---:|");
    report.AppendLine(invariant, $"| start → /health 200 | {await healthy:F0} |");
    report.AppendLine(invariant, $"| start → first write (POST /api/deals 201) | {await firstWrite:F0} |");
    report.AppendLine();
    report.AppendLine("| Request | count | mean ms | p50 ms | p95 ms | p99 ms | max ms |");
    report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
    report.AppendLine(Row("POST /api/deals", creates));
    report.AppendLine(Row("POST /api/deals/{id}/terms", proposals));
    report.AppendLine(Row("POST (both, alternating)", [.. creates, .. proposals]));
    report.AppendLine(Row("GET /api/deals/{id}", reads));
    report.AppendLine(Row($"POST /api/deals/{{id}}/terms (one deal, to {historyEvents} events)", appends));
    report.AppendLine(Row($"GET /api/deals/{{id}}/history ({historyEvents} events)", historyLatencies));
    Console.Write(report);
    return 0;

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
    Console.Error.WriteLine(cancel.IsCancellationRequested ? "Interrupted." : $"Benchmark failed: {e.Message}");
    if (!cancel.IsCancellationRequested && !serviceOutput.IsEmpty)
    {
        Console.Error.WriteLine("Last lines of the service's output:");
        Console.Error.WriteLine(string.Join(Environment.NewLine, serviceOutput));
    }

    return 1;
}
finally
{
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

// The time of one request, its response read in full.
async Task<double> TimeAsync(HttpMethod method, string url, string? body, HttpStatusCode expected)
{
    var start = Stopwatch.GetTimestamp();
    await SendAsync(method, url, body, expected, cancel);
    return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}

async Task<Guid> CreateDealAsync()
{
    using var created = JsonDocument.Parse(await SendAsync(HttpMethod.Post, "/api/deals", newDeal, HttpStatusCode.Created, cancel));
    return created.RootElement.GetProperty("id").GetGuid();
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

static string Row(string name, List<double> milliseconds)
{
    if (milliseconds.Count == 0)
    {
        return $"| {name} | 0 | | | | | |";
    }

    var sorted = milliseconds.Order().ToArray();
    // Nearest-rank percentile: an observed latency, never an interpolation between two.
    double Percentile(double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1)];
    return string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {sorted.Length} | {sorted.Average():F2} | {Percentile(0.50):F2} | {Percentile(0.95):F2} | {Percentile(0.99):F2} | {sorted[^1]:F2} |");
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
