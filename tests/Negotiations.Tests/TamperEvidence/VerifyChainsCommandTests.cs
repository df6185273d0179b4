using Negotiations.TamperEvidence;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.TamperEvidence;

public class VerifyChainsCommandTests(ApiFixture fixture) : ChainTest(fixture)
{
    [Fact]
    public async Task every_deal_is_verified_and_each_broken_one_named()
    {
        var tampered = await DealOfFiveEvents();
        await Host.ReportNewDeal(NewDeal("SoftBank adds to OpenAI", "SoftBank"));
        await Sql("update negotiations.mt_events set data = jsonb_set(data, '{amount,value}', '1') where stream_id = @id and version = 3", tampered);
        var output = new StringWriter();

        var allIntact = await VerifyChainsCommand.VerifyAllAsync(Fixture.Store, output, CancellationToken.None);

        Assert.False(allIntact);
        Assert.Equal(
            [$"broken: deal {tampered} at version 3: the stored event does not match its chain hash", "2 deals verified: 1 intact, 1 broken."],
            output.ToString().TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public async Task a_deal_deleted_whole_is_still_reported_through_its_chain()
    {
        var deal = await Host.ReportNewDeal();
        await Sql("delete from negotiations.mt_events where stream_id = @id; delete from negotiations.mt_streams where id = @id;", deal.Id);
        var output = new StringWriter();

        Assert.False(await VerifyChainsCommand.VerifyAllAsync(Fixture.Store, output, CancellationToken.None));
        Assert.Contains($"broken: deal {deal.Id} at version 1: the event is missing, but the chain recorded it", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task writes_racing_on_one_deal_leave_one_intact_chain()
    {
        var deal = await Host.ReportNewDeal();
        for (var version = 1; version <= 5; version++)
        {
            var statuses = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ => (await Host.Scenario(s =>
            {
                s.Post.Json(new { amount = Usd(1_000_000m), source = Source(), expectedVersion = version }).ToUrl($"/api/deals/{deal.Id}/terms");
                s.IgnoreStatusCode();
            })).Context.Response.StatusCode));

            Assert.Equal([200, 409], statuses.Order());
        }

        var output = new StringWriter();
        Assert.True(await VerifyChainsCommand.VerifyAllAsync(Fixture.Store, output, CancellationToken.None), output.ToString());
        Assert.Equal("1 deals verified: 1 intact, 0 broken.", output.ToString().TrimEnd());
        Assert.Equal("""{"intact":true,"events":6}""", (await Host.GetJson($"/api/deals/{deal.Id}/verify")).GetRawText());
    }

    [Fact]
    public async Task the_command_line_verb_exits_1_naming_the_broken_deal_and_0_once_all_are_intact()
    {
        var tampered = await DealOfFiveEvents();
        await Host.ReportNewDeal(NewDeal("SoftBank adds to OpenAI", "SoftBank"));
        await Sql("update negotiations.mt_events set user_name = 'mallory' where stream_id = @id and version = 2", tampered);

        var (broken, brokenOutput) = await RunVerifyChains();

        Assert.Equal(1, broken);
        Assert.Contains($"broken: deal {tampered} at version 2: the stored event does not match its chain hash", brokenOutput, StringComparison.Ordinal);
        Assert.Contains("2 deals verified: 1 intact, 1 broken.", brokenOutput, StringComparison.Ordinal);

        await Sql("update negotiations.mt_events set user_name = 'anonymous' where stream_id = @id and version = 2", tampered);
        var (intact, intactOutput) = await RunVerifyChains();

        Assert.Equal(0, intact);
        Assert.Contains("2 deals verified: 2 intact, 0 broken.", intactOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task with_postgres_unreachable_verify_chains_exits_1_with_one_line_and_no_stack_trace()
    {
        var port = Negotiations.Infrastructure.Ports.FreeLoopbackPort();
        await using var process = ServiceProcess.Start(
            new Dictionary<string, string> { ["ConnectionStrings__Negotiations"] = $"Host=127.0.0.1;Port={port};Username=x;Password=y;Database=z;Timeout=2" },
            "verify-chains");

        Assert.Equal(1, await process.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var lines = process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, line => line.StartsWith("Cannot verify: PostgreSQL does not answer", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("at ", StringComparison.Ordinal));
    }

    /// <summary>`dotnet Negotiations.dll verify-chains` against the test database, as an operator would run it.</summary>
    private async Task<(int ExitCode, string Output)> RunVerifyChains()
    {
        await using var process = ServiceProcess.Start(
            new Dictionary<string, string> { ["ConnectionStrings__Negotiations"] = Fixture.ConnectionString }, "verify-chains");
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exitCode, process.Output);
    }
}
