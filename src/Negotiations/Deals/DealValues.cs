using Negotiations.Infrastructure;

namespace Negotiations.Deals;

// Value types shared by commands and events. They are part of the stored JSON contract: evolve by adding members.

/// <summary>How long a text may be: names, titles, publications and instruments are short; the rest a few paragraphs.</summary>
public static class TextLimits
{
    public const int Name = 200;
    public const int Paragraphs = 4000;
}

public enum DealKind { Investment, Acquisition, Merger, Partnership, Other }

public enum PartyRole { Investor, Target, Acquirer, Seller, CoInvestor, Advisor, Other }

/// <summary>How a report qualified a number: "about $10B", "up to $50B", "at least", "between $10B and $20B".</summary>
public enum AmountQualifier { Exact, About, UpTo, AtLeast, Between }

public enum ValuationBasis { PreMoney, PostMoney, Unknown }

/// <summary>Why a claim stopped counting: its source withdrew it, or a party to the deal denied it.</summary>
public enum RetractionKind { Withdrawn, Denied }

/// <summary>How strongly a report is attributed, strongest first as journalism ranks it.</summary>
public enum Attribution { RegulatoryFiling, CompanyStatement, NamedSource, AnonymousSource, Unattributed }

/// <summary>How a regulator's review ended. <c>Blocked</c> ends the deal.</summary>
public enum ReviewOutcome { Cleared, ClearedWithConditions, Blocked }

/// <summary>What watchers wait to learn about a deal.</summary>
public enum QuestionTopic { StakeStructure, Governance, Commitments, Distribution, Regulatory, Other }

/// <summary>A party's answer to a report: "declined to comment" and "did not respond" are not denials.</summary>
public enum PartyResponse { Confirmed, Denied, DeclinedToComment, NoResponse }

/// <summary>One part of an agreed amount: paid up front (no condition) or on a condition ("an IPO or an AGI milestone").</summary>
public sealed record Tranche(ReportedAmount Amount, string? Condition = null)
{
    public const int MaxTranches = 20;

    /// <summary>Tranches are exact amounts in the agreed amount's currency that add up to it; an agreement with tranches names its amount.</summary>
    public static void Check(IReadOnlyList<Tranche>? tranches, ReportedAmount? agreed, string field, ValidationErrors errors)
    {
        if (tranches is null || tranches.Count == 0)
        {
            return;
        }

        if (tranches.Count > MaxTranches || tranches.Any(t => t is null))
        {
            errors.Add(field, $"'{field}' must list at most {MaxTranches} tranches, each {{ \"amount\", \"condition\" }}.");
            return;
        }

        for (var i = 0; i < tranches.Count; i++)
        {
            ReportedAmount.Check(tranches[i].Amount, $"{field}[{i}].amount", errors);
            errors.Require(tranches[i].Amount.Qualifier == AmountQualifier.Exact, $"{field}[{i}].amount",
                $"'{field}[{i}].amount' must be exact: a tranche is a part of the agreed amount.");
            errors.RequireText(tranches[i].Condition, $"{field}[{i}].condition", TextLimits.Paragraphs, required: false);
        }

        if (agreed is null)
        {
            errors.Add("amount", $"'amount' is required with '{field}': the tranches are parts of it.");
            return;
        }

        errors.Require(tranches.All(t => t.Amount.Currency == agreed.Currency), field, $"Every tranche must be in the agreed amount's currency ({agreed.Currency}).");
        errors.Require(tranches.Sum(t => t.Amount.Value) == agreed.Value, field,
            $"The tranches add up to {tranches.Sum(t => t.Amount.Value)}, not the agreed {agreed.Value}.");
    }
}

/// <summary>A money amount as reported: value, ISO 4217 currency, qualifier; <c>High</c> only for <c>Between</c>.</summary>
public sealed record ReportedAmount(decimal Value, string Currency, AmountQualifier Qualifier = AmountQualifier.Exact, decimal? High = null)
{
    /// <summary>Larger than any deal ever reported; anything above is a typing error.</summary>
    public const decimal MaxValue = 1_000_000_000_000_000m;

    public static void Check(ReportedAmount? amount, string field, ValidationErrors errors)
    {
        if (amount is null)
        {
            return;
        }

        CheckMoney(amount.Value, amount.Currency, amount.Qualifier, amount.High, field, errors);
    }

