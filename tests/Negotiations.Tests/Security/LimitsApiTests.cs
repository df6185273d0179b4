using System.Net;
using System.Text;
using Negotiations.Infrastructure;
using Negotiations.Tests.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using Negotiations.Tests.Deals.ListingDeals;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Security;

public class LimitsApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_body_over_the_size_limit_is_a_413_problem_and_records_nothing()
    {
        var huge = $$"""{"title":"{{new string('x', JsonBody.MaxBodyBytes)}}"}""";

        var result = await Host.PostRaw("/api/deals", huge, 413);

        await result.ShouldBeProblem(413, "body");
        Assert.Equal(0, (await Fixture.ListDeals("/api/deals")).Total);
    }

    [Fact]
    public async Task writes_beyond_the_per_key_limit_get_429_with_retry_after_and_reads_go_on()
    {
        await using var limited = await ApiFixture.StartHostAsync(Fixture.ConnectionString, "Development",
            ApiKeys.With(("RateLimiting:WritesPerMinute", "3")));
        using var client = limited.Server.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeys.Header, ApiKeys.Recorder);
        var body = System.Text.Json.JsonSerializer.Serialize(NewDeal());

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsync(new Uri("/api/deals", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"),
                TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : refused;
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(refused!.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a Retry-After");
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", (await Problem.ReadAsync(refused!)).ShouldBe(429).Type);
        var list = await client.GetAsync(new Uri("/api/deals", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(3, (await Fixture.ListDeals("/api/deals")).Total);
    }

    [Fact]
    public async Task an_idempotency_key_longer_than_200_characters_is_a_400_naming_it_and_records_nothing()
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(NewDeal()).ToUrl("/api/deals");
            s.WithRequestHeader("Idempotency-Key", new string('k', 5000));
            s.StatusCodeShouldBe(400);
        });

        (await Problem.ReadAsync(result)).ShouldBe(400, "idempotency-key");
        Assert.Equal(0, (await Fixture.ListDeals("/api/deals")).Total);
    }

    [Fact]
    public async Task a_limit_of_zero_turns_the_rate_limit_off()
    {
        await using var unlimited = await ApiFixture.StartHostAsync(Fixture.ConnectionString, "Development",
            ApiKeys.With(("RateLimiting:WritesPerMinute", "0")));
        unlimited.BeforeEach(context => context.Request.Headers[ApiKeys.Header] = ApiKeys.Recorder);

        for (var i = 0; i < 8; i++)
        {
            await unlimited.ReportNewDeal();
        }

        Assert.Equal(8, (await Fixture.ListDeals("/api/deals")).Total);
    }
}
