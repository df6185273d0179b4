using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Negotiations.Tests.Infrastructure;
using Negotiations.Tests.Rounds;
using Negotiations.Web.Recording;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Web;

/// <summary>A form records what the API records for the same command: the endpoint's own events, not a copy of them.</summary>
public class WebRecordingApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly Dictionary<string, StringValues> Source = new()
    {
        ["source.publication"] = "Reuters", ["source.publishedOn"] = "2026-01-10", ["source.attribution"] = "NamedSource",
    };

    [Fact]
    public async Task a_deal_opened_in_a_round_by_its_form_joins_the_round_and_its_leave_form_takes_it_out()
    {
        var round = await Host.ReportRound();

        var opened = await RecordAsync(RecordingCommand.OpeningDeal, Guid.Empty, new(Source)
        {
            ["title"] = "SoftBank invests in OpenAI", ["kind"] = "Investment", ["round"] = round.Id.ToString(),
            ["parties[0].name"] = "SoftBank", ["parties[0].role"] = "Investor", ["parties[1].name"] = "OpenAI", ["parties[1].role"] = "Target",
        });

        Assert.True(opened.Recorded, opened.Problem?.Detail);
        Assert.Equal(2, opened.Version);
        Assert.Equal(["talks_reported", "deal_joined_round"], (await Host.GetHistory(opened.Id)).Events.Select(e => e.Type));

        var left = await RecordAsync(RecordingCommand.OnDeal.Single(c => c.Route == "round/leave"), opened.Id, new(Source) { ["reason"] = "Out" });

        Assert.True(left.Recorded, left.Problem?.Detail);
        Assert.Equal(3, left.Version);
        Assert.Equal("deal_left_round", (await Host.GetHistory(opened.Id)).Events[^1].Type);
    }

    private async Task<RecordOutcome> RecordAsync(RecordingCommand command, Guid deal, Dictionary<string, StringValues> fields)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Form = new FormCollection(fields);
        return await WebRecording.RecordAsync(command, context, deal, TestContext.Current.CancellationToken);
    }
}
