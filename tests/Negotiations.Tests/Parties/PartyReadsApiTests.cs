using Negotiations.Parties;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Parties;

public class PartyReadsApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task deals_naming_more_keys_than_one_query_sends_are_all_found_once()
    {
        var anthropic = await Host.ReportNewDeal(NewDeal("Nvidia invests in Anthropic", "Nvidia", "Anthropic"));
        var openAi = await Host.ReportNewDeal();
        var keys = Enumerable.Range(0, PartyReads.MaxKeys + 100).Select(i => $"company {i}").ToList();
        keys.Insert(PartyReads.MaxKeys + 50, PartyNames.Key("Anthropic"));
        keys.AddRange([PartyNames.Key("Nvidia"), PartyNames.Key("Amazon")]);

        await using var session = Fixture.Store.QuerySession();
        var deals = await PartyReads.DealsNamingAsync(session, keys, CancellationToken.None);

        Assert.Equal(new[] { anthropic.Id, openAi.Id }.Order(), deals.Select(deal => deal.Id).Order());
    }
}
