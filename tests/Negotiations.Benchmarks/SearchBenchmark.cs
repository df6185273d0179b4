using System.Diagnostics;
using System.Globalization;
using System.Net;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.Deals;
using Negotiations.Deals.ListingDeals;
using Negotiations.Infrastructure;
using Negotiations.Parties;
using Negotiations.Security;
using Negotiations.Sources;
using Negotiations.TamperEvidence;
using Npgsql;

namespace Negotiations.Benchmarks;

/// <summary>
/// <c>--search</c>: the deal search at scale. A private PostgreSQL, the service in this process (Production settings, an
/// API key, Kestrel on loopback, its async daemon running), <c>--search-deals</c> deals of <c>--search-events-per-deal</c>
/// events each bulk-loaded through Marten's bulk event insert (COPY), the async views left to catch up (their speed is
/// reported), then five typical searches over HTTP, one client, each run <c>--search-runs</c> times (p50/p95), and the
/// plan of each search's SQL (EXPLAIN ANALYZE) with the indexes it used. The data is synthetic but shaped like the
/// product's: a few big names in many deals, a long tail of names, 40 publications, vague and exact amounts in 4 currencies.
/// </summary>
public static class SearchBenchmark
{
    private const string Key = "neg_search-benchmark-only-key";

    private static readonly (string Name, int Default, int Min, int Max, string Help)[] Flags =
    [
        ("--search-deals", 100_000, 10, 1_000_000, "deals loaded"),
        ("--search-events-per-deal", 10, 1, 100, "events per deal"),
        ("--search-runs", 50, 5, 10_000, "runs of each search"),
        ("--search-rebuilds", 1, 0, 1, "1: then rebuild each async view from all the events, one after the other (events/s)"),
    ];

    /// <summary>The five searches measured: what an analyst types first.</summary>
    private static readonly (string Name, string Query)[] Searches =
    [
        ("one big party, newest first", "party=amazon"),
        ("over $10B in USD, in talks or terms proposed", "status=InTalks,TermsProposed&minAmount=10000000000&currency=USD"),
        ("full text, a common word and a rare one", "q=anchor%20kalomi"),
        ("the issue's: over $10B, in talks, in January 2026, with Nvidia", "party=nvidia&status=InTalks&minAmount=10000000000&currency=USD&activeFrom=2026-01-01&activeTo=2026-01-31"),
        ("acquisitions by amount, page 3", "kind=Acquisition&sort=-amount&page=3"),
    ];

    private static readonly string[] BigNames = ["Amazon", "Nvidia", "Microsoft", "OpenAI", "Anthropic", "SoftBank", "Google", "Meta", "Apple", "Mubadala"];
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ren", "tor", "vex", "sa", "dun", "pi", "quo"];
    private static readonly string[] Words =
    [
        "round", "anchor", "stake", "board", "seat", "compute", "cloud", "chips", "merger", "antitrust", "review", "tranche",
        "milestone", "valuation", "sovereign", "fund", "strategic", "partnership", "exclusive", "licensing", "data", "centre",
    ];

    public static async Task<int> RunAsync(string[] args, CancellationToken cancel)
    {
        var settings = Flags.ToDictionary(f => f.Name, f => f.Default);
        for (var i = 0; i < args.Length; i += 2)
        {
            var flag = Flags.FirstOrDefault(f => f.Name == args[i]);
            if (flag.Name is null || i + 1 == args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value)
                || value < flag.Min || value > flag.Max)
            {
                await Console.Error.WriteLineAsync("Usage: dotnet run -c Release --project tests/Negotiations.Benchmarks -- --search [flag N] ...");
                foreach (var (name, defaultValue, min, max, help) in Flags)
                {
                    await Console.Error.WriteLineAsync($"  {name,-26} {min}..{max}, default {defaultValue}: {help}");
                }

                return 2;
            }

            settings[args[i]] = value;
        }

        var (dealCount, perDeal, runs) = (settings["--search-deals"], settings["--search-events-per-deal"], settings["--search-runs"]);
        var folder = Path.Combine(Path.GetTempPath(), $"negotiations-search-benchmark-{Guid.NewGuid():N}");
        var postgres = await LocalPostgres.StartAsync(folder, durable: true, cancellationToken: cancel);
        WebApplication? app = null;
        try
        {
            var port = Ports.FreeLoopbackPort();
            app = Service(postgres.ConnectionString, port);
            await app.StartAsync(cancel);
            var store = app.Services.GetRequiredService<IDocumentStore>();

            Console.Error.WriteLine($"Bulk-loading {dealCount:N0} deals × {perDeal} events ...");
            var clock = Stopwatch.StartNew();
            var random = new Random(20261201);
            var names = Enumerable.Range(0, 5_000).Select(i => i < BigNames.Length ? BigNames[i] : $"Company {i:D4}").ToArray();
            const int chunk = 2_000;
            for (var start = 0; start < dealCount; start += chunk)
            {
                var streams = Enumerable.Range(start, Math.Min(chunk, dealCount - start))
                    .Select(_ => StreamAction.Start((IEventRegistry)((DocumentStore)store).Options.Events, Guid.CreateVersion7(), Deal(random, names, perDeal)))
                    .ToList();
                await store.BulkInsertEventsAsync(streams, 5_000, cancel);
            }

            var loaded = clock.Elapsed;
            var events = (long)dealCount * perDeal;
            Console.Error.WriteLine($"Loaded {events:N0} events in {loaded.TotalSeconds:F0} s; waiting for the async views ...");
            var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
            while (true)
            {
                var (freshness, last) = await AsyncViews.FreshnessAsync(store, dataSource, cancel);
                if (freshness.Sequence >= last)
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancel);
            }

