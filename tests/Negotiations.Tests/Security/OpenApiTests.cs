using Negotiations.Tests.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Security;

public class OpenApiTests(ApiFixture fixture, KeyedHost keyed) : ApiTest(fixture), IClassFixture<KeyedHost>
{
    [Fact]
    public async Task in_development_the_openapi_document_needs_no_key_and_describes_every_command_route()
    {
        var document = await keyed.Host.GetJson("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var route in new[] { "/api/deals", "/api/deals/{id}/terms", "/api/deals/{id}/corrections", "/api/deals/{id}/retractions" })
        {
            Assert.Contains(route, paths);
        }
    }

    [Fact]
    public async Task outside_development_the_openapi_document_needs_a_key()
    {
        await using var production = await ApiFixture.StartHostAsync(Fixture.ConnectionString, "Production", ApiKeys.Settings);

        var refused = await production.Scenario(s =>
        {
            s.Get.Url("/openapi/v1.json");
            s.StatusCodeShouldBe(401);
        });
        await refused.ShouldBeProblem(401);
        await production.Scenario(s =>
        {
            s.Get.Url("/openapi/v1.json");
            s.WithRequestHeader(ApiKeys.Header, ApiKeys.Auditor);
            s.StatusCodeShouldBe(200);
        });
    }
}
