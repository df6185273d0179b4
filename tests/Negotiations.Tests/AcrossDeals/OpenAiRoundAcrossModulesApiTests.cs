using Negotiations.Deals;
using Negotiations.Deals.ListingDeals;
using Negotiations.Parties;
using Negotiations.Parties.Conflicts;
using Negotiations.Parties.GettingParty;
using Negotiations.Rounds.GettingRoundBook;
using Negotiations.Tests.Infrastructure;
using Negotiations.Tests.Parties;
using Negotiations.Tests.Rounds;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.AcrossDeals;

/// <summary>
/// The story the cross-deal views were built for, across their modules: the OpenAI round with Amazon ("Amazon.com" in
/// the press), Nvidia and Microsoft; Amazon already in Anthropic, OpenAI's competitor; AWS part of Amazon. Microsoft's
/// withdrawal takes it out of the round and keeps it in the history; the alias finds Amazon's deals in the list.
/// </summary>
public class OpenAiRoundAcrossModulesApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const decimal B = 1_000_000_000m;

    private async Task<Guid> Investment(Guid? round, string investor, string target, object? amount, string publishedOn) =>
        (await (await Host.Post("/api/deals", new
        {
            title = $"{investor} invests in {target}", kind = "Investment", round, amount, source = Source(publishedOn: publishedOn),
            parties = new[] { new { name = investor, role = "Investor" }, new { name = target, role = "Target" } },
        }, 201)).ReadAs<DealOpened>()).Id;

    [Fact]
    public async Task withdrawal_leaves_the_round_an_alias_finds_the_deals_and_the_conflict_cites_its_source()
    {
        var round = (await Host.ReportRound()).Id;
        var anthropic = await Investment(null, "Amazon", "Anthropic", Usd(8 * B), "2024-03-27");
        var amazon = await Investment(round, "Amazon.com", "OpenAI", Usd(50 * B, "UpTo"), "2026-01-29");
        var nvidia = await Investment(round, "Nvidia", "OpenAI", Usd(30 * B, "UpTo"), "2026-01-29");
        var microsoft = await Investment(round, "Microsoft", "OpenAI", Usd(10 * B, "About"), "2026-01-29");
        var cloud = await Host.Deal("AWS builds data centres for OpenAI", "AWS", "OpenAI", "Other", "Other");

        var amazonParty = await Host.RegisterParty("Amazon");
        await Host.Merge(amazonParty, PartyIds.Of("Amazon.com"));
        await Host.Relate(await Host.RegisterParty("AWS"), "PartOf", amazonParty);
        var ft = Source("Financial Times", "2026-01-30", "NamedSource");
        await Host.Relate(await Host.RegisterParty("Anthropic"), "CompetesWith", await Host.RegisterParty("OpenAI"), ft);
        await Host.Post($"/api/deals/{microsoft}/withdrawals", new
        {
            party = "Microsoft", reason = "Not among the announced investors", occurredOn = "2026-02-20", source = Source("Reuters", "2026-02-20"),
        }, 200);
        await WaitForViewsAsync();

        // The round: Microsoft listed but out, its history keeping that it was in; the rest still rumoured.
        var book = await Host.GetRoundBook(round);
        Assert.Equal([(amazon, Firmness.Rumoured), (microsoft, Firmness.Out), (nvidia, Firmness.Rumoured)],
            book.Participants.Select(p => (p.DealId, p.Firmness)));
        Assert.Equal(new Negotiations.Rounds.MoneyRange("USD", 0, 80 * B, false), Assert.Single(book.Totals).Rumoured);
        Assert.Equal(["talks_reported", "deal_joined_round", "party_withdrew"], (await Host.GetHistory(microsoft)).Events.Select(e => e.Type));
        var asBefore = await Host.GetRoundBook(round, "occurredBy=2026-02-01");
        Assert.Equal(Firmness.Rumoured, asBefore.Participants.Single(p => p.DealId == microsoft).Firmness);

        // "Amazon.com", Amazon's id and "AMAZON" all find both of Amazon's deals (not AWS's: the list names the party itself).
        foreach (var party in new[] { "Amazon.com", amazonParty.ToString(), "AMAZON" })
        {
            var found = await Host.GetAs<DealList>($"/api/deals?party={Uri.EscapeDataString(party)}&sort=title");
            Assert.Equal([anthropic, amazon], found.Items.Select(d => d.Id));
        }

        // Amazon's exposure includes AWS's deal and names the round; its conflict cites the relation's source.
        var exposure = (await Host.GetAs<PartyDetails>($"/api/parties/{amazonParty}")).Exposure;
        Assert.Equal([(cloud, (Guid?)null), (anthropic, null), (amazon, round)], exposure.Select(e => (e.DealId, e.RoundId)));
        var conflict = Assert.Single((await Host.GetAs<PartyConflicts>($"/api/parties/{amazonParty}/conflicts")).Conflicts);
        Assert.Equal("Financial Times", conflict.Relation.Source.Publication);
        Assert.Equal(new[] { amazon, anthropic }.Order(), new[] { conflict.First.DealId, conflict.Second.DealId }.Order());
    }
}
