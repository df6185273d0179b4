using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Negotiations.Infrastructure;
using Negotiations.Tests.Infrastructure;
using Negotiations.Operations;
using Npgsql;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Reliability;

/// <summary>
/// Two service processes on one PostgreSQL, as when one machine is not enough: every async view runs on exactly one of
/// them. The one running the views is killed (SIGKILL) while writes keep coming to the other; the survivor takes the views
/// over within seconds, and once they have caught up they equal a rebuild from the events: nothing lost, nothing applied twice.
/// </summary>
public class FailoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>Settings of both nodes: node checks every second, a node silent for 3 s is out.</summary>
    private static Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["ConnectionStrings__Negotiations"] = connectionString,
        ["RateLimiting__WritesPerMinute"] = "0",
        ["Nodes__HealthCheckSeconds"] = "1",
        ["Nodes__StaleAfterSeconds"] = "3",
    };

    [Fact]
    public async Task the_survivor_takes_over_a_killed_nodes_views_within_seconds_losing_and_duplicating_nothing()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var nodes = await TwoNodes.StartAsync("negotiations-failover", Settings, cancellation);
        var (postgres, settings, first, second) = (nodes.Postgres, nodes.Settings, nodes.First, nodes.Second);

        // Each view runs on exactly one node.
        var both = new[] { first, second };
        var assigned = await UntilAsync(async () =>
        {
            var progress = await Task.WhenAll(both.Select(node => ProgressAsync(node)));
            var views = progress[0].Views.Select(v => v.Name).ToList();
            var onOne = views.All(view => progress.Count(p => p.Views.Single(v => v.Name == view).RunningHere) == 1);
            return onOne && views.Count > 0 ? progress : null;
        }, "every view to run on exactly one node");
        Assert.Equal(assigned[0].Views.Select(v => v.Name), assigned[1].Views.Select(v => v.Name));
        var victim = assigned[0].Views[0].RunningHere ? first : second;
        var survivor = victim == first ? second : first;

        // Writes keep coming to the survivor, before, during and after the kill.
        using var stopWriting = new CancellationTokenSource();
        var writer = Task.Run(() => WriteAsync(survivor, stopWriting.Token), cancellation);
        await UntilAsync(async () => (await ProgressAsync(survivor)).LastEvent > 40 ? true : (bool?)null, "some writes");

        victim.Kill();
        var sinceKill = Stopwatch.StartNew();
        await UntilAsync(async () => (await ProgressAsync(survivor)).Views.All(v => v.RunningHere) ? true : (bool?)null,
            "the survivor to run every view");
        var takeover = sinceKill.Elapsed;
        var lastAtTakeover = (await ProgressAsync(survivor)).LastEvent;
        await UntilAsync(async () => (await ProgressAsync(survivor)).Freshness.Sequence >= lastAtTakeover ? true : (bool?)null,
            "the views to apply what was written while their node was down");
        var caughtUp = sinceKill.Elapsed;

        await stopWriting.CancelAsync();
        var lastWrite = await writer;
        var final = await ProgressAsync(survivor, waitFor: lastWrite);
        Assert.All(final.Views, view => Assert.Equal(final.LastEvent, view.Sequence));
        var projected = await ViewDocumentsAsync(postgres.ConnectionString);

        // The same views rebuilt from the events, with no service running: the same documents.
        Assert.Equal(0, await survivor.StopAsync(Patience));
        await using (var rebuild = ServiceProcess.Start(settings, "projections", "rebuild"))
        {
            Assert.True(0 == await rebuild.WaitForExitAsync(Patience), rebuild.Output);
        }

        var rebuilt = await ViewDocumentsAsync(postgres.ConnectionString);
        Assert.NotEmpty(projected);
        Assert.Equal(rebuilt.Keys.Order(), projected.Keys.Order());
        foreach (var (table, documents) in rebuilt)
        {
            Assert.True(documents.SequenceEqual(projected[table]), $"{table} differs from its rebuild.");
        }

        output.WriteLine(
            $"Views ({string.Join(", ", final.Views.Select(v => v.Name))}) taken over {takeover.TotalSeconds:0.0} s after the SIGKILL " +
            $"and caught up {caughtUp.TotalSeconds:0.0} s after it; {final.LastEvent} events; " +
            $"{projected.Values.Sum(d => d.Count)} view documents equal to their rebuild.");
    }

    [Fact]
    public async Task a_view_rebuilt_online_through_any_node_is_restored_while_writes_go_on()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var nodes = await TwoNodes.StartAsync("negotiations-rebuild", Settings, cancellation);
        var (postgres, settings, first, second) = (nodes.Postgres, nodes.Settings, nodes.First, nodes.Second);
        using var stopWriting = new CancellationTokenSource();
        var writer = Task.Run(() => WriteAsync(first, stopWriting.Token), cancellation);
        await UntilAsync(async () => (await ProgressAsync(first)).Freshness.Sequence > 100 ? true : (bool?)null, "some writes applied");

        // Every view's documents lost (as after a bad migration), then each view rebuilt through the node NOT running it.
        var views = (await ProgressAsync(first)).Views;
        var emptied = await EmptyViewTablesAsync(postgres.ConnectionString, views);
        Assert.NotEmpty(emptied);
        var rebuilds = new List<(ServiceProcess Node, string Location)>();
        foreach (var view in views)
        {
            var other = (await ProgressAsync(first)).Views.Single(v => v.Name == view.Name).RunningHere ? second : first;
            using var response = await other.Client.PostAsync(new Uri($"/api/views/{view.Name}/rebuild", UriKind.Relative), null, cancellation);
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
            rebuilds.Add((other, response.Headers.Location!.ToString()));
        }

        foreach (var (node, location) in rebuilds)
        {
            var done = await UntilAsync(async () => TestJson.Read<ViewRebuild>(await node.Client.GetStringAsync(new Uri(location, UriKind.Relative), cancellation))
                is { FinishedAt: not null } finished ? finished : null, "the rebuild to finish");
            Assert.Null(done.Error);
            Assert.NotEqual((await ProgressAsync(node)).Node, done.Node);
            output.WriteLine($"{done.View} rebuilt online on node {done.Node}: {done.Events} events, {done.EventsPerSecond} events/s.");
        }

        await stopWriting.CancelAsync();
        var lastWrite = await writer;
        await UntilAsync(async () => await ProgressAsync(first) is { } p && p.Views.All(v => v.Sequence >= lastWrite && !v.Rebuilding) ? p : null,
            "the views to apply every write after the rebuild");
        var online = await ViewDocumentsAsync(postgres.ConnectionString);

        Assert.Equal(0, await first.StopAsync(Patience));
        Assert.Equal(0, await second.StopAsync(Patience));
        await using (var atRest = ServiceProcess.Start(settings, "projections", "rebuild"))
        {
            Assert.True(0 == await atRest.WaitForExitAsync(Patience), atRest.Output);
        }

        var rebuilt = await ViewDocumentsAsync(postgres.ConnectionString);
        foreach (var (table, documents) in rebuilt)
        {
            Assert.True(documents.SequenceEqual(online[table]),
                $"{table} differs from its rebuild at rest ({online[table].Count} rows online, {documents.Count} at rest), first at: " +
                string.Join(" | ", documents.Zip(online[table]).Where(pair => pair.First != pair.Second).Take(1).Select(pair => $"{pair.First} vs {pair.Second}")));
        }
    }

    /// <summary>Deletes every document of the views' tables (a view's documents are in mt_doc_ and its lower-case name); the tables emptied.</summary>
    private static async Task<List<string>> EmptyViewTablesAsync(string connectionString, IEnumerable<ViewProgress> views)
    {
        var tables = (await ViewDocumentsAsync(connectionString)).Keys.ToHashSet();
        var emptied = views.Select(v => "mt_doc_" + v.Name.Split(':')[0].ToLowerInvariant()).Where(tables.Contains).Distinct().ToList();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var table in emptied)
        {
            await using var delete = new NpgsqlCommand($"delete from {ServiceSetup.SchemaName}.{table}", connection);
            await delete.ExecuteNonQueryAsync();
        }

        return emptied;
    }

    private static async Task<ViewsProgress> ProgressAsync(ServiceProcess node) => await ProgressAsync(node, null);

    private static async Task<ViewsProgress> ProgressAsync(ServiceProcess node, long? waitFor) =>
        TestJson.Read<ViewsProgress>(await node.Client.GetStringAsync(
            new Uri(waitFor is { } sequence ? $"/api/views?waitFor={sequence}" : "/api/views", UriKind.Relative), TestContext.Current.CancellationToken));

    /// <summary>Opens deals and reports on them until stopped; the sequence of the last acknowledged write.</summary>
    private static async Task<long> WriteAsync(ServiceProcess node, CancellationToken stop)
    {
        long last = 0;
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            using var opened = await node.Client.PostAsJsonAsync(new Uri("/api/deals", UriKind.Relative),
                NewDeal($"Failover {round}", $"Investor {round % 7}", $"Target {round % 5}"), CancellationToken.None);
            Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync(CancellationToken.None));
            var deal = TestJson.Read<Negotiations.Deals.DealOpened>(await opened.Content.ReadAsStringAsync(CancellationToken.None)).Id;
            using var terms = await node.Client.PostAsJsonAsync(new Uri($"/api/deals/{deal}/terms", UriKind.Relative),
                new { amount = Usd((round + 1) * 1_000_000m, "UpTo"), source = Source(round % 2 == 0 ? "Reuters" : "Bloomberg") }, CancellationToken.None);
            Assert.True(terms.IsSuccessStatusCode, await terms.Content.ReadAsStringAsync(CancellationToken.None));
            last = long.Parse(terms.Headers.GetValues(AsyncViews.EventSequenceHeader).Single(), CultureInfo.InvariantCulture);
        }

        return last;
    }

    /// <summary>Every stored document (id and JSON), by table, in id order.</summary>
    private static async Task<Dictionary<string, List<string>>> ViewDocumentsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            $"select table_name from information_schema.tables where table_schema = '{ServiceSetup.SchemaName}' and table_name like 'mt_doc_%'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var documents = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"select id::text || ' ' || data::text from {ServiceSetup.SchemaName}.{table} order by id::text", connection);
            await using var reader = await select.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            documents[table] = rows;
        }

        return documents;
    }

    /// <summary>Asks until the answer is not null; fails after <see cref="Patience"/> saying what it waited for.</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T?>> attempt, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await attempt() is { } answer)
            {
                return answer;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"Waited {Patience} for {what}.");
    }

    /// <summary>Two service processes on one private PostgreSQL, both healthy; all stopped and removed on dispose.</summary>
    private sealed class TwoNodes : IAsyncDisposable
    {
        private readonly string _root;

        private TwoNodes(string root, LocalPostgres postgres, Dictionary<string, string> settings, ServiceProcess first, ServiceProcess second) =>
            (_root, Postgres, Settings, First, Second) = (root, postgres, settings, first, second);

        public LocalPostgres Postgres { get; }

        public Dictionary<string, string> Settings { get; }

        public ServiceProcess First { get; }

        public ServiceProcess Second { get; }

        public static async Task<TwoNodes> StartAsync(string folder, Func<string, Dictionary<string, string>> settingsOf, CancellationToken cancellation)
        {
            var root = TempFolder.Create(folder);
            var postgres = await LocalPostgres.StartAsync(root, durable: false, cancellationToken: cancellation);
            var settings = settingsOf(postgres.ConnectionString);
            var first = ServiceProcess.Start(settings);
            var second = ServiceProcess.Start(settings);
            var nodes = new TwoNodes(root, postgres, settings, first, second);
            try
            {
                await first.WaitUntilHealthyAsync(Patience);
                await second.WaitUntilHealthyAsync(Patience);
                return nodes;
            }
            catch
            {
                await nodes.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            await First.DisposeAsync();
            await Second.DisposeAsync();
            await Postgres.StopAsync();
            TempFolder.Delete(_root);
        }
    }
}
