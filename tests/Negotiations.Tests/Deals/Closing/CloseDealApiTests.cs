using Negotiations.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;

namespace Negotiations.Tests.Deals.Closing;

public class CloseDealApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task closing_records_the_final_amount_and_the_closing_date()
    {
        var deal = await Host.ReportNewDeal();

        await Host.Close(deal.Id, new
        {
            finalAmount = Usd(50_000_000_000m),
            closedOn = "2026-02-27",
            source = Source("OpenAI press release", "2026-02-27", "CompanyStatement"),
        });

        AssertSame(Expected.NewDeal(deal.Id) with
        {
            Status = DealStatus.Closed,
            Amount = Expected.Usd(50_000_000_000m),
            LastActivityOn = Expected.Day("2026-02-27"),
            ClosedOn = Expected.Day("2026-02-27"),
            LastSource = Expected.Source("OpenAI press release", "2026-02-27", Attribution.CompanyStatement),
            Version = 2,
            LastMoveOn = Expected.Day("2026-02-27"),
            Sources = new ValueSources(Amount: Expected.Source("OpenAI press release", "2026-02-27", Attribution.CompanyStatement)),
        }, await Host.GetDeal(deal.Id));
    }

    public static TheoryData<string, string, string> EveryCommand => new()
    {
        { "talks", """{"source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""", "report talks" },
        { "terms", """{"amount":{"value":1,"currency":"USD"},"source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""", "take proposed terms" },
        { "stake", """{"stakePercent":5,"reason":"r","source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""", "have its stake revised" },
        { "close", """{"source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""", "be closed again" },
        { "abandon", """{"reason":"r","source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""", "be abandoned" },
    };

    /// <summary>Every command, dated 2026-03-01: after the close of 2026-02-27.</summary>
    [Theory]
    [MemberData(nameof(EveryCommand))]
    public async Task a_closed_deal_refuses_every_command_dated_after_the_close_with_409_and_records_nothing(string route, string body, string action)
    {
        var deal = await Host.ReportNewDeal();
        await Host.Close(deal.Id, new { source = Source("OpenAI press release", "2026-02-27", "CompanyStatement") });

        var result = await Host.PostRaw($"/api/deals/{deal.Id}/{route}", body, 409);

        var detail = route == "close"
            ? $"Deal {deal.Id} is closed; a closed deal cannot be closed again."
            : $"Deal {deal.Id} is closed; a closed deal cannot {action} (only reports of what happened before 2026-02-27 are still accepted: they sort into place).";
        AssertSame(Problem.DealConflict(detail, currentVersion: 2), await result.ShouldBeProblem(409));
        Assert.Equal(2, (await Host.GetHistory(deal.Id)).Events.Count);
    }

    /// <summary>Every report but a second close, dated 2026-02-01: before the close of 2026-02-27.</summary>
    public static TheoryData<string, string> EveryReportBeforeTheClose => new()
    {
        { "talks", """{"source":{"publication":"WSJ","publishedOn":"2026-02-01"}}""" },
        { "terms", """{"amount":{"value":1,"currency":"USD"},"source":{"publication":"WSJ","publishedOn":"2026-02-01"}}""" },
        { "stake", """{"stakePercent":5,"reason":"r","source":{"publication":"WSJ","publishedOn":"2026-02-01"}}""" },
        { "abandon", """{"reason":"r","source":{"publication":"WSJ","publishedOn":"2026-02-01"}}""" },
    };

    [Theory]
    [MemberData(nameof(EveryReportBeforeTheClose))]
    public async Task a_closed_deal_accepts_a_report_dated_before_the_close_which_sorts_into_place_and_leaves_it_closed(string route, string body)
    {
        var deal = await Host.ReportNewDeal();
        await Host.Close(deal.Id, new { source = Source("OpenAI press release", "2026-02-27", "CompanyStatement") });

        await Host.PostRaw($"/api/deals/{deal.Id}/{route}", body, 200);

        var status = await Host.GetDeal(deal.Id);
        Assert.Equal(
            (DealStatus.Closed, Expected.Day("2026-02-27"), Expected.Day("2026-02-27"), (string?)null, 3L),
            (status.Status, status.ClosedOn, status.LastMoveOn, status.AbandonedReason, status.Version));
        Assert.Equal(3, (await Host.GetHistory(deal.Id)).Events.Count);
    }
}
