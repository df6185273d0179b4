using System.Globalization;
using Negotiations.Deals;
using Negotiations.Deals.GettingClaims;
using Negotiations.Deals.GettingTimeline;

namespace Negotiations.Web.Chart;

/// <summary>A round value axis from zero: its top and the ticks on it (1, 2 or 5 times a power of ten apart).</summary>
public sealed record ValueAxis(decimal Top, decimal Step)
{
    private static readonly decimal[] Factors = [1m, 2m, 5m, 10m];

    public IEnumerable<decimal> Ticks()
    {
        for (var tick = 0m; tick <= Top; tick += Step)
        {
            yield return tick;
        }
    }

    /// <summary>The smallest round axis that shows <paramref name="largest"/> with some head room, in about <paramref name="ticks"/> steps.</summary>
    public static ValueAxis Around(decimal largest, int ticks = 5)
    {
        if (largest <= 0)
        {
            return new ValueAxis(1, 0.2m);
        }

        var rough = largest * 1.1m / ticks;
        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)rough)));
        var step = Factors.Select(f => f * power).First(s => s >= rough);
        return new ValueAxis(Math.Ceiling(largest * 1.1m / step) * step, step);
    }
}

/// <summary>The date axis: from a little before the first report to a little after the last, ticked by month or year.</summary>
public sealed record DateAxis(DateOnly From, DateOnly To)
{
    public int Days => Math.Max(1, To.DayNumber - From.DayNumber);

    public double Fraction(DateOnly date) => (date.DayNumber - From.DayNumber) / (double)Days;

    public IEnumerable<DateOnly> Ticks()
    {
        var months = Days > 900 ? 12 : Days > 400 ? 3 : 1;
        var tick = new DateOnly(From.Year, From.Month, 1);
        while (tick <= To)
        {
            if (tick >= From)
            {
                yield return tick;
            }

            tick = tick.AddMonths(months);
        }
    }

    public static DateAxis Around(IReadOnlyCollection<DateOnly> dates)
    {
        var first = dates.Min();
        var last = dates.Max();
        var pad = Math.Max(7, (last.DayNumber - first.DayNumber) / 20);
        return new DateAxis(first.AddDays(-pad), last.AddDays(pad));
    }
}

/// <summary>
/// One report drawn: the range its qualifier stands for, from <c>Low</c> to <c>High</c> on the value axis. An "up to"
/// has no low (drawn from zero, <c>OpenLow</c>), an "at least" no high (drawn to the top, <c>OpenHigh</c>), a "between" its
/// two ends; an "about" is drawn ±<see cref="TimelinePlot.AboutSpread"/> around the value; an exact number is a point.
/// </summary>
public sealed record PlotMark(TimelinePoint Point, decimal Value, decimal Low, decimal High, bool OpenLow, bool OpenHigh, int SameDayIndex)
{
    public bool IsRange => Low != High || OpenLow || OpenHigh;
}

/// <summary>The chart of one number over the date things happened: what the deal page draws, with no drawing in it.</summary>
public sealed record TimelinePlot(string Field, string Currency, ValueAxis Values, DateAxis Dates, IReadOnlyList<PlotMark> Marks, IReadOnlyList<TimelinePoint> OtherCurrencies)
{
    /// <summary>How far either side of its value an "about" report is drawn: a convention of the drawing, said in its legend.</summary>
    public const decimal AboutSpread = 0.1m;

    public static TimelinePlot? Of(string field, IReadOnlyList<TimelinePoint> points)
    {
        if (points.Count == 0)
        {
            return null;
        }

        // One currency per chart (the one most reports use); the others are listed beside it, not converted.
        var currency = points.GroupBy(p => p.Currency).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var charted = points.Where(p => p.Currency == currency).ToList();
        var largest = charted.Max(p => Math.Max(p.High ?? 0, p.Low ?? 0) * (p.Qualifier == AmountQualifier.About ? 1 + AboutSpread : 1));
        var values = ValueAxis.Around(largest);
        var marks = charted
            .Select((p, i) => Mark(p, values.Top, charted.Take(i).Count(q => q.OccurredOn == p.OccurredOn)))
            .ToList();
        return new TimelinePlot(field, currency, values, DateAxis.Around([.. charted.Select(p => p.OccurredOn)]), marks, [.. points.Where(p => p.Currency != currency)]);
    }

