using Negotiations.Security;
using Negotiations.Tests.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Security;

public class StartupTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task outside_development_the_service_refuses_to_start_without_keys_and_says_how_to_make_one()
    {
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Negotiations"] = Fixture.ConnectionString,
        });

        Assert.Equal(1, await service.WaitForExitAsync(Patience));
        Assert.Contains("No API keys are configured", service.Output, StringComparison.Ordinal);
        Assert.Contains("create-api-key", service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task started_with_the_urls_option_the_refusal_still_exits_1_in_one_line()
    {
        await using var service = ServiceProcess.StartWithUrlsOption(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Negotiations"] = Fixture.ConnectionString,
        });

        Assert.Equal(1, await service.WaitForExitAsync(Patience));
        var line = Assert.Single(service.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("No API keys are configured (Auth:Keys)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_key_configured_with_its_plain_value_instead_of_its_hash_stops_the_start()
    {
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Negotiations"] = Fixture.ConnectionString,
            ["Auth__Keys__0__Name"] = "alice",
            ["Auth__Keys__0__Role"] = "Recorder",
            ["Auth__Keys__0__Sha256"] = "neg_plain-key",
        });

        Assert.Equal(1, await service.WaitForExitAsync(Patience));
        Assert.Contains("Sha256 is not 64 hexadecimal characters", service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task two_keys_with_one_name_stop_the_start()
    {
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Negotiations"] = Fixture.ConnectionString,
            ["Auth__Keys__0__Name"] = "alice",
            ["Auth__Keys__0__Role"] = "Recorder",
            ["Auth__Keys__0__Sha256"] = ApiKeyHash.Of("neg_one"),
            ["Auth__Keys__1__Name"] = "Alice",
            ["Auth__Keys__1__Role"] = "Admin",
            ["Auth__Keys__1__Sha256"] = ApiKeyHash.Of("neg_two"),
        });

        Assert.Equal(1, await service.WaitForExitAsync(Patience));
        Assert.Contains("names must be unique", service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task create_api_key_prints_a_key_once_and_configuration_holding_only_its_hash()
    {
        // As a deployment would first run it: Production, its own database, no keys yet.
        await using var command = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Negotiations"] = Fixture.ConnectionString,
        }, "create-api-key", "alice", "Recorder");

        Assert.Equal(0, await command.WaitForExitAsync(Patience));
        var output = command.Output;
        var key = output.Split(' ', '\n', '\r').Single(word => word.StartsWith("neg_", StringComparison.Ordinal));
        Assert.Contains("Auth__Keys__0__Name=alice", output, StringComparison.Ordinal);
        Assert.Contains("Auth__Keys__0__Role=Recorder", output, StringComparison.Ordinal);
        Assert.Contains($"Auth__Keys__0__Sha256={ApiKeyHash.Of(key)}", output, StringComparison.Ordinal);
        Assert.Equal(1, output.Split(key).Length - 1);
    }

    [Fact]
    public async Task a_port_already_in_use_is_said_as_such_not_as_a_database_outage()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        await using var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Negotiations"] = Fixture.ConnectionString,
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        });

        Assert.Equal(1, await service.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("address already in use", service.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("does not answer", service.Output, StringComparison.Ordinal);
    }
}
