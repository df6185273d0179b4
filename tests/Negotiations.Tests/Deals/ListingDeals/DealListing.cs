using Negotiations.Deals;
using Negotiations.Deals.ListingDeals;
using Negotiations.Infrastructure;
using Negotiations.Tests.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Deals.ListingDeals;

/// <summary>The deal list in tests: read once the search view has applied every write so far, compared whole.</summary>
public static class DealListing
{
    /// <summary>Stands for the freshness in an expected list: <see cref="AssertListed"/> checks it apart.</summary>
    public static readonly ViewFreshness NoFreshness = new(0, null);

    public static DealListItem Item(Deal deal, string? summaryLine) => new(deal, summaryLine);

    /// <summary>GET the list (200, read strictly as <see cref="DealList"/>) after the views caught up with every write.</summary>
    public static async Task<DealList> ListDeals(this ApiFixture fixture, string url)
    {
        await fixture.WaitForViewsAsync();
        return await fixture.Host.GetAs<DealList>(url);
    }

    /// <summary>The same list, item for item; its freshness reflects every event written (the views had caught up).</summary>
    public static void AssertListed(DealList expected, DealList actual)
    {
        TestJson.AssertSame(expected, actual with { Freshness = expected.Freshness });
        Assert.True(actual.Freshness.Sequence > 0 || actual.Total == 0, $"The list reflects event {actual.Freshness.Sequence}.");
    }
}