    internal static void CheckMoney(decimal value, string currency, AmountQualifier qualifier, decimal? high, string field, ValidationErrors errors)
    {
        errors.Require(value > 0, $"{field}.value", $"'{field}.value' must be greater than 0.");
        errors.Require(value <= MaxValue, $"{field}.value", $"'{field}.value' must be at most {MaxValue:0}.");
        errors.Require(Currencies.IsKnown(currency), $"{field}.currency",
            $"'{field}.currency' must be an ISO 4217 code of three upper-case letters, such as USD or EUR.");
        if (qualifier == AmountQualifier.Between)
        {
            errors.Require(high is not null && high > value, $"{field}.high",
                $"'{field}.high' is required with qualifier Between and must be greater than '{field}.value'.");
            errors.Require(high is null || high <= MaxValue, $"{field}.high", $"'{field}.high' must be at most {MaxValue:0}.");
        }
        else
        {
            errors.Require(high is null, $"{field}.high", $"'{field}.high' is only allowed with qualifier Between.");
        }
    }
}

/// <summary>A valuation as reported: an amount plus the basis, which reports often leave unsaid (then Unknown).</summary>
/// <remarks>
/// <c>RoundSize</c> (v2) is the new money of the round the valuation belongs to, when the report gives it: with a known
/// basis it gives the other basis (<see cref="OtherBasis"/>: post-money = pre-money + new money).
/// </remarks>
public sealed record Valuation(
    decimal Value, string Currency, AmountQualifier Qualifier = AmountQualifier.Exact, decimal? High = null,
    ValuationBasis Basis = ValuationBasis.Unknown, ReportedAmount? RoundSize = null)
{
    public static void Check(Valuation? valuation, string field, ValidationErrors errors)
    {
        if (valuation is not null)
        {
            ReportedAmount.CheckMoney(valuation.Value, valuation.Currency, valuation.Qualifier, valuation.High, field, errors);
            ReportedAmount.Check(valuation.RoundSize, $"{field}.roundSize", errors);
            errors.Require(valuation.RoundSize is null || valuation.RoundSize.Currency == valuation.Currency, $"{field}.roundSize.currency",
                $"'{field}.roundSize' must be in the valuation's currency ({valuation.Currency}).");
        }
    }

    /// <summary>
    /// The same valuation on the other basis, when the basis and an exact round size are known (post = pre + new money;
    /// the qualifier carries over); null otherwise.
    /// </summary>
    public Valuation? OtherBasis() => (Basis, RoundSize) switch
    {
        (ValuationBasis.PreMoney, { Qualifier: AmountQualifier.Exact } round) when round.Currency == Currency =>
            this with { Value = Value + round.Value, High = High + round.Value, Basis = ValuationBasis.PostMoney },
        (ValuationBasis.PostMoney, { Qualifier: AmountQualifier.Exact } round) when round.Currency == Currency && Value > round.Value =>
            this with { Value = Value - round.Value, High = High - round.Value, Basis = ValuationBasis.PreMoney },
        _ => null,
    };
}

