using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.TamperEvidence;

/// <summary>
/// A write links to the chain head this process committed without reading it back; the insert checks it against the
/// stored one in the same statement, so a head changed underneath refuses the write instead of being linked to.
/// </summary>
public class RememberedHeadApiTests(ApiFixture fixture) : ChainTest(fixture)
{
    [Fact]
    public async Task writes_linked_to_remembered_heads_keep_the_chain_intact()
    {
        var id = (await Host.ReportNewDeal()).Id;
        for (var billions = 1; billions <= 4; billions++)
        {
            await Host.ProposeTerms(id, new { amount = Usd(billions * 1_000_000_000m, "UpTo"), source = Source() });
        }

        Assert.Equal("""{"intact":true,"events":5}""", (await Host.GetJson($"/api/deals/{id}/verify")).GetRawText());
    }

    [Fact]
    public async Task a_head_changed_underneath_refuses_the_write_and_records_nothing_and_the_retry_reads_the_stored_head()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ProposeTerms(deal.Id, new { amount = Usd(1_000_000m), source = Source() });
        await Sql($"update negotiations.event_chain set hash = '{new string('0', 64)}' where stream_id = @id and version = 2", deal.Id);

        var refused = await Host.Scenario(s =>
        {
            s.Post.Json(new { amount = Usd(2_000_000m), source = Source() }).ToUrl($"/api/deals/{deal.Id}/terms");
            s.StatusCodeShouldBe(503);
        });

        var problem = await refused.ShouldBeProblem(503);
        Assert.Equal("The deal changed while this write was made.", problem.Title);
        Assert.Equal("1", refused.Context.Response.Headers.RetryAfter.ToString());
        Assert.Equal(2, (await Host.GetHistory(deal.Id)).Events.Count);

        await Host.ProposeTerms(deal.Id, new { amount = Usd(2_000_000m), source = Source() });
        Assert.Equal(3, (await Host.GetHistory(deal.Id)).Events.Count);
    }
}
