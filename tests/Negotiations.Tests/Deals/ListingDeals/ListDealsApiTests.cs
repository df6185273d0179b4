using Negotiations.Deals;
using Negotiations.Deals.ListingDeals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Deals.ListingDeals.DealListing;

namespace Negotiations.Tests.Deals.ListingDeals;

public class ListDealsApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task deals_are_listed_newest_activity_first_with_the_total()
    {
        var older = await Host.ReportNewDeal(NewDeal("Older", source: Source(publishedOn: "2025-06-01")));
        var newer = await Host.ReportNewDeal(NewDeal("Newer", source: Source(publishedOn: "2026-01-01")));
        var middle = await Host.ReportNewDeal(NewDeal("Middle", source: Source(publishedOn: "2025-09-01")));

        var list = await Fixture.ListDeals("/api/deals");

        AssertListed(new DealList(
            [
                Item(Expected.NewDeal(newer.Id, "Newer", source: Expected.Source(publishedOn: "2026-01-01")), "Amazon in talks to invest in OpenAI"),
                Item(Expected.NewDeal(middle.Id, "Middle", source: Expected.Source(publishedOn: "2025-09-01")), "Amazon in talks to invest in OpenAI"),
                Item(Expected.NewDeal(older.Id, "Older", source: Expected.Source(publishedOn: "2025-06-01")), "Amazon in talks to invest in OpenAI"),
            ], 3, 1, 50, NoFreshness), list);
    }

    [Fact]
    public async Task deals_filter_by_status_and_by_party_in_any_letter_case()
    {
        var amazon = await Host.ReportNewDeal(NewDeal("Amazon–OpenAI", "Amazon", "OpenAI"));
        var softBank = await Host.ReportNewDeal(NewDeal("SoftBank–OpenAI", "SoftBank", "OpenAI"));
        await Host.Abandon(softBank.Id, new { reason = "Collapsed", source = Source() });
        await Host.ReportNewDeal(NewDeal("Microsoft–Inflection", "Microsoft", "Inflection"));

        var openAi = await Fixture.ListDeals("/api/deals?party=openai");
        var abandoned = await Fixture.ListDeals("/api/deals?status=Abandoned");
        var amazonInTalks = await Fixture.ListDeals("/api/deals?status=InTalks&party=AMAZON");

        Assert.Equal(2, openAi.Total);
        Assert.Equal([softBank.Id, amazon.Id], openAi.Items.Select(d => d.Id));
        AssertListed(new DealList(
            [
                Item(Expected.NewDeal(softBank.Id, "SoftBank–OpenAI", "SoftBank", "OpenAI") with
                {
                    Status = DealStatus.Abandoned,
                    AbandonedReason = "Collapsed",
                    LastActivityOn = Expected.Day("2026-01-29"),
                    LastSource = Expected.Source(),
                    Version = 2,
                    LastMoveOn = Expected.Day("2026-01-29"),
                }, "SoftBank in talks to invest in OpenAI"),
            ], 1, 1, 50, NoFreshness), abandoned);
        AssertListed(new DealList([Item(Expected.NewDeal(amazon.Id, "Amazon–OpenAI", "Amazon", "OpenAI"), "Amazon in talks to invest in OpenAI")], 1, 1, 50, NoFreshness), amazonInTalks);
    }

    [Fact]
    public async Task pages_split_the_list_and_keep_the_total()
    {
        var ids = new List<Guid>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add((await Host.ReportNewDeal(NewDeal($"Deal {i}", source: Source(publishedOn: $"2026-01-0{i}")))).Id);
        }

        var page2 = await Fixture.ListDeals("/api/deals?page=2&pageSize=2");

        AssertListed(new DealList(
            [
                Item(Expected.NewDeal(ids[2], "Deal 3", source: Expected.Source(publishedOn: "2026-01-03")), "Amazon in talks to invest in OpenAI"),
                Item(Expected.NewDeal(ids[1], "Deal 2", source: Expected.Source(publishedOn: "2026-01-02")), "Amazon in talks to invest in OpenAI"),
            ], 5, 2, 2, NoFreshness), page2);
    }

    [Theory]
    [InlineData("/api/deals?status=Pending", "status")]
    [InlineData("/api/deals?status=1", "status")]
    [InlineData("/api/deals?page=0", "page")]
    [InlineData("/api/deals?pageSize=1000", "pageSize")]
    [InlineData("/api/deals?pageSize=ten", "pageSize")]
    [InlineData("/api/deals?stauts=Closed", "stauts")]
    [InlineData("/api/deals?status=TermsProposed,,Closed", "status")]
    [InlineData("/api/deals?page=2147483647&pageSize=200", "page")]
    public async Task a_bad_parameter_is_a_400_naming_it(string url, string field)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(400);
        });

        await result.ShouldBeProblem(400, field);
    }
}
