using Negotiations.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;

namespace Negotiations.Tests.Deals.Abandoning;

public class AbandonDealApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly object Reuters = Source("Reuters", "2026-02-01", "NamedSource");

    [Fact]
    public async Task abandoning_shows_the_reason_in_the_status()
    {
        var deal = await Host.ReportNewDeal();

        await Host.Abandon(deal.Id, new { reason = "Talks collapsed over valuation", source = Reuters });

        AssertSame(Expected.NewDeal(deal.Id) with
        {
            Status = DealStatus.Abandoned,
            LastActivityOn = Expected.Day("2026-02-01"),
            AbandonedReason = "Talks collapsed over valuation",
            LastSource = Expected.Source("Reuters", "2026-02-01", Attribution.NamedSource),
            Version = 2,
            LastMoveOn = Expected.Day("2026-02-01"),
        }, await Host.GetDeal(deal.Id));
    }

    [Theory]
    [InlineData("terms", """{"amount":{"value":1,"currency":"USD"},"source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""", "take proposed terms")]
    [InlineData("stake", """{"stakePercent":5,"reason":"r","source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""", "have its stake revised")]
    [InlineData("close", """{"source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""", "be closed")]
    [InlineData("abandon", """{"reason":"again","source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""", "be abandoned")]
    public async Task an_abandoned_deal_refuses_everything_but_new_talks_with_409(string route, string body, string action)
    {
        var deal = await Host.ReportNewDeal();
        await Host.Abandon(deal.Id, new { reason = "Talks collapsed", source = Reuters });

        var result = await Host.PostRaw($"/api/deals/{deal.Id}/{route}", body, 409);

        AssertSame(
            Problem.DealConflict($"Deal {deal.Id} is abandoned; it cannot {action} until talks are reported again.", currentVersion: 2),
            await result.ShouldBeProblem(409));
        Assert.Equal(DealStatus.Abandoned, (await Host.GetDeal(deal.Id)).Status);
    }

    [Fact]
    public async Task abandoning_without_a_reason_is_a_400()
    {
        var deal = await Host.ReportNewDeal();

        var result = await Host.PostRaw($"/api/deals/{deal.Id}/abandon", """{"source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""", 400);

        await result.ShouldBeProblem(400, "reason");
    }
}
