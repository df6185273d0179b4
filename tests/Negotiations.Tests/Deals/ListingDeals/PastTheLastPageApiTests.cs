using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Deals.ListingDeals;

public class PastTheLastPageApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_page_past_the_last_is_empty_and_still_gives_the_real_total()
    {
        for (var i = 0; i < 3; i++)
        {
            await Host.ReportNewDeal(NewDeal(title: $"Deal {i}", investor: $"Investor {i}"));
        }

        var past = await Fixture.ListDeals("/api/deals?page=5&pageSize=2");
        var lastFull = await Fixture.ListDeals("/api/deals?page=2&pageSize=2");

        Assert.Empty(past.Items);
        Assert.Equal(3, past.Total);
        Assert.Equal((5, 2), (past.Page, past.PageSize));
        Assert.Single(lastFull.Items);
        Assert.Equal(3, lastFull.Total);
    }

    [Fact]
    public async Task the_total_past_the_last_page_counts_only_what_the_filter_matches()
    {
        await Host.ReportNewDeal(NewDeal(investor: "Amazon"));
        await Host.ReportNewDeal(NewDeal(investor: "Amazon", target: "Anthropic"));
        await Host.ReportNewDeal(NewDeal(investor: "Microsoft"));

        var past = await Fixture.ListDeals("/api/deals?party=amazon&page=3&pageSize=1");

        Assert.Empty(past.Items);
        Assert.Equal(2, past.Total);
    }

    [Fact]
    public async Task with_no_deals_at_all_every_page_says_zero()
    {
        Assert.Equal(0, (await Fixture.ListDeals("/api/deals?page=2")).Total);
        Assert.Equal(0, (await Fixture.ListDeals("/api/deals")).Total);
    }
}
