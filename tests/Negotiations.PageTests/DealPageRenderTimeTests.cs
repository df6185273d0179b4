using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Negotiations.PageTests.Infrastructure;
using Xunit;

namespace Negotiations.PageTests;

/// <summary>
/// How long the deal page of a 1,000-event deal takes: measured and reported (test output and
/// TestResults/render-times.txt), never asserted — a shared machine's timings are not a verdict.
/// </summary>
public sealed class DealPageRenderTimeTests(PageFixture fixture)
{
    [Fact]
    public async Task the_deal_page_of_a_thousand_event_deal_is_timed()
    {
        var token = TestContext.Current.CancellationToken;
        using var opened = await fixture.Api.PostAsJsonAsync(new Uri("/api/deals", UriKind.Relative), new
        {
            title = "A long-running negotiation (1,000 events)",
            kind = "Acquisition",
            parties = new[] { new { name = "Acquirer Co", role = "Acquirer" }, new { name = "Target Co", role = "Target" } },
            amount = new { value = 1_000_000_000m, currency = "USD", qualifier = "About" },
            source = new { publication = "Wire", publishedOn = "2020-01-01", attribution = "NamedSource" },
        }, token);
        opened.EnsureSuccessStatusCode();
        var id = (await opened.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(token)).GetProperty("id").GetGuid();
        string[] qualifiers = ["Exact", "About", "UpTo", "AtLeast"];
        string[] attributions = ["RegulatoryFiling", "CompanyStatement", "NamedSource", "AnonymousSource", "Unattributed"];
        for (var i = 1; i < 1000; i++)
        {
            var on = new DateOnly(2020, 1, 1).AddDays(i * 2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            using var written = await fixture.Api.PostAsJsonAsync(new Uri($"/api/deals/{id}/terms", UriKind.Relative), new
            {
                amount = new { value = 1_000_000_000m + (i * 10_000_000m), currency = "USD", qualifier = qualifiers[i % 4] },
                valuation = new { value = 20_000_000_000m + (i * 50_000_000m), currency = "USD", qualifier = qualifiers[(i + 1) % 4], basis = "PostMoney" },
                summary = $"Report {i}",
                source = new { publication = $"Outlet {i % 7}", publishedOn = on, attribution = attributions[i % 5], url = "https://example.com/" },
            }, token);
            written.EnsureSuccessStatusCode();
        }

        var page = await fixture.NewPageAsync(PageFixture.RecorderKey);
        var url = $"/deals/{id}";
        await page.GotoAsync(url); // warm-up: the first render compiles and caches
        var server = new List<double>();
        var browser = new List<double>();
        long bytes = 0;
        for (var run = 0; run < 5; run++)
        {
            var clock = Stopwatch.StartNew();
            var response = await page.APIRequest.GetAsync(url);
            bytes = (await response.BodyAsync()).Length;
            server.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal(200, response.Status);

            clock.Restart();
            await page.GotoAsync(url);
            browser.Add(clock.Elapsed.TotalMilliseconds);
        }

        Assert.Equal(100, await page.Locator("[data-testid=history-entry]").CountAsync());
        Assert.Contains("latest 100 of 1000 events", await page.InnerTextAsync("[data-testid=history-cut]"), StringComparison.Ordinal);
        Assert.Equal(1000, await page.Locator("[data-testid=chart-amount] g[data-testid=mark]").CountAsync());
        var report = $"Deal page of a 1,000-event deal ({bytes / 1024} KiB of HTML): server answer median {Median(server):0} ms "
            + $"(runs {string.Join(", ", server.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}), browser load median {Median(browser):0} ms "
            + $"(runs {string.Join(", ", browser.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))}).";
        TestContext.Current.SendDiagnosticMessage(report);
        TestContext.Current.AddAttachment("render-time", report);
        await File.WriteAllTextAsync(Path.Combine(PageFixture.Screenshots, "..", "render-times.txt"), report + Environment.NewLine, token);
        // The top of the page only: a full-page picture of 1,000 history entries is more than a screenshot takes.
        await page.ScreenshotAsync(new() { Path = Path.Combine(PageFixture.Screenshots, "09-thousand-event-deal.png") });
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
