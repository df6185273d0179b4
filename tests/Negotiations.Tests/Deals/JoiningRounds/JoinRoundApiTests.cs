using Negotiations.Deals;
using Negotiations.Deals.ListingDeals;
using Negotiations.Tests.Infrastructure;
using Negotiations.Tests.Rounds;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Rounds.RoundScenarios;

namespace Negotiations.Tests.Deals.JoiningRounds;

/// <summary>Deals join and leave rounds over HTTP, when opened or later; every link with its source.</summary>
public class JoinRoundApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_deal_joins_a_round_shows_it_in_its_status_and_history_and_in_the_round_book()
    {
        var round = (await Host.ReportRound()).Id;
        var deal = (await Host.ReportNewDeal()).Id;

        Assert.Equal(2, await Host.JoinRound(deal, round));

        var status = await Host.GetDeal(deal);
        Assert.Equal(new RoundMembership(round, Expected.Day("2026-01-29"), Expected.Source()), status.Round);
        Assert.Equal(["talks_reported", "deal_joined_round"], (await Host.GetHistory(deal)).Events.Select(e => e.Type));
        await Fixture.WaitForViewsAsync();
        Assert.Equal([deal], (await Host.GetRoundBook(round)).Participants.Select(p => p.DealId));
    }

    [Fact]
    public async Task a_deal_opened_in_a_round_joins_it_with_the_opening_report_as_version_2()
    {
        var round = (await Host.ReportRound()).Id;
        var body = new
        {
            title = "Nvidia invests in OpenAI", kind = "Investment", round,
            parties = new[] { new { name = "Nvidia", role = "Investor" }, new { name = "OpenAI", role = "Target" } },
            source = Source("New York Times", "2026-01-29"),
        };

        var opened = await (await Host.Post("/api/deals", body, 201)).ReadAs<DealOpened>();

        Assert.Equal(2, opened.Version);
        Assert.Equal(round, (await Host.GetDeal(opened.Id)).Round!.Id);
    }

    [Fact]
    public async Task naming_a_round_that_does_not_exist_is_a_400_naming_round_and_records_nothing()
    {
        var deal = (await Host.ReportNewDeal()).Id;
        var body = new
        {
            title = "Nvidia invests in OpenAI", kind = "Investment", round = UnknownRoundId,
            parties = new[] { new { name = "Nvidia", role = "Investor" }, new { name = "OpenAI", role = "Target" } },
            source = Source(),
        };

        await (await Host.Post("/api/deals", body, 400)).ShouldBeProblem(400, "round");
        await (await Host.Post($"/api/deals/{deal}/round", new { round = UnknownRoundId, source = Source() }, 400)).ShouldBeProblem(400, "round");
        // A deal's id is no round either.
        await (await Host.Post($"/api/deals/{deal}/round", new { round = deal, source = Source() }, 400)).ShouldBeProblem(400, "round");

        await WaitForViewsAsync();
        Assert.Equal(1, (await Host.GetAs<DealList>("/api/deals")).Total);
        Assert.Equal(1, (await Host.GetDeal(deal)).Version);
    }

    [Fact]
    public async Task an_unknown_deal_is_a_404_and_a_second_join_a_409()
    {
        var round = (await Host.ReportRound()).Id;
        var other = (await Host.ReportRound(NewRound("Anthropic"))).Id;
        var deal = (await Host.ReportNewDeal()).Id;
        await Host.JoinRound(deal, round);

        TestJson.AssertSame(Problem.UnknownDealToWrite(UnknownDealId),
            await (await Host.Post($"/api/deals/{UnknownDealId}/round", new { round, source = Source() }, 404)).ShouldBeProblem(404));
        var twice = await (await Host.Post($"/api/deals/{deal}/round", new { round = other, source = Source() }, 409)).ShouldBeProblem(409);
        TestJson.AssertSame(Problem.DealConflict(
            $"Deal {deal} is in round {round}; a deal is in one round at a time: record that it left that round first.", 2), twice);
    }

    [Fact]
    public async Task a_deal_leaves_its_round_the_book_drops_it_the_history_keeps_it_and_leaving_again_is_a_409()
    {
        var round = (await Host.ReportRound()).Id;
        var deal = (await Host.ReportNewDeal(NewDeal("Microsoft invests in OpenAI", "Microsoft"))).Id;
        await Host.JoinRound(deal, round);

        await Host.Post($"/api/deals/{deal}/round/leave", new { reason = "Not in the announced round", source = Source("Reuters", "2026-02-20") }, 200);

        Assert.Null((await Host.GetDeal(deal)).Round);
        Assert.Equal(["talks_reported", "deal_joined_round", "deal_left_round"], (await Host.GetHistory(deal)).Events.Select(e => e.Type));
        await Fixture.WaitForViewsAsync();
        Assert.Empty((await Host.GetRoundBook(round)).Participants);
        Assert.Equal(["Microsoft"], (await Host.GetRoundBook(round, "occurredBy=2026-02-01")).Participants.Select(p => p.Investor));
        var again = await (await Host.Post($"/api/deals/{deal}/round/leave", new { source = Source("Reuters", "2026-02-21") }, 409)).ShouldBeProblem(409);
        Assert.Equal($"Deal {deal} is in no round: there is nothing to leave.", again.Detail);
        await (await Host.Post($"/api/deals/{deal}/round/leave", new { source = new { publication = "Reuters" } }, 400)).ShouldBeProblem(400, "source.publishedOn");
    }
}
