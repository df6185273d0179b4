using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Negotiations.Intake.Fetching;

/// <summary>What a fetched page says: its readable text (one paragraph a line), title, site name and publication day, when it gives them.</summary>
public sealed record ReadablePage(string Text, string? Title, string? SiteName, DateOnly? PublishedOn);

/// <summary>
/// A page reduced to what a reader reads: the article's (or the main part's, or the body's) headings, paragraphs and list
/// items, one a line, without scripts, styles, navigation, headers, footers, asides or forms. Pure: no network.
/// </summary>
public static partial class PageText
{
    private const string Noise = "script, style, noscript, template, iframe, svg, nav, header, footer, aside, form, button, "
        + "[role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";

    public static ReadablePage FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var title = Meta(document, "og:title") ?? Clean(document.Title) ?? Clean(document.QuerySelector("h1")?.TextContent);
        var siteName = Meta(document, "og:site_name");
        var published = Meta(document, "article:published_time") ?? Meta(document, "date")
            ?? document.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        foreach (var element in document.QuerySelectorAll(Noise).ToList())
        {
            element.Remove();
        }

        var root = (IElement?)document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        var blocks = root?.QuerySelectorAll("h1, h2, h3, h4, p, li, blockquote")
            .Where(e => !(e.LocalName is "li" or "blockquote" && e.QuerySelector("p") is not null))
            .Select(e => Clean(e.TextContent))
            .OfType<string>()
            .ToList() ?? [];
        var text = blocks.Count > 0 ? string.Join('\n', blocks) : Clean(root?.TextContent) ?? "";
        return new ReadablePage(text, title, siteName, Day(published));
    }

    public static ReadablePage FromPlainText(string text) => new(text.Trim(), null, null, null);

    private static string? Meta(IDocument document, string name) =>
        Clean(document.QuerySelector($"meta[property='{name}'], meta[name='{name}']")?.GetAttribute("content"));

    private static DateOnly? Day(string? value) =>
        value is not null && value.Length >= 10
            && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    private static string? Clean(string? text) =>
        text is null ? null : Blanks().Replace(text, " ").Trim() is { Length: > 0 } cleaned ? cleaned : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blanks();
}
