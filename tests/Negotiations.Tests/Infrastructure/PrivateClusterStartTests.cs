using Negotiations.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Infrastructure;

/// <summary>What the service says and leaves behind when it runs on its private PostgreSQL cluster.</summary>
public class PrivateClusterStartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task a_cluster_already_running_is_said_at_start_to_be_reused_and_one_it_creates_to_be_created()
    {
        var root = TempFolder.Create("negotiations-reuse");
        var settings = new Dictionary<string, string> { ["LocalPostgres__RootDirectory"] = root };
        try
        {
            await using (var creating = ServiceProcess.Start(settings))
            {
                await creating.WaitUntilHealthyAsync(Patience);
                Assert.Contains($"using the private PostgreSQL in {root} (port ", creating.Output, StringComparison.Ordinal);
                Assert.Contains("): created and started.", creating.Output, StringComparison.Ordinal);
                Assert.Equal(0, await creating.StopAsync(Patience));
            }

            await using var running = await LocalPostgres.StartAsync(root, durable: false, cancellationToken: TestContext.Current.CancellationToken);
            await using var reusing = ServiceProcess.Start(settings);
            await reusing.WaitUntilHealthyAsync(Patience);

            var line = Assert.Single(reusing.Output.Split('\n'), l => l.Contains("private PostgreSQL", StringComparison.Ordinal));
            Assert.Contains($"(port {running.Port}): already running, reused", line, StringComparison.Ordinal);
            Assert.Contains($"process {Environment.ProcessId}", line, StringComparison.Ordinal);
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }

    [Fact]
    public async Task resources_check_passes_on_the_database_the_service_just_created()
    {
        var root = TempFolder.Create("negotiations-resources");
        var settings = new Dictionary<string, string> { ["LocalPostgres__RootDirectory"] = root };
        try
        {
            await using var service = ServiceProcess.Start(settings);
            await service.WaitUntilHealthyAsync(Patience);

            await using var check = ServiceProcess.Start(settings, "resources", "check");

            Assert.True(await check.WaitForExitAsync(Patience) == 0, check.Output);
            Assert.Equal(0, await service.StopAsync(Patience));
        }
        finally
        {
            TempFolder.Delete(root);
        }
    }
}