            var caughtUp = clock.Elapsed;
            await Vacuum(dataSource, cancel);

            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, Key);
            Console.WriteLine($"## Deal search at {dealCount:N0} deals / {events:N0} events");
            Console.WriteLine();
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}; PostgreSQL private cluster, fsync on; the service in-process, Production settings.");
            Console.WriteLine($"Bulk load {loaded.TotalSeconds:F0} s ({events / loaded.TotalSeconds:N0} events/s); the async views ({string.Join(", ", AsyncViews.ShardNames(store))}) " +
                $"caught up {caughtUp.TotalSeconds:F0} s after the load began ({events / caughtUp.TotalSeconds:N0} events/s, concurrently with the load).");
            Console.WriteLine();
            Console.WriteLine("| search | query | found | p50 ms | p95 ms | plan (indexes used) |");
            Console.WriteLine("|---|---|---:|---:|---:|---|");
            foreach (var (name, query) in Searches)
            {
                var url = $"/api/deals?{query}";
                var list = await Get(http, url, cancel);
                var latencies = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    await Get(http, url, cancel);
                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }

                var plan = await Explain(dataSource, store, query, cancel);
                var result = new LoadResult(latencies.Count, 0, [.. latencies]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | `{query}` | {list} | {result.Percentile(0.5):F1} | {result.Percentile(0.95):F1} | {plan} |"));
            }

            if (settings["--search-rebuilds"] == 1)
            {
                // Each view rebuilt where it runs (this process), as POST /api/views/{name}/rebuild does, one at a time.
                Console.WriteLine();
                Console.WriteLine("| async view | rebuilt from | seconds | events/s |");
                Console.WriteLine("|---|---:|---:|---:|");
                var family = app.Services.GetRequiredService<Wolverine.Runtime.Agents.IEventSubscriptionAgentFamily>();
                foreach (var view in AsyncViews.ShardNames(store))
                {
                    Console.Error.WriteLine($"Rebuilding {view} ...");
                    var rebuild = Stopwatch.StartNew();
                    if (!await family.TryRebuildRegisteredProjectionAsync(view, null, cancel))
                    {
                        throw new InvalidOperationException($"No view {view} to rebuild.");
                    }

                    var seconds = rebuild.Elapsed.TotalSeconds;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {view} | {events:N0} events | {seconds:F1} | {events / seconds:N0} |"));
                }
            }

            return 0;
        }
        finally
        {
            if (app is not null)
            {
                await app.StopAsync(CancellationToken.None);
                await app.DisposeAsync();
            }

            await postgres.StopAsync();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"Could not delete {folder}: {e.Message}");
            }
        }
    }

    /// <summary>The service as deployed, in this process: the modules the search needs, Production, one Auditor key (reads need any role).</summary>
    internal static WebApplication Service(string connectionString, int port)
    {
        IServiceModule[] modules =
        [
            new SecurityModule(), new DealsModule(), new TamperEvidenceModule(), new Negotiations.Operations.OperationsModule(),
            new PartiesModule(), new Negotiations.Rounds.RoundsModule(), new SourcesModule(),
        ];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{Database.ConnectionStringName}"] = connectionString,
            ["Auth:Keys:0:Name"] = "search-benchmark",
            ["Auth:Keys:0:Role"] = Roles.Auditor,
            ["Auth:Keys:0:Sha256"] = ApiKeyHash.Of(Key),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.AddPlatform(connectionString, modules);
        var app = builder.Build();
        app.UsePlatform(modules);
        return app;
    }

    /// <summary>How many deals the search found (its total), after checking it answered 200.</summary>
    private static async Task<long> Get(HttpClient http, string url, CancellationToken cancel)
    {
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative), cancel);
        var body = await response.Content.ReadAsStringAsync(cancel);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {body}");
        }

        using var json = System.Text.Json.JsonDocument.Parse(body);
        return json.RootElement.GetProperty("total").GetInt64();
    }

    /// <summary>The page query's plan, run: its time and every index it used.</summary>
    private static async Task<string> Explain(NpgsqlDataSource dataSource, IDocumentStore store, string query, CancellationToken cancel)
    {
        var parsed = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        var errors = new ValidationErrors();
        var bound = QueryParameters.Bind<DealListQuery>(new QueryCollection(parsed), errors)
            ?? throw new InvalidOperationException($"The benchmark's query {query} is invalid.");
        var search = DealSearch.For(bound, string.IsNullOrWhiteSpace(bound.Party) ? [] : [Negotiations.Parties.PartyNames.Key(bound.Party)]);
        var sql = search.Where;
        for (var i = 0; i < search.Arguments.Count; i++)
        {
            var at = sql.IndexOf('?', StringComparison.Ordinal);
            sql = $"{sql[..at]}${i + 1}{sql[(at + 1)..]}";
        }

        var table = store.Options.Schema.For<DealSearchEntry>();
        await using var command = dataSource.CreateCommand(
            $"explain (analyze, format text) select data from {table} where {sql} order by {search.OrderBy} " +
            $"limit {bound.PageSize} offset {(bound.Page - 1) * bound.PageSize}");
        foreach (var argument in search.Arguments)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = argument });
        }

        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancel))
        {
            while (await reader.ReadAsync(cancel))
            {
                lines.Add(reader.GetString(0));
            }
        }

        Console.Error.WriteLine($"EXPLAIN ANALYZE {query}:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
        var indexes = lines.SelectMany(l => System.Text.RegularExpressions.Regex.Matches(l, @"(?:Index|Index Only|Bitmap Index) Scan (?:Backward )?(?:using|on) (\w+)")
            .Select(m => m.Groups[1].Value)).Distinct().ToList();
        var total = lines.LastOrDefault(l => l.StartsWith("Execution Time", StringComparison.Ordinal)) ?? "";
        return $"{(indexes.Count == 0 ? "no index (sequential scan)" : string.Join(", ", indexes))}; {total}";
    }

    private static async Task Vacuum(NpgsqlDataSource dataSource, CancellationToken cancel)
    {
        await using var command = dataSource.CreateCommand("vacuum analyze");
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancel);
    }

    /// <summary>One synthetic deal's events: the opening report, then terms, revisions, more talks; some end abandoned or agreed.</summary>
    private static object[] Deal(Random random, string[] names, int count)
    {
        string Name() => random.NextDouble() < 0.3 ? BigNames[random.Next(BigNames.Length)] : names[random.Next(names.Length)];
        // Common words, and one of 1,000 rare ones ("kalomi"), as a project's code name would be.
        string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)])
            .Append(string.Concat(Enumerable.Range(0, 3).Select(_ => Syllables[random.Next(Syllables.Length)]))));
        Source SourceOn(DateOnly day) => new($"Publication {random.Next(40)}", day, (Attribution)random.Next(5));
        ReportedAmount Amount()
        {
            var value = Math.Round((decimal)Math.Pow(10, 6 + (random.NextDouble() * 5.3)), 0);
            var qualifier = (AmountQualifier)random.Next(5);
            var currency = random.NextDouble() switch { < 0.8 => "USD", < 0.9 => "EUR", < 0.95 => "GBP", _ => "JPY" };
            return new ReportedAmount(value, currency, qualifier, qualifier == AmountQualifier.Between ? value * 2 : null);
        }

        var (investor, target) = (Name(), Name());
        while (PartyNames.Key(target) == PartyNames.Key(investor))
        {
            target = Name();
        }

        var day = new DateOnly(2015, 1, 1).AddDays(random.Next(4_000));
        var kind = (DealKind)random.Next(5);
        var events = new List<object>
        {
            new TalksReported($"{investor} {(kind == DealKind.Acquisition ? "buys" : "invests in")} {target}", kind,
                [new Party(investor, PartyRole.Investor), new Party(target, PartyRole.Target)], $"{investor} in talks: {Text(6)}",
                Amount(), null, day, SourceOn(day)),
        };
        for (var i = 1; i < count; i++)
        {
            day = day.AddDays(random.Next(1, 20));
            var last = i == count - 1;
            events.Add((last ? random.Next(10) : random.Next(3)) switch
            {
                0 => new TermsProposed(Amount(), null, random.Next(1, 100), null, null, null, Text(8), day, SourceOn(day)),
                1 => new StakeRevised(Amount(), null, Text(4), day, SourceOn(day)),
                2 => new TalksReported(null, null, [], Text(8), null, null, day, SourceOn(day)),
                3 or 4 => new DealAbandoned(Text(4), day, SourceOn(day)),
                5 => new AgreementAnnounced(Amount(), [], Text(6), day, SourceOn(day)),
                _ => new TermsProposed(null, null, null, null, Text(3), null, Text(8), day, SourceOn(day)),
            });
        }

        return [.. events];
    }
}
