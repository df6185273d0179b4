using Negotiations.Deals;
using Negotiations.Deals.GettingTimeline;
using Negotiations.Web.Chart;
using Xunit;

namespace Negotiations.Tests.Web;

/// <summary>The deal page's chart before any drawing: the range each vague report is drawn as, and the axes.</summary>
public class TimelinePlotTests
{
    private static TimelinePoint Point(AmountQualifier qualifier, decimal value, decimal? high = null, DateOnly? on = null, string currency = "USD", long version = 1)
    {
        var (low, top) = GetDealTimelineEndpoint.Range(value, qualifier, high);
        return new TimelinePoint(version, on ?? new DateOnly(2026, 1, 29), low, top, qualifier, currency, null, "WSJ", Attribution.AnonymousSource, false, false, true);
    }

    [Theory]
    [InlineData(AmountQualifier.Exact, 50, null, 50, 50, 50, false, false)]
    [InlineData(AmountQualifier.About, 50, null, 50, 45, 55, false, false)]
    [InlineData(AmountQualifier.UpTo, 50, null, 50, 0, 50, true, false)]
    [InlineData(AmountQualifier.AtLeast, 10, null, 10, 10, 60, false, true)]
    [InlineData(AmountQualifier.Between, 20, 50, 20, 20, 50, false, false)]
    public void a_vague_report_is_drawn_as_the_range_it_stands_for(
        AmountQualifier qualifier, int value, int? high, int drawnAt, int low, int top, bool openLow, bool openHigh)
    {
        var mark = TimelinePlot.Mark(Point(qualifier, value, high), axisTop: 60);

        Assert.Equal((drawnAt, low, top, openLow, openHigh), ((int)mark.Value, (int)mark.Low, (int)mark.High, mark.OpenLow, mark.OpenHigh));
        Assert.Equal(qualifier != AmountQualifier.Exact, mark.IsRange);
    }

    [Fact]
    public void an_at_least_above_the_axis_top_is_drawn_to_its_own_value_not_below_it()
    {
        var mark = TimelinePlot.Mark(Point(AmountQualifier.AtLeast, 80), axisTop: 60);

        Assert.Equal((80m, 80m), (mark.Low, mark.High));
    }

    [Theory]
    [InlineData(50_000_000_000, 60_000_000_000, 20_000_000_000)]
    [InlineData(830_000_000_000, 1_000_000_000_000, 200_000_000_000)]
    [InlineData(7, 8, 2)]
    [InlineData(1, 1.5, 0.5)]
    public void the_value_axis_is_round_from_zero_with_head_room(decimal largest, decimal top, decimal step)
    {
        var axis = ValueAxis.Around(largest);

        Assert.Equal((top, step), (axis.Top, axis.Step));
        Assert.True(axis.Top > largest);
        Assert.Equal(0, axis.Ticks().First());
        Assert.Equal(axis.Top, axis.Ticks().Last());
    }

    [Fact]
    public void the_value_axis_leaves_room_for_an_about_report_drawn_above_its_value()
    {
        var plot = TimelinePlot.Of("valuation", [Point(AmountQualifier.About, 830_000_000_000)])!;

        Assert.True(plot.Values.Top >= 830_000_000_000 * 1.1m);
    }

    [Fact]
    public void the_date_axis_pads_both_ends_and_places_dates_between_zero_and_one()
    {
        var axis = DateAxis.Around([new DateOnly(2025, 12, 16), new DateOnly(2026, 2, 27)]);

        Assert.True(axis.From < new DateOnly(2025, 12, 16) && axis.To > new DateOnly(2026, 2, 27));
        Assert.InRange(axis.Fraction(new DateOnly(2025, 12, 16)), 0.01, 0.2);
        Assert.InRange(axis.Fraction(new DateOnly(2026, 2, 27)), 0.8, 0.99);
        Assert.Equal([new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1)], axis.Ticks().ToArray());
    }

    [Fact]
    public void one_currency_is_charted_and_reports_in_others_are_set_apart()
    {
        var plot = TimelinePlot.Of("amount", [Point(AmountQualifier.Exact, 10, version: 1), Point(AmountQualifier.Exact, 9, currency: "EUR", version: 2), Point(AmountQualifier.Exact, 12, version: 3)])!;

        Assert.Equal("USD", plot.Currency);
        Assert.Equal([1L, 3L], plot.Marks.Select(m => m.Point.Version));
        Assert.Equal(2, plot.OtherCurrencies.Single().Version);
    }

    [Fact]
    public void reports_of_the_same_day_are_set_side_by_side()
    {
        var day = new DateOnly(2026, 2, 27);
        var plot = TimelinePlot.Of("amount", [Point(AmountQualifier.Exact, 50, on: day, version: 6), Point(AmountQualifier.Exact, 50, on: day, version: 7)])!;

        Assert.Equal([0, 1], plot.Marks.Select(m => m.SameDayIndex));
    }

    [Fact]
    public void no_report_no_chart() => Assert.Null(TimelinePlot.Of("amount", []));

    [Fact]
    public void every_attribution_strength_has_its_own_colour_and_shape()
    {
        var strengths = Enum.GetValues<Attribution>();

        Assert.Equal(strengths.Length, strengths.Select(AttributionStyle.Colour).Distinct().Count());
        Assert.Equal(strengths.Length, strengths.Select(AttributionStyle.Shape).Distinct().Count());
    }
}
