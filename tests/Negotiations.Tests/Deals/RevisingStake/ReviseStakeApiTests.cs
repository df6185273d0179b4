using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Deals.RevisingStake;

public class ReviseStakeApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_revised_stake_replaces_amount_and_stake_and_keeps_the_rest()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ProposeTerms(deal.Id, new { amount = Usd(50_000_000_000m, "UpTo"), instrument = "Equity", source = Source() });

        var version = await Host.ReviseStake(deal.Id, new
        {
            amount = Usd(50_000_000_000m),
            stakePercent = 6.8m,
            reason = "Announced: $15B up front, $35B on conditions",
            source = Source("Amazon press release", "2026-02-27", "CompanyStatement"),
        });

        Assert.Equal(3, version);
        var status = await Host.GetJson($"/api/deals/{deal.Id}");
        Assert.Equal("TermsProposed", status.GetProperty("status").GetString());
        Assert.Equal("Exact", status.GetProperty("amount").GetProperty("qualifier").GetString());
        Assert.Equal(6.8m, status.GetProperty("stakePercent").GetDecimal());
        Assert.Equal("Equity", status.GetProperty("instrument").GetString());
    }

    [Fact]
    public async Task a_revision_with_neither_amount_nor_stake_nor_reason_is_a_400_naming_both()
    {
        var deal = await Host.ReportNewDeal();

        var result = await Host.PostRaw($"/api/deals/{deal.Id}/stake",
            """{"reason":"","source":{"publication":"WSJ","publishedOn":"2026-01-29"}}""", 400);

        await result.ShouldBeProblem(400, "amount", "reason");
    }

    [Fact]
    public async Task a_stake_above_100_percent_is_a_400()
    {
        var deal = await Host.ReportNewDeal();

        var result = await Host.Post($"/api/deals/{deal.Id}/stake", new { stakePercent = 120m, reason = "typo", source = Source() }, 400);

        await result.ShouldBeProblem(400, "stakePercent");
    }
}
