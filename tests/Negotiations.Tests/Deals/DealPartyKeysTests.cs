using Negotiations.Deals;
using Negotiations.Parties;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals;

/// <summary>The keys and first-sight ids the deal document carries for the party views (indexed, queried by them).</summary>
public class DealPartyKeysTests
{
    [Fact]
    public void the_deal_carries_each_partys_name_key_and_first_sight_id_in_order()
    {
        var deal = Given(Opened(), new TalksReported(null, null, [new Party("Société Générale", PartyRole.Advisor)], null, null, null, Day("2026-01-02"), Wsj("2026-01-02")));

        Assert.Equal(["amazon", "openai", "societe generale"], deal.PartyKeys);
        Assert.Equal([PartyIds.Of("Amazon"), PartyIds.Of("OpenAI"), PartyIds.Of("societe generale")], deal.FirstSightPartyIds);
    }

    [Fact]
    public void keys_are_in_the_stored_document()
    {
        var json = Json(Given(Opened()));

        Assert.Contains("\"partyKeys\":[\"amazon\",\"openai\"]", json, StringComparison.Ordinal);
    }
}
