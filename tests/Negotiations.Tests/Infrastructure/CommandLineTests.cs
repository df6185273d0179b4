using Negotiations.Infrastructure;
using Negotiations.Security;
using Xunit;

namespace Negotiations.Tests.Infrastructure;

/// <summary>The service's command line as an operator meets it: exit codes, one line per failure, verbs that need no database.</summary>
public class CommandLineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>No connection string and no PostgreSQL binaries: anything that tried to start a database would fail.</summary>
    private static readonly Dictionary<string, string> NoDatabase = new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["LocalPostgres__BinDirectory"] = "/nonexistent",
    };

    [Fact]
    public async Task a_start_that_fails_with_the_urls_option_exits_1_with_one_line_naming_the_database()
    {
        var port = Ports.FreeLoopbackPort();
        await using var service = ServiceProcess.StartWithUrlsOption(new Dictionary<string, string>
        {
            ["ConnectionStrings__Negotiations"] = $"Host=127.0.0.1;Port={port};Database=negotiations;Username=postgres;Password=never-printed",
            ["Auth__Keys__0__Name"] = "alice",
            ["Auth__Keys__0__Role"] = "Recorder",
            ["Auth__Keys__0__Sha256"] = ApiKeyHash.Of("neg_key"),
        });

        Assert.Equal(CommandLine.Failure, await service.WaitForExitAsync(Patience));
        Assert.Equal(
            [$"Cannot start: PostgreSQL at 127.0.0.1:{port} does not answer (Failed to connect to 127.0.0.1:{port}). Check that it runs and ConnectionStrings:Negotiations."],
            Lines(service.Output));
    }

    [Fact]
    public async Task help_lists_the_projects_own_verbs_first_and_the_exit_codes_without_a_database()
    {
        foreach (var arguments in new[] { ["help"], ["--help"], new[] { "--", "--help" } })
        {
            await using var command = ServiceProcess.Start(NoDatabase, arguments);

            Assert.Equal(CommandLine.Ok, await command.WaitForExitAsync(Patience));
            var output = command.Output;
            Assert.True(output.IndexOf("create-api-key", StringComparison.Ordinal) < output.IndexOf("describe", StringComparison.Ordinal), output);
            Assert.Contains("verify-chains", output, StringComparison.Ordinal);
            Assert.Contains("Exit codes: 0 done; 1 failed (the reason is printed on one line); 2 wrong usage.", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Searching", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task create_api_key_needs_no_database()
    {
        await using var command = ServiceProcess.Start(NoDatabase, "create-api-key", "alice", "Admin");

        Assert.Equal(CommandLine.Ok, await command.WaitForExitAsync(Patience));
        Assert.Contains("Auth__Keys__0__Role=Admin", command.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Searching", command.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task create_api_key_runs_while_the_configured_key_lacks_its_hash_as_in_a_first_docker_compose_run()
    {
        await using var command = ServiceProcess.Start(new Dictionary<string, string>(NoDatabase)
        {
            ["Auth__Keys__0__Name"] = "admin",
            ["Auth__Keys__0__Role"] = "Admin",
            ["Auth__Keys__0__Sha256"] = "",
        }, "create-api-key", "admin", "Admin");

        Assert.Equal(CommandLine.Ok, await command.WaitForExitAsync(Patience));
        Assert.Contains("Auth__Keys__0__Sha256=", command.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task openapi_writes_the_document_without_a_database()
    {
        await using var command = ServiceProcess.Start(NoDatabase, "openapi");

        Assert.Equal(CommandLine.Ok, await command.WaitForExitAsync(Patience));
        Assert.Contains("\"/api/deals\"", command.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-verb")]
    [InlineData("create-api-key", "alice")]
    [InlineData("create-api-key", "alice", "Emperor")]
    public async Task wrong_usage_exits_2_with_one_line(params string[] arguments)
    {
        await using var command = ServiceProcess.Start(NoDatabase, arguments);

        Assert.Equal(CommandLine.Usage, await command.WaitForExitAsync(Patience));
        Assert.Single(Lines(command.Output));
    }

    [Fact]
    public async Task describe_shows_the_connection_string_without_its_password()
    {
        await using var command = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Negotiations"] = "Host=h;Password=Pw7",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "k=Tk9",
        }, "describe");

        Assert.Equal(CommandLine.Ok, await command.WaitForExitAsync(Patience));
        Assert.Contains("IConfiguration Preview", command.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Pw7", command.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Tk9", command.Output, StringComparison.Ordinal);
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
