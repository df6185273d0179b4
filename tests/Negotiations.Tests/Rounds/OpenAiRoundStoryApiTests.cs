using Negotiations.Deals;
using Negotiations.Infrastructure;
using Negotiations.Rounds;
using Negotiations.Rounds.GettingRoundBook;
using Negotiations.Tests.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Rounds;

/// <summary>
/// The OpenAI round as the press reported it: what the book said as of 1 Feb 2026 (everything rumoured, Microsoft
/// still in talks) and after the 27 Feb announcement ($110B agreed, Amazon's $35B of it conditional, Microsoft gone).
/// </summary>
public class OpenAiRoundStoryApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const decimal B = 1_000_000_000m;
    private static readonly object Wsj = Source();
    private static readonly object Nyt = Source("New York Times", "2026-01-29");
    private static readonly object Release = Source("OpenAI press release", "2026-02-27", "CompanyStatement");

    private async Task<Guid> OpenIn(Guid round, string investor, object? amount, object source) =>
        (await (await Host.Post("/api/deals", new
        {
            title = $"{investor} invests in OpenAI", kind = "Investment", round, amount, source,
            parties = new[] { new { name = investor, role = "Investor" }, new { name = "OpenAI", role = "Target" } },
        }, 201)).ReadAs<DealOpened>()).Id;

    private Task<Alba.IScenarioResult> Agree(Guid deal, decimal amount, params object[] tranches) =>
        Host.Post($"/api/deals/{deal}/agreement", new { amount = DealScenarios.Usd(amount), tranches, source = Release }, 200);

    private static MoneyRange Usd(decimal low, decimal? high, bool exact) => new("USD", low, high, exact);

    [Fact]
    public async Task the_round_book_as_of_1_february_2026_and_after_the_27_february_announcement()
    {
        // 29 Jan 2026 — WSJ: OpenAI raising about $100B at about $830B post-money.
        var round = (await Host.ReportRound()).Id;

        // Amazon, in talks since 16 Dec ("$10B or more"); the WSJ on 29 Jan: up to $50B, the largest piece of the round.
        var amazon = (await Host.ReportNewDeal()).Id;
        await Host.ReportTalks(amazon, new { amount = DealScenarios.Usd(50 * B, "UpTo"), summary = "Largest contributor to the round", source = Wsj });
        await Host.JoinRound(amazon, round);
        // Parallel talks (NYT) with Nvidia and Microsoft, no amount said; SoftBank discussing up to $30B (WSJ).
        var nvidia = await OpenIn(round, "Nvidia", null, Nyt);
        var microsoft = await OpenIn(round, "Microsoft", null, Nyt);
        var softbank = await OpenIn(round, "SoftBank", DealScenarios.Usd(30 * B, "UpTo"), Wsj);
        var recordedBy1February = await Host.RecordedAt(softbank, 2);

        // 20 Feb — Microsoft is not in the round after all.
        await Host.Post($"/api/deals/{microsoft}/round/leave", new { reason = "Not among the announced investors", source = Source("Reuters", "2026-02-20") }, 200);
        // 27 Feb — announced: $110B at $730B pre-money; Amazon $50B = $15B up front + $35B on conditions; Nvidia and SoftBank $30B each.
        var revised = await Host.Post($"/api/rounds/{round}/revisions", new
        {
            target = DealScenarios.Usd(110 * B),
            valuation = new { value = 730 * B, currency = "USD", basis = "PreMoney" },
            source = Release,
        }, 200);
        await Agree(amazon, 50 * B, new { amount = DealScenarios.Usd(15 * B) }, new { amount = DealScenarios.Usd(35 * B), condition = "an IPO or an AGI milestone" });
        await Agree(nvidia, 30 * B);
        await Agree(softbank, 30 * B);

        // Read-your-writes: the revision's own sequence, waited for, shows in the book.
        var sequence = revised.Context.Response.Headers[AsyncViews.EventSequenceHeader].ToString();
        Assert.Equal(Expected.Usd(110 * B), (await Host.GetRoundBook(round, $"waitFor={sequence}")).Round.Target);
        await WaitForViewsAsync();

        // As of 1 Feb 2026: everything rumoured, Microsoft still in; the target about $100B.
        var february = await Host.GetRoundBook(round, "occurredBy=2026-02-01");
        Assert.Equal((Expected.Usd(100 * B, AmountQualifier.About), ValuationBasis.PostMoney), (february.Round.Target!, february.Round.Valuation!.Basis));
        var wsj = Expected.Source();
        var nyt = Expected.Source("New York Times");
        TestJson.AssertSame(new RoundParticipant[]
        {
            new(amazon, "Amazon invests in OpenAI", "Amazon", DealStatus.InTalks, Firmness.Rumoured, Expected.Usd(50 * B, AmountQualifier.UpTo), wsj, null, null, Expected.Day("2026-01-29"), wsj),
            new(microsoft, "Microsoft invests in OpenAI", "Microsoft", DealStatus.InTalks, Firmness.Rumoured, null, null, null, null, Expected.Day("2026-01-29"), nyt),
            new(nvidia, "Nvidia invests in OpenAI", "Nvidia", DealStatus.InTalks, Firmness.Rumoured, null, null, null, null, Expected.Day("2026-01-29"), nyt),
            new(softbank, "SoftBank invests in OpenAI", "SoftBank", DealStatus.InTalks, Firmness.Rumoured, Expected.Usd(30 * B, AmountQualifier.UpTo), wsj, null, null, Expected.Day("2026-01-29"), wsj),
        }, february.Participants);
        var zero = MoneyRange.Zero("USD");
        // Up to $50B + up to $30B is anything from nothing to $80B: a range, never "$80B".
        TestJson.AssertSame(new RoundTotals("USD", Usd(90 * B, 110 * B, false), Usd(0, 80 * B, false), zero, zero, zero, zero, zero, Usd(0, 80 * B, false), null),
            Assert.Single(february.Totals));

        // What the system showed on recording the last January report (the recorded-time axis) says the same.
        var asRecorded = await Host.GetRoundBook(round, $"asOf={Query(recordedBy1February)}");
        TestJson.AssertSame(february.Participants, asRecorded.Participants);
        TestJson.AssertSame(february.Totals, asRecorded.Totals);
        Assert.Equal(1, asRecorded.Round.Version);

        // After the announcement: $110B agreed, all of it committed, $35B of Amazon's conditional; Microsoft out of the round.
        var now = await Host.GetRoundBook(round);
        Assert.Equal((Expected.Usd(110 * B), ValuationBasis.PreMoney, 2L), (now.Round.Target!, now.Round.Valuation!.Basis, now.Round.Version));
        Assert.Equal([(amazon, Firmness.Agreed), (nvidia, Firmness.Agreed), (softbank, Firmness.Agreed)], now.Participants.Select(p => (p.DealId, p.Firmness)));
        var amazonPiece = now.Participants[0];
        Assert.Equal((Expected.Usd(50 * B), (ReportedAmount?)Expected.Usd(35 * B), (ReportedAmount?)null, Attribution.CompanyStatement),
            (amazonPiece.Amount!, amazonPiece.Conditional, amazonPiece.Funded, amazonPiece.AmountSource!.Attribution));
        TestJson.AssertSame(new RoundTotals("USD", Usd(110 * B, 110 * B, true), zero, zero, Usd(110 * B, 110 * B, true), zero,
            Usd(110 * B, 110 * B, true), Usd(35 * B, 35 * B, true), Usd(110 * B, 110 * B, true), null), Assert.Single(now.Totals));

        // Microsoft's history keeps that it was in the round.
        Assert.Equal(["talks_reported", "deal_joined_round", "deal_left_round"], (await Host.GetHistory(microsoft)).Events.Select(e => e.Type));
    }
}
