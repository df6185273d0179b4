using System.Net;
using System.Net.Http.Json;
using Negotiations.Infrastructure;
using Npgsql;
using Xunit;

namespace Negotiations.Tests.Infrastructure;

public class LocalPostgresTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task a_private_cluster_starts_and_keeps_its_data_across_a_restart()
    {
        var root = TempFolder.Create("negotiations-launcher");
        try
        {
            var first = await LocalPostgres.StartAsync(root, durable: false, cancellationToken: TestContext.Current.CancellationToken);
            await Execute(first.ConnectionString, "create table kept (note text); insert into kept values ('recorded before the restart')");
            await first.StopAsync();

            await using var second = await LocalPostgres.StartAsync(root, durable: false, cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal("recorded before the restart", await Scalar(second.ConnectionString, "select note from kept"));
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }

    [Fact]
    public async Task a_cluster_left_running_by_a_killed_process_is_reused_not_started_twice()
    {
        var root = TempFolder.Create("negotiations-launcher");
        try
        {
            await using var running = await LocalPostgres.StartAsync(root, durable: false, cancellationToken: TestContext.Current.CancellationToken);

            var again = await LocalPostgres.StartAsync(root, durable: false, cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal(running.Port, again.Port);
            Assert.Equal(1, await Scalar(again.ConnectionString, "select 1"));
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }

    [Fact]
    public async Task missing_binaries_are_reported_with_what_to_install_or_set()
    {
        var root = TempFolder.Create("negotiations-launcher");
        var emptyBin = TempFolder.Create("negotiations-no-binaries");
        try
        {
            var error = await Assert.ThrowsAsync<LocalPostgresUnavailableException>(() =>
                LocalPostgres.StartAsync(root, emptyBin, cancellationToken: TestContext.Current.CancellationToken));

            Assert.Contains("initdb", error.Message, StringComparison.Ordinal);
            Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings__Negotiations", error.Message, StringComparison.Ordinal);
            Assert.Contains("docker compose up", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Delete(root);
            TempFolder.Delete(emptyBin);
        }
    }

    [Fact]
    public async Task the_service_without_configuration_runs_its_own_postgres_and_keeps_deals_across_a_restart()
    {
        var root = TempFolder.Create("negotiations-service");
        var settings = new Dictionary<string, string> { ["LocalPostgres__RootDirectory"] = root };
        try
        {
            Guid id;
            await using (var service = ServiceProcess.Start(settings))
            {
                await service.WaitUntilHealthyAsync(Patience);
                using var created = await service.Client.PostAsJsonAsync(new Uri("/api/deals", UriKind.Relative), new
                {
                    title = "Kept across restarts",
                    kind = "Investment",
                    parties = new[] { new { name = "Amazon", role = "Investor" }, new { name = "OpenAI", role = "Target" } },
                    source = new { publication = "The Information", publishedOn = "2025-12-16" },
                }, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                id = (await created.Content.ReadFromJsonAsync<Negotiations.Deals.DealWritten>(TestContext.Current.CancellationToken))!.Id;

                // A command run beside the service uses its cluster and must leave it running.
                await using (var command = ServiceProcess.Start(settings, "verify-chains"))
                {
                    Assert.Equal(0, await command.WaitForExitAsync(Patience));
                }

                using var stillHealthy = await service.Client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, stillHealthy.StatusCode);

                Assert.Equal(0, await service.StopAsync(Patience));
            }

            // A clean stop also stops the private cluster.
            Assert.False(File.Exists(Path.Combine(root, "data", "postmaster.pid")), "The private PostgreSQL is still running after the service stopped.");

            await using (var restarted = ServiceProcess.Start(settings))
            {
                await restarted.WaitUntilHealthyAsync(Patience);
                using var read = await restarted.Client.GetAsync(new Uri($"/api/deals/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, read.StatusCode);
                Assert.Contains("Kept across restarts", await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
                Assert.Equal(0, await restarted.StopAsync(Patience));
            }
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }

    [Fact]
    public async Task the_service_without_a_database_or_binaries_exits_at_once_with_one_clear_message()
    {
        var root = TempFolder.Create("negotiations-service");
        var emptyBin = TempFolder.Create("negotiations-no-binaries");
        try
        {
            await using var service = ServiceProcess.Start(new Dictionary<string, string>
            {
                ["LocalPostgres__RootDirectory"] = root,
                ["LocalPostgres__BinDirectory"] = emptyBin,
            });

            Assert.Equal(1, await service.WaitForExitAsync(Patience));
            Assert.Contains("Cannot start a database", service.Output, StringComparison.Ordinal);
            Assert.Contains("docker compose up", service.Output, StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Delete(root);
            TempFolder.Delete(emptyBin);
        }
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