    /// <summary>The range drawn for a report, from the bounds its qualifier gives (<see cref="GetDealTimelineEndpoint.Range"/>).</summary>
    public static PlotMark Mark(TimelinePoint point, decimal axisTop, int sameDayIndex = 0) => point.Qualifier switch
    {
        AmountQualifier.UpTo => new PlotMark(point, point.High!.Value, 0, point.High.Value, OpenLow: true, OpenHigh: false, sameDayIndex),
        AmountQualifier.AtLeast => new PlotMark(point, point.Low!.Value, point.Low.Value, Math.Max(axisTop, point.Low.Value), OpenLow: false, OpenHigh: true, sameDayIndex),
        AmountQualifier.Between => new PlotMark(point, point.Low!.Value, point.Low.Value, point.High!.Value, false, false, sameDayIndex),
        AmountQualifier.About => new PlotMark(point, point.Low!.Value, point.Low.Value * (1 - AboutSpread), point.Low.Value * (1 + AboutSpread), false, false, sameDayIndex),
        _ => new PlotMark(point, point.Low!.Value, point.Low.Value, point.Low.Value, false, false, sameDayIndex),
    };

    /// <summary>"$50B" on the axis, in the chart's currency.</summary>
    public string Money(decimal value) => value == 0 ? "0" : CompactMoney.Format(value, Currency, AmountQualifier.Exact, null);

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>How each attribution strength is shown: an Okabe–Ito colour and a shape, strongest first, so neither alone carries it.</summary>
public static class AttributionStyle
{
    public static string Colour(Attribution attribution) => attribution switch
    {
        Attribution.RegulatoryFiling => "#0072B2",
        Attribution.CompanyStatement => "#009E73",
        Attribution.NamedSource => "#E69F00",
        Attribution.AnonymousSource => "#D55E00",
        _ => "#CC79A7",
    };

    public static string Shape(Attribution attribution) => attribution switch
    {
        Attribution.RegulatoryFiling => "square",
        Attribution.CompanyStatement => "diamond",
        Attribution.NamedSource => "triangle",
        Attribution.AnonymousSource => "circle",
        _ => "ring",
    };

    public static string Words(Attribution attribution) => attribution switch
    {
        Attribution.RegulatoryFiling => "regulatory filing",
        Attribution.CompanyStatement => "company statement",
        Attribution.NamedSource => "named source",
        Attribution.AnonymousSource => "anonymous source",
        _ => "unattributed",
    };

    /// <summary>The SVG of the attribution's marker centred on (x, y).</summary>
    public static string Marker(Attribution attribution, double x, double y, double r = 6)
    {
        string N(double v) => TimelinePlot.Number(v);
        var colour = Colour(attribution);
        return Shape(attribution) switch
        {
            "square" => $"<rect x=\"{N(x - r)}\" y=\"{N(y - r)}\" width=\"{N(2 * r)}\" height=\"{N(2 * r)}\" fill=\"{colour}\" stroke=\"#000\" stroke-width=\"1\"/>",
            "diamond" => $"<polygon points=\"{N(x)},{N(y - r - 1)} {N(x + r + 1)},{N(y)} {N(x)},{N(y + r + 1)} {N(x - r - 1)},{N(y)}\" fill=\"{colour}\" stroke=\"#000\" stroke-width=\"1\"/>",
            "triangle" => $"<polygon points=\"{N(x)},{N(y - r - 1)} {N(x + r + 1)},{N(y + r)} {N(x - r - 1)},{N(y + r)}\" fill=\"{colour}\" stroke=\"#000\" stroke-width=\"1\"/>",
            "circle" => $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r)}\" fill=\"{colour}\" stroke=\"#000\" stroke-width=\"1\"/>",
            _ => $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"{N(r - 1)}\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"3\"/>",
        };
    }
}
