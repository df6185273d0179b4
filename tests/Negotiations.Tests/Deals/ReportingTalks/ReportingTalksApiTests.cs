using System.Text.Json;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Deals.ReportingTalks;

public class ReportingTalksApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task reporting_talks_on_a_new_deal_answers_201_with_its_location_id_and_version_1()
    {
        var result = await Host.Post("/api/deals", NewDeal(), 201);

        var body = await result.Json();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal(1, body.GetProperty("version").GetInt64());
        Assert.Equal($"/api/deals/{id}", result.Context.Response.Headers.Location.ToString());
        var deal = await Host.GetJson($"/api/deals/{id}");
        Assert.Equal("InTalks", deal.GetProperty("status").GetString());
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
        var status = await Host.GetJson($"/api/deals/{deal.Id}");
        Assert.Equal(["Amazon", "OpenAI", "Nvidia"], status.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(50_000_000_000m, status.GetProperty("amount").GetProperty("value").GetDecimal());
        Assert.Equal("UpTo", status.GetProperty("amount").GetProperty("qualifier").GetString());
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
        var list = await Host.GetJson("/api/deals");
        Assert.Equal(0, list.GetProperty("total").GetInt64());
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
        Assert.Equal("Abandoned", (await Host.GetJson($"/api/deals/{deal.Id}")).GetProperty("status").GetString());

        var version = await Host.ReportTalks(deal.Id, new { source = Source("Bloomberg", "2026-02-20"), summary = "Talks back on" });

        Assert.Equal(3, version);
        var status = await Host.GetJson($"/api/deals/{deal.Id}");
        Assert.Equal("InTalks", status.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("abandonedReason").ValueKind);
    }
}
