using Negotiations.Deals;
using Negotiations.Deals.GettingClaims;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;

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

    private static readonly Source TheInformation = Expected.Source("The Information", "2025-12-16");
    private static readonly Source Wsj = Expected.Source();
    private static readonly Source Announced = Expected.Source("OpenAI press release", "2026-02-27", Attribution.CompanyStatement, "https://openai.com/");

    /// <summary>When each version was recorded, as the history says: the instant every claim of that version carries.</summary>
    private async Task<Func<long, DateTimeOffset>> RecordedAt(Guid id)
    {
        var recorded = (await Host.GetHistory(id)).Events.ToDictionary(e => e.Version, e => e.RecordedAt);
        return version => recorded[version];
    }

    /// <summary>The claim of event <paramref name="version"/>, which happened the day its source published it.</summary>
    private static Claim Said(
        Func<long, DateTimeOffset> recordedAt, long version, object value, Source source, long[]? correctedBy = null, object? original = null,
        long? retractedBy = null) => new(
        version, source.PublishedOn, recordedAt(version), value, source.Publication, source.Attribution, source.PublishedOn, source.Url,
        correctedBy is { Length: > 0 }, correctedBy ?? [], original, retractedBy is not null, retractedBy);

    private static readonly FieldClaims None = new("", []);

    [Fact]
    public async Task every_value_each_source_gave_is_listed_per_field_with_a_one_line_summary()
    {
        var id = await AmazonOpenAi();
        var at = await RecordedAt(id);

        var answer = await Host.GetJson($"/api/deals/{id}/claims");

        var expected = new DealClaims(id, new ClaimFields(
            new FieldClaims(
                "The Information ≥ $10B (2025-12-16) · Wall Street Journal up to $50B (2026-01-29) · "
                + "OpenAI press release $50B (2026-02-27) · OpenAI press release $50B (2026-02-27)",
                [
                    Said(at, 1, Expected.Usd(10_000_000_000m, AmountQualifier.AtLeast), TheInformation),
                    Said(at, 2, Expected.Usd(50_000_000_000m, AmountQualifier.UpTo), Wsj),
                    Said(at, 3, Expected.Usd(50_000_000_000m), Announced),
                    Said(at, 4, Expected.Usd(50_000_000_000m), Announced),
                ]),
            new FieldClaims("Wall Street Journal about $830B (2026-01-29)",
                [Said(at, 2, new Valuation(830_000_000_000m, "USD", AmountQualifier.About), Wsj)]),
            new FieldClaims("Wall Street Journal 5% (2026-01-29)", [Said(at, 2, 5m, Wsj)]),
            new FieldClaims(
                "The Information InTalks (2025-12-16) · Wall Street Journal TermsProposed (2026-01-29) · "
                + "OpenAI press release TermsProposed (2026-02-27) · OpenAI press release Closed (2026-02-27)",
                [
                    Said(at, 1, DealStatus.InTalks, TheInformation),
                    Said(at, 2, DealStatus.TermsProposed, Wsj),
                    Said(at, 3, DealStatus.TermsProposed, Announced),
                    Said(at, 4, DealStatus.Closed, Announced),
                ])));
        AssertWritten(expected, answer);
    }

    [Fact]
    public async Task a_corrected_claim_says_so_shows_the_corrected_value_and_keeps_the_original()
    {
        var id = await AmazonOpenAi();
        var correction = await Host.Correct(id, new { correctsVersion = 2, amount = Usd(40_000_000_000m, "UpTo"), reason = "The WSJ said $40B" });
        var at = await RecordedAt(id);

        var amount = (await Host.GetAs<DealClaims>($"/api/deals/{id}/claims")).Fields.Amount;

        AssertSame(new FieldClaims(
            "The Information ≥ $10B (2025-12-16) · Wall Street Journal up to $40B (2026-01-29, corrected) · "
            + "OpenAI press release $50B (2026-02-27) · OpenAI press release $50B (2026-02-27)",
            [
                Said(at, 1, Expected.Usd(10_000_000_000m, AmountQualifier.AtLeast), TheInformation),
                Said(at, 2, Expected.Usd(40_000_000_000m, AmountQualifier.UpTo), Wsj, correctedBy: [correction],
                    original: Expected.Usd(50_000_000_000m, AmountQualifier.UpTo)),
                Said(at, 3, Expected.Usd(50_000_000_000m), Announced),
                Said(at, 4, Expected.Usd(50_000_000_000m), Announced),
            ]), amount);
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
        var at = await RecordedAt(deal.Id);

        var claims = await Host.GetAs<DealClaims>($"/api/deals/{deal.Id}/claims");

        AssertSame(new DealClaims(deal.Id, new ClaimFields(
            new FieldClaims("The Information ≥ $10B (2025-12-16) · Wall Street Journal up to $50B (2026-01-29, retracted)",
            [
                Said(at, 1, Expected.Usd(10_000_000_000m, AmountQualifier.AtLeast), TheInformation),
                Said(at, 2, Expected.Usd(50_000_000_000m, AmountQualifier.UpTo), Wsj, retractedBy: retraction),
            ]),
            None,
            None,
            new FieldClaims("The Information InTalks (2025-12-16) · Wall Street Journal TermsProposed (2026-01-29, retracted)",
            [
                Said(at, 1, DealStatus.InTalks, TheInformation),
                Said(at, 2, DealStatus.TermsProposed, Wsj, retractedBy: retraction),
            ]))), claims);
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

        var at = await RecordedAt(deal.Id);
        AssertSame(new DealClaims(deal.Id, new ClaimFields(
            new FieldClaims("The Information ≥ $10B (2025-12-16)", [Said(at, 1, Expected.Usd(10_000_000_000m, AmountQualifier.AtLeast), TheInformation)]),
            None,
            None,
            new FieldClaims("The Information InTalks (2025-12-16)", [Said(at, 1, DealStatus.InTalks, TheInformation)]))),
            await result.ReadAs<DealClaims>());
    }

    [Fact]
    public async Task the_claims_of_an_unknown_deal_are_a_404_problem()
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{UnknownDealId}/claims");
            s.StatusCodeShouldBe(404);
        });

        AssertSame(Problem.UnknownDeal(UnknownDealId), await result.ShouldBeProblem(404));
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
}
