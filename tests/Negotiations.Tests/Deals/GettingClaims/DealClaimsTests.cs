using Negotiations.Deals;
using Negotiations.Deals.GettingClaims;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.GettingClaims;

public class DealClaimsTests
{
    private static readonly Source TheInformation = new("The Information", Day("2025-12-16"), Attribution.AnonymousSource);
    private static readonly Source PressRelease = new("OpenAI press release", Day("2026-02-27"), Attribution.CompanyStatement, "https://openai.com/");

    private static readonly TalksReported Opening = new(
        "Amazon invests in OpenAI", DealKind.Investment, [new Party("Amazon", PartyRole.Investor), new Party("OpenAI", PartyRole.Target)],
        null, Usd(10_000_000_000m, AmountQualifier.AtLeast), null, Day("2025-12-16"), TheInformation);

    private static readonly TermsProposed WsjTerms = new(
        Usd(50_000_000_000m, AmountQualifier.UpTo), new Valuation(830_000_000_000m, "USD", AmountQualifier.About), null,
        null, null, null, "Largest contributor to a round of up to $100B", Day("2026-01-29"), Wsj());

    private static readonly StakeRevised Announced = new(Usd(50_000_000_000m), null, "$15B up front, $35B on conditions", Day("2026-02-27"), PressRelease);

    private static readonly DealClosed Closing = new(Usd(50_000_000_000m), Day("2026-02-27"), null, Day("2026-02-27"), PressRelease);

    /// <summary>The claims of a stream of the given events, versions 1, 2, … recorded a minute apart.</summary>
    private static DealClaims Claims(params object[] events) =>
        DealClaims.From(DealId, events.Select((data, index) => Wrap(data, index + 1)).ToList())
        ?? throw new InvalidOperationException("The given events open no deal.");

    /// <summary>A claim nothing corrected or retracted.</summary>
    private static Claim Plain(long version, object value, Source source) => new(
        version, source.PublishedOn, Now.AddMinutes(version), value, source.Publication, source.Attribution, source.PublishedOn, source.Url,
        false, [], null, false, null, source.Relays);

    private static void ThenClaims(IEnumerable<Claim> expected, IEnumerable<Claim> actual) =>
        Assert.Equal(Json(expected.ToList()), Json(actual.ToList()));

    [Fact]
    public void the_amazon_openai_story_gives_every_value_each_source_claimed_field_by_field()
    {
        var fields = Claims(Opening, WsjTerms, Announced, Closing).Fields;

        ThenClaims(
            [
                Plain(1, Usd(10_000_000_000m, AmountQualifier.AtLeast), TheInformation),
                Plain(2, Usd(50_000_000_000m, AmountQualifier.UpTo), Wsj()),
                Plain(3, Usd(50_000_000_000m), PressRelease),
                Plain(4, Usd(50_000_000_000m), PressRelease),
            ],
            fields.Amount.Claims);
        ThenClaims([Plain(2, new Valuation(830_000_000_000m, "USD", AmountQualifier.About), Wsj())], fields.Valuation.Claims);
        Assert.Empty(fields.StakePercent.Claims);
        Assert.Equal(
            [DealStatus.InTalks, DealStatus.TermsProposed, DealStatus.TermsProposed, DealStatus.Closed],
            fields.Status.Claims.Select(c => (DealStatus)c.Value));
    }

    [Fact]
    public void each_field_summarizes_its_claims_in_one_line()
    {
        var fields = Claims(Opening, WsjTerms, Announced, Closing).Fields;

        Assert.Equal(
            "The Information ≥ $10B (2025-12-16) · Wall Street Journal up to $50B (2026-01-29) · "
            + "OpenAI press release $50B (2026-02-27) · OpenAI press release $50B (2026-02-27)",
            fields.Amount.Summary);
        Assert.Equal("Wall Street Journal about $830B (2026-01-29)", fields.Valuation.Summary);
        Assert.Equal("", fields.StakePercent.Summary);
        Assert.Equal(
            "The Information InTalks (2025-12-16) · Wall Street Journal TermsProposed (2026-01-29) · "
            + "OpenAI press release TermsProposed (2026-02-27) · OpenAI press release Closed (2026-02-27)",
            fields.Status.Summary);
    }

    [Fact]
    public void stake_percents_come_from_terms_and_revisions_and_a_closing_without_a_final_amount_claims_only_the_status()
    {
        var fields = Claims(
            Opening, WsjTerms with { StakePercent = 5m }, Announced with { Amount = null, StakePercent = 7.5m },
            Closing with { FinalAmount = null }).Fields;

        Assert.Equal([5m, 7.5m], fields.StakePercent.Claims.Select(c => (decimal)c.Value));
        Assert.Equal("Wall Street Journal 5% (2026-01-29) · OpenAI press release 7.5% (2026-02-27)", fields.StakePercent.Summary);
        Assert.Equal([1L, 2L], fields.Amount.Claims.Select(c => c.Version));
        Assert.Equal(DealStatus.Closed, fields.Status.Claims[^1].Value);
    }

    [Fact]
    public void a_claim_of_a_report_that_relays_another_names_what_it_relays_and_the_summary_cites_it()
    {
        var relayed = new Source("Reuters", Day("2026-01-30"), Attribution.NamedSource, Relays: "Wall Street Journal");
        var terms = WsjTerms with { Valuation = null, OccurredOn = Day("2026-01-30"), Source = relayed };

        var fields = Claims(Opening, terms).Fields;

        ThenClaims(
            [
                Plain(1, Usd(10_000_000_000m, AmountQualifier.AtLeast), TheInformation),
                Plain(2, Usd(50_000_000_000m, AmountQualifier.UpTo), relayed) with { Relays = "Wall Street Journal" },
            ],
            fields.Amount.Claims);
        Assert.Equal("The Information ≥ $10B (2025-12-16) · Reuters (citing Wall Street Journal) up to $50B (2026-01-30)", fields.Amount.Summary);
    }

