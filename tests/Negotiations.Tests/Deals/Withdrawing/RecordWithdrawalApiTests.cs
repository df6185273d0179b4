using Negotiations.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Deals.Withdrawing;

public class RecordWithdrawalApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly object Nyt = Source("New York Times", "2026-02-20", "AnonymousSource");

    [Fact]
    public async Task microsoft_withdraws_it_stays_in_the_parties_and_history_and_talks_naming_it_bring_it_back()
    {
        var deal = await Host.ReportNewDeal(new
        {
            title = "OpenAI's $110B round", kind = "Investment",
            parties = new[] { new { name = "OpenAI", role = "Target" }, new { name = "Microsoft", role = "CoInvestor" }, new { name = "Nvidia", role = "CoInvestor" } },
            source = Source(),
        });

        var written = await (await Host.Post($"/api/deals/{deal.Id}/withdrawals", new { party = "microsoft", reason = "Not in the announced round", source = Nyt }, 200)).ReadAs<DealWritten>();

        Assert.Equal(new DealWritten(deal.Id, 2), written);
        var status = await Host.GetDeal(deal.Id);
        Assert.Equal(["OpenAI", "Microsoft", "Nvidia"], status.Parties.Select(p => p.Name));
        Assert.Equal([new PartyWithdrawal("Microsoft", Expected.Day("2026-02-20"), "Not in the announced round", Expected.Source("New York Times", "2026-02-20", Attribution.AnonymousSource))], status.Withdrawals);
        var history = await Host.GetHistory(deal.Id);
        Assert.Equal(["talks_reported", "party_withdrew"], history.Events.Select(e => e.Type));

        await Host.ReportTalks(deal.Id, new { parties = new[] { new { name = "Microsoft", role = "CoInvestor" } }, source = Source("Reuters", "2026-02-25") });
        Assert.Empty((await Host.GetDeal(deal.Id)).Withdrawals);
        // As of the day after the withdrawal, Microsoft was out.
        Assert.Equal("Microsoft", Assert.Single((await Host.GetDeal(deal.Id, "occurredBy=2026-02-21")).Withdrawals).Party);
    }

    [Fact]
    public async Task a_party_not_in_the_deal_is_a_400_naming_the_field_an_unknown_deal_a_404_a_stale_version_a_409()
    {
        var deal = await Host.ReportNewDeal();

        var notAParty = await (await Host.Post($"/api/deals/{deal.Id}/withdrawals", new { party = "Microsoft", source = Nyt }, 400)).ShouldBeProblem(400, "party");
        Assert.Equal(["'party' must be one of the deal's parties: Amazon, OpenAI."], notAParty.Errors!["party"]);
        TestJson.AssertSame(Problem.UnknownDealToWrite(UnknownDealId),
            await (await Host.Post($"/api/deals/{UnknownDealId}/withdrawals", new { party = "Amazon", source = Nyt }, 404)).ShouldBeProblem(404));
        TestJson.AssertSame(Problem.StaleVersion(deal.Id, 1, 4),
            await (await Host.Post($"/api/deals/{deal.Id}/withdrawals", new { party = "Amazon", source = Nyt, expectedVersion = 4 }, 409)).ShouldBeProblem(409));
        Assert.Empty((await Host.GetDeal(deal.Id)).Withdrawals);
    }
}
