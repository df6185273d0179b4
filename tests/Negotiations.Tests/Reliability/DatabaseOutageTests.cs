using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Negotiations.Tests.Infrastructure;
using Npgsql;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Reliability;

/// <summary>
/// The service as a real process, loaded by several writers, while its PostgreSQL is stopped and started again: every
/// answer is a success or a quick 503 ProblemDetails with Retry-After, the log says once that the database is down and
/// once that it is back (no stack trace per request), writes resume by themselves, and every acknowledged write is stored.
/// </summary>
public class DatabaseOutageTests(ITestOutputHelper output)
{
    private const int Writers = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan QuickAnswer = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task while_postgres_is_down_every_route_answers_503_quickly_and_writes_resume_when_it_is_back()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var root = TempFolder.Create("negotiations-outage");
        var postgres = await LocalPostgres.StartAsync(root, durable: false, cancellationToken: cancellation);
        try
        {
            await using var service = ServiceProcess.Start(new Dictionary<string, string>
            {
                ["ConnectionStrings__Negotiations"] = postgres.ConnectionString,
                ["RateLimiting__WritesPerMinute"] = "0",
            });
            await service.WaitUntilHealthyAsync(Patience);
            var load = new Load();
            // Every route compiles at its first call: warm them up so the load measures answers, not the compiler.
            Assert.NotNull(await WriteAsync(service.Client, null, load));
            Assert.NotNull(await WriteAsync(service.Client, (await WriteAsync(service.Client, null, load))!.Value, load));

            var writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(() => WriteUntilStoppedAsync(service.BaseAddress, load), cancellation)).ToArray();
            await WaitForAsync(() => load.Acknowledged.Count >= 20, "writes before the outage", () => Report(load, service));

            await postgres.StopAsync();
            load.Phase = Phase.Down;
            await WaitForAsync(() => load.Answers.Count(a => a.Phase == Phase.Down && a.Status == HttpStatusCode.ServiceUnavailable) >= 20, "503s during the outage", () => Report(load, service));
            var read = await service.Client.GetAsync(new Uri("/api/deals", UriKind.Relative), cancellation);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
            (await Problem.ReadAsync(read)).ShouldBe(503);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await service.Client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellation)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await service.Client.GetAsync(new Uri("/health/live", UriKind.Relative), cancellation)).StatusCode);

            await postgres.StartAgainAsync(cancellation);
            load.Phase = Phase.Back;
            await WaitForAsync(() => load.Answers.Count(a => a.Phase == Phase.Back && a.Status is HttpStatusCode.Created or HttpStatusCode.OK) >= 20, "writes after the outage", () => Report(load, service));
            load.Stopped = true;
            await Task.WhenAll(writers);

            var answers = load.Answers.ToList();
            output.WriteLine(Report(load, service));
            Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{a.Status}: {a.Body}"));
            var refused = answers.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).ToList();
            Assert.All(refused, a => Assert.True(a.RetryAfter is not null && a.IsProblem, $"A 503 without Retry-After or ProblemDetails: {a.Body}"));
            Assert.All(refused, a => Assert.True(a.Took < QuickAnswer, $"A 503 took {a.Took}."));

            var log = service.Output;
            Assert.Equal(1, Count(log, "PostgreSQL is down"));
            Assert.Equal(1, Count(log, "PostgreSQL is back"));
            Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
            await AssertEveryAcknowledgedWriteIsStoredAsync(postgres.ConnectionString, load);
        }
        finally
        {
            await postgres.StopAsync();
            TempFolder.Delete(root);
        }
    }

    private static async Task WriteUntilStoppedAsync(Uri service, Load load)
    {
        using var http = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(30) };
        Guid? deal = null;
        while (!load.Stopped)
        {
            deal = await WriteAsync(http, deal, load) ?? deal;
        }
    }

    /// <summary>Opens a deal (none given) or reports talks on it, tagged with its own correlation id; the deal id on a 2xx.</summary>
    private static async Task<Guid?> WriteAsync(HttpClient http, Guid? deal, Load load)
    {
        var correlationId = Guid.NewGuid().ToString("N");
        var path = deal is null ? "/api/deals" : $"/api/deals/{deal}/talks";
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create<object>(deal is null ? NewDeal($"Outage {correlationId}") : new { source = Source() }),
        };
        request.Headers.Add(Correlation.CorrelationHeader, correlationId);
        var phase = load.Phase;
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        load.Answers.Add(new Answer(phase, response.StatusCode, clock.Elapsed, response.Headers.RetryAfter,
            response.Content.Headers.ContentType?.MediaType == "application/problem+json", body));
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var written = deal is null ? TestJson.Read<DealOpened>(body) is var opened ? new DealWritten(opened.Id, opened.Version) : null : TestJson.Read<DealWritten>(body);
        load.Acknowledged[correlationId] = (written!.Id, written.Version);
        return written.Id;
    }

    private static async Task AssertEveryAcknowledgedWriteIsStoredAsync(string connectionString, Load load)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        // Marten stores tombstones (no correlation id) in place of the events of a failed batch, to keep the sequence gap-free.
        await using var command = new NpgsqlCommand(
            $"select correlation_id, stream_id, version from {ServiceSetup.SchemaName}.mt_events where correlation_id is not null", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var stored = new Dictionary<string, (Guid, long)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            stored[reader.GetString(0)] = (reader.GetGuid(1), reader.GetInt64(2));
        }

        Assert.All(load.Acknowledged, pair => Assert.Equal(pair.Value, stored.GetValueOrDefault(pair.Key)));
    }

    private static string Report(Load load, ServiceProcess service) =>
        string.Join(", ", load.Answers.GroupBy(a => (a.Phase, a.Status)).Select(g => $"{g.Key.Phase} {(int)g.Key.Status}: {g.Count()} ({g.First().Body})"))
        + "\n" + service.Output;

    private static async Task WaitForAsync(Func<bool> condition, string what, Func<string> report)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"Waited too long for {what}: {report()}");
            await Task.Delay(20);
        }
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;

    private enum Phase
    {
        Up,
        Down,
        Back,
    }

    private sealed record Answer(Phase Phase, HttpStatusCode Status, TimeSpan Took, System.Net.Http.Headers.RetryConditionHeaderValue? RetryAfter, bool IsProblem, string Body);

    private sealed class Load
    {
        public readonly ConcurrentBag<Answer> Answers = [];
        public readonly ConcurrentDictionary<string, (Guid, long)> Acknowledged = new();
        private volatile bool _stopped;
        private volatile int _phase;

        public bool Stopped
        {
            get => _stopped;
            set => _stopped = value;
        }

        public Phase Phase
        {
            get => (Phase)_phase;
            set => _phase = (int)value;
        }
    }
}
