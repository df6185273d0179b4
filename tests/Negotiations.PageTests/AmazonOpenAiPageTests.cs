using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Negotiations.PageTests.Infrastructure;
using Xunit;
using static Negotiations.PageTests.Infrastructure.Forms;

namespace Negotiations.PageTests;

/// <summary>The Amazon–OpenAI story recorded through the forms, then read back on the list, the deal page, its chart and the as-of control.</summary>
public sealed class AmazonOpenAiPageTests(PageFixture fixture)
{
    private static readonly Dictionary<string, string> Opening = new()
    {
        ["title"] = "Amazon investment in OpenAI",
        ["kind"] = "Investment",
        ["parties[0].name"] = "Amazon",
        ["parties[0].role"] = "Investor",
        ["parties[1].name"] = "OpenAI",
        ["parties[1].role"] = "Target",
        ["summary"] = "Amazon in talks to invest $10B or more; Trainium chips part of it; talks very fluid",
        ["amount.value"] = "10,000,000,000",
        ["amount.qualifier"] = "AtLeast",
        ["valuation.value"] = "500000000000",
        ["valuation.qualifier"] = "AtLeast",
        ["source.publication"] = "The Information",
        ["source.publishedOn"] = "2025-12-16",
        ["source.attribution"] = "AnonymousSource",
    };

