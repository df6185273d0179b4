using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Deals.ListingDeals;

public class ListDealsApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task deals_are_listed_newest_activity_first_with_the_total()
    {
        var older = await Host.ReportNewDeal(NewDeal("Older", source: Source(publishedOn: "2025-06-01")));
        var newer = await Host.ReportNewDeal(NewDeal("Newer", source: Source(publishedOn: "2026-01-01")));
        var middle = await Host.ReportNewDeal(NewDeal("Middle", source: Source(publishedOn: "2025-09-01")));

        var list = await Host.GetJson("/api/deals");

        Assert.Equal(3, list.GetProperty("total").GetInt64());
        Assert.Equal([newer.Id, middle.Id, older.Id], list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task deals_filter_by_status_and_by_party_in_any_letter_case()
    {
        var amazon = await Host.ReportNewDeal(NewDeal("Amazon–OpenAI", "Amazon", "OpenAI"));
        var softBank = await Host.ReportNewDeal(NewDeal("SoftBank–OpenAI", "SoftBank", "OpenAI"));
        await Host.Abandon(softBank.Id, new { reason = "Collapsed", source = Source() });
        await Host.ReportNewDeal(NewDeal("Microsoft–Inflection", "Microsoft", "Inflection"));

        var openAi = await Host.GetJson("/api/deals?party=openai");
        var abandoned = await Host.GetJson("/api/deals?status=Abandoned");
        var amazonInTalks = await Host.GetJson("/api/deals?status=InTalks&party=AMAZON");

        Assert.Equal(2, openAi.GetProperty("total").GetInt64());
        Assert.Equal([softBank.Id], abandoned.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal([amazon.Id], amazonInTalks.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task pages_split_the_list_and_keep_the_total()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Host.ReportNewDeal(NewDeal($"Deal {i}", source: Source(publishedOn: $"2026-01-0{i}")));
        }

        var page2 = await Host.GetJson("/api/deals?page=2&pageSize=2");

        Assert.Equal(5, page2.GetProperty("total").GetInt64());
        Assert.Equal(["Deal 3", "Deal 2"], page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));
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
