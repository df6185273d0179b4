using Negotiations.Rounds;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Rounds.RoundScenarios;

namespace Negotiations.Tests.Rounds;

/// <summary>
/// A round takes reports in any order of their dates: a report recorded late (dated before the round's last activity)
/// sorts into its place, and every later write still succeeds. The view after catch-up equals the fold of the stream.
/// </summary>
public class LateReportsApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task thirty_revisions_with_dates_in_mixed_order_are_all_accepted_and_the_view_equals_the_full_fold()
    {
        var round = (await Host.ReportRound(NewRound(source: Source(publishedOn: "2026-01-01")))).Id;
        var random = new Random(20);
        for (var i = 0; i < 30; i++)
        {
            var day = new DateOnly(2026, 1, 2).AddDays(random.Next(0, 60)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await Host.Post($"/api/rounds/{round}/revisions", new
            {
                target = Usd((100 + i) * 1_000_000_000m, "UpTo"),
                source = Source(publishedOn: day),
            }, 200);
        }

        await WaitForViewsAsync();
        await using var session = Fixture.Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync(round, token: TestContext.Current.CancellationToken);
        var folded = RoundTimeline.Fold(round, stream)!;
        var view = await session.LoadAsync<Round>(round, TestContext.Current.CancellationToken);

        Assert.Equal(31, stream.Count);
        Assert.Equal(TestJson.Serialize(folded), TestJson.Serialize(view!));
        Assert.Equal(31, (await Host.GetRoundBook(round)).Round.Version);
    }

    [Fact]
    public async Task a_round_whose_opening_is_recorded_after_later_reports_is_folded_in_order_by_every_writer()
    {
        var round = (await Host.ReportRound(NewRound(source: Source(publishedOn: "2026-02-20")))).Id;
        var dates = new[] { "2026-01-05", "2026-03-01", "2026-01-10", "2026-02-25", "2026-01-02" };
        var writes = dates.Select((day, i) => Host.Post($"/api/rounds/{round}/revisions", new
        {
            target = Usd((10 + i) * 1_000_000_000m, "About"),
            source = Source(publishedOn: day),
        }, 200));
        await Task.WhenAll(writes);

        await Host.Post($"/api/rounds/{round}/closings", new { amount = Usd(5_000_000_000m), source = Source(publishedOn: "2026-03-02") }, 200);
        await WaitForViewsAsync();
        var book = await Host.GetRoundBook(round);

        Assert.Equal(7, book.Round.Version);
        Assert.Equal(RoundStatus.PartlyClosed, book.Round.Status);
        Assert.Equal(11_000_000_000m, book.Round.Target!.Value);
    }
}
