using Negotiations.Deals;
using Xunit;

namespace Negotiations.Tests.Deals;

public class AmountRangeTests
{
    [Theory]
    [InlineData(AmountQualifier.Exact, 50, null, 50, 50)]
    [InlineData(AmountQualifier.UpTo, 50, null, 0, 50)]
    [InlineData(AmountQualifier.AtLeast, 10, null, 10, null)]
    [InlineData(AmountQualifier.Between, 10, 20, 10, 20)]
    [InlineData(AmountQualifier.About, 100, null, 90, 110)]
    public void each_qualifier_allows_its_interval(AmountQualifier qualifier, int value, int? high, int low, int? top)
    {
        var range = AmountRange.Of(new ReportedAmount(value, "USD", qualifier, high));

        Assert.Equal(new AmountRange(low, top), range);
    }

    [Theory]
    [InlineData(0, 50, 50, 60, true)]     // touching bounds overlap
    [InlineData(0, 50, 51, 60, false)]
    [InlineData(10, null, 0, 9, false)]   // at least 10 vs up to 9
    [InlineData(10, null, 1000, 2000, true)]
    [InlineData(20, 30, 10, 40, true)]    // one inside the other
    public void ranges_overlap_when_they_share_a_value(int low, int? high, int otherLow, int? otherHigh, bool overlaps)
    {
        Assert.Equal(overlaps, new AmountRange(low, high).Overlaps(new AmountRange(otherLow, otherHigh)));
        Assert.Equal(overlaps, new AmountRange(otherLow, otherHigh).Overlaps(new AmountRange(low, high)));
    }

    [Theory]
    [InlineData(0, 50, 40, 40, true)]
    [InlineData(0, 50, 50, 50, true)]
    [InlineData(0, 50, 45, 55, false)]
    [InlineData(10, null, 50, null, true)]
    [InlineData(0, 50, 10, null, false)]  // an unbounded range is never inside a bounded one
    [InlineData(50, 50, 0, 50, false)]
    public void a_range_contains_another_when_every_value_of_it_is_inside(int low, int? high, int innerLow, int? innerHigh, bool contains) =>
        Assert.Equal(contains, new AmountRange(low, high).Contains(new AmountRange(innerLow, innerHigh)));
}
