using System.Net;
using Negotiations.Infrastructure;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Rounds.RoundScenarios;

namespace Negotiations.Tests.Web;

/// <summary>Pages answer a bad query value on the page itself (never a 500), and every page carries the security headers.</summary>
public class PageSafetyApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("from=abc&to=2", "'abc' is not a version number (from")]
    [InlineData("from=1&to=-3", "'-3' is not a version number (to")]
    [InlineData("recorded=1e9", "'1e9' is not a version number (recorded")]
    [InlineData("from=99999999999999999999&to=1", "'99999999999999999999' is not a version number (from")]
    public async Task a_version_that_is_no_number_renders_the_deal_page_with_a_clear_message_and_a_400(string query, string message)
    {
        var deal = (await Host.ReportNewDeal()).Id;

        using var answer = await Host.Server.CreateClient().GetAsync(new Uri($"/deals/{deal}?{query}", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("Amazon invests in OpenAI", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task good_versions_still_compare_and_still_say_what_was_recorded()
    {
        var deal = (await Host.ReportNewDeal()).Id;
        await Host.ProposeTerms(deal, new { amount = Usd(50_000_000_000m, "UpTo"), source = Source(), expectedVersion = 1 });

        using var answer = await Host.Server.CreateClient().GetAsync(new Uri($"/deals/{deal}?from=1&to=2&recorded=2", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("What changed from version 1 to version 2", page, StringComparison.Ordinal);
        Assert.Contains("Recorded as version 2.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task every_page_carries_the_security_headers_and_an_own_origin_policy_with_no_inline_script_or_style()
    {
        var deal = (await Host.ReportNewDeal()).Id;
        var round = (await Host.ReportRound()).Id;
        var client = Host.Server.CreateClient();
        foreach (var url in new[] { "/", "/deals", $"/deals/{deal}", $"/deals/{deal}?from=x", "/rounds", $"/rounds/{round}", "/sign-in", "/not-found" })
        {
            using var answer = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            var page = await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.True((int)answer.StatusCode < 500, $"{url}: {answer.StatusCode}");
            Assert.Equal(SecurityHeaders.PagePolicy, answer.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Contains("frame-ancestors 'none'", SecurityHeaders.PagePolicy, StringComparison.Ordinal);
            Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", answer.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("DENY", answer.Headers.GetValues("X-Frame-Options").Single());
            Assert.False(answer.Headers.Contains("Strict-Transport-Security"), "HSTS only over HTTPS");
            Assert.DoesNotContain(" style=\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<style", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task over_https_a_page_and_an_api_answer_carry_hsts_and_the_api_gets_no_page_policy()
    {
        var page = await Host.Scenario(s =>
        {
            s.Get.Url("/deals");
            s.ConfigureHttpContext(context => context.Request.Scheme = "https");
        });
        var api = await Host.Scenario(s =>
        {
            s.Get.Url("/api/deals");
            s.ConfigureHttpContext(context => context.Request.Scheme = "https");
        });

        Assert.Equal(SecurityHeaders.TransportSecurity, page.Context.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal(SecurityHeaders.TransportSecurity, api.Context.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal("nosniff", api.Context.Response.Headers.XContentTypeOptions.ToString());
        Assert.Equal("", api.Context.Response.Headers.ContentSecurityPolicy.ToString());
    }
}
