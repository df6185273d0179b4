using Negotiations.Deals;
using Negotiations.Parties;
using Xunit;
using static Negotiations.Tests.Parties.PartySpecification;

namespace Negotiations.Tests.Parties;

public class PartyGraphTests
{
    [Fact]
    public void a_name_is_its_registered_owners_else_the_party_of_its_first_sight()
    {
        var graph = Graph(Registered("Amazon", "Amazon.com, Inc."));

        Assert.Equal(Amazon, graph.PartyOf("amazon.com, inc."));
        Assert.Equal(PartyIds.Of("Amazon.com"), graph.PartyOf("Amazon.com"));
        Assert.Null(graph.Registered(PartyIds.Of("Amazon.com")));
    }

    [Fact]
    public void parts_and_wholes_are_followed_transitively()
    {
        var ec2 = PartyIds.Of("EC2");
        var graph = Graph(Registered("Amazon"), Registered("AWS"), Registered("EC2"), PartOf(Aws, Amazon), PartOf(ec2, Aws));

        Assert.Equal(new[] { Amazon, Aws, ec2 }.Order(), graph.PartsOf(Amazon).Order());
        Assert.Equal(new[] { Amazon, Aws, ec2 }.Order(), graph.WholesOf(ec2).Order());
        Assert.Equal([ec2], graph.PartsOf(ec2));
    }

    [Fact]
    public void exposure_lists_the_deals_of_the_party_and_its_parts_with_role_status_amount_and_withdrawal()
    {
        var graph = Graph(Registered("Amazon"), Registered("AWS"), PartOf(Aws, Amazon));
        var withdrew = new PartyWithdrew("AWS", null, Negotiations.Tests.Deals.DealSpecification.Day("2026-02-01"), Negotiations.Tests.Deals.DealSpecification.Wsj("2026-02-01"));
        var amazonDeal = Deal("Amazon invests in Anthropic", "Amazon", "Anthropic");
        var awsDeal = Deal("AWS invests in OpenAI", "AWS", "OpenAI", withdrew);

        var exposure = PartyExposure.Of(graph, Amazon, [amazonDeal, awsDeal, Deal("Nvidia invests in OpenAI", "Nvidia", "OpenAI")]);

        Assert.Equal(
            [
                new ExposureEntry(awsDeal.Id, "AWS invests in OpenAI", DealKind.Investment, DealStatus.InTalks, Aws, "AWS", PartyRole.Investor, null, true, new DateOnly(2026, 2, 1)),
                new ExposureEntry(amazonDeal.Id, "Amazon invests in Anthropic", DealKind.Investment, DealStatus.InTalks, Amazon, "Amazon", PartyRole.Investor, null, false, null),
            ],
            exposure);
        Assert.Equal([awsDeal.Id], PartyExposure.Of(graph, Aws, [amazonDeal, awsDeal]).Select(e => e.DealId));
    }
}
