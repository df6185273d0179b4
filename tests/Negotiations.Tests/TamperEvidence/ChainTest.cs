using Negotiations.TamperEvidence;
using Negotiations.Tests.Infrastructure;
using Npgsql;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.TamperEvidence;

/// <summary>
/// Base of the chain's integration tests: the shared host on reset data, with the chain table emptied as well (Marten's
/// reset leaves a table of our own alone), and plain SQL to tamper with what is stored, as someone with database
/// access would.
/// </summary>
public abstract class ChainTest(ApiFixture fixture) : ApiTest(fixture)
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await EventChainStore.EnsureTablesAsync(Fixture.Store.Storage.Database, CancellationToken.None);
        await Sql("truncate negotiations.event_chain");
    }

    /// <summary>Runs SQL against the test database, with the deal id as <c>@id</c>; returns the rows affected.</summary>
    protected async Task<int> Sql(string sql, Guid? id = null)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is not null)
        {
            command.Parameters.AddWithValue("id", id.Value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Opened, terms proposed twice (version 3 proposes $50B), stake revised, closed: five events.</summary>
    protected async Task<Guid> DealOfFiveEvents()
    {
        var deal = await Host.ReportNewDeal(recordedBy: "alice");
        await Host.ProposeTerms(deal.Id, new { amount = Usd(30_000_000_000m, "UpTo"), source = Source() });
        await Host.ProposeTerms(deal.Id, new { amount = Usd(50_000_000_000m, "UpTo"), source = Source("Bloomberg", "2026-02-01") });
        await Host.ReviseStake(deal.Id, new { amount = Usd(50_000_000_000m), reason = "Announced", source = Source("Amazon press release", "2026-02-27", "CompanyStatement") });
        await Host.Close(deal.Id, new { source = Source("Amazon press release", "2026-02-27", "CompanyStatement") });
        return deal.Id;
    }

    /// <summary>What a restart of the service does to the chain heads it remembers (<see cref="CommittedChainHeads"/>).</summary>
    protected void ForgetRememberedHeads() => EventChainListener.HeadsOf(Fixture.Store).Clear();

    protected Task<ChainVerdict> Verify(Guid id) => Host.GetAs<ChainVerdict>($"/api/deals/{id}/verify");
}
