using Negotiations.Deals;
using Negotiations.Deals.ListingDeals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;
using static Negotiations.Tests.Deals.ListingDeals.DealListing;

namespace Negotiations.Tests.Deals.ReportingTalks;

public class ReportingTalksApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task reporting_talks_on_a_new_deal_answers_201_with_its_location_id_and_version_1()
    {
        var result = await Host.Post("/api/deals", NewDeal(), 201);

        var opened = await result.ReadAs<DealOpened>();
        Assert.Equal(1, opened.Version);
        Assert.Equal($"/api/deals/{opened.Id}", result.Context.Response.Headers.Location.ToString());
        AssertSame(Expected.NewDeal(opened.Id), await Host.GetDeal(opened.Id));
    }

    [Fact]
    public async Task reporting_talks_again_adds_newly_named_parties_and_keeps_the_deal_in_talks()
    {
        var deal = await Host.ReportNewDeal();

        var version = await Host.ReportTalks(deal.Id, new
        {
            parties = new[] { new { name = "Nvidia", role = "CoInvestor" } },
            amount = Usd(50_000_000_000m, "UpTo"),
            source = Source("Wall Street Journal", "2026-01-29"),
            expectedVersion = 1,
        });

        Assert.Equal(2, version);
        AssertSame(Expected.NewDeal(deal.Id) with
        {
            Parties = [new Party("Amazon", PartyRole.Investor), new Party("OpenAI", PartyRole.Target), new Party("Nvidia", PartyRole.CoInvestor)],
            Amount = Expected.Usd(50_000_000_000m, AmountQualifier.UpTo),
            LastActivityOn = Expected.Day("2026-01-29"),
            LastSource = Expected.Source(),
            Version = 2,
            LastMoveOn = Expected.Day("2026-01-29"),
            Sources = new ValueSources(Amount: Expected.Source()),
        }, await Host.GetDeal(deal.Id));
    }

    [Theory]
    [InlineData("""{"kind":"Investment","parties":[{"name":"A","role":"Investor"},{"name":"B","role":"Target"}],"source":{"publication":"WSJ","publishedOn":"2026-01-29"}}""", "title")]
    [InlineData("""{"title":"T","kind":"Investment","parties":[{"name":"A","role":"Investor"},{"name":"B","role":"Target"}]}""", "source")]
    [InlineData("""{"title":"T","kind":"Bribe","parties":[{"name":"A","role":"Investor"},{"name":"B","role":"Target"}],"source":{"publication":"WSJ","publishedOn":"2026-01-29"}}""", "kind")]
    [InlineData("""{"title":"T","kind":"Investment","parties":[{"name":"A","role":"Investor"},{"name":"B","role":"Boss"}],"source":{"publication":"WSJ","publishedOn":"2026-01-29"}}""", "parties[1].role")]
    [InlineData("""{"title":"T","kind":"Investment","parties":[{"name":"A","role":"Investor"},{"name":"B"}],"source":{"publication":"WSJ","publishedOn":"2026-01-29"}}""", "parties[1].role")]
    [InlineData("""{"title":"T","kind":"Investment","parties":[{"name":"A","role":"Investor"},{"name":"B","role":"Target"}],"source":{"publication":"WSJ","publishedOn":"29/01/2026"}}""", "source.publishedOn")]
    [InlineData("""{"title":"T","kind":"Investment","parties":[{"name":"A","role":"Investor"},{"name":"B","role":"Target"}],"source":{"publication":null,"publishedOn":"2026-01-29"}}""", "source.publication")]
    [InlineData("""{"title":"T","kind":"Investment","parties":[{"name":"A","role":"Investor"},{"name":"B","role":"Target"}],"source":{"publication":"WSJ","publishedOn":"2026-01-29"},"titel":"typo"}""", "titel")]
    [InlineData("""{"title":"T","kind":"Investment","parties":[{"name":"A","role":"Investor"},{"name":"B","role":"Target"}],"amount":{"value":"lots","currency":"USD"},"source":{"publication":"WSJ","publishedOn":"2026-01-29"}}""", "amount.value")]
    [InlineData("""{"title":"T","kind":"Investment","parties":[{"name":"A","role":"Investor"},{"name":"B","role":"Target"}],"amount":{"value":1e400,"currency":"USD"},"source":{"publication":"WSJ","publishedOn":"2026-01-29"}}""", "amount.value")]
    [InlineData("""{"title":"T","kind":1,"parties":[{"name":"A","role":"Investor"},{"name":"B","role":"Target"}],"source":{"publication":"WSJ","publishedOn":"2026-01-29"}}""", "kind")]
    [InlineData("""{"title":"T","kind":"Investment","parties":[{"name":"A","role":"Investor"},{"name":"B","role":"Target"}],"source":{"publication":"WSJ","publishedOn":"2026-01-29"}""", "body")]
    [InlineData("""{"title":"T\u0000","kind":"Investment","parties":[{"name":"A","role":"Investor"},{"name":"B","role":"Target"}],"source":{"publication":"WSJ","publishedOn":"2026-01-29"}}""", "title")]
    [InlineData("""{"title":"T","title":"U","kind":"Investment","parties":[{"name":"A","role":"Investor"},{"name":"B","role":"Target"}],"source":{"publication":"WSJ","publishedOn":"2026-01-29"}}""", "title")]
    [InlineData("", "body")]
    [InlineData("null", "body")]
    [InlineData("[]", "body")]
    public async Task a_body_that_cannot_be_read_is_a_400_naming_the_member_and_records_nothing(string body, string field)
    {
        var result = await Host.PostRaw("/api/deals", body, 400);

        await result.ShouldBeProblem(400, field);
        AssertListed(new DealList([], 0, 1, 50, NoFreshness), await Fixture.ListDeals("/api/deals"));
    }

    [Fact]
    public async Task every_rule_broken_at_once_is_named_in_one_answer()
    {
        var result = await Host.Post("/api/deals", new
        {
            title = " ",
            kind = "Investment",
            parties = new[] { new { name = "Amazon", role = "Investor" }, new { name = "amazon", role = "Target" } },
            amount = new { value = -1m, currency = "usd", qualifier = "Between" },
            valuation = new { value = 830_000_000_000m, currency = "USD", qualifier = "About", high = 900_000_000_000m, basis = "PostMoney" },
            source = new { publication = "WSJ", publishedOn = "2026-01-29", url = "ftp://wsj.com/x" },
            occurredOn = "3026-01-01",
        }, 400);

        await result.ShouldBeProblem(400, "title", "parties", "amount.value", "amount.currency", "amount.high", "valuation.high",
            "source.url", "occurredOn");
    }

    [Fact]
    public async Task a_revived_deal_is_back_in_talks_after_being_abandoned()
    {
        var deal = await Host.ReportNewDeal(NewDeal("SoftBank adds up to $30B", "SoftBank", "OpenAI"));
        await Host.Abandon(deal.Id, new { reason = "Talks collapsed over valuation", source = Source("Reuters", "2026-02-01") });
        Assert.Equal(DealStatus.Abandoned, (await Host.GetDeal(deal.Id)).Status);

        var version = await Host.ReportTalks(deal.Id, new { source = Source("Bloomberg", "2026-02-20"), summary = "Talks back on" });

        Assert.Equal(3, version);
        AssertSame(Expected.NewDeal(deal.Id, "SoftBank adds up to $30B", "SoftBank", "OpenAI") with
        {
            Status = DealStatus.InTalks,
            AbandonedReason = null,
            LastActivityOn = Expected.Day("2026-02-20"),
            LastSource = Expected.Source("Bloomberg", "2026-02-20"),
            Version = 3,
            LastMoveOn = Expected.Day("2026-02-20"),
        }, await Host.GetDeal(deal.Id));
    }
}
