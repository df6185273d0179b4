using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

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

        var status = await Host.GetJson($"/api/deals/{deal.Id}");
        Assert.Equal("Closed", status.GetProperty("status").GetString());
        Assert.Equal("2026-02-27", status.GetProperty("closedOn").GetString());
        Assert.Equal(50_000_000_000m, status.GetProperty("amount").GetProperty("value").GetDecimal());
        Assert.Equal("Exact", status.GetProperty("amount").GetProperty("qualifier").GetString());
    }

    public static TheoryData<string, string> EveryCommand => new()
    {
        { "talks", """{"source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""" },
        { "terms", """{"amount":{"value":1,"currency":"USD"},"source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""" },
        { "stake", """{"stakePercent":5,"reason":"r","source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""" },
        { "close", """{"source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""" },
        { "abandon", """{"reason":"r","source":{"publication":"WSJ","publishedOn":"2026-03-01"}}""" },
    };

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public async Task a_closed_deal_refuses_every_command_with_409_and_records_nothing(string route, string body)
    {
        var deal = await Host.ReportNewDeal();
        await Host.Close(deal.Id, new { source = Source("OpenAI press release", "2026-02-27", "CompanyStatement") });

        var result = await Host.PostRaw($"/api/deals/{deal.Id}/{route}", body, 409);

        var problem = await result.ShouldBeProblem(409);
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());
        var history = await Host.GetJson($"/api/deals/{deal.Id}/history");
        Assert.Equal(2, history.GetProperty("events").GetArrayLength());
    }
}