    [Fact]
    public void an_abandonment_claims_the_abandoned_status()
    {
        var fields = Claims(Opening, Abandoned()).Fields;

        Assert.Equal([DealStatus.InTalks, DealStatus.Abandoned], fields.Status.Claims.Select(c => (DealStatus)c.Value));
        Assert.Single(fields.Amount.Claims);
    }

    [Fact]
    public void a_corrected_amount_counts_as_corrected_and_keeps_the_value_first_recorded()
    {
        var fix = new RecordingCorrected(2, "typed $5B for $50B", Amount: Usd(50_000_000_000m, AmountQualifier.UpTo));

        var fields = Claims(Opening, WsjTerms with { Amount = Usd(5_000_000_000m, AmountQualifier.UpTo) }, fix).Fields;

        ThenClaims(
            [
                Plain(1, Usd(10_000_000_000m, AmountQualifier.AtLeast), TheInformation),
                Plain(2, Usd(50_000_000_000m, AmountQualifier.UpTo), Wsj()) with
                {
                    Corrected = true, CorrectedBy = [3], Original = Usd(5_000_000_000m, AmountQualifier.UpTo),
                },
            ],
            fields.Amount.Claims);
        Assert.Equal("The Information ≥ $10B (2025-12-16) · Wall Street Journal up to $50B (2026-01-29, corrected)", fields.Amount.Summary);
        Assert.False(fields.Valuation.Claims.Single().Corrected);
        Assert.False(fields.Status.Claims[1].Corrected);
    }

    [Fact]
    public void a_corrected_source_corrects_every_claim_of_that_report()
    {
        var reuters = new Source("Reuters", Day("2026-01-29"), Attribution.NamedSource);

        var fields = Claims(Opening, WsjTerms, new RecordingCorrected(2, "it was Reuters", Source: reuters)).Fields;

        var claims = new[] { fields.Amount.Claims[1], fields.Valuation.Claims[0], fields.Status.Claims[1] };
        Assert.All(claims, c => Assert.Equal(("Reuters", Attribution.NamedSource, true, "3"),
            (c.Source, c.Attribution, c.Corrected, string.Join(",", c.CorrectedBy))));
        Assert.Equal(Usd(50_000_000_000m, AmountQualifier.UpTo), fields.Amount.Claims[1].Original);
        Assert.Equal(DealStatus.TermsProposed, fields.Status.Claims[1].Original);
    }

    [Fact]
    public void a_correction_that_adds_an_amount_to_a_report_without_one_makes_a_claim_whose_original_is_null()
    {
        var talks = new TalksReported(null, null, [], "talks continue", null, null, Day("2026-01-10"), Wsj("2026-01-10"));

        var fields = Claims(Opening, talks, new RecordingCorrected(2, "left out the figure", Amount: Usd(20_000_000_000m, AmountQualifier.About))).Fields;

        var added = fields.Amount.Claims[1];
        Assert.Equal((2L, true, (object?)null), (added.Version, added.Corrected, added.Original));
        Assert.Equal(Usd(20_000_000_000m, AmountQualifier.About), added.Value);
    }

    [Fact]
    public void a_correction_of_the_date_moves_the_claim_to_its_place_in_time()
    {
        var lateTerms = WsjTerms with { OccurredOn = Day("2026-03-01") };

        var fields = Claims(Opening, Closing, lateTerms, new RecordingCorrected(3, "wrong date", OccurredOn: Day("2026-01-29"))).Fields;

        Assert.Equal([1L, 3L, 2L], fields.Amount.Claims.Select(c => c.Version));
        Assert.True(fields.Amount.Claims[1].Corrected);
        Assert.Equal(fields.Amount.Claims[1].Value, fields.Amount.Claims[1].Original);
    }

    [Fact]
    public void a_retracted_claim_stays_listed_marked_with_the_retraction_and_the_retraction_itself_claims_nothing()
    {
        var retraction = new ReportRetracted(2, "WSJ withdrew the story", Day("2026-02-03"), Wsj("2026-02-03"));

        var fields = Claims(Opening, WsjTerms, retraction).Fields;

        ThenClaims(
            [
                Plain(1, Usd(10_000_000_000m, AmountQualifier.AtLeast), TheInformation),
                Plain(2, Usd(50_000_000_000m, AmountQualifier.UpTo), Wsj()) with { Retracted = true, RetractedBy = 3 },
            ],
            fields.Amount.Claims);
        Assert.Equal("The Information ≥ $10B (2025-12-16) · Wall Street Journal up to $50B (2026-01-29, retracted)", fields.Amount.Summary);
        Assert.Equal([1L, 2L], fields.Status.Claims.Select(c => c.Version));
        Assert.True(fields.Valuation.Claims.Single().Retracted);
    }

    [Fact]
    public void claims_sort_by_when_they_happened_not_when_they_were_recorded()
    {
        var olderNews = new StakeRevised(Usd(45_000_000_000m, AmountQualifier.About), null, "early January figure", Day("2026-01-05"), Wsj("2026-02-02"));

        var fields = Claims(Opening, WsjTerms, olderNews).Fields;

        Assert.Equal([1L, 3L, 2L], fields.Amount.Claims.Select(c => c.Version));
    }

    [Fact]
    public void no_events_make_no_claims()
    {
        Assert.Null(DealClaims.From(DealId, []));
    }
}
