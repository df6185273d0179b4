using Negotiations.Deals;
using Negotiations.Deals.ListingDeals;
using Negotiations.Infrastructure;
using Negotiations.Tests.Deals;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;

namespace Negotiations.Tests.Infrastructure;

public class HostingTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task the_service_serves_every_route_in_the_production_environment()
    {
        await using var production = await ApiFixture.StartHostAsync(Fixture.ConnectionString, "Production", ApiKeys.Settings);
        production.BeforeEach(context => context.Request.Headers[ApiKeys.Header] = ApiKeys.Admin);

        var deal = await production.ReportNewDeal();
        await production.ReportTalks(deal.Id, new { source = Source() });
        await production.ProposeTerms(deal.Id, new { amount = Usd(50_000_000_000m, "UpTo"), source = Source() });
        await production.ReviseStake(deal.Id, new { amount = Usd(50_000_000_000m), reason = "Announced", source = Source() });
        await production.Close(deal.Id, new { source = Source() });
        var other = await production.ReportNewDeal(NewDeal("SoftBank–OpenAI", "SoftBank"));
        await production.Abandon(other.Id, new { reason = "Collapsed", source = Source() });

        AssertSame(Expected.NewDeal(deal.Id) with
        {
            Status = DealStatus.Closed,
            Amount = Expected.Usd(50_000_000_000m),
            LastActivityOn = Expected.Day("2026-01-29"),
            ClosedOn = Expected.Day("2026-01-29"),
            LastSource = Expected.Source(),
            Version = 5,
            LastMoveOn = Expected.Day("2026-01-29"),
            Sources = new ValueSources(Amount: Expected.Source()),
        }, await production.GetDeal(deal.Id));
        Assert.Equal(
            ["talks_reported", "talks_reported", "terms_proposed", "stake_revised", "deal_closed"],
            (await production.GetHistory(deal.Id)).Events.Select(e => e.Type));
        await Fixture.WaitForViewsAsync(); // the list is an async view
        var list = await production.GetAs<DealList>("/api/deals");
        Assert.Equal(2, list.Total);
        Assert.Equal(new[] { deal.Id, other.Id }.Order(), list.Items.Select(d => d.Id).Order());
        Assert.Equal(new Health("Healthy"), await production.GetAs<Health>("/health"));
    }

    [Fact]
    public async Task health_is_200_while_postgres_answers_and_503_once_it_does_not()
    {
        var root = TempFolder.Create("negotiations-health");
        var postgres = await LocalPostgres.StartAsync(root, durable: false, cancellationToken: TestContext.Current.CancellationToken);
        try
        {
            await using var host = await ApiFixture.StartHostAsync(postgres.ConnectionString, "Development");
            Assert.Equal(new Health("Healthy"), await host.GetAs<Health>("/health"));

            await postgres.StopAsync();

            var result = await host.Scenario(s =>
            {
                s.Get.Url("/health");
                s.StatusCodeShouldBe(503);
            });
            await result.ShouldBeProblem(503);
        }
        finally
        {
            await postgres.StopAsync();
            TempFolder.Delete(root);
        }
    }
}
