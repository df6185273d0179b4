using Negotiations.TamperEvidence;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.TamperEvidence;

public class ChainHeadsApiTests(ApiFixture fixture) : ChainTest(fixture)
{
    [Fact]
    public async Task the_heads_are_each_deals_last_version_and_hash()
    {
        var five = await DealOfFiveEvents();
        var one = (await Host.ReportNewDeal(NewDeal("SoftBank adds to OpenAI", "SoftBank"))).Id;

        var heads = (await Host.GetAs<List<ChainHead>>("/api/chain-heads")).ToDictionary(head => head.Id);

        Assert.Equal([five, one], heads.Keys.Order());
        Assert.All(heads.Values, head => Assert.Matches("^[0-9a-f]{64}$", head.Hash));
        Assert.NotEqual(heads[five].Hash, heads[one].Hash);
        Assert.Equal(new ChainHead(five, 5, heads[five].Hash), heads[five]);
        Assert.Equal(new ChainHead(one, 1, heads[one].Hash), heads[one]);
    }

    [Fact]
    public async Task a_new_event_moves_the_head()
    {
        var deal = await Host.ReportNewDeal();
        var before = Assert.Single(await Host.GetAs<List<ChainHead>>("/api/chain-heads"));

        await Host.ProposeTerms(deal.Id, new { amount = Usd(1_000_000m), source = Source() });

        var after = Assert.Single(await Host.GetAs<List<ChainHead>>("/api/chain-heads"));
        Assert.NotEqual(before.Hash, after.Hash);
        Assert.Equal(new ChainHead(deal.Id, 2, after.Hash), after);
    }

    [Fact]
    public async Task with_no_deals_there_are_no_heads()
    {
        Assert.Empty(await Host.GetAs<List<ChainHead>>("/api/chain-heads"));
    }
}
