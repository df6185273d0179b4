using Negotiations.Deals;
using Negotiations.Deals.GettingTimeline;
using Xunit;

namespace Negotiations.Tests.Deals.GettingTimeline;

public class DealTimelineChartTests
{
    [Theory]
    [InlineData(AmountQualifier.Exact, 50, null, 50, 50)]
    [InlineData(AmountQualifier.About, 50, null, 50, 50)]
    [InlineData(AmountQualifier.UpTo, 50, null, null, 50)]
    [InlineData(AmountQualifier.AtLeast, 10, null, 10, null)]
    [InlineData(AmountQualifier.Between, 10, 20, 10, 20)]
    public void a_vague_number_is_drawn_as_the_range_its_qualifier_allows(AmountQualifier qualifier, int value, int? high, int? low, int? top)
    {
        Assert.Equal(((decimal?)low, (decimal?)top), GetDealTimelineEndpoint.Range(value, qualifier, high));
    }
}
