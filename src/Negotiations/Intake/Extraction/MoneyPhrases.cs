using System.Globalization;
using System.Text.RegularExpressions;
using Negotiations.Deals;

namespace Negotiations.Intake.Extraction;

/// <summary>What a figure in a deal sentence is: the price or one investor's money, a valuation, the round's size, or none of the deal's.</summary>
public enum MoneyRole { Amount, Valuation, RoundSize, Previous, NotDeal }

/// <summary>A figure found in a sentence: where it stands (offsets in the sentence), what it says, and what it is.</summary>
public sealed record MoneyMention(int Start, int End, ReportedAmount Amount, MoneyRole Role, ValuationBasis Basis, bool Each);

/// <summary>
/// Money as reports write it: "$50 billion", "$50bn", "$50B", "50 billion dollars", "EUR 2 billion", "€600 million",
/// "¥2 trillion", "C$19 billion"; qualified ("as much as", "about", "at least", "… or more") or a range ("between $5
/// billion and $7 billion", "$10bn-$12bn", "between 1 and 1.5 billion euros"). A figure without a currency (a
/// percentage, a year) is not money. Each figure is then given its role from the words around it: per-share prices,
/// revenue, earnings, market values and share moves are not the deal's.
/// </summary>
public static partial class MoneyPhrases
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["$"] = "USD", ["US$"] = "USD", ["C$"] = "CAD", ["A$"] = "AUD", ["HK$"] = "HKD", ["S$"] = "SGD", ["NZ$"] = "NZD",
        ["€"] = "EUR", ["£"] = "GBP", ["¥"] = "JPY", ["₹"] = "INR",
    };

    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dollars"] = "USD", ["euros"] = "EUR", ["euro"] = "EUR", ["pounds"] = "GBP", ["yen"] = "JPY", ["yuan"] = "CNY",
        ["francs"] = "CHF", ["won"] = "KRW", ["rupees"] = "INR",
    };

    private static readonly (string Phrase, AmountQualifier Qualifier)[] Before =
    [
        ("as much as", AmountQualifier.UpTo), ("up to", AmountQualifier.UpTo), ("as high as", AmountQualifier.UpTo),
        ("no more than", AmountQualifier.UpTo), ("a maximum of", AmountQualifier.UpTo), ("at most", AmountQualifier.UpTo),
        ("about", AmountQualifier.About), ("roughly", AmountQualifier.About), ("around", AmountQualifier.About),
        ("nearly", AmountQualifier.About), ("almost", AmountQualifier.About), ("approximately", AmountQualifier.About),
        ("some", AmountQualifier.About), ("close to", AmountQualifier.About), ("an estimated", AmountQualifier.About),
        ("in the region of", AmountQualifier.About), ("circa", AmountQualifier.About),
        ("at least", AmountQualifier.AtLeast), ("more than", AmountQualifier.AtLeast), ("over", AmountQualifier.AtLeast),
        ("upwards of", AmountQualifier.AtLeast), ("in excess of", AmountQualifier.AtLeast), ("north of", AmountQualifier.AtLeast),
        ("a minimum of", AmountQualifier.AtLeast), ("no less than", AmountQualifier.AtLeast),
    ];

    public static List<MoneyMention> Find(string sentence)
    {
        var found = new List<MoneyMention>();
        var figures = Figure().Matches(sentence).Select(Read).OfType<RawFigure>().ToList();
        for (var i = 0; i < figures.Count; i++)
        {
            var figure = figures[i];
            if (i + 1 < figures.Count && Range(sentence, figure, figures[i + 1]) is { } range)
            {
                found.Add(Mention(sentence, range.Start, figures[i + 1].End, range.Amount));
                i++;
                continue;
            }

            if (figure.Currency is null)
            {
                continue;
            }

            var (start, qualifier) = Qualified(sentence, figure.Start);
            var end = figure.End;
            if (OrMore().Match(sentence, end) is { Success: true } more)
            {
                qualifier = more.Groups[1].Value.ToLowerInvariant() is "more" or "higher" ? AmountQualifier.AtLeast : AmountQualifier.UpTo;
                end = more.Index + more.Length;
            }

            found.Add(Mention(sentence, start, end, new ReportedAmount(figure.Value, figure.Currency, qualifier)));
        }

        return found;
    }

    private static MoneyMention Mention(string sentence, int start, int end, ReportedAmount amount)
    {
        var (role, basis) = RoleOf(sentence, start, end);
        return new MoneyMention(start, end, amount, role, basis, Each().IsMatch(sentence, end));
    }

    private readonly record struct RawFigure(int Start, int End, decimal Number, decimal? Scale, string? Currency)
    {
        public decimal Value => Number * (Scale ?? 1);
    }

    private static RawFigure? Read(Match m)
    {
        var currency = m.Groups["sym"].Success ? Symbols[m.Groups["sym"].Value]
            : m.Groups["iso"].Success ? m.Groups["iso"].Value
            : m.Groups["isoAfter"].Success ? m.Groups["isoAfter"].Value
            : m.Groups["word"].Success ? Words[m.Groups["word"].Value]
            : null;
        if (currency is not null && !Currencies.IsKnown(currency))
        {
            return null;
        }

        var number = decimal.Parse(m.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
        return new RawFigure(m.Index, m.Index + m.Length, number, m.Groups["scale"].Success ? Scale(m.Groups["scale"].Value) : null, currency);
    }

    /// <summary>
    /// Two figures read as one range ("between A and B", "A-B", "A to B", the low end's scale and currency given by the
    /// high end's when it has none), or null. "from A to B" is a change, not a range.
    /// </summary>
    private static (int Start, ReportedAmount Amount)? Range(string sentence, RawFigure low, RawFigure high)
    {
        var joint = sentence[low.End..high.Start];
        var before = sentence[..low.Start];
        var between = BetweenWord().Match(before);
        var joined = (Dash().IsMatch(joint) && !FromWord().IsMatch(before))
            || (joint.Trim().Equals("and", StringComparison.OrdinalIgnoreCase) && between.Success);
        var currency = high.Currency ?? low.Currency;
        if (!joined || currency is null || (low.Currency is not null && high.Currency is not null && low.Currency != high.Currency))
        {
            return null;
        }

        var scale = high.Scale ?? low.Scale;
        var lowValue = low.Number * (low.Scale ?? scale ?? 1);
        var highValue = high.Number * (high.Scale ?? scale ?? 1);
        return lowValue < highValue
            ? (between.Success ? between.Index : low.Start, new ReportedAmount(lowValue, currency, AmountQualifier.Between, highValue))
            : null;
    }

    private static decimal Scale(string word) => word.ToLowerInvariant() switch
    {
        "trillion" or "tn" or "t" => 1_000_000_000_000m,
        "billion" or "bn" or "bln" or "b" => 1_000_000_000m,
        _ => 1_000_000m,
    };

    private static (int Start, AmountQualifier Qualifier) Qualified(string sentence, int start)
    {
        var before = sentence[..start].TrimEnd();
        foreach (var (phrase, qualifier) in Before)
        {
            if (before.EndsWith(phrase, StringComparison.OrdinalIgnoreCase)
                && (before.Length == phrase.Length || !char.IsLetter(before[before.Length - phrase.Length - 1])))
            {
                return (before.Length - phrase.Length, qualifier);
            }
        }

        return (start, AmountQualifier.Exact);
    }

    private static (MoneyRole Role, ValuationBasis Basis) RoleOf(string sentence, int start, int end)
    {
        var before = sentence[Math.Max(0, start - 60)..start];
        var after = sentence[end..Math.Min(sentence.Length, end + 45)];
        if (PerShareAfter().IsMatch(after) || NotDealBefore().IsMatch(before) || NotDealAfter().IsMatch(after))
        {
            return (MoneyRole.NotDeal, ValuationBasis.Unknown);
        }

        var basis = PostMoney().IsMatch(after) || PostMoney().IsMatch(before) ? ValuationBasis.PostMoney
            : PreMoney().IsMatch(after) || PreMoney().IsMatch(before) ? ValuationBasis.PreMoney
            : ValuationBasis.Unknown;
        if (DealValuedBefore().IsMatch(before))
        {
            return (MoneyRole.Amount, ValuationBasis.Unknown);
        }

        if (ValuationBefore().IsMatch(before) || ValuationAfter().IsMatch(after))
        {
            return (MoneyRole.Valuation, basis);
        }

        if (RoundAfter().IsMatch(after) || RoundBefore().IsMatch(before))
        {
            return (MoneyRole.RoundSize, ValuationBasis.Unknown);
        }

        return PreviousBefore().IsMatch(before) ? (MoneyRole.Previous, ValuationBasis.Unknown) : (MoneyRole.Amount, ValuationBasis.Unknown);
    }

    [GeneratedRegex(@"(?<![\p{L}\d])(?:(?<sym>US\$|C\$|A\$|HK\$|S\$|NZ\$|\$|€|£|¥|₹)\s?|(?<iso>[A-Z]{3})\s)?(?<num>(?>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))(?:\s?(?<scale>trillion|billion|million|tn|bn|bln|mn|mln)\b|(?<scale>[BMT])\b|(?<scale>[bm])\b)?(?:\s(?<word>dollars|euros|euro|pounds|yen|yuan|francs|won|rupees)\b|\s(?<isoAfter>[A-Z]{3})\b)?(?!\s?%|\s?percent)", RegexOptions.CultureInvariant)]
    private static partial Regex Figure();

    [GeneratedRegex(@"^\s*(?:-|–|to)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Dash();

    [GeneratedRegex(@"\bbetween\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BetweenWord();

    [GeneratedRegex(@"\bfrom\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromWord();

    [GeneratedRegex(@"\G\s+or\s+(more|higher|less|lower)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrMore();

    [GeneratedRegex(@"\G\s+each\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Each();

    [GeneratedRegex(@"^\s*(?:a|per|each|for each)\s+(?:share|month|year|unit|ton|barrel)\b|^\s*each\s+in\s+its\s+(?:initial|IPO)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PerShareAfter();

    /// <summary>
    /// Words that make a figure not the deal's: right before it ("revenue of", "earned", "assets of"), or anywhere earlier in
    /// its clause for market values, price targets, prices and share moves ("shares fell 6% to").
    /// </summary>
    [GeneratedRegex(@"\b(?:revenues?|sales|earnings|profits?|income|loss(?:es)?|ebitda|assets|earned|earns|spend|spending|forecast|priced(?: its shares)? at|cost|costs)\s+(?:of\s+)?(?:\w+\s+){0,2}$|\b(?:market (?:value|valuation|capitali[sz]ation|cap)|price target|price of|prices? (?:at|to)|dividend|fined?|shares? (?:rose|fell|jumped|dropped|climbed|slid|gained|sank|tumbled|surged|closed|traded)|(?:rose|fell|jumped|dropped|climbed|slid|sank|tumbled|surged)\s+\d[\d.]*%?\s+to)\b[^,;]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotDealBefore();

    [GeneratedRegex(@"^[^,;]{0,30}\b(?:market value|market capitali[sz]ation|market cap|in revenue|in sales|in profit|in annual revenue|share buyback)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotDealAfter();

    [GeneratedRegex(@"\b(?:deal|transaction|offer|bid|takeover|acquisition|merger|purchase)\s+(?:\w+\s+)?(?:valued|worth)\s+(?:at\s+)?(?:\w+\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DealValuedBefore();

    [GeneratedRegex(@"\b(?:valu(?:e|es|ed|ing)\s+(?:[\p{L}-]+\s+){0,4}?at|valuation\s+of|valued\s+at)\s+(?:\w+\s+)?(?:a\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ValuationBefore();

    [GeneratedRegex(@"^\s*(?:\(?(?:pre|post)-?money\)?\s+)?valuation\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ValuationAfter();

    [GeneratedRegex(@"^\s*(?:\w+\s+)?(?:funding\s+|financing\s+|investment\s+|fundraising\s+)?round\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RoundAfter();

    [GeneratedRegex(@"\b(?:round|fundraising)\s+(?:of|totaling|totalling|worth)\s+(?:\w+\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RoundBefore();

    [GeneratedRegex(@"^\s*post-?money\b|\bpost-?money\s+valuation\s+of\s+(?:\w+\s+)?$|including the new (?:money|capital|investment)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostMoney();

    [GeneratedRegex(@"^\s*pre-?money\b|\bpre-?money\s+valuation\s+of\s+(?:\w+\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreMoney();

    /// <summary>"to $1 billion from $2.5 billion": the figure after "from" is what it was before.</summary>
    [GeneratedRegex(@"\bto\s+[^,;]*\bfrom\s+(?:\w+\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreviousBefore();
}
