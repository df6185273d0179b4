using Negotiations.TamperEvidence;
using Negotiations.Tests.Infrastructure;
using Npgsql;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;

namespace Negotiations.Tests.TamperEvidence;

public class VerifyDealApiTests(ApiFixture fixture) : ChainTest(fixture)
{
    [Fact]
    public async Task an_untouched_chain_is_intact()
    {
        var id = await DealOfFiveEvents();

        var verdict = await Host.GetJson($"/api/deals/{id}/verify");

        Assert.Equal("""{"intact":true,"events":5}""", verdict.GetRawText());
    }

    [Fact]
    public async Task changing_an_amount_with_sql_breaks_the_chain_at_that_version()
    {
        var id = await DealOfFiveEvents();

        var changed = await Sql(
            "update negotiations.mt_events set data = jsonb_set(data, '{amount,value}', '1') where stream_id = @id and version = 3", id);

        Assert.Equal(1, changed);
        AssertSame(new ChainVerdict(false, 5, 3, "the stored event does not match its chain hash"), await Verify(id));
    }

    [Fact]
    public async Task changing_who_recorded_an_event_breaks_the_chain()
    {
        var id = await DealOfFiveEvents();

        await Sql("update negotiations.mt_events set user_name = 'mallory' where stream_id = @id and version = 1", id);

        AssertSame(new ChainVerdict(false, 5, 1, "the stored event does not match its chain hash"), await Verify(id));
    }

    [Fact]
    public async Task changing_when_an_event_was_recorded_breaks_the_chain()
    {
        var id = await DealOfFiveEvents();

        await Sql("update negotiations.mt_events set timestamp = timestamp - interval '1 microsecond' where stream_id = @id and version = 4", id);

        AssertSame(new ChainVerdict(false, 5, 4, "the stored event does not match its chain hash"), await Verify(id));
    }

    [Fact]
    public async Task deleting_an_event_is_detected()
    {
        var id = await DealOfFiveEvents();

        await Sql("delete from negotiations.mt_events where stream_id = @id and version = 2", id);

        AssertSame(new ChainVerdict(false, 4, 2, "the event is missing, but the chain recorded it"), await Verify(id));
    }

    [Fact]
    public async Task deleting_the_last_event_with_its_hash_is_detected_by_the_stream_version()
    {
        var id = await DealOfFiveEvents();

        await Sql("delete from negotiations.mt_events where stream_id = @id and version = 5", id);
        await Sql("delete from negotiations.event_chain where stream_id = @id and version = 5", id);

        AssertSame(new ChainVerdict(false, 4, 5, "the stream is at version 5, but its events end at 4"), await Verify(id));
    }

    [Fact]
    public async Task the_recorded_at_that_history_shows_is_the_one_stored_and_hashed()
    {
        var id = await DealOfFiveEvents();

        var shown = (await Host.GetHistory(id)).Events.Select(e => e.RecordedAt).ToList();
        var stored = await StoredTimestamps(id);

        Assert.Equal(stored, shown);
        Assert.All(shown, at => Assert.Equal(0, at.UtcTicks % 10));
        AssertSame(new ChainVerdict(true, 5), await Verify(id));
    }

    [Fact]
    public async Task a_deal_recorded_before_chaining_is_chained_at_its_next_write()
    {
        var deal = await Host.ReportNewDeal();
        await Sql("delete from negotiations.event_chain where stream_id = @id", deal.Id);
        ForgetRememberedHeads(); // as the upgraded service starts
        AssertSame(new ChainVerdict(false, 1, 1, "no chain hash is recorded for the event"), await Verify(deal.Id));

        await Host.ProposeTerms(deal.Id, new { amount = Usd(1_000_000m), source = Source() });

        Assert.Equal("""{"intact":true,"events":2}""", (await Host.GetJson($"/api/deals/{deal.Id}/verify")).GetRawText());
    }

    [Fact]
    public async Task a_write_to_a_deal_whose_chain_stops_short_is_refused_and_records_nothing()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ProposeTerms(deal.Id, new { amount = Usd(1_000_000m), source = Source() });
        await Sql("delete from negotiations.event_chain where stream_id = @id and version = 2", deal.Id);

        var refused = await Host.Post($"/api/deals/{deal.Id}/terms", new { amount = Usd(2_000_000m), source = Source() }, 503);

        await refused.ShouldBeProblem(503);
        Assert.Equal(2, (await Verify(deal.Id)).Events);
    }

    [Fact]
    public async Task verifying_an_unknown_deal_is_a_404_problem()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{UnknownDealId}/verify");
            s.StatusCodeShouldBe(404);
        });

        AssertSame(Problem.UnknownDeal(UnknownDealId), await result.ShouldBeProblem(404));
    }

    private async Task<List<DateTimeOffset>> StoredTimestamps(Guid id)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select timestamp from negotiations.mt_events where stream_id = @id order by version", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        var stored = new List<DateTimeOffset>();
        while (await reader.ReadAsync())
        {
            stored.Add(reader.GetFieldValue<DateTimeOffset>(0));
        }

        return stored;
    }
}
