using Xunit;

namespace Negotiations.Tests.Infrastructure;

public class HeadRequestsApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("/api/deals")]
    [InlineData("/health")]
    public async Task head_on_a_get_route_answers_as_the_get_would_without_a_body(string url)
    {
        var get = await Host.Scenario(s => s.Get.Url(url));
        var head = await Host.Scenario(s =>
        {
            s.Head.Url(url);
            s.StatusCodeShouldBe(200);
        });

        Assert.Equal(get.Context.Response.ContentType, head.Context.Response.ContentType);
        Assert.Equal("", await head.ReadAsTextAsync());
    }
}
