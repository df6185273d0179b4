using System.Net.Http.Json;
using Negotiations.PageTests.Infrastructure;
using Xunit;
using static Negotiations.PageTests.Infrastructure.Forms;

namespace Negotiations.PageTests;

/// <summary>What an Auditor sees (no forms, the tamper-evidence badge), and a form that loses a race to another write.</summary>
public sealed class RolesAndRacesPageTests(PageFixture fixture)
{
    private async Task<Guid> OpenDealAsync(string title)
    {
        using var response = await fixture.Api.PostAsJsonAsync(new Uri("/api/deals", UriKind.Relative), new
        {
            title,
            kind = "Investment",
            parties = new[] { new { name = "SoftBank", role = "Investor" }, new { name = "OpenAI", role = "Target" } },
            amount = new { value = 30_000_000_000m, currency = "USD", qualifier = "UpTo" },
            source = new { publication = "Wall Street Journal", publishedOn = "2026-01-29", attribution = "AnonymousSource" },
        }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task an_auditor_sees_no_recording_forms_and_the_tamper_evidence_badge()
    {
        var id = await OpenDealAsync("SoftBank adds up to $30B to OpenAI (auditor)");
        var page = await fixture.NewPageAsync(PageFixture.AuditorKey);
        Assert.Contains("audrey (Auditor)", await page.InnerTextAsync("[data-testid=signed-in-as]"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("form[method=post]:not([action='/sign-out'])").CountAsync());

        await page.GotoAsync($"/deals/{id}");
        Assert.Equal(0, await page.Locator("[data-testid=recording]").CountAsync());
        Assert.Equal(0, await page.Locator("form[method=post]:not([action='/sign-out'])").CountAsync());
        Assert.Equal("true", await page.GetAttributeAsync("[data-testid=tamper-badge]", "data-intact"));
        Assert.Contains("chain intact", await page.InnerTextAsync("[data-testid=tamper-badge]"), StringComparison.Ordinal);
        await PageFixture.ScreenshotAsync(page, "07-auditor-deal-page");

        // Refused on the server too, not only hidden: a recording form posted with the auditor's cookie and a valid
        // antiforgery token records nothing.
        var token = await page.GetAttributeAsync("form[action='/sign-out'] input[name=__RequestVerificationToken]", "value");
        var form = page.APIRequest.CreateFormData();
        form.Set("_handler", "terms");
        form.Set("__RequestVerificationToken", token!);
        form.Set("amount.value", "1");
        form.Set("source.publication", "Forged");
        form.Set("source.publishedOn", "2026-01-30");
        var forged = await page.APIRequest.PostAsync($"/deals/{id}", new() { Form = form, MaxRedirects = 0 });
        Assert.Equal(400, forged.Status);
        var history = await fixture.Api.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri($"/api/deals/{id}/history", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(1, history.GetProperty("events").GetArrayLength());

        // A recorder sees the forms, and no badge (verification is an auditor's).
        var recorder = await fixture.NewPageAsync(PageFixture.RecorderKey);
        await recorder.GotoAsync($"/deals/{id}");
        Assert.Equal(1, await recorder.Locator("[data-testid=recording]").CountAsync());
        Assert.Equal(0, await recorder.Locator("[data-testid=tamper-badge]").CountAsync());
    }

    [Fact]
    public async Task a_form_that_loses_a_race_says_so_records_nothing_and_shows_the_current_state()
    {
        var id = await OpenDealAsync("SoftBank adds up to $30B to OpenAI (race)");
        var page = await fixture.NewPageAsync(PageFixture.RecorderKey);
        await page.GotoAsync($"/deals/{id}");
        Assert.Equal("1", await page.GetAttributeAsync("[data-testid=status-card]", "data-version"));

        // Someone else records first, through the API.
        using var other = await fixture.Api.PostAsJsonAsync(new Uri($"/api/deals/{id}/abandon", UriKind.Relative), new
        {
            reason = "Talks broke down",
            source = new { publication = "Reuters", publishedOn = "2026-02-05", attribution = "AnonymousSource" },
        }, TestContext.Current.CancellationToken);
        other.EnsureSuccessStatusCode();

        await SubmitAsync(page, "terms", new Dictionary<string, string>
        {
            ["amount.value"] = "30000000000", ["source.publication"] = "Bloomberg", ["source.publishedOn"] = "2026-01-30",
        });
        Assert.Contains("Another write reached this deal first", await page.InnerTextAsync("[data-testid=lost-race]"), StringComparison.Ordinal);
        Assert.Equal("2", await page.GetAttributeAsync("[data-testid=status-card]", "data-version"));
        Assert.Equal("Abandoned", await page.GetAttributeAsync("[data-testid=status-card]", "data-status"));
        Assert.Equal(2, await page.Locator("[data-testid=history-entry]").CountAsync());
        await PageFixture.ScreenshotAsync(page, "08-lost-race");

        // Submitted again on the current version: the deal's own rule answers (an abandoned deal takes only talks).
        await SubmitAsync(page, "terms", new Dictionary<string, string>
        {
            ["amount.value"] = "30000000000", ["source.publication"] = "Bloomberg", ["source.publishedOn"] = "2026-02-10",
        });
        Assert.Contains("is abandoned; it cannot take proposed terms until talks are reported again", await page.InnerTextAsync("[data-testid=form-terms]"), StringComparison.Ordinal);
    }
}
