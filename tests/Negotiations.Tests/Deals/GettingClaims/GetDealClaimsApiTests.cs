using System.Text.Json;
using Negotiations.Deals.GettingClaims;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Deals.GettingClaims;

public class GetDealClaimsApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] Fields = ["amount", "valuation", "stakePercent", "status"];

    /// <summary>The Amazon–OpenAI story: The Information, then the WSJ, then OpenAI's announcement and the close.</summary>
    private async Task<Guid> AmazonOpenAi(object? announcementSource = null)
    {
        var deal = await Host.ReportNewDeal(NewDeal(source: Source("The Information", "2025-12-16"), amount: Usd(10_000_000_000m, "AtLeast")));
        await Host.ProposeTerms(deal.Id, new
        {
            amount = Usd(50_000_000_000m, "UpTo"),
            valuation = new { value = 830_000_000_000m, currency = "USD", qualifier = "About" },
            stakePercent = 5m,
            summary = "Largest contributor to a round of up to $100B; Amazon declined to comment",
            source = Source("Wall Street Journal", "2026-01-29"),
        });
        var announced = announcementSource ?? Source("OpenAI press release", "2026-02-27", "CompanyStatement", "https://openai.com/");
        await Host.ReviseStake(deal.Id, new { amount = Usd(50_000_000_000m), reason = "Announced: $15B up front, $35B on conditions", source = announced });
        await Host.Close(deal.Id, new { finalAmount = Usd(50_000_000_000m), summary = "Part of a $110B round", source = announced });
        return deal.Id;
    }

    [Fact]
    public async Task every_value_each_source_gave_is_listed_per_field_with_a_one_line_summary()
    {
        var id = await AmazonOpenAi();

        var claims = await Host.GetJson($"/api/deals/{id}/claims");

        Assert.Equal(id, claims.GetProperty("id").GetGuid());
        var fields = claims.GetProperty("fields");
        Assert.Equal(Fields, fields.EnumerateObject().Select(f => f.Name));
        Assert.Equal(
            "The Information ≥ $10B (2025-12-16) · Wall Street Journal up to $50B (2026-01-29) · "
            + "OpenAI press release $50B (2026-02-27) · OpenAI press release $50B (2026-02-27)",
            fields.GetProperty("amount").GetProperty("summary").GetString());
        Assert.Equal("Wall Street Journal about $830B (2026-01-29)", fields.GetProperty("valuation").GetProperty("summary").GetString());
        Assert.Equal("Wall Street Journal 5% (2026-01-29)", fields.GetProperty("stakePercent").GetProperty("summary").GetString());
        Assert.Equal(
            ["InTalks", "TermsProposed", "TermsProposed", "Closed"],
            fields.GetProperty("status").GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("value").GetString()));

        var announced = fields.GetProperty("amount").GetProperty("claims")[2];
        var recordedAt = announced.GetProperty("recordedAt").GetString();
        var expected = $$"""
            {"version":3,"occurredOn":"2026-02-27","recordedAt":"{{recordedAt}}",
             "value":{"value":50000000000,"currency":"USD","qualifier":"Exact","high":null},
             "source":"OpenAI press release","attribution":"CompanyStatement","publishedOn":"2026-02-27","url":"https://openai.com/",
             "corrected":false,"correctedBy":[],"original":null,"retracted":false,"retractedBy":null}
            """;
        Assert.Equal(Normalize(expected), Normalize(announced.GetRawText()));
    }

    [Fact]
    public async Task a_corrected_claim_says_so_shows_the_corrected_value_and_keeps_the_original()
    {
        var id = await AmazonOpenAi();
        var correction = await Host.Correct(id, new { correctsVersion = 2, amount = Usd(40_000_000_000m, "UpTo"), reason = "The WSJ said $40B" });

        var amount = (await Host.GetJson($"/api/deals/{id}/claims")).GetProperty("fields").GetProperty("amount");

        var corrected = amount.GetProperty("claims")[1];
        Assert.Equal(2, corrected.GetProperty("version").GetInt64());
        Assert.Equal(40_000_000_000m, corrected.GetProperty("value").GetProperty("value").GetDecimal());
        Assert.True(corrected.GetProperty("corrected").GetBoolean());
        Assert.Equal([correction], corrected.GetProperty("correctedBy").EnumerateArray().Select(v => v.GetInt64()));
        Assert.Equal(50_000_000_000m, corrected.GetProperty("original").GetProperty("value").GetDecimal());
        Assert.False(corrected.GetProperty("retracted").GetBoolean());
        Assert.Contains("Wall Street Journal up to $40B (2026-01-29, corrected)", amount.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_retracted_claim_stays_listed_and_marked_with_the_retraction()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ProposeTerms(deal.Id, new { amount = Usd(50_000_000_000m, "UpTo"), source = Source() });
        var retraction = await Host.Retract(deal.Id, new
        {
            retractsVersion = 2, reason = "Amazon denied it", source = Source("Amazon", "2026-02-01", "CompanyStatement"),
        });

        var fields = (await Host.GetJson($"/api/deals/{deal.Id}/claims")).GetProperty("fields");

        var retracted = fields.GetProperty("amount").GetProperty("claims")[1];
        Assert.True(retracted.GetProperty("retracted").GetBoolean());
        Assert.Equal(retraction, retracted.GetProperty("retractedBy").GetInt64());
        Assert.False(retracted.GetProperty("corrected").GetBoolean());
        Assert.Equal(
            "The Information ≥ $10B (2025-12-16) · Wall Street Journal up to $50B (2026-01-29, retracted)",
            fields.GetProperty("amount").GetProperty("summary").GetString());
        Assert.Equal(2, fields.GetProperty("status").GetProperty("claims").GetArrayLength());
    }

    [Theory]
    [InlineData("?format=csv", null)]
    [InlineData("", "text/csv")]
    public async Task the_csv_reads_back_cell_for_cell_as_the_json_says_it(string query, string? accept)
    {
        var id = await AmazonOpenAi(Source("OpenAI, \"press\"\nrelease", "2026-02-27", "CompanyStatement"));
        await Host.Correct(id, new { correctsVersion = 1, amount = Usd(12_000_000_000m, "AtLeast"), reason = "typo, \"12\" not \"10\"" });
        var json = (await Host.GetJson($"/api/deals/{id}/claims")).GetProperty("fields");

        var (result, rows) = await Host.GetCsv($"/api/deals/{id}/claims{query}", accept);

        Assert.Equal(["field", .. GetDealClaimsEndpoint.ClaimColumns], rows[0]);
        var expected = Fields.SelectMany(field => json.GetProperty(field).GetProperty("claims").EnumerateArray()
            .Select(claim => (string[])[field, .. GetDealClaimsEndpoint.ClaimColumns.Select(column => CsvCell(claim.GetProperty(column)))]));
        Assert.Equal(expected, rows.Skip(1));
        Assert.Equal(11, rows.Count);
        Assert.Contains(rows, row => row.Contains("OpenAI, \"press\"\nrelease"));
        Assert.Equal("Accept", result.Context.Response.Headers.Vary.ToString());
    }

    [Fact]
    public async Task format_json_wins_over_an_accept_asking_for_csv()
    {
        var deal = await Host.ReportNewDeal();

        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{deal.Id}/claims?format=json");
            s.WithRequestHeader("Accept", "text/csv");
            s.StatusCodeShouldBe(200);
        });

        Assert.Equal(JsonValueKind.Object, (await result.Json()).GetProperty("fields").ValueKind);
    }

    [Fact]
    public async Task the_claims_of_an_unknown_deal_are_a_404_problem()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{UnknownDealId}/claims");
            s.StatusCodeShouldBe(404);
        });

        await result.ShouldBeProblem(404);
    }

    [Theory]
    [InlineData("format=xml", "format")]
    [InlineData("format=", "format")]
    [InlineData("field=amount", "field")]
    public async Task a_bad_or_unknown_parameter_is_a_400_naming_it(string query, string field)
    {
        var deal = await Host.ReportNewDeal();

        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{deal.Id}/claims?{query}");
            s.StatusCodeShouldBe(400);
        });

        await result.ShouldBeProblem(400, field);
    }

    private static string Normalize(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement);
}
