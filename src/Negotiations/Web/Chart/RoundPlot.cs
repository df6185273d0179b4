using Negotiations.Deals;
using Negotiations.Deals.GettingClaims;
using Negotiations.Rounds;
using Negotiations.Rounds.GettingRoundBook;

namespace Negotiations.Web.Chart;

/// <summary>
/// One stretch of the round's pieces bar, from <c>From</c> to <c>To</c> on the value axis. First the firm part of each
/// firmness, as long as the least its reports allow (its range's low), firmest first: funded, agreed (its conditional part
/// apart), proposed, rumoured; their end is the total's low. Then, in the same order, each firmness's <c>Vague</c> part:
/// what its vague reports may add (high − low), ending at the total's high. A part with no high (an "at least") is
/// <c>OpenEnd</c>, drawn last, to the top of the axis. <c>Range</c> is the firmness's own interval.
/// </summary>
public sealed record RoundSegment(string Kind, Firmness Firmness, bool Conditional, bool Vague, decimal From, decimal To, bool OpenEnd, MoneyRange Range)
{
    public decimal Length => To - From;
}

/// <summary>The round book of one currency as a chart: the target's range against the pieces stacked by firmness. No drawing in it.</summary>
public sealed record RoundPlot(string Currency, ValueAxis Values, MoneyRange? Target, decimal TargetFrom, decimal TargetTo, bool TargetOpen,
    IReadOnlyList<RoundSegment> Segments, RoundTotals Totals)
{
    /// <summary>The kinds, firmest first, as the chart stacks them.</summary>
    public static readonly string[] Kinds = ["Funded", "Agreed", "Conditional", "Proposed", "Rumoured"];

    public static RoundPlot Of(RoundTotals totals)
    {
        var target = totals.Target;
        var largest = new[] { target?.Low, target?.High, totals.Total.Low, totals.Total.High, totals.Raised?.Low, totals.Raised?.High }
            .OfType<decimal>().DefaultIfEmpty(0).Max();
        var values = ValueAxis.Around(largest);

        var conditional = Math.Min(totals.Conditional.Low, totals.Agreed.Low);
        var parts = new (string Kind, Firmness Firmness, bool Conditional, decimal Length, MoneyRange Range)[]
        {
            ("Funded", Firmness.Funded, false, totals.Funded.Low, totals.Funded),
            ("Agreed", Firmness.Agreed, false, totals.Agreed.Low - conditional, totals.Agreed),
            ("Conditional", Firmness.Agreed, true, conditional, totals.Conditional),
            ("Proposed", Firmness.Proposed, false, totals.Proposed.Low, totals.Proposed),
            ("Rumoured", Firmness.Rumoured, false, totals.Rumoured.Low, totals.Rumoured),
        };
        var segments = new List<RoundSegment>();
        var at = 0m;
        foreach (var part in parts.Where(p => p.Length > 0))
        {
            segments.Add(new RoundSegment(part.Kind, part.Firmness, part.Conditional, false, at, at + part.Length, false, part.Range));
            at += part.Length;
        }

        // What vague reports may add, firmness by firmness (the conditional part is exact tranches: nothing to add).
        var vague = parts.Where(p => !p.Conditional && p.Range.High != p.Range.Low).ToList();
        foreach (var part in vague.Where(p => p.Range.High is not null))
        {
            var extra = part.Range.High!.Value - part.Range.Low;
            segments.Add(new RoundSegment(part.Kind, part.Firmness, false, true, at, at + extra, false, part.Range));
            at += extra;
        }

        // Unbounded parts share what is left of the axis, each open-ended.
        var open = vague.Where(p => p.Range.High is null).ToList();
        var share = open.Count == 0 ? 0 : Math.Max(values.Top - at, 0) / open.Count;
        foreach (var part in open)
        {
            segments.Add(new RoundSegment(part.Kind, part.Firmness, false, true, at, at + share, true, part.Range));
            at += share;
        }

        return new RoundPlot(totals.Currency, values, target,
            target?.Low ?? 0, target is null ? 0 : target.High ?? Math.Max(values.Top, target.Low), target is { High: null }, segments, totals);
    }

    /// <summary>How each kind is shown: an Okabe–Ito colour and a pattern (none, hatch, dots, cross), so neither alone carries it.</summary>
    public static string Colour(string kind) => kind switch
    {
        "Funded" => "#009E73",
        "Agreed" or "Conditional" => "#0072B2",
        "Proposed" => "#E69F00",
        "Rumoured" => "#CC79A7",
        _ => "#8c959f",
    };

    public static string Pattern(string kind) => kind switch
    {
        "Conditional" => "stripes",
        "Proposed" => "dots",
        "Rumoured" => "cross",
        _ => "solid",
    };

    public static string Words(string kind) => kind switch
    {
        "Funded" => "funded (money paid)",
        "Agreed" => "agreed",
        "Conditional" => "agreed, conditional",
        "Proposed" => "proposed terms",
        _ => "rumoured (talks)",
    };

    /// <summary>"$50B" in the chart's currency.</summary>
    public string Money(decimal value) => value == 0 ? "0" : CompactMoney.Format(value, Currency, AmountQualifier.Exact, null);

    /// <summary>A range in words: "$10B", "$9B–$11B", "at least $10B".</summary>
    public string Range(MoneyRange range) =>
        range is { Low: 0, High: 0 } ? "none" : range.High is not { } high ? $"at least {Money(range.Low)}" : range.Low == high ? Money(high) : $"{Money(range.Low)}–{Money(high)}";
}
