using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Rounds.RoundScenarios;

namespace Negotiations.Tests.Reliability;

/// <summary>What the generated fuzzer found (each was a 500), kept as plain tests.</summary>
public class FuzzFindingsApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_rounds_id_given_to_a_deal_history_is_no_deal_404()
    {
        var round = (await Host.ReportRound()).Id;

        var problem = await Host.GetProblem($"/api/deals/{round}/history", 404);

        Assert.Equal($"No deal with id {round} exists.", problem.Detail);
    }

    [Theory]
    [InlineData("/api/deals/not-a-guid/verify", "text/html", 400)]
    [InlineData("/api/deals/not-a-guid/history", "text/csv", 400)]
    [InlineData("/api/views/rebuilds/0199a7b6-ffff-7000-8000-00000000ffff", "text/html", 404)]
    [InlineData("/api/deals/0199a7b6-ffff-7000-8000-00000000ffff", "text/plain", 404)]
    public async Task a_refusal_to_a_client_that_accepts_no_json_is_still_its_problem_as_json(string url, string accept, int status)
    {
        var answer = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Accept", accept);
            s.StatusCodeShouldBe(status);
        });

        Assert.Equal("application/problem+json", answer.Context.Response.ContentType?.Split(';')[0]);
        var problem = await answer.ReadAs<System.Text.Json.JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task a_write_refused_to_a_client_that_accepts_no_json_is_a_400_problem_not_a_500()
    {
        var deal = (await Host.ReportNewDeal()).Id;

        var answer = await Host.Scenario(s =>
        {
            s.Post.Json(new { amount = Usd(0m), source = Source() }).ToUrl($"/api/deals/{deal}/terms");
            s.WithRequestHeader("Accept", "text/html");
            s.StatusCodeShouldBe(400);
        });

        Assert.Equal("application/problem+json", answer.Context.Response.ContentType?.Split(';')[0]);
    }
}
