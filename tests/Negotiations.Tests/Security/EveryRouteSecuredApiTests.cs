using Alba;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Security;

/// <summary>Every route the OpenAPI document lists is guarded, the v2 routes included, with no list to forget a route in.</summary>
public class EveryRouteSecuredApiTests(ApiFixture fixture, KeyedHost keyed) : ApiTest(fixture), IClassFixture<KeyedHost>
{
    private Task<IScenarioResult> Send(string method, string url, string? key, int status) =>
        keyed.Host.Scenario(s =>
        {
            if (method == "post")
            {
                s.Post.Json(new { }).ToUrl(url);
            }
            else
            {
                s.Get.Url(url);
            }

            if (key is not null)
            {
                s.WithRequestHeader(ApiKeys.Header, key);
            }

            s.StatusCodeShouldBe(status);
        });

    [Fact]
    public async Task every_api_route_needs_a_key_and_every_write_a_recorder()
    {
        var document = await keyed.Host.GetJson("/openapi/v1.json");
        var routes = document.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Method: op.Name, Url: path.Name.Replace("{id}", UnknownDealId.ToString(), StringComparison.Ordinal))))
            .ToList();
        Assert.Contains(("post", $"/api/deals/{UnknownDealId}/agreement"), routes);

        foreach (var (method, url) in routes)
        {
            await (await Send(method, url, key: null, 401)).ShouldBeProblem(401);
            if (method == "post")
            {
                await (await Send(method, url, ApiKeys.Auditor, 403)).ShouldBeProblem(403);
            }
        }
    }
}
