using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Deals.GettingDeal;

/// <summary>If-None-Match with the ETag the client holds: 304 without a body while the deal is unchanged.</summary>
public class ConditionalGetApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private Task<Alba.IScenarioResult> Get(string url, string ifNoneMatch, int status) => Host.Scenario(s =>
    {
        s.Get.Url(url);
        s.WithRequestHeader("If-None-Match", ifNoneMatch);
        s.StatusCodeShouldBe(status);
    });

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("W/\"1\"")]
    [InlineData("\"7\", \"1\"")]
    [InlineData("*")]
    public async Task the_current_etag_gets_304_with_no_body_and_the_etag(string ifNoneMatch)
    {
        var deal = await Host.ReportNewDeal();

        var result = await Get($"/api/deals/{deal.Id}", ifNoneMatch, 304);

        Assert.Equal("", await result.ReadAsTextAsync());
        Assert.Equal("\"1\"", result.Context.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task an_etag_the_deal_has_moved_past_gets_the_whole_answer()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ProposeTerms(deal.Id, new { amount = Usd(1_000m), source = Source() });

        var result = await Get($"/api/deals/{deal.Id}", "\"1\"", 200);

        Assert.Equal("\"2\"", result.Context.Response.Headers.ETag.ToString());
        Assert.Equal(2, (await result.ReadAs<Negotiations.Deals.Deal>()).Version);
    }

    [Fact]
    public async Task a_past_version_asked_for_is_not_modified_while_its_etag_is_held()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ProposeTerms(deal.Id, new { amount = Usd(1_000m), source = Source() });

        var result = await Get($"/api/deals/{deal.Id}?version=1", "\"1\"", 304);

        Assert.Equal("", await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task an_unknown_deal_is_still_a_404_whatever_the_client_holds()
    {
        await Get($"/api/deals/{UnknownDealId}", "*", 404);
    }
}
