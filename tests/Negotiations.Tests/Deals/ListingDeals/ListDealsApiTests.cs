using Negotiations.Deals;
using Negotiations.Deals.ListingDeals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;

namespace Negotiations.Tests.Deals.ListingDeals;

public class ListDealsApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task deals_are_listed_newest_activity_first_with_the_total()
    {
        var older = await Host.ReportNewDeal(NewDeal("Older", source: Source(publishedOn: "2025-06-01")));
        var newer = await Host.ReportNewDeal(NewDeal("Newer", source: Source(publishedOn: "2026-01-01")));
        var middle = await Host.ReportNewDeal(NewDeal("Middle", source: Source(publishedOn: "2025-09-01")));

        var list = await Host.GetAs<DealList>("/api/deals");

        AssertSame(new DealList(
            [
                Expected.NewDeal(newer.Id, "Newer", source: Expected.Source(publishedOn: "2026-01-01")),
                Expected.NewDeal(middle.Id, "Middle", source: Expected.Source(publishedOn: "2025-09-01")),
                Expected.NewDeal(older.Id, "Older", source: Expected.Source(publishedOn: "2025-06-01")),
            ], 3, 1, 50), list);
    }

    [Fact]
    public async Task deals_filter_by_status_and_by_party_in_any_letter_case()
    {
        var amazon = await Host.ReportNewDeal(NewDeal("Amazon–OpenAI", "Amazon", "OpenAI"));
        var softBank = await Host.ReportNewDeal(NewDeal("SoftBank–OpenAI", "SoftBank", "OpenAI"));
        await Host.Abandon(softBank.Id, new { reason = "Collapsed", source = Source() });
        await Host.ReportNewDeal(NewDeal("Microsoft–Inflection", "Microsoft", "Inflection"));

        var openAi = await Host.GetAs<DealList>("/api/deals?party=openai");
        var abandoned = await Host.GetAs<DealList>("/api/deals?status=Abandoned");
        var amazonInTalks = await Host.GetAs<DealList>("/api/deals?status=InTalks&party=AMAZON");

        Assert.Equal(2, openAi.Total);
        Assert.Equal([softBank.Id, amazon.Id], openAi.Items.Select(d => d.Id));
        AssertSame(new DealList(
            [
                Expected.NewDeal(softBank.Id, "SoftBank–OpenAI", "SoftBank", "OpenAI") with
                {
                    Status = DealStatus.Abandoned,
                    AbandonedReason = "Collapsed",
                    LastActivityOn = Expected.Day("2026-01-29"),
                    LastSource = Expected.Source(),
                    Version = 2,
                    LastMoveOn = Expected.Day("2026-01-29"),
                },
            ], 1, 1, 50), abandoned);
        AssertSame(new DealList([Expected.NewDeal(amazon.Id, "Amazon–OpenAI", "Amazon", "OpenAI")], 1, 1, 50), amazonInTalks);
    }

    [Fact]
    public async Task pages_split_the_list_and_keep_the_total()
    {
        var ids = new List<Guid>();
        for (var i = 1; i <= 5; i++)
        {
            ids.Add((await Host.ReportNewDeal(NewDeal($"Deal {i}", source: Source(publishedOn: $"2026-01-0{i}")))).Id);
        }

        var page2 = await Host.GetAs<DealList>("/api/deals?page=2&pageSize=2");

        AssertSame(new DealList(
            [
                Expected.NewDeal(ids[2], "Deal 3", source: Expected.Source(publishedOn: "2026-01-03")),
                Expected.NewDeal(ids[1], "Deal 2", source: Expected.Source(publishedOn: "2026-01-02")),
            ], 5, 2, 2), page2);
    }

    [Theory]
    [InlineData("/api/deals?status=Pending", "status")]
    [InlineData("/api/deals?status=1", "status")]
    [InlineData("/api/deals?page=0", "page")]
    [InlineData("/api/deals?pageSize=1000", "pageSize")]
    [InlineData("/api/deals?pageSize=ten", "pageSize")]
    [InlineData("/api/deals?stauts=Closed", "stauts")]
    [InlineData("/api/deals?status=TermsProposed,Closed", "status")]
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