    [Fact]
    public async Task the_story_recorded_through_the_forms_reads_back_on_the_list_the_deal_page_and_its_chart()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/deals");
        Assert.EndsWith("/sign-in?ReturnUrl=%2Fdeals", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#key", "not-a-key");
        await ClickAndWaitForPageAsync(page, page.Locator("form[data-testid=sign-in-form] button[type=submit]"));
        Assert.Contains("not a configured API key", await page.InnerTextAsync("#key-error"), StringComparison.Ordinal);
        await PageFixture.ScreenshotAsync(page, "01-sign-in");
        await page.FillAsync("#key", PageFixture.RecorderKey);
        await ClickAndWaitForPageAsync(page, page.Locator("form[data-testid=sign-in-form] button[type=submit]"));
        Assert.EndsWith("/deals", page.Url, StringComparison.Ordinal);
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name == "negotiations-session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.False(session.Secure); // plain HTTP here; Secure whenever the request came over HTTPS

        // 16 Dec 2025 — The Information, one anonymous source: "$10 billion or more", valuation could top $500B.
        await SubmitAsync(page, "new-deal", Opening);
        Assert.Matches("/deals/[0-9a-f-]{36}\\?recorded=1$", page.Url);
        var dealUrl = page.Url[..page.Url.IndexOf('?', StringComparison.Ordinal)];

        // A report without its source: the API's message, next to the field, and nothing recorded.
        await SubmitAsync(page, "terms", new Dictionary<string, string> { ["amount.value"] = "50000000000", ["amount.qualifier"] = "UpTo" });
        Assert.Equal("'source' is required.", await page.InnerTextAsync("[data-testid=form-terms] [data-error-for='source']"));
        Assert.Equal("50000000000", await page.InputValueAsync(FieldId("terms", "amount.value")));
        await PageFixture.ScreenshotAsync(page, "04-validation-next-to-the-field");

        // 29 Jan 2026 — WSJ, "a person familiar": up to $50B at about $830B; typed $5B by mistake, then corrected.
        await SubmitAsync(page, "terms", new Dictionary<string, string>
        {
            ["amount.value"] = "5000000000", ["amount.qualifier"] = "UpTo",
            ["valuation.value"] = "830000000000", ["valuation.qualifier"] = "About",
            ["summary"] = "Largest contributor to a round of up to $100B; Amazon declined to comment",
            ["source.publication"] = "Wall Street Journal", ["source.publishedOn"] = "2026-01-29", ["source.attribution"] = "AnonymousSource",
        });
        Assert.EndsWith("?recorded=2", page.Url, StringComparison.Ordinal);
        await SubmitAsync(page, "corrections", new Dictionary<string, string>
        {
            ["correctsVersion"] = "2", ["amount.value"] = "50000000000", ["amount.qualifier"] = "UpTo",
            ["reason"] = "Typed $5B for the WSJ figure of up to $50B",
        });
        Assert.EndsWith("?recorded=3", page.Url, StringComparison.Ordinal);

        // A blog's "between $20B and $50B", withdrawn by the blog two days later.
        await SubmitAsync(page, "talks", new Dictionary<string, string>
        {
            ["amount.value"] = "20000000000", ["amount.qualifier"] = "Between", ["amount.high"] = "50000000000",
            ["source.publication"] = "A deals blog", ["source.publishedOn"] = "2026-02-02",
        });
        await SubmitAsync(page, "retractions", new Dictionary<string, string>
        {
            ["retractsVersion"] = "4", ["reason"] = "The blog withdrew its post",
            ["source.publication"] = "A deals blog", ["source.publishedOn"] = "2026-02-04", ["kind"] = "Withdrawn",
        });

        // 27 Feb 2026 — announced: $50B ($15B up front + $35B on conditions), then closed.
        await SubmitAsync(page, "stake", new Dictionary<string, string>
        {
            ["amount.value"] = "50000000000", ["reason"] = "Announced: $15B up front, $35B on conditions (IPO or AGI milestone)",
            ["source.publication"] = "OpenAI press release", ["source.url"] = "https://openai.com/", ["source.publishedOn"] = "2026-02-27",
            ["source.attribution"] = "CompanyStatement",
        });
        await SubmitAsync(page, "close", new Dictionary<string, string>
        {
            ["finalAmount.value"] = "50000000000", ["summary"] = "Part of a $110B round at $730B pre-money",
            ["source.publication"] = "OpenAI press release", ["source.publishedOn"] = "2026-02-27", ["source.attribution"] = "CompanyStatement",
        });
        Assert.EndsWith("?recorded=7", page.Url, StringComparison.Ordinal);

        // The list: latest amount with its vagueness, status, last source.
        await page.GotoAsync("/deals?party=openai");
        var row = page.Locator("[data-testid=deal-row]", new() { HasText = "Amazon investment in OpenAI" });
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal("$50B\nexact", (await row.Locator("[data-testid=amount]").InnerTextAsync()).Trim());
        Assert.Contains("Closed", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("OpenAI press release, 2026-02-27 (company statement)", await row.InnerTextAsync(), StringComparison.Ordinal);
        await PageFixture.ScreenshotAsync(page, "02-deals-list");

        // The deal page: status card with sources, and the chart's marks in the DOM.
        await page.GotoAsync(dealUrl);
        Assert.Equal("Closed", await page.GetAttributeAsync("[data-testid=status-card]", "data-status"));
        Assert.Contains("from OpenAI press release, 2026-02-27", await page.InnerTextAsync("[data-testid=card-amount]"), StringComparison.Ordinal);
        Assert.Contains("about $830B", await page.InnerTextAsync("[data-testid=card-valuation]"), StringComparison.Ordinal);
        Assert.Contains("Wall Street Journal", await page.InnerTextAsync("[data-testid=card-valuation]"), StringComparison.Ordinal);
        var marks = await Marks(page, "amount");
        Assert.Equal(
            [("1", "AtLeast", "10000000000", "", "true"), ("2", "UpTo", "", "50000000000", "true"), ("4", "Between", "20000000000", "50000000000", "true"),
             ("6", "Exact", "50000000000", "50000000000", "false"), ("7", "Exact", "50000000000", "50000000000", "false")],
            marks.Select(m => (m["version"], m["qualifier"], m["low"], m["high"], m["range"])));
        Assert.Equal("true", marks.Single(m => m["version"] == "2")["corrected"]);
        Assert.Equal("true", marks.Single(m => m["version"] == "4")["retracted"]);
        Assert.Equal("CompanyStatement", marks.Single(m => m["version"] == "7")["attribution"]);
        var valuation = await Marks(page, "valuation");
        Assert.Equal([("1", "AtLeast"), ("2", "About")], valuation.Select(m => (m["version"], m["qualifier"])));
        Assert.Equal("true", valuation.Single(m => m["version"] == "2")["range"]);
        Assert.Equal(7, await page.Locator("[data-testid=history-entry]").CountAsync());
        Assert.Contains("by rita", await page.InnerTextAsync("[data-testid=history-entry][data-version='3']"), StringComparison.Ordinal);
        await PageFixture.ScreenshotAsync(page, "03-deal-page");
        await page.Locator("[data-testid=chart-amount]").ScreenshotAsync(new() { Path = Path.Combine(PageFixture.Screenshots, "03b-amount-chart.png") });

        // As of 15 January (the date it happened): talks, at least $10B.
        await page.FillAsync("#occurredBy", "2026-01-15");
        await ClickAndWaitForPageAsync(page, page.Locator("form[data-testid=as-of] button[type=submit]"));
        Assert.Equal("InTalks", await page.GetAttributeAsync("[data-testid=status-card]", "data-status"));
        Assert.Contains("≥ $10B", await page.InnerTextAsync("[data-testid=card-amount]"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=recording]").CountAsync());
        await PageFixture.ScreenshotAsync(page, "05-deal-as-of");

        // As recorded right after version 2: the uncorrected $5B, the WSJ's valuation.
        var history = await fixture.Api.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri($"/api/deals/{dealUrl[^36..]}/history", UriKind.Relative), TestContext.Current.CancellationToken);
        var recordedAt = history.GetProperty("events")[1].GetProperty("recordedAt").GetDateTimeOffset().UtcDateTime;
        await page.GotoAsync($"{dealUrl}?asOf={Uri.EscapeDataString(recordedAt.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture))}");
        Assert.Equal("2", await page.GetAttributeAsync("[data-testid=status-card]", "data-version"));
        Assert.Contains("up to $5B", await page.InnerTextAsync("[data-testid=card-amount]"), StringComparison.Ordinal);

        // The diff between two points picked on the history.
        await page.GotoAsync(dealUrl);
        await page.CheckAsync("[data-testid=history-entry][data-version='1'] input[name=from]");
        await page.CheckAsync("[data-testid=history-entry][data-version='7'] input[name=to]");
        await ClickAndWaitForPageAsync(page, page.Locator("[data-testid=history-form] button[type=submit]"));
        var changed = await page.Locator("[data-testid=diff-change]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.field)");
        Assert.Contains("status", changed);
        Assert.Contains("amount", changed);
        Assert.Contains("from version 1 to version 7", await page.InnerTextAsync("[data-testid=diff] h3"), StringComparison.Ordinal);
        await PageFixture.ScreenshotAsync(page, "06-diff");
    }

    private static async Task<List<Dictionary<string, string>>> Marks(IPage page, string field) =>
        [.. await page.Locator($"[data-testid=chart-{field}] g[data-testid=mark]").EvaluateAllAsync<Dictionary<string, string>[]>(
            "marks => marks.map(m => ({ ...m.dataset }))")];
}
