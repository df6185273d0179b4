using Negotiations.Deals;
using Negotiations.Sources;
using Negotiations.Tests.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Sources;

public class SourcesApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private async Task<T> Read<T>(string url)
    {
        await WaitForViewsAsync();
        return await Host.GetAs<T>(url);
    }

    /// <summary>
    /// The Information says "at least $10B" (confirmed by the press release's $50B) and, on a second deal, "$2B" (contradicted
    /// by a filing's $3B); the WSJ says "up to $50B" (confirmed), a $830B valuation we correct, and a stake it retracts.
    /// </summary>
    private async Task<(Guid OpenAi, Guid Other)> StoryAsync()
    {
        var openAi = (await Host.ReportNewDeal(NewDeal())).Id;
        await Host.ProposeTerms(openAi, new
        {
            amount = Usd(50_000_000_000m, "UpTo"),
            valuation = new { value = 830_000_000_000m, currency = "USD", qualifier = "About" },
            source = Source("Wall Street Journal", "2026-01-29"),
        });
        await Host.Correct(openAi, new { correctsVersion = 2, reason = "The valuation was $730B", valuation = new { value = 730_000_000_000m, currency = "USD", qualifier = "About" } });
        var stake = await Host.ReviseStake(openAi, new { stakePercent = 10m, reason = "A tenth", source = Source("wall street journal", "2026-02-01") });
        await Host.Retract(openAi, new { retractsVersion = stake, reason = "Withdrawn", source = Source("Wall Street Journal", "2026-02-02") });
        await Host.ReviseStake(openAi, new { amount = Usd(50_000_000_000m), reason = "Announced", source = Source("OpenAI press release", "2026-02-27", "CompanyStatement") });

        var other = (await Host.ReportNewDeal(NewDeal("Amazon invests in Anthropic", target: "Anthropic", amount: Usd(2_000_000_000m)))).Id;
        await Host.ReviseStake(other, new { amount = Usd(3_000_000_000m), reason = "Filed", source = Source("SEC", "2026-01-05", "RegulatoryFiling") });
        return (openAi, other);
    }

    [Fact]
    public async Task every_publication_has_its_track_record_most_claims_first()
    {
        await StoryAsync();

        var list = await Read<SourceList>("/api/sources");

        Assert.Equal(
            [
                new TrackRecord("Wall Street Journal", 3, 1, 0, 1, 1, "/api/sources/wall%20street%20journal"),
                new TrackRecord("The Information", 2, 1, 1, 0, 0, "/api/sources/the%20information"),
                new TrackRecord("OpenAI press release", 1, 0, 0, 0, 0, "/api/sources/openai%20press%20release"),
                new TrackRecord("SEC", 1, 0, 0, 0, 0, "/api/sources/sec"),
            ],
            list.Items);
        Assert.Equal((4L, 1, 50), (list.Total, list.Page, list.PageSize));
        Assert.True(list.Freshness.Sequence >= 8); // every event of the story
    }

    [Fact]
    public async Task the_list_sorts_and_pages()
    {
        await StoryAsync();

        var byName = await Read<SourceList>("/api/sources?sort=publication&pageSize=2&page=2");
        var byContradictions = await Read<SourceList>("/api/sources?sort=-contradicted&pageSize=1");

        Assert.Equal(["The Information", "Wall Street Journal"], byName.Items.Select(r => r.Publication));
        Assert.Equal(4, byName.Total);
        Assert.Equal(["The Information"], byContradictions.Items.Select(r => r.Publication));
    }

    [Fact]
    public async Task one_publication_in_any_case_gives_its_record_and_its_claims_linked_to_the_deals()
    {
        var (openAi, other) = await StoryAsync();

        var detail = await Read<SourceDetail>("/api/sources/THE%20INFORMATION");

        Assert.Equal(new TrackRecord("The Information", 2, 1, 1, 0, 0, "/api/sources/the%20information"), detail.Record);
        Assert.Equal(
            [
                new SourceClaim("The Information", "the information", openAi, 1, "amount", "≥ $10B", Expected.Day("2025-12-16"),
                    Attribution.AnonymousSource, true, 6, false, null, false, false, null, $"/api/deals/{openAi}/claims"),
                new SourceClaim("The Information", "the information", other, 1, "amount", "$2B", Expected.Day("2025-12-16"),
                    Attribution.AnonymousSource, false, null, true, 2, false, false, null, $"/api/deals/{other}/claims"),
            ],
            detail.Claims.OrderBy(c => c.Claim == "$2B"));
    }

    [Fact]
    public async Task the_wsj_claims_say_which_were_corrected_retracted_and_confirmed()
    {
        var (openAi, _) = await StoryAsync();

        var detail = await Read<SourceDetail>("/api/sources/wall%20street%20journal?pageSize=10");

        Assert.Equal(
            [("amount", "up to $50B", true, false, false), ("stakePercent", "10%", false, false, true), ("valuation", "about $730B", false, true, false)],
            detail.Claims.Select(c => (c.Field, c.Claim, c.Confirmed, c.Corrected, c.Retracted)).OrderBy(c => c.Field));
        Assert.All(detail.Claims, c => Assert.Equal(openAi, c.DealId));
    }

    [Fact]
    public async Task a_publication_that_made_no_claim_is_a_404()
    {
        await StoryAsync();
        await WaitForViewsAsync();

        await Host.GetProblem("/api/sources/Financial%20Times", 404);
    }

    [Theory]
    [InlineData("/api/sources?sort=name", "sort")]
    [InlineData("/api/sources?page=0", "page")]
    [InlineData("/api/sources?pageSize=201", "pageSize")]
    [InlineData("/api/sources?waitFor=-1", "waitFor")]
    [InlineData("/api/sources?publication=WSJ", "publication")]
    [InlineData("/api/sources/WSJ?page=x", "page")]
    [InlineData("/api/sources/WSJ?waitFor=99999", "waitFor")]
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
