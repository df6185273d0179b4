using System.Text;
using Negotiations.Deals;
using Negotiations.Deals.GettingClaims;
using Negotiations.TamperEvidence;
using Negotiations.Tests.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Deals.Lifecycle;

/// <summary>
/// A stream stored by the first release (its events' JSON exactly as v1 wrote them, without any v2 member) still reads,
/// folds and verifies as it did: <c>deal_closed</c> means Closed, final.
/// </summary>
public class VocabularyV1ApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const string Opened = """
        {"title":"Amazon invests in OpenAI","kind":"Investment","parties":[{"name":"Amazon","role":"Investor"},{"name":"OpenAI","role":"Target"}],
         "summary":null,"amount":{"value":10000000000,"currency":"USD","qualifier":"AtLeast","high":null},"valuation":null,
         "occurredOn":"2025-12-16","source":{"publication":"The Information","publishedOn":"2025-12-16","attribution":"AnonymousSource","url":null}}
        """;

    private const string Proposed = """
        {"amount":{"value":50000000000,"currency":"USD","qualifier":"UpTo","high":null},"valuation":null,"stakePercent":null,"instrument":null,
         "governance":null,"commitments":null,"summary":null,"occurredOn":"2026-01-29",
         "source":{"publication":"Wall Street Journal","publishedOn":"2026-01-29","attribution":"AnonymousSource","url":null}}
        """;

    private const string Closed = """
        {"finalAmount":{"value":50000000000,"currency":"USD","qualifier":"Exact","high":null},"closedOn":"2026-02-27","summary":null,
         "occurredOn":"2026-02-27","source":{"publication":"OpenAI","publishedOn":"2026-02-27","attribution":"CompanyStatement","url":null}}
        """;

    [Fact]
    public async Task a_stream_written_with_the_v1_events_reads_folds_and_verifies_as_before()
    {
        var id = Guid.CreateVersion7();
        await using (var session = Fixture.Store.LightweightSession())
        {
            session.Events.StartStream<Deal>(id, Read<TalksReported>(Opened), Read<TermsProposed>(Proposed), Read<DealClosed>(Closed));
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var deal = await Host.GetDeal(id);
        Assert.Equal(
            (DealStatus.Closed, Expected.Usd(50_000_000_000m), (DateOnly?)Expected.Day("2026-02-27"), 3L),
            (deal.Status, deal.Amount!, deal.ClosedOn, deal.Version));
        Assert.True(deal.IsFinal);
        Assert.True((await Host.GetAs<ChainVerdict>($"/api/deals/{id}/verify")).Intact);
        Assert.Equal(
            "The Information ≥ $10B (2025-12-16) · Wall Street Journal up to $50B (2026-01-29) · OpenAI $50B (2026-02-27)",
            (await Host.GetAs<DealClaims>($"/api/deals/{id}/claims")).Fields.Amount.Summary);

        // As before, the closed deal refuses what happened after its close; v2 accepts what happened before it.
        await Host.Post($"/api/deals/{id}/terms", new { amount = DealScenarios.Usd(1m), source = DealScenarios.Source("Reuters", "2026-03-01") }, 409);
        await Host.Post($"/api/deals/{id}/talks", new { source = DealScenarios.Source("Reuters", "2026-01-10") }, 200);
        Assert.Equal(DealStatus.Closed, (await Host.GetDeal(id)).Status);
    }

    private T Read<T>(string json) => Fixture.Store.Options.Serializer().FromJson<T>(new MemoryStream(Encoding.UTF8.GetBytes(json)));
}
