using Alba;
using Negotiations.Deals;
using Negotiations.Deals.GettingHistory;
using Negotiations.Deals.ListingDeals;
using Negotiations.Tests.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;
using static Negotiations.Tests.Deals.ListingDeals.DealListing;

namespace Negotiations.Tests.Security;

public class ApiKeysApiTests(ApiFixture fixture, KeyedHost keyed) : ApiTest(fixture), IClassFixture<KeyedHost>
{
    private Task<IScenarioResult> Send(string method, string url, string? key, int status, object? body = null, string? authorization = null) =>
        keyed.Host.Scenario(s =>
        {
            if (method == "POST")
            {
                s.Post.Json(body ?? NewDeal()).ToUrl(url);
            }
            else
            {
                s.Get.Url(url);
            }

            if (key is not null)
            {
                s.WithRequestHeader(ApiKeys.Header, key);
            }

            if (authorization is not null)
            {
                s.WithRequestHeader("Authorization", authorization);
            }

            s.WithRequestHeader("X-Recorded-By", "someone-else");
            s.StatusCodeShouldBe(status);
        });

    [Fact]
    public async Task no_key_is_a_401_problem_and_an_unknown_key_too()
    {
        await (await Send("GET", "/api/deals", key: null, 401)).ShouldBeProblem(401);
        await (await Send("POST", "/api/deals", key: "neg_not-a-key", 401)).ShouldBeProblem(401);
        AssertListed(new DealList([], 0, 1, 50, NoFreshness), await Fixture.ListDeals("/api/deals"));
    }

    [Fact]
    public async Task a_401_says_how_to_authenticate_in_www_authenticate_and_its_detail()
    {
        var missing = await Send("GET", "/api/deals", key: null, 401);
        var unknown = await Send("GET", "/api/deals", key: "neg_not-a-key", 401);

        Assert.Equal("ApiKey header=\"X-Api-Key\"", missing.Context.Response.Headers.WWWAuthenticate.ToString());
        Assert.Equal("ApiKey header=\"X-Api-Key\"", unknown.Context.Response.Headers.WWWAuthenticate.ToString());
        AssertSame(new Problem("https://tools.ietf.org/html/rfc9110#section-15.5.2", "An API key is required.", 401,
            "Send a key as 'X-Api-Key: <key>' or 'Authorization: ApiKey <key>'."), await Problem.ReadAsync(missing));
        AssertSame(new Problem("https://tools.ietf.org/html/rfc9110#section-15.5.2", "An API key is required.", 401,
            "The API key presented is not a configured one."), await Problem.ReadAsync(unknown));
    }

    [Fact]
    public async Task a_recorder_records_as_the_keys_name_whatever_the_header_says()
    {
        var created = await (await Send("POST", "/api/deals", ApiKeys.Recorder, 201)).ReadAs<DealOpened>();

        var history = await (await Send("GET", $"/api/deals/{created.Id}/history", ApiKeys.Recorder, 200)).ReadAs<DealHistory>();

        var recorded = Assert.Single(history.Events);
        AssertSame(new DealHistory(created.Id, [Expected.Entry(recorded, 1, "talks_reported", Expected.Opening(), recordedBy: "rita")], null), history);
    }

    [Fact]
    public async Task the_key_may_come_as_an_authorization_header()
    {
        await Send("GET", "/api/deals", key: null, 200, authorization: $"ApiKey {ApiKeys.Auditor}");
    }

    [Fact]
    public async Task an_auditor_reads_and_verifies_but_cannot_record()
    {
        var id = (await (await Send("POST", "/api/deals", ApiKeys.Admin, 201)).ReadAs<DealOpened>()).Id;

        await (await Send("POST", "/api/deals", ApiKeys.Auditor, 403)).ShouldBeProblem(403);
        await (await Send("POST", $"/api/deals/{id}/terms", ApiKeys.Auditor, 403, new { amount = Usd(1m), source = Source() })).ShouldBeProblem(403);
        await Send("GET", $"/api/deals/{id}", ApiKeys.Auditor, 200);
        await Send("GET", $"/api/deals/{id}/history", ApiKeys.Auditor, 200);
        await Send("GET", $"/api/deals/{id}/verify", ApiKeys.Auditor, 200);
    }

    [Fact]
    public async Task a_recorder_cannot_verify_chains()
    {
        var deal = await (await Send("POST", "/api/deals", ApiKeys.Recorder, 201)).ReadAs<DealOpened>();

        await (await Send("GET", $"/api/deals/{deal.Id}/verify", ApiKeys.Recorder, 403)).ShouldBeProblem(403);
    }

    [Fact]
    public async Task a_hash_configured_in_upper_case_hex_still_matches()
    {
        await using var host = await ApiFixture.StartHostAsync(Fixture.ConnectionString, "Development", new Dictionary<string, string>
        {
            ["Auth:Keys:0:Name"] = "uma",
            ["Auth:Keys:0:Role"] = "Auditor",
            ["Auth:Keys:0:Sha256"] = Negotiations.Security.ApiKeyHash.Of("neg_upper").ToUpperInvariant(),
        });

        await host.Scenario(s =>
        {
            s.Get.Url("/api/deals");
            s.WithRequestHeader(ApiKeys.Header, "neg_upper");
            s.StatusCodeShouldBe(200);
        });
    }

    [Fact]
    public async Task health_needs_no_key()
    {
        await Send("GET", "/health", key: null, 200);
    }
}
