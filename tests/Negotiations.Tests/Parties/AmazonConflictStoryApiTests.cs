using Negotiations.Deals;
using Negotiations.Parties;
using Negotiations.Parties.Conflicts;
using Negotiations.Parties.GettingParty;
using Negotiations.Parties.Searching;
using Negotiations.Tests.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Parties;

/// <summary>
/// Amazon invested in Anthropic, "Amazon.com" is in talks to invest in OpenAI, AWS (part of Amazon) has a deal of its
/// own, and Anthropic competes with OpenAI: Amazon's names, exposure and conflict, through the API.
/// </summary>
public class AmazonConflictStoryApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task amazon_com_finds_amazons_deals_its_exposure_includes_aws_and_the_conflict_cites_the_relations_source()
    {
        // Given the deals as reported, under the names the press used.
        var anthropicDeal = await Host.Deal("Amazon invests in Anthropic", "Amazon", "Anthropic");
        var openAiDeal = await Host.Deal("Amazon in talks to invest in OpenAI", "Amazon.com", "OpenAI");
        var cloudDeal = await Host.Deal("AWS builds data centres for OpenAI", "AWS", "OpenAI", "Other", "Other");

        // When the parties are registered and related, with sources.
        var amazon = await Host.RegisterParty("Amazon", "Company", "Amazon.com, Inc.");
        var aws = await Host.RegisterParty("AWS", "Company", "Amazon Web Services");
        var anthropic = await Host.RegisterParty("Anthropic");
        var openAi = await Host.RegisterParty("OpenAI");
        await Host.Relate(aws, "PartOf", amazon);
        var competition = Source("Financial Times", "2026-01-30", "NamedSource", "https://www.ft.com/anthropic-openai");
        await Host.Relate(anthropic, "CompetesWith", openAi, competition);

        // "Amazon.com" is a party of its own (first sight) until merged: an alias cannot take it.
        var amazonCom = PartyIds.Of("Amazon.com");
        var taken = await (await Host.Post($"/api/parties/{amazon}/aliases", new { alias = "amazon.com" }, 409)).ShouldBeProblem(409);
        Assert.Contains(amazonCom.ToString(), taken.Detail, StringComparison.Ordinal);
        await Fixture.WaitForViewsAsync();
        Assert.Empty((await Host.GetAs<PartyConflicts>($"/api/parties/{amazon}/conflicts")).Conflicts);
        await Host.Merge(amazon, amazonCom);
        await Fixture.WaitForViewsAsync();

        // Then "Amazon.com" finds Amazon, and Amazon's id and the duplicate's both answer with Amazon.
        var found = await Host.GetAs<PartyList>("/api/parties?q=AMAZON.COM");
        Assert.Equal([(amazon, "Amazon", false)], found.Items.Select(p => (p.Id, p.Name, p.FirstSight)));
        Assert.Equal(["Amazon.com, Inc.", "Amazon.com"], found.Items[0].Aliases);
        var viaDuplicate = await Host.GetAs<PartyDetails>($"/api/parties/{amazonCom}");
        Assert.Equal((amazon, (Guid?)amazonCom), (viaDuplicate.Id, viaDuplicate.RequestedId));

        // Amazon's exposure (by deal title): its deals under both names, and AWS's deal through "part of".
        var details = await Host.GetAs<PartyDetails>($"/api/parties/{amazon}");
        Assert.Equal(
            [(cloudDeal, aws, "AWS", PartyRole.Other), (openAiDeal, amazon, "Amazon.com", PartyRole.Investor), (anthropicDeal, amazon, "Amazon", PartyRole.Investor)],
            details.Exposure.Select(e => (e.DealId, e.ViaPartyId, e.NamedAs, e.Role)));
        Assert.All(details.Exposure, e => Assert.False(e.Withdrew));
        Assert.Equal([(RelationSide.HasPart, aws, "AWS")], details.Relations.Select(r => (r.Relation, r.OtherPartyId, r.OtherParty)));
        Assert.Equal([amazonCom], details.MergedFrom);

        // The conflict: Amazon backs Anthropic and OpenAI, which compete, as the FT reported.
        var conflict = Assert.Single((await Host.GetAs<PartyConflicts>($"/api/parties/{amazon}/conflicts")).Conflicts);
        Assert.Equal((amazon, "Amazon"), (conflict.PartyId, conflict.Party));
        Assert.Equal(
            [(anthropicDeal, "Anthropic"), (openAiDeal, "OpenAI")],
            new[] { conflict.First, conflict.Second }.OrderBy(d => d.Target, StringComparer.Ordinal).Select(d => (d.DealId, d.Target)));
        Assert.Equal((anthropic, RelationKind.CompetesWith, openAi, "https://www.ft.com/anthropic-openai"),
            (conflict.Relation.PartyId, conflict.Relation.Kind, conflict.Relation.OtherPartyId, conflict.Relation.Source.Url));
        Assert.Equal([conflict], (await Host.GetAs<ConflictList>("/api/conflicts")).Items);
        Assert.Empty((await Host.GetAs<PartyConflicts>($"/api/parties/{openAi}/conflicts")).Conflicts);

        // When Amazon withdraws from the OpenAI talks, the conflict goes; the exposure keeps the deal, marked.
        await Host.Post($"/api/deals/{openAiDeal}/withdrawals", new { party = "amazon.com", reason = "talks ended", source = Source() }, 200);
        Assert.Empty((await Host.GetAs<ConflictList>("/api/conflicts")).Items);
        var withdrawn = (await Host.GetAs<PartyDetails>($"/api/parties/{amazon}")).Exposure.Single(e => e.DealId == openAiDeal);
        Assert.Equal((true, (DateOnly?)Expected.Day("2026-01-29")), (withdrawn.Withdrew, withdrawn.WithdrewOn));
    }
}
