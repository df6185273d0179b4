using Negotiations.Parties;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;

namespace Negotiations.Tests.Deals.GettingDeal;

public class GetDealApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task the_status_carries_the_version_as_its_etag()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ProposeTerms(deal.Id, new { amount = Usd(1_000m), source = Source() });

        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{deal.Id}");
            s.StatusCodeShouldBe(200);
        });

        Assert.Equal("\"2\"", result.Context.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task the_status_of_a_new_deal_is_the_whole_first_report()
    {
        var deal = await Host.ReportNewDeal();

        var status = await Host.GetJson($"/api/deals/{deal.Id}");

        var expected = $$"""
            {"id":"{{deal.Id}}","title":"Amazon invests in OpenAI","kind":"Investment","status":"InTalks",
             "parties":[{"name":"Amazon","role":"Investor"},{"name":"OpenAI","role":"Target"}],
             "amount":{"value":10000000000,"currency":"USD","qualifier":"AtLeast","high":null},
             "valuation":null,"stakePercent":null,"instrument":null,"governance":null,"commitments":null,
             "openedOn":"2025-12-16","lastActivityOn":"2025-12-16","closedOn":null,"abandonedReason":null,
             "lastSource":{"publication":"The Information","publishedOn":"2025-12-16","attribution":"AnonymousSource","url":null,"relays":null,"documentId":null,"quote":null},
             "version":1,"lastMoveOn":"2025-12-16","agreement":null,"reviews":[],"completedOn":null,"questions":[],
             "sources":{
              "amount":{"publication":"The Information","publishedOn":"2025-12-16","attribution":"AnonymousSource","url":null,"relays":null,"documentId":null,"quote":null},
              "valuation":null,"stakePercent":null},
             "comparableValuation":null,"withdrawals":[],
             "partyKeys":["amazon","openai"],"firstSightPartyIds":["{{PartyIds.Of("Amazon")}}","{{PartyIds.Of("OpenAI")}}"],"round":null,"isFinal":false
            }
            """;
        Assert.Equal(Normalize(expected), Normalize(status.GetRawText()));
    }

    [Fact]
    public async Task an_unknown_deal_is_a_404_problem()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{UnknownDealId}");
            s.StatusCodeShouldBe(404);
        });

        AssertSame(Problem.UnknownDeal(UnknownDealId), await result.ShouldBeProblem(404));
    }

    [Fact]
    public async Task a_malformed_id_is_a_400_naming_the_id()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url("/api/deals/12345");
            s.StatusCodeShouldBe(400);
        });

        await result.ShouldBeProblem(400, "id");
    }

    private static string Normalize(string json) =>
        System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(json).RootElement);
}
