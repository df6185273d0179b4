using Alba;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.Infrastructure;
using Negotiations.Tests.Infrastructure;
using Npgsql;
using Wolverine;
using Wolverine.Runtime;
using Xunit;

[assembly: AssemblyFixture(typeof(ApiFixture))]

namespace Negotiations.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL and one Alba host for the whole run. The database is the one in NEGOTIATIONS_TEST_DATABASE
/// (a connection string) when set; otherwise a private cluster started from the installed binaries in a temp folder
/// on a free port, removed at the end. With NEGOTIATIONS_TEST_UNIT_TIER set (to anything), as scripts/mutation.sh
/// runs the unit tier, neither is started: the unit tests need none, and an API test run by mistake fails at once.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string DatabaseVariable = "NEGOTIATIONS_TEST_DATABASE";

    public const string UnitTierVariable = "NEGOTIATIONS_TEST_UNIT_TIER";

    private LocalPostgres? _postgres;
    private IAlbaHost? _host;

    public string ConnectionString { get; private set; } = "";

    public IAlbaHost Host => _host ?? throw new InvalidOperationException("The API host has not started.");

    public async ValueTask InitializeAsync()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(UnitTierVariable)))
        {
            return;
        }

        var configured = Environment.GetEnvironmentVariable(DatabaseVariable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            _postgres = await LocalPostgres.StartAsync(TempFolder.Create("negotiations-tests"), durable: false);
            configured = _postgres.ConnectionString;
        }

        ConnectionString = configured;
        _host = await StartHostAsync(ConnectionString, "Development");
        // The service's own document, read once: every answer any test host gives is checked against it (Contract).
        var document = await _host.Server.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Contract = new Contract(document);
    }

    /// <summary>The OpenAPI document's contract, once the shared host has started.</summary>
    public static Contract? Contract { get; private set; }

    /// <summary>The real Program against the given database, in the given environment, with any other settings.</summary>
    public static async Task<IAlbaHost> StartHostAsync(string connectionString, string environment, IReadOnlyDictionary<string, string>? settings = null)
    {
        var host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting($"ConnectionStrings:{Database.ConnectionStringName}", connectionString);
            // Webhooks go to receivers the tests run on loopback, and are retried within seconds, not hours.
            builder.UseSetting("Alerts:AllowPrivateNetworks", "true");
            builder.UseSetting("Alerts:RetryDelaysSeconds:0", "1");
            builder.UseSetting("Alerts:RetryDelaysSeconds:1", "1");
            builder.UseSetting("Alerts:TimeoutSeconds", "2");
            foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(name, value);
            }

            builder.ConfigureServices(services =>
            {
                services.RunWolverineInSoloMode();
                services.DisableAllExternalWolverineTransports();
                services.AddTransient<IStartupFilter, Contract.Filter>();
            });
        });
        return host;
    }

    /// <summary>
    /// Erases all data (and the cached deal events) with the async views stopped, then starts every view's agent again from nothing. A view left
    /// running would keep its progress in memory and fail on its next step (Marten's "progression is out of order"):
    /// Marten's reset pauses only the daemons it runs itself, and here Wolverine runs them as agents. Every view's agent is
    /// started, not only those running before: one stopped meanwhile (a failure, another host on this database) comes back.
    /// </summary>
    public async Task ResetDataAsync()
    {
        var agents = Host.Services.GetRequiredService<IWolverineRuntime>().Agents;
        foreach (var view in agents.AllRunningAgentUris().Where(agent => agent.Scheme == "event-subscriptions").ToArray())
        {
            await agents.StopLocallyAsync(view);
        }

        // Other test hosts on this database (a keyed one, an unthrottled one) run their own agents — views, the alerts
        // subscription, webhook deliveries — which may write while the reset deletes: a deadlock then is retried.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Host.ResetAllMartenDataAsync();
                break;
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                await Task.Delay(100 * attempt);
            }
        }
        // The streams are gone: heads remembered for their ids are not the stored ones any more.
        Negotiations.TamperEvidence.EventChainListener.HeadsOf(Store).Clear();

        // The views' cache of deal events too: a test may write a stream id again with other events.
        Negotiations.Deals.DealEventCache.Of(Store).Clear();

        var family = Host.Services.GetRequiredService<Wolverine.Runtime.Agents.EventSubscriptionAgentFamily>();
        foreach (var view in await family.SupportedAgentsAsync())
        {
            await agents.StartLocallyAsync(view);
        }
    }

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    /// <summary>
    /// Waits until every async view has applied every event written so far (the daemon runs in this host), and fails
    /// the test after 30 s. It waits on the views' own progress rows, not on time.
    /// </summary>
    public async Task WaitForViewsAsync()
    {
        var dataSource = Host.Services.GetRequiredService<NpgsqlDataSource>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            while (true)
            {
                var (freshness, last) = await AsyncViews.FreshnessAsync(Store, dataSource, timeout.Token);
                if (freshness.Sequence >= last)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var (views, last) = await AsyncViews.ProgressAsync(Store, dataSource, CancellationToken.None);
            var running = Host.Services.GetRequiredService<IWolverineRuntime>().Agents.AllRunningAgentUris();
            throw new TimeoutException($"The async views did not apply every event within 30 s: latest event {last}; " +
                string.Join(", ", views.Select(v => $"{v.Name} at {v.Sequence}")) + "; running agents: " + string.Join(", ", running.Select(a => a.ToString())));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.StopAsync();
            TempFolder.Delete(_postgres.RootDirectory);
        }
    }
}

/// <summary>Integration tests share one database, so they run one after another, each on reset data.</summary>
[CollectionDefinition(Name)]
public sealed class SharedDatabase
{
    public const string Name = "api";
}

/// <summary>Base of every integration test: the shared host, with all Marten data reset before each test.</summary>
[Collection(SharedDatabase.Name)]
public abstract class ApiTest(ApiFixture fixture) : IAsyncLifetime
{
    protected ApiFixture Fixture { get; } = fixture;

    protected IAlbaHost Host => Fixture.Host;

    public virtual async ValueTask InitializeAsync() => await Fixture.ResetDataAsync();

    /// <summary>Until every async view has applied every event written so far (see <see cref="ApiFixture.WaitForViewsAsync"/>).</summary>
    protected Task WaitForViewsAsync() => Fixture.WaitForViewsAsync();

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
