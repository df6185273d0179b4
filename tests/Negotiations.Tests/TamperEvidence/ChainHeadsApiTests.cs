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

        var heads = (await Host.GetJson("/api/chain-heads")).EnumerateArray().ToDictionary(
            head => head.GetProperty("id").GetGuid(),
            head => (Version: head.GetProperty("version").GetInt64(), Hash: head.GetProperty("hash").GetString()));

        Assert.Equal([five, one], heads.Keys.Order());
        Assert.Equal(5, heads[five].Version);
        Assert.Equal(1, heads[one].Version);
        Assert.Matches("^[0-9a-f]{64}$", heads[five].Hash);
        Assert.NotEqual(heads[five].Hash, heads[one].Hash);
    }

    [Fact]
    public async Task a_new_event_moves_the_head()
    {
        var deal = await Host.ReportNewDeal();
        var before = (await Host.GetJson("/api/chain-heads"))[0];

        await Host.ProposeTerms(deal.Id, new { amount = Usd(1_000_000m), source = Source() });

        var after = (await Host.GetJson("/api/chain-heads"))[0];
        Assert.Equal(2, after.GetProperty("version").GetInt64());
        Assert.NotEqual(before.GetProperty("hash").GetString(), after.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task with_no_deals_there_are_no_heads()
    {
        Assert.Equal(0, (await Host.GetJson("/api/chain-heads")).GetArrayLength());
    }
}
