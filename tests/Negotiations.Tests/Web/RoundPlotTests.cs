using Negotiations.Rounds;
using Negotiations.Rounds.GettingRoundBook;
using Negotiations.Web.Chart;
using Xunit;

namespace Negotiations.Tests.Web;

/// <summary>The round page's chart before any drawing: the target's extent and the pieces stacked by firmness.</summary>
public class RoundPlotTests
{
    private static MoneyRange R(decimal low, decimal? high) => new("USD", low, high, low == high);

    private static MoneyRange Zero => MoneyRange.Zero("USD");

    private static RoundTotals Totals(MoneyRange? target = null, MoneyRange? rumoured = null, MoneyRange? proposed = null, MoneyRange? agreed = null,
        MoneyRange? funded = null, MoneyRange? conditional = null, MoneyRange? raised = null)
    {
        var pieces = new[] { rumoured, proposed, agreed, funded }.Select(r => r ?? Zero).ToList();
        var total = pieces.Aggregate(Zero, (sum, r) => sum.Plus(r));
        return new RoundTotals("USD", target, pieces[0], pieces[1], pieces[2], pieces[3], pieces[2].Plus(pieces[3]), conditional ?? Zero, total, raised);
    }

    [Fact]
    public void exact_pieces_stack_firmest_first_end_to_end_with_nothing_vague()
    {
        var plot = RoundPlot.Of(Totals(target: R(100, 100), rumoured: R(10, 10), proposed: R(20, 20), agreed: R(30, 30), funded: R(5, 5)));

        Assert.Equal(
            [("Funded", 0m, 5m), ("Agreed", 5m, 35m), ("Proposed", 35m, 55m), ("Rumoured", 55m, 65m)],
            plot.Segments.Select(s => (s.Kind, s.From, s.To)));
        Assert.Equal([Firmness.Funded, Firmness.Agreed, Firmness.Proposed, Firmness.Rumoured], plot.Segments.Select(s => s.Firmness));
        Assert.DoesNotContain(plot.Segments, s => s.Vague);
        Assert.Equal((100m, 100m, false), (plot.TargetFrom, plot.TargetTo, plot.TargetOpen));
        Assert.Equal(ValueAxis.Around(100m), plot.Values);
    }

    [Fact]
    public void the_conditional_part_of_agreed_is_its_own_segment_after_the_unconditional_part()
    {
        var plot = RoundPlot.Of(Totals(agreed: R(50, 50), conditional: R(15, 15)));

        Assert.Equal([("Agreed", false, 0m, 35m), ("Conditional", true, 35m, 50m)], plot.Segments.Select(s => (s.Kind, s.Conditional, s.From, s.To)));
        Assert.All(plot.Segments, s => Assert.Equal(Firmness.Agreed, s.Firmness));
    }

    [Fact]
    public void vague_pieces_are_drawn_at_their_lows_then_what_each_may_add_in_the_same_order_up_to_the_sum_of_the_highs()
    {
        // "up to $50B" rumoured + "about $30B" proposed: [0, 50] + [27, 33] = [27, 83].
        var plot = RoundPlot.Of(Totals(rumoured: R(0, 50), proposed: R(27, 33)));

        Assert.Equal(
            [("Proposed", false, 0m, 27m), ("Proposed", true, 27m, 33m), ("Rumoured", true, 33m, 83m)],
            plot.Segments.Select(s => (s.Kind, s.Vague, s.From, s.To)));
        Assert.Equal(R(0, 50), plot.Segments[^1].Range);
        Assert.True(plot.Values.Top >= 83m);
    }

    [Fact]
    public void an_at_least_piece_is_drawn_last_open_to_the_top_of_the_axis()
    {
        var plot = RoundPlot.Of(Totals(target: R(100, 100), agreed: R(40, null), rumoured: R(0, 10)));

        Assert.Equal(
            [("Agreed", false, 0m, 40m, false), ("Rumoured", true, 40m, 50m, false), ("Agreed", true, 50m, plot.Values.Top, true)],
            plot.Segments.Select(s => (s.Kind, s.Vague, s.From, s.To, s.OpenEnd)));
    }

    [Fact]
    public void an_unbounded_target_runs_to_the_top_of_the_axis_and_a_vague_one_spans_its_range()
    {
        var open = RoundPlot.Of(Totals(target: R(80, null), funded: R(10, 10)));
        var about = RoundPlot.Of(Totals(target: R(90, 110)));

        Assert.Equal((80m, open.Values.Top, true), (open.TargetFrom, open.TargetTo, open.TargetOpen));
        Assert.True(open.Values.Top > 80m);
        Assert.Equal((90m, 110m, false), (about.TargetFrom, about.TargetTo, about.TargetOpen));
        Assert.True(about.Values.Top >= 110m);
    }

    [Fact]
    public void a_round_with_no_target_and_no_pieces_has_no_segments_and_a_unit_axis()
    {
        var plot = RoundPlot.Of(Totals());

        Assert.Empty(plot.Segments);
        Assert.Null(plot.Target);
        Assert.Equal(1m, plot.Values.Top);
    }

    [Fact]
    public void ranges_read_as_words()
    {
        var plot = RoundPlot.Of(Totals());

        Assert.Equal(["$10B", "$9B–$11B", "at least $10B", "none"],
            new[] { R(10e9m, 10e9m), R(9e9m, 11e9m), R(10e9m, null), Zero }.Select(plot.Range));
    }
}
