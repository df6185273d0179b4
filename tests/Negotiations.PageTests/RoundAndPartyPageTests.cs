using System.Net.Http.Json;
using System.Text.Json;
using Negotiations.PageTests.Infrastructure;
using Xunit;

namespace Negotiations.PageTests;

/// <summary>A round with two deals recorded through the API, read back on the round book (its chart and participants) and a party's page.</summary>
public sealed class RoundAndPartyPageTests(PageFixture fixture)
{
    private static object Source(string publication, string on, string attribution = "AnonymousSource") =>
        new { publication, publishedOn = on, attribution };

    private async Task<Guid> PostAsync(string url, object body)
    {
        using var response = await fixture.Api.PostAsJsonAsync(new Uri(url, UriKind.Relative), body, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        var written = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return written.TryGetProperty("id", out var id) ? id.GetGuid() : Guid.Empty;
    }

    private Task<Guid> OpenDealAsync(string title, string investor, object amount, string on) => PostAsync("/api/deals", new
    {
        title,
        kind = "Investment",
        parties = new[] { new { name = investor, role = "Investor" }, new { name = "Anthropic", role = "Target" } },
        amount,
        source = Source("Bloomberg", on),
    });

    [Fact]
    public async Task the_round_book_charts_its_pieces_by_firmness_lists_its_participants_and_links_to_a_party_s_exposure()
    {
        var round = await PostAsync("/api/rounds", new
        {
            company = "Anthropic",
            target = new { value = 20_000_000_000m, currency = "USD", qualifier = "About" },
            valuation = new { value = 350_000_000_000m, currency = "USD", qualifier = "Exact", basis = "PostMoney" },
            source = Source("Financial Times", "2026-01-07"),
        });
        var rumoured = await OpenDealAsync("Nvidia invests in Anthropic", "Nvidia", new { value = 10_000_000_000m, currency = "USD", qualifier = "UpTo" }, "2026-01-08");
        var proposed = await OpenDealAsync("Thrive Capital invests in Anthropic", "Thrive Capital", new { value = 5_000_000_000m, currency = "USD", qualifier = "Exact" }, "2026-01-08");
        await PostAsync($"/api/deals/{proposed}/terms", new
        {
            amount = new { value = 6_000_000_000m, currency = "USD", qualifier = "Exact" },
            source = Source("The Information", "2026-01-12"),
        });
        foreach (var deal in new[] { rumoured, proposed })
        {
            await PostAsync($"/api/deals/{deal}/round", new { round, source = Source("Financial Times", "2026-01-13") });
        }

        var page = await fixture.NewPageAsync(PageFixture.AuditorKey);
        await page.GotoAsync("/rounds");
        await page.Locator($"[data-testid=round-row][data-round-id='{round}'] a").ClickAsync();
        await page.WaitForURLAsync($"**/rounds/{round}");
        Assert.Equal("Anthropic round", await page.InnerTextAsync("[data-testid=round-title]"));

        // The chart: one per currency, the target's range, then the pieces stacked firmest first, the vague part last.
        var chart = page.Locator("[data-testid=round-chart][data-currency=USD]");
        Assert.Equal(1, await chart.CountAsync());
        Assert.Equal("18000000000", await chart.Locator("[data-testid=round-target]").GetAttributeAsync("data-low"));
        Assert.Equal("22000000000", await chart.Locator("[data-testid=round-target]").GetAttributeAsync("data-high"));
        var segments = chart.Locator("[data-testid=round-segment]");
        Assert.Equal(["Proposed", "Rumoured"], await segments.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.firmness)"));
        Assert.Equal(["false", "true"], await segments.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.vague)"));
        Assert.Equal(["0", "6000000000"], await segments.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.from)"));
        Assert.Equal(["6000000000", "16000000000"], await segments.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.to)"));
        Assert.Equal("10000000000", await segments.Nth(1).GetAttributeAsync("data-high"));
        Assert.Equal(1, await chart.Locator("[data-testid=round-chart-table]").CountAsync());

        // The participants: investor (a party link), deal link, firmness, amount with its vagueness, source.
        var rows = page.Locator("[data-testid=participant]");
        Assert.Equal(2, await rows.CountAsync());
        var nvidia = page.Locator($"[data-testid=participant][data-deal-id='{rumoured}']");
        Assert.Equal("Rumoured", await nvidia.GetAttributeAsync("data-firmness"));
        Assert.Contains("up to (a ceiling)", await nvidia.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Proposed", await page.GetAttributeAsync($"[data-testid=participant][data-deal-id='{proposed}']", "data-firmness"));
        Assert.Contains("The Information", await page.InnerTextAsync($"[data-testid=participant][data-deal-id='{proposed}']"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator($"[data-testid=participant] a[href='/deals/{proposed}']").CountAsync());
        await PageFixture.ScreenshotAsync(page, "10-round-book");

        // The occurred-by control: before anyone joined, the book has no participants.
        await page.FillAsync("#occurredBy", "2026-01-10");
        await page.ClickAsync("form[data-testid=occurred-by] button[type=submit]");
        await page.WaitForURLAsync("**occurredBy=2026-01-10");
        Assert.Equal(1, await page.Locator("[data-testid=participants-empty]").CountAsync());

        // A party: the investor's link leads to its exposure, which names the deal and links back to the round.
        await page.GotoAsync($"/rounds/{round}");
        await nvidia.Locator("[data-testid=investor]").ClickAsync();
        await page.WaitForURLAsync("**/parties/*");
        Assert.Equal("Nvidia", await page.InnerTextAsync("[data-testid=party-name]"));
        var exposure = page.Locator($"[data-testid=exposure-row][data-deal-id='{rumoured}']");
        Assert.Equal("Investor", await exposure.GetAttributeAsync("data-role"));
        Assert.Contains("Up to", await exposure.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal($"/rounds/{round}", await exposure.Locator("[data-testid=exposure-round]").GetAttributeAsync("href"));
        Assert.Contains("as of event", await page.InnerTextAsync("[data-testid=freshness]"), StringComparison.Ordinal);
        await PageFixture.ScreenshotAsync(page, "11-party");
    }
}
