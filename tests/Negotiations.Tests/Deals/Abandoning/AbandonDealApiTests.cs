using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Deals.Abandoning;

public class AbandonDealApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly object Reuters = Source("Reuters", "2026-02-01", "NamedSource");

    [Fact]
    public async Task abandoning_shows_the_reason_in_the_status()
    {
        var deal = await Host.ReportNewDeal();

        await Host.Abandon(deal.Id, new { reason = "Talks collapsed over valuation", source = Reuters });

        var status = await Host.GetJson($"/api/deals/{deal.Id}");
        Assert.Equal("Abandoned", status.GetProperty("status").GetString());
        Assert.Equal("Talks collapsed over valuation", status.GetProperty("abandonedReason").GetString());
    }

    [Theory]
    [InlineData("terms", """{"amount":{"value":1,"currency":"USD"},"source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""")]
    [InlineData("stake", """{"stakePercent":5,"reason":"r","source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""")]
    [InlineData("close", """{"source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""")]
    [InlineData("abandon", """{"reason":"again","source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""")]
    public async Task an_abandoned_deal_refuses_everything_but_new_talks_with_409(string route, string body)
    {
        var deal = await Host.ReportNewDeal();
        await Host.Abandon(deal.Id, new { reason = "Talks collapsed", source = Reuters });

        var result = await Host.PostRaw($"/api/deals/{deal.Id}/{route}", body, 409);

        await result.ShouldBeProblem(409);
        Assert.Equal("Abandoned", (await Host.GetJson($"/api/deals/{deal.Id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task abandoning_without_a_reason_is_a_400()
    {
        var deal = await Host.ReportNewDeal();

        var result = await Host.PostRaw($"/api/deals/{deal.Id}/abandon", """{"source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""", 400);

        await result.ShouldBeProblem(400, "reason");
    }
}
