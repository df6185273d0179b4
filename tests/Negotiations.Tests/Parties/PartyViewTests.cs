using Negotiations.Parties;
using Xunit;
using static Negotiations.Tests.Parties.PartySpecification;

namespace Negotiations.Tests.Parties;

public class PartyViewTests
{
    [Fact]
    public void a_registered_party_has_its_name_kind_aliases_and_the_keys_of_all_of_them()
    {
        var amazon = Assert.Single(Views(Registered("Amazon", "Amazon.com, Inc."), new PartyAliasAdded(Amazon, "AMAZON", On)));

        Assert.Equal(("Amazon", (PartyKind?)PartyKind.Company, true), (amazon.Name, amazon.Kind, amazon.Registered));
        Assert.Equal(["Amazon.com, Inc."], amazon.Aliases);
        Assert.Equal(["amazon", "amazon.com, inc."], amazon.Keys);
    }

    [Fact]
    public void a_relation_shows_on_both_parties_from_each_ones_side()
    {
        var views = Views(Registered("Amazon"), Registered("AWS"), Registered("Anthropic"), Registered("OpenAI"),
            PartOf(Aws, Amazon), Competes(Anthropic, OpenAi)).ToDictionary(v => v.Id);

        Assert.Equal([new PartyRelationView(RelationSide.PartOf, Amazon, On, Ft(), Recorded: true)], views[Aws].Relations);
        Assert.Equal([new PartyRelationView(RelationSide.HasPart, Aws, On, Ft(), Recorded: false)], views[Amazon].Relations);
        Assert.Equal([new PartyRelationView(RelationSide.CompetesWith, OpenAi, On, Ft(), Recorded: true)], views[Anthropic].Relations);
        Assert.Equal([new PartyRelationView(RelationSide.CompetesWith, Anthropic, On, Ft(), Recorded: false)], views[OpenAi].Relations);
    }

    [Fact]
    public void a_merge_gives_the_duplicates_names_to_the_survivor_and_points_the_duplicate_at_it()
    {
        var amazonCom = PartyIds.Of("Amazon.com");
        var views = Views(Registered("Amazon"), new PartyMerged(Amazon, amazonCom, ["Amazon.com"], On, "same company")).ToDictionary(v => v.Id);

        Assert.Equal(["Amazon.com"], views[Amazon].Aliases);
        Assert.Equal(["amazon", "amazon.com"], views[Amazon].Keys);
        Assert.Equal([amazonCom], views[Amazon].MergedFrom);
        Assert.Equal((Amazon, false), (views[amazonCom].MergedInto!.Value, views[amazonCom].Registered));
    }
}
