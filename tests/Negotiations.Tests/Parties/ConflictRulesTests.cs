using Negotiations.Deals;
using Negotiations.Parties;
using Negotiations.Parties.Conflicts;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;
using static Negotiations.Tests.Parties.PartySpecification;

namespace Negotiations.Tests.Parties;

public class ConflictRulesTests
{
    private static readonly object[] Story =
    [
        Registered("Amazon"), Registered("AWS"), Registered("Anthropic"), Registered("OpenAI"),
        PartOf(Aws, Amazon), Competes(Anthropic, OpenAi),
    ];

    private static readonly Deal InAnthropic = Deal("Amazon invests in Anthropic", "Amazon", "Anthropic");
    private static readonly Deal InOpenAi = Deal("Amazon invests in OpenAI", "amazon", "OpenAI");

    [Fact]
    public void an_investor_in_two_deals_whose_targets_compete_is_in_conflict_citing_the_relation_and_its_source()
    {
        var conflict = Assert.Single(ConflictRules.Find(Graph(Story), [InAnthropic, InOpenAi]));

        Assert.Equal((Amazon, "Amazon"), (conflict.PartyId, conflict.Party));
        Assert.Equal(
            new ConflictingDeal(InAnthropic.Id, "Amazon invests in Anthropic", DealStatus.InTalks, Amazon, "Amazon", PartyRole.Investor, Anthropic, "Anthropic"),
            conflict.First);
        Assert.Equal(
            new ConflictingDeal(InOpenAi.Id, "Amazon invests in OpenAI", DealStatus.InTalks, Amazon, "Amazon", PartyRole.Investor, OpenAi, "OpenAI"),
            conflict.Second);
        Assert.Equal(new ConflictRelation(Anthropic, "Anthropic", RelationKind.CompetesWith, OpenAi, "OpenAI", On, Ft()), conflict.Relation);
    }

    [Fact]
    public void targets_that_do_not_compete_make_no_conflict()
    {
        Assert.Empty(ConflictRules.Find(Graph(Story[..5]), [InAnthropic, InOpenAi]));
        Assert.Empty(ConflictRules.Find(Graph(Story), [InAnthropic, Deal("Amazon invests in Mistral", "Amazon", "Mistral")]));
    }

    [Fact]
    public void a_part_backing_one_side_is_its_wholes_conflict_not_its_own()
    {
        var awsInOpenAi = Deal("AWS invests in OpenAI", "AWS", "OpenAI");

        var conflict = Assert.Single(ConflictRules.Find(Graph(Story), [InAnthropic, awsInOpenAi]));

        Assert.Equal(Amazon, conflict.PartyId);
        Assert.Equal((Aws, "AWS"), (conflict.Second.InvestorId, conflict.Second.Investor));
        Assert.Empty(ConflictRules.Find(Graph(Story), [InAnthropic, awsInOpenAi], onlyParty: Aws));
        Assert.Single(ConflictRules.Find(Graph(Story), [InAnthropic, awsInOpenAi], onlyParty: Amazon));
    }

    [Fact]
    public void a_target_that_is_part_of_a_competitor_competes_too()
    {
        var claudeLabs = PartyIds.Of("Claude Labs");
        var graph = Graph([.. Story, Registered("Claude Labs"), PartOf(claudeLabs, Anthropic)]);

        var conflict = Assert.Single(ConflictRules.Find(graph, [Deal("Amazon buys Claude Labs", "Amazon", "Claude Labs"), InOpenAi]));

        Assert.Equal((claudeLabs, Anthropic), (conflict.First.TargetId, conflict.Relation.PartyId));
    }

    [Fact]
    public void a_withdrawn_investor_or_an_abandoned_deal_does_not_count()
    {
        var withdrew = new PartyWithdrew("Amazon", null, Day("2026-02-01"), Wsj("2026-02-01"));
        var abandoned = new DealAbandoned("collapsed", Day("2026-02-01"), Wsj("2026-02-01"));

        Assert.Empty(ConflictRules.Find(Graph(Story), [InAnthropic, Deal("Amazon invests in OpenAI", "Amazon", "OpenAI", withdrew)]));
        Assert.Empty(ConflictRules.Find(Graph(Story), [InAnthropic, Deal("Amazon invests in OpenAI", "Amazon", "OpenAI", abandoned)]));
    }

    [Fact]
    public void names_resolve_through_aliases_and_merges()
    {
        var amazonCom = PartyIds.Of("Amazon.com");
        var graph = Graph([.. Story, new PartyMerged(Amazon, amazonCom, ["Amazon.com"], On)]);

        var conflict = Assert.Single(ConflictRules.Find(graph, [InAnthropic, Deal("Amazon.com in talks with OpenAI", "AMAZON.COM", "OpenAI")]));

        Assert.Equal((Amazon, Amazon), (conflict.PartyId, conflict.Second.InvestorId));
        Assert.Equal(Amazon, graph.Resolve(amazonCom));
    }

    [Fact]
    public void advisors_and_sellers_are_not_backers()
    {
        var advising = Deal("Amazon advises OpenAI", "Amazon", "OpenAI") with { Parties = [new Party("Amazon", PartyRole.Advisor), new Party("OpenAI", PartyRole.Target)] };

        Assert.Empty(ConflictRules.Find(Graph(Story), [InAnthropic, advising]));
    }
}
