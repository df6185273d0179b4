using Negotiations.Deals;
using Negotiations.Deals.ListingDeals;
using Negotiations.Operations;
using Negotiations.Sources;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Deals.ListingDeals;

/// <summary>
/// The search and sources views kept through the cache of deal events (<see cref="DealEventCache"/>) hold exactly the
/// documents computed from the events as read from the database: after corrections and retractions written in small
/// steps (so later batches are answered from the cache), and after one view is rebuilt online while the other is ahead.
/// </summary>
public class DealEventCacheApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task views_kept_through_the_cache_equal_their_documents_computed_from_the_database()
    {
        var cache = DealEventCache.Of(Fixture.Store);
        var before = cache.Answers;
        var deals = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            deals.Add((await Host.ReportNewDeal(NewDeal($"Investor {i} invests in OpenAI", investor: $"Investor {i}"))).Id);
        }

        await WaitForViewsAsync();
        foreach (var id in deals)
        {
            await Host.ProposeTerms(id, new { amount = Usd(50_000_000_000m, "UpTo"), summary = "Terms", source = Source("Wall Street Journal", "2026-01-29") });
        }

        await WaitForViewsAsync();
        foreach (var id in deals)
        {
            await Host.Correct(id, new { correctsVersion = 2, reason = "It was $40B", amount = Usd(40_000_000_000m, "UpTo") });
            var stake = await Host.ReviseStake(id, new { stakePercent = 10m, reason = "A tenth", source = Source("wall street journal", "2026-02-01") });
            await WaitForViewsAsync();
            await Host.Retract(id, new { retractsVersion = stake, reason = "Withdrawn", source = Source("Wall Street Journal", "2026-02-02") });
        }

        await WaitForViewsAsync();
        // A report recorded late, then a correction of the opening report: both change what came before.
        await Host.ReportTalks(deals[0], new { summary = "Early talks", source = Source("The Information", "2026-01-10"), occurredOn = "2026-01-10" });
        await Host.Correct(deals[0], new { correctsVersion = 1, reason = "Smaller", amount = Usd(2_000_000_000m) });
        await WaitForViewsAsync();

        var after = cache.Answers;
        Assert.True(after.Hits - before.Hits >= 12, $"The cache answered {after.Hits - before.Hits} batches (missed {after.Misses - before.Misses}).");
        Assert.All(deals, id => Assert.True(cache.Held(id) >= 5));
        await AssertEqualToDatabaseAsync(deals);

        // The search view rebuilt from event 1 while the sources view is ahead; then more writes.
        var rebuild = await Host.Scenario(s =>
        {
            s.Post.Url($"/api/views/{DealSearchProjection.Name}:All/rebuild");
            s.StatusCodeShouldBe(202);
        });
        var location = rebuild.Context.Response.Headers.Location.ToString();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Host.GetAs<ViewRebuild>(location)).FinishedAt is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The rebuild did not finish within 30 s.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        await Host.Close(deals[1], new { finalAmount = Usd(40_000_000_000m), source = Source("Reuters", "2026-03-01") });
        await WaitForViewsAsync();
        await AssertEqualToDatabaseAsync(deals);
    }

    /// <summary>Each deal's search entry and source claims as stored equal those computed from its events read now.</summary>
    private async Task AssertEqualToDatabaseAsync(IReadOnlyList<Guid> deals)
    {
        await using var session = Fixture.Store.QuerySession();
        var serializer = Fixture.Store.Options.Serializer();
        foreach (var id in deals)
        {
            var events = await session.Events.FetchStreamAsync(id, token: TestContext.Current.CancellationToken);
            Assert.Equal(
                serializer.ToJson(DealSearchEntry.From(id, events)),
                serializer.ToJson(await session.LoadAsync<DealSearchEntry>(id, TestContext.Current.CancellationToken)));
            Assert.Equal(
                serializer.ToJson(SourceClaimsProjection.Document(id, events)),
                serializer.ToJson(await session.LoadAsync<DealSourceClaims>(id, TestContext.Current.CancellationToken)));
        }
    }
}
