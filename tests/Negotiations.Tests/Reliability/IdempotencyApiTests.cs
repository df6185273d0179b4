using System.Net;
using System.Text;
using Alba;
using Negotiations.Deals;
using Negotiations.Deals.ListingDeals;
using Negotiations.Tests.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using Negotiations.Tests.Deals.ListingDeals;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;
using static Negotiations.Tests.Deals.ListingDeals.DealListing;

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
        var opened = await first.ReadAs<DealOpened>();
        AssertListed(new DealList([Item(Expected.NewDeal(opened.Id), "Amazon in talks to invest in OpenAI")], 1, 1, 50, NoFreshness), await Fixture.ListDeals("/api/deals"));
    }

    [Fact]
    public async Task the_same_key_with_a_different_body_is_a_422_and_records_nothing_more()
    {
        var key = Guid.NewGuid().ToString();
        var opened = await (await Post("/api/deals", NewDeal("First"), key, 201)).ReadAs<DealOpened>();

        var reused = await Post("/api/deals", NewDeal("Second"), key, 422);

        await reused.ShouldBeProblem(422);
        AssertListed(new DealList([Item(Expected.NewDeal(opened.Id, "First"), "Amazon in talks to invest in OpenAI")], 1, 1, 50, NoFreshness), await Fixture.ListDeals("/api/deals"));
    }

    [Fact]
    public async Task a_refused_command_claims_nothing_so_the_corrected_retry_under_the_same_key_runs()
    {
        var deal = await Host.ReportNewDeal();
        var key = Guid.NewGuid().ToString();
        await Post($"/api/deals/{deal.Id}/terms", new { amount = Usd(1m), source = Source(), expectedVersion = 7 }, key, 409);

        await Post($"/api/deals/{deal.Id}/terms", new { amount = Usd(1m), source = Source(), expectedVersion = 1 }, key, 200);

        AssertSame(Expected.NewDeal(deal.Id) with
        {
            Status = DealStatus.TermsProposed,
            Amount = Expected.Usd(1m),
            LastActivityOn = Expected.Day("2026-01-29"),
            LastSource = Expected.Source(),
            Version = 2,
            LastMoveOn = Expected.Day("2026-01-29"),
            Sources = new ValueSources(Amount: Expected.Source()),
        }, await Host.GetDeal(deal.Id));
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
        Assert.Equal([1L, 2L], (await Host.GetHistory(deal.Id)).Events.Select(e => e.Version));
        Assert.Equal(TestJson.Read<DealWritten>(answers[0]), new DealWritten(deal.Id, 2));
    }

    [Fact]
    public async Task without_a_key_each_request_counts()
    {
        var first = await Host.ReportNewDeal();
        var second = await Host.ReportNewDeal();

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(2, (await Fixture.ListDeals("/api/deals")).Total);
    }
}
