using Microsoft.Playwright;

namespace Negotiations.PageTests.Infrastructure;

/// <summary>Filling the dashboard's command forms as a person would: open the form, type or pick each field, submit.</summary>
public static class Forms
{
    /// <summary>The id a form gives a field: the form's name and the field's JSON path ("terms-source-publishedOn").</summary>
    public static string FieldId(string form, string path) =>
        $"#{form}-{path.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal)}";

    /// <summary>Fills the form (fields by JSON path, as the API names them) and submits it; waits for the answer page.</summary>
    public static async Task SubmitAsync(IPage page, string form, IReadOnlyDictionary<string, string> fields)
    {
        var details = page.Locator($"details[data-testid=form-{form}]");
        if (await details.GetAttributeAsync("open") is null)
        {
            await details.Locator("summary").ClickAsync();
        }

        foreach (var (path, value) in fields)
        {
            var field = page.Locator(FieldId(form, path));
            if (await field.EvaluateAsync<string>("e => e.tagName") == "SELECT")
            {
                await field.SelectOptionAsync(value);
            }
            else
            {
                await field.FillAsync(value);
            }
        }

        await ClickAndWaitForPageAsync(page, details.Locator("button[type=submit]"));
    }

    /// <summary>
    /// Clicks (a submit button, a link) and waits for the page the browser lands on, after any redirect: the old
    /// document is marked, and the wait ends once a document without the mark has loaded (this also holds when the new
    /// page has the same address, as a form answered with its errors does).
    /// </summary>
    public static async Task ClickAndWaitForPageAsync(IPage page, ILocator target)
    {
        await page.EvaluateAsync("() => { window.__replaced = false; }");
        await target.ClickAsync();
        await page.WaitForFunctionAsync("() => window.__replaced === undefined && document.readyState === 'complete'", null, new() { PollingInterval = 50 });
    }
}
