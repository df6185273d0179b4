using System.Net;
using System.Net.Http.Json;
using Negotiations.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;

namespace Negotiations.Tests.Deals;

public class RacingWritersApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private const int Writers = 50;

    private async Task<List<HttpResponseMessage>> RaceAsync(Guid id, long? expectedVersion)
    {
        using var client = Host.Server.CreateClient();
        var requests = Enumerable.Range(1, Writers).Select(i => client.PostAsJsonAsync($"/api/deals/{id}/terms", new
        {
            amount = Usd(i * 1_000_000_000m, "UpTo"),
            source = Source(),
            expectedVersion,
        }, TestContext.Current.CancellationToken));
        return [.. await Task.WhenAll(requests)];
    }

    [Fact]
    public async Task fifty_writers_with_the_same_expected_version_one_wins_and_the_others_get_409_with_the_current_version()
    {
        var deal = await Host.ReportNewDeal();

        var responses = await RaceAsync(deal.Id, expectedVersion: 1);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var conflicts = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(Writers - 1, conflicts.Count);
        foreach (var conflict in conflicts)
        {
            AssertSame(Problem.StaleVersion(deal.Id, currentVersion: 2, expectedVersion: 1), await Problem.ReadAsync(conflict));
        }

        Assert.Equal(2, (await Host.GetHistory(deal.Id)).Events.Count);
    }

    [Fact]
    public async Task fifty_writers_without_an_expected_version_all_succeed_each_on_its_own_version()
    {
        var deal = await Host.ReportNewDeal();

        var responses = await RaceAsync(deal.Id, expectedVersion: null);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var written = new List<DealWritten>();
        foreach (var response in responses)
        {
            written.Add(TestJson.Read<DealWritten>(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
        }

        Assert.Equal(Enumerable.Range(2, Writers).Select(v => new DealWritten(deal.Id, v)), written.OrderBy(w => w.Version));
        Assert.Equal(Enumerable.Range(1, Writers + 1).Select(v => (long)v), (await Host.GetHistory(deal.Id)).Events.Select(e => e.Version));
        Assert.Equal(Writers + 1, (await Host.GetDeal(deal.Id)).Version);
    }
}
