using Negotiations.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;

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
        AssertSame(Expected.NewDeal(deal.Id) with
        {
            Status = DealStatus.TermsProposed,
            Amount = Expected.Usd(50_000_000_000m),
            StakePercent = 6.8m,
            Instrument = "Equity",
            LastActivityOn = Expected.Day("2026-02-27"),
            LastSource = Expected.Source("Amazon press release", "2026-02-27", Attribution.CompanyStatement),
            Version = 3,
            LastMoveOn = Expected.Day("2026-02-27"),
            Sources = new ValueSources(
                Amount: Expected.Source("Amazon press release", "2026-02-27", Attribution.CompanyStatement),
                StakePercent: Expected.Source("Amazon press release", "2026-02-27", Attribution.CompanyStatement)),
        }, await Host.GetDeal(deal.Id));
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
