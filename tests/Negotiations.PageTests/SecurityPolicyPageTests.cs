using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Negotiations.Infrastructure;
using Negotiations.PageTests.Infrastructure;
using Xunit;

namespace Negotiations.PageTests;

/// <summary>
/// Every page, as Chromium loads it from the real service: the security headers on the answer, and nothing the page
/// needs refused by its Content-Security-Policy (Chromium reports each refusal on the console).
/// </summary>
public sealed class SecurityPolicyPageTests(PageFixture fixture)
{
    private async Task<Guid> PostAsync(string url, object body)
    {
        using var response = await fixture.Api.PostAsJsonAsync(new Uri(url, UriKind.Relative), body, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    private static List<string> Refusals(IPage page)
    {
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add($"{page.Url}: {message.Text}");
            }
        };
        return refused;
    }

    [Fact]
    public async Task every_page_works_under_its_policy_with_no_refusal_and_carries_the_security_headers()
    {
        var source = new { publication = "Reuters", publishedOn = "2026-01-29", attribution = "AnonymousSource" };
        var deal = await PostAsync("/api/deals", new
        {
            title = "Policy check deal",
            kind = "Investment",
            parties = new[] { new { name = "Policy Investor", role = "Investor" }, new { name = "Policy Target", role = "Target" } },
            amount = new { value = 1_000_000_000m, currency = "USD", qualifier = "About" },
            source,
        });
        var round = await PostAsync("/api/rounds", new { company = "Policy Target", target = new { value = 5_000_000_000m, currency = "USD", qualifier = "UpTo" }, source });
        var party = await PostAsync("/api/parties", new { name = "Policy Investor", kind = "Company" });

        var page = await fixture.NewPageAsync(PageFixture.AuditorKey);
        var refused = Refusals(page);
        foreach (var url in new[] { "/", "/deals", $"/deals/{deal}", $"/deals/{deal}?from=abc&to=1", "/rounds", $"/rounds/{round}", $"/parties/{party}" })
        {
            var answer = await page.GotoAsync(url);
            Assert.NotNull(answer);
            var headers = await answer.AllHeadersAsync();

            Assert.True(answer.Status < 500, $"{url}: {answer.Status}");
            Assert.Equal(SecurityHeaders.PagePolicy, headers["content-security-policy"]);
            Assert.Equal("nosniff", headers["x-content-type-options"]);
            Assert.Equal("same-origin", headers["referrer-policy"]);
            if (url != "/")
            {
                // The stylesheet applied: a dashboard page under a policy that refused it would render unstyled.
                Assert.Equal("flex", await page.EvalOnSelectorAsync<string>("header.top", "e => getComputedStyle(e).display"));
            }
        }

        await PageFixture.ScreenshotAsync(page, "party-page-under-csp");
        Assert.Empty(refused);
    }

    [Fact]
    public async Task an_inline_style_is_refused_and_reported_so_the_check_above_can_fail()
    {
        var page = await fixture.NewPageAsync(PageFixture.AuditorKey);
        var refused = Refusals(page);
        await page.GotoAsync("/deals");

        await page.EvaluateAsync("() => { const d = document.createElement('div'); d.innerHTML = '<p style=\"color:red\">x</p>'; document.body.append(d); }");
        await page.WaitForTimeoutAsync(200);

        Assert.NotEmpty(refused);
    }
}
