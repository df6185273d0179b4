using System.Net;
using System.Text;
using Alba;
using Negotiations.Tests.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Reliability;

public class IdempotencyApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private Task<IScenarioResult> Post(string url, object body, string key, int status) => Host.Scenario(s =>
    {
        s.Post.Json(body).ToUrl(url);
        s.WithRequestHeader("Idempotency-Key", key);
        s.StatusCodeShouldBe(status);
    });

    [Fact]
    public async Task the_same_key_and_body_replay_the_first_answer_and_record_once()
    {
        var key = Guid.NewGuid().ToString();

        var first = await Post("/api/deals", NewDeal(), key, 201);
        var repeat = await Post("/api/deals", NewDeal(), key, 201);

        Assert.Equal(await first.ReadAsTextAsync(), await repeat.ReadAsTextAsync());
        Assert.Equal(first.Context.Response.Headers.Location.ToString(), repeat.Context.Response.Headers.Location.ToString());
        Assert.Equal(1, (await Host.GetJson("/api/deals")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task the_same_key_with_a_different_body_is_a_422_and_records_nothing_more()
    {
        var key = Guid.NewGuid().ToString();
        await Post("/api/deals", NewDeal("First"), key, 201);

        var reused = await Post("/api/deals", NewDeal("Second"), key, 422);

        Assert.Equal(422, (await reused.Json()).GetProperty("status").GetInt32());
        Assert.Equal(1, (await Host.GetJson("/api/deals")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task a_refused_command_claims_nothing_so_the_corrected_retry_under_the_same_key_runs()
    {
        var deal = await Host.ReportNewDeal();
        var key = Guid.NewGuid().ToString();
        await Post($"/api/deals/{deal.Id}/terms", new { amount = Usd(1m), source = Source(), expectedVersion = 7 }, key, 409);

        await Post($"/api/deals/{deal.Id}/terms", new { amount = Usd(1m), source = Source(), expectedVersion = 1 }, key, 200);

        Assert.Equal(2, (await Host.GetJson($"/api/deals/{deal.Id}")).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task twenty_racing_repeats_of_one_request_record_it_once_and_all_get_its_answer()
    {
        var deal = await Host.ReportNewDeal();
        var key = Guid.NewGuid().ToString();
        var body = System.Text.Json.JsonSerializer.Serialize(new { amount = Usd(50_000_000_000m, "UpTo"), source = Source() });
        using var client = Host.Server.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/deals/{deal.Id}/terms")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", key);
            return client.SendAsync(request, TestContext.Current.CancellationToken);
        }));

        var answers = new List<string>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        Assert.Single(answers.Distinct());
        Assert.Equal(2, (await Host.GetJson($"/api/deals/{deal.Id}/history")).GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task without_a_key_each_request_counts()
    {
        await Host.ReportNewDeal();
        await Host.ReportNewDeal();

        Assert.Equal(2, (await Host.GetJson("/api/deals")).GetProperty("total").GetInt64());
    }
}
