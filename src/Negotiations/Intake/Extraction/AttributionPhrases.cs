using System.Text.RegularExpressions;
using Negotiations.Deals;

namespace Negotiations.Intake.Extraction;

/// <summary>
/// Who a sentence says the news comes from, and the outlet it relays: a filing, people familiar with the matter, a
/// named person, a company's statement, or nothing said; "…, Bloomberg News reported" or "according to the Wall Street
/// Journal" relay that outlet. Also a party's answer to the report: confirmed, denied, declined to comment, no response.
/// </summary>
public static partial class AttributionPhrases
{
    public static Attribution? Of(string sentence, IReadOnlyCollection<string> partyNames)
    {
        if (Filing().IsMatch(sentence))
        {
            return Attribution.RegulatoryFiling;
        }

        if (Anonymous().IsMatch(sentence))
        {
            return Attribution.AnonymousSource;
        }

        if (NamedPeople(sentence).Count > 0)
        {
            return Attribution.NamedSource;
        }

        if (Statement().IsMatch(sentence) || Said().Matches(sentence).Any(m => partyNames.Any(p => m.Groups["name"].Value.EndsWith(p, StringComparison.OrdinalIgnoreCase))))
        {
            return Attribution.CompanyStatement;
        }

        return null;
    }

    /// <summary>People the sentence names as speaking, with a title ("Chief Executive Lena Ortiz", "said Doug Ostrover, … co-chief executive").</summary>
    public static List<(int Start, int End)> NamedPeople(string sentence) =>
        [.. TitledPerson().Matches(sentence).Concat(PersonTitled().Matches(sentence))
            .Select(m => m.Groups["person"]).Select(g => (g.Index, g.Index + g.Length))];

    /// <summary>The outlet a sentence relays, and where its name stands; null when it relays none.</summary>
    public static (string Name, int Start, int End)? Relays(string sentence)
    {
        var match = Reported().Match(sentence) is { Success: true } reported ? reported
            : AccordingToOutlet().Match(sentence) is { Success: true } according ? according
            : null;
        if (match is null)
        {
            return null;
        }

        var outlet = match.Groups["outlet"];
        var name = outlet.Value.EndsWith('.') && !outlet.Value.EndsWith("Inc.", StringComparison.Ordinal) ? outlet.Value[..^1] : outlet.Value;
        return (name, outlet.Index, outlet.Index + outlet.Length);
    }

    /// <summary>A party's answer in the sentence, and where its words start; null when it gives none.</summary>
    public static (PartyResponse Response, int At)? Response(string sentence)
    {
        if (Declined().Match(sentence) is { Success: true } declined)
        {
            return (PartyResponse.DeclinedToComment, declined.Index);
        }

        if (NoResponse().Match(sentence) is { Success: true } none)
        {
            return (PartyResponse.NoResponse, none.Index);
        }

        if (Denied().Match(sentence) is { Success: true } denied)
        {
            return (PartyResponse.Denied, denied.Index);
        }

        return Confirmed().Match(sentence) is { Success: true } confirmed ? (PartyResponse.Confirmed, confirmed.Index) : null;
    }

    [GeneratedRegex(@"\b(?:filings?|filed with|prospectus|stock exchange disclosure|disclosed to the (?:stock )?exchange)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filing();

    [GeneratedRegex(@"\b(?:people|person|persons|sources?|insiders?|one of the people|someone)\b[^.;]{0,40}?\b(?:familiar|briefed|close to|with (?:direct |knowledge|the knowledge)|knowledgeable|said|who (?:asked|declined|spoke))|\b(?:citing|according to)\s+(?:\w+\s+)?(?:people|persons|sources|a person|insiders|unnamed)|\b(?:people|a person|one person|sources)\s+(?:familiar|briefed|close)|\bone of the people\b|\basked not to be (?:identified|named)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Anonymous();

    [GeneratedRegex(@"\b(?:said in (?:a |an )?(?:joint |emailed |written )?(?:statement|press release|blog post|filing|release|letter)|in a (?:joint )?(?:statement|press release|blog post)|(?:the|its|both)\s+(?:[\p{L}-]+\s+){0,2}?(?:company|companies|firms?|groups?|insurer|drugmaker|steelmaker|startup|maker|bank|lender|retailer|operator|carmaker|chipmaker|sides|partners|owner|regulator|authority|commission)\s+(?:said|says|announced|confirmed)|\b(?:announced|confirmed)\b|\bsaid (?:it|they) (?:had |would |will |has |was |were )?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Statement();

    [GeneratedRegex(@"(?<name>\p{Lu}[\p{L}\d&.'’ -]*?)\s+(?:said|says)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Said();

    private const string Titles = @"(?:chief executive|chief financial officer|chief operating officer|chief executive officer|CEO|CFO|COO|co-founder|founder|president|chairman|chairwoman|chair|managing partner|general partner|partner|director|spokes(?:man|woman|person)|minister|secretary|executive|head of [\p{L} ]+?)";

    [GeneratedRegex(@"(?i:" + Titles + @"),?\s+(?<person>\p{Lu}[\p{Ll}\p{M}]+(?:\s\p{Lu}[\p{Ll}\p{M}]+){1,2})(?=,|\s+(?:said|told|says|wrote))", RegexOptions.CultureInvariant)]
    private static partial Regex TitledPerson();

    [GeneratedRegex(@"(?:\bsaid\s+|,\s+)(?<person>\p{Lu}[\p{Ll}\p{M}]+(?:\s\p{Lu}[\p{Ll}\p{M}]+){1,2}),\s+(?:[\p{L}'’ -]{0,40}?)(?i:" + Titles + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex PersonTitled();

    [GeneratedRegex(@"(?:^|,\s+|\bas\s+)(?:the\s+)?(?<outlet>\p{Lu}[\p{L}\d.&'’-]*(?:\s\p{Lu}[\p{L}\d.&'’-]*)*)\s+(?:first\s+|has\s+|had\s+|earlier\s+|previously\s+)?reported\b", RegexOptions.CultureInvariant)]
    private static partial Regex Reported();

    [GeneratedRegex(@"\b(?:according to|reported by|as (?:first |previously )?reported by)\s+(?:a report (?:by|in|from)\s+)?(?:the\s+)?(?<outlet>(?:The\s+)?\p{Lu}[\p{L}\d.&'’-]*(?:\s\p{Lu}[\p{L}\d.&'’-]*)*)", RegexOptions.CultureInvariant)]
    private static partial Regex AccordingToOutlet();

    [GeneratedRegex(@"\b(?:declined|declines|refused|refuses) to (?:comment|discuss|elaborate)|\b(?:would|could) not comment|\bwouldn['’]t comment|\bdeclined comment|\bno comment\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Declined();

    [GeneratedRegex(@"\b(?:did not|didn['’]t|has not|hasn['’]t|have not) (?:immediately )?(?:respond|reply|return)|\bcould not (?:immediately )?be reached|\bwas not (?:immediately )?available for comment", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoResponse();

    [GeneratedRegex(@"\b(?:denied|denies|deny|dismissed|rejected) (?:the |a |that |any |those )?(?:report|reports|claims?|speculation|talks|story|it)|\b(?:was|is|were|are) not in (?:talks|discussions|negotiations)|\bno (?:plans|talks) (?:to|with)\b|\b(?:inaccurate|untrue|baseless)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Denied();

    [GeneratedRegex(@"\bconfirm(?:ed|s)?\s+(?:on \p{Lu}\w+\s+)?(?:the\s+)?(?:talks|report|discussions|negotiations|(?:that\s+)?it (?:is|was|had been) in (?:talks|discussions))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Confirmed();
}