/// <summary>
/// Where a claim comes from. <c>PublishedOn</c> is the default for the event's <c>occurredOn</c>. <c>Relays</c> names the
/// publication this one cites ("according to the Wall Street Journal"): the claim is then that publication's again, not
/// an independent confirmation. <c>DocumentId</c> and <c>Quote</c> (both optional, since intake) name the archived document
/// the claim was read from and the words in it, so a claim links back to the text and its hash.
/// </summary>
public sealed record Source(
    string Publication, DateOnly PublishedOn, Attribution Attribution = Attribution.Unattributed, string? Url = null, string? Relays = null,
    Guid? DocumentId = null, Quote? Quote = null)
{
    public const int MaxUrlLength = 2000;

    /// <summary>
    /// An absolute http or https URL of at most <see cref="MaxUrlLength"/> characters. CR/LF (header or log injection),
    /// tabs, other controls and bidi overrides are refused: Uri would accept or drop some of them.
    /// </summary>
    public static bool IsValidUrl(string url) =>
        url.Length <= MaxUrlLength && !url.Any(char.IsControl) && Text.Unsafe(url) is null
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>When the reported thing happened: as given, else the day the source published it.</summary>
    public DateOnly HappenedOn(DateOnly? given) => given ?? PublishedOn;

    /// <summary>The two fields every command carries about its report: the source and, optionally, when it happened.</summary>
    public static void CheckReport(Source? source, DateOnly? occurredOn, DateTimeOffset now, ValidationErrors errors)
    {
        var latest = Dates.LatestAllowed(now);
        Check(source, "source", latest, errors);
        if (occurredOn is { } date)
        {
            Dates.Check(date, "occurredOn", latest, errors);
        }
    }

    public static void Check(Source? source, string field, DateOnly latestAllowed, ValidationErrors errors)
    {
        if (source is null)
        {
            errors.Add(field, $"'{field}' is required: every recorded event says where it comes from.");
            return;
        }

        errors.RequireText(source.Publication, $"{field}.publication", TextLimits.Name);
        Dates.Check(source.PublishedOn, $"{field}.publishedOn", latestAllowed, errors);
        if (source.Url is not null)
        {
            errors.Require(IsValidUrl(source.Url), $"{field}.url", $"'{field}.url' must be an absolute http or https URL of at most {MaxUrlLength} characters, without control characters.");
        }

        errors.RequireText(source.Relays, $"{field}.relays", TextLimits.Name, required: false);
        errors.Require(source.Quote is null || source.Quote is { Start: >= 0, Length: > 0 }, $"{field}.quote",
            $"'{field}.quote' must have a 'start' of at least 0 and a 'length' of at least 1.");
    }
}

/// <summary>Where the words of a claim stand in an archived document's text: UTF-16 offset and length.</summary>
public sealed record Quote(int Start, int Length);

public sealed record Party(string Name, PartyRole Role)
{
    /// <summary>The parties as recorded: names without surrounding blanks.</summary>
    public static List<Party> Trimmed(IEnumerable<Party> parties) => parties.Select(p => p with { Name = p.Name.Trim() }).ToList();

    public const int MaxParties = 50;

    public static void Check(IReadOnlyList<Party>? parties, string field, int minimumDistinct, ValidationErrors errors)
    {
        parties ??= [];
        if (parties.Count > MaxParties)
        {
            errors.Add(field, $"'{field}' may list at most {MaxParties} parties.");
            return;
        }

        for (var i = 0; i < parties.Count; i++)
        {
            // JSON null elements get past the serializer's nullability checks, which cover members only.
            if (parties[i] is null)
            {
                errors.Add($"{field}[{i}]", $"'{field}[{i}]' must be a party: {{ \"name\", \"role\" }}.");
                continue;
            }

            errors.RequireText(parties[i].Name, $"{field}[{i}].name", TextLimits.Name);
        }

        var names = parties.Where(p => p is not null && !string.IsNullOrWhiteSpace(p.Name)).Select(p => p.Name.Trim()).ToList();
        var distinct = names.Distinct(StringComparer.OrdinalIgnoreCase).Count();
        errors.Require(distinct == names.Count, field, $"'{field}' must not name the same party twice.");
        errors.Require(distinct >= minimumDistinct, field, $"'{field}' must name at least {minimumDistinct} distinct parties.");
    }
}

public static class Dates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>Reports are about the past: a date later than tomorrow (UTC, to allow for time zones) is a typing error.</summary>
    public static DateOnly LatestAllowed(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);

    public static void Check(DateOnly date, string field, DateOnly latestAllowed, ValidationErrors errors) =>
        errors.Require(date >= Earliest && date <= latestAllowed, field,
            $"'{field}' must be a date between {Earliest:yyyy-MM-dd} and {latestAllowed:yyyy-MM-dd}.");
}

public static class Currencies
{
    // Active ISO 4217 codes (list of the ISO 4217 maintenance agency), kept here rather than read from the OS's ICU data
    // so validation is the same on every machine and container image.
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF",
        "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC",
        "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS",
        "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD",
        "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL",
        "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD",
        "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD",
        "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP",
        "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES",
        "VED", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
    };

    public static bool IsKnown(string? code) => code is not null && Known.Contains(code);
}

public static class StakePercent
{
    public static void Check(decimal? value, string field, ValidationErrors errors) =>
        errors.Require(value is null or > 0 and <= 100, field, $"'{field}' must be greater than 0 and at most 100.");
}
