using Negotiations.Deals;
using Negotiations.Deals.GettingClaims;
using Negotiations.Sources;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Sources;

public class ClaimVerdictsTests
{
    private static readonly Source TheInformation = new("The Information", Day("2025-12-16"), Attribution.AnonymousSource);
    private static readonly Source Reuters = new("Reuters", Day("2026-01-20"), Attribution.NamedSource);
    private static readonly Source PressRelease = new("OpenAI press release", Day("2026-02-27"), Attribution.CompanyStatement);
    private static readonly Source Filing = new("SEC filing", Day("2026-03-10"), Attribution.RegulatoryFiling);

    private static TalksReported Opening(ReportedAmount amount, Source source) => new(
        "Amazon invests in OpenAI", DealKind.Investment, [new Party("Amazon", PartyRole.Investor), new Party("OpenAI", PartyRole.Target)],
        null, amount, null, source.PublishedOn, source);

    private static StakeRevised Revised(ReportedAmount amount, Source source) => new(amount, null, "New figure", source.PublishedOn, source);

    private static IReadOnlyList<SourceClaim> Verdicts(params object[] events) =>
        ClaimVerdicts.Of(DealId, DealClaims.From(DealId, events.Select((data, index) => Wrap(data, index + 1)).ToList())!);

    private static SourceClaim Amount(IReadOnlyList<SourceClaim> claims, long version) => claims.Single(c => c.Field == "amount" && c.Version == version);

    [Theory]
    [InlineData(AmountQualifier.UpTo, 50, AmountQualifier.Exact, 50, true)]
    [InlineData(AmountQualifier.UpTo, 50, AmountQualifier.Exact, 40, true)]
    [InlineData(AmountQualifier.UpTo, 50, AmountQualifier.Exact, 60, false)]
    [InlineData(AmountQualifier.About, 10, AmountQualifier.Exact, 10.5, true)]
    [InlineData(AmountQualifier.About, 10, AmountQualifier.Exact, 12, false)]
    [InlineData(AmountQualifier.Exact, 50, AmountQualifier.Exact, 50, true)]
    [InlineData(AmountQualifier.Exact, 50, AmountQualifier.Exact, 49, false)]
    [InlineData(AmountQualifier.AtLeast, 10, AmountQualifier.Exact, 50, true)]
    [InlineData(AmountQualifier.AtLeast, 10, AmountQualifier.UpTo, 5, false)]
    [InlineData(AmountQualifier.UpTo, 50, AmountQualifier.About, 50, null)]   // 45..55 only overlaps 0..50: neither
    [InlineData(AmountQualifier.Exact, 50, AmountQualifier.UpTo, 50, null)]   // a vaguer later value cannot confirm an exact one
    public void the_same_value_is_a_later_range_inside_the_claimed_one_and_another_is_one_outside_it(
        AmountQualifier claimed, double value, AmountQualifier later, double laterValue, bool? same) =>
        Assert.Equal(same, ClaimVerdicts.Same(new ReportedAmount((decimal)value, "USD", claimed), new ReportedAmount((decimal)laterValue, "USD", later)));

    [Fact]
    public void amounts_in_different_currencies_and_valuations_on_different_bases_are_not_compared()
    {
        Assert.Null(ClaimVerdicts.Same(new ReportedAmount(50, "USD"), new ReportedAmount(50, "EUR")));
        Assert.Null(ClaimVerdicts.Same(
            new Valuation(830, "USD", Basis: ValuationBasis.PreMoney), new Valuation(830, "USD", Basis: ValuationBasis.PostMoney)));
        Assert.True(ClaimVerdicts.Same(new Valuation(830, "USD", AmountQualifier.About), new Valuation(800, "USD", Basis: ValuationBasis.PostMoney)));
        Assert.True(ClaimVerdicts.Same(12.5m, 12.5m));
        Assert.False(ClaimVerdicts.Same(12.5m, 10m));
    }

    [Fact]
    public void a_claim_a_later_company_statement_gives_the_same_value_for_is_confirmed_by_it()
    {
        var claims = Verdicts(Opening(Usd(50_000_000_000m, AmountQualifier.UpTo), TheInformation), Revised(Usd(40_000_000_000m), PressRelease));

        Assert.Equal((true, 2L, false), (Amount(claims, 1).Confirmed, Amount(claims, 1).ConfirmedBy, Amount(claims, 1).Contradicted));
        Assert.Equal(("The Information", "the information", "up to $50B", $"/api/deals/{DealId}/claims"),
            (Amount(claims, 1).Publication, Amount(claims, 1).PublicationKey, Amount(claims, 1).Claim, Amount(claims, 1).Url));
        Assert.False(Amount(claims, 2).Confirmed); // the statement itself is not confirmed by anything later
    }

    [Fact]
    public void a_claim_a_later_stronger_report_gives_another_value_for_is_contradicted()
    {
        var claims = Verdicts(Opening(Usd(50_000_000_000m, AmountQualifier.UpTo), TheInformation), Revised(Usd(60_000_000_000m), Reuters));

        Assert.Equal((false, true, 2L), (Amount(claims, 1).Confirmed, Amount(claims, 1).Contradicted, Amount(claims, 1).ContradictedBy));
    }

    [Fact]
    public void a_weaker_or_equal_later_report_neither_confirms_nor_contradicts()
    {
        var weaker = new Source("Blog", Day("2026-01-20"), Attribution.Unattributed);
        var claims = Verdicts(Opening(Usd(50_000_000_000m), Reuters), Revised(Usd(60_000_000_000m), weaker), Revised(Usd(50_000_000_000m), Reuters with { PublishedOn = Day("2026-01-21") }));

        Assert.Equal((false, false), (Amount(claims, 1).Confirmed, Amount(claims, 1).Contradicted));
    }

    [Fact]
    public void an_earlier_report_judges_nothing_even_when_recorded_later()
    {
        var claims = Verdicts(Opening(Usd(50_000_000_000m), Reuters), Revised(Usd(60_000_000_000m), Filing with { PublishedOn = Day("2026-01-01") }));

        Assert.Equal((false, false), (Amount(claims, 1).Confirmed, Amount(claims, 1).Contradicted));
    }

    [Fact]
    public void a_party_confirming_the_report_confirms_the_claim_and_makes_it_as_strong_as_a_statement()
    {
        var confirmed = new PartyResponded("OpenAI", PartyResponse.Confirmed, 1, null, Day("2026-01-21"), Reuters with { PublishedOn = Day("2026-01-21") });
        var claims = Verdicts(Opening(Usd(50_000_000_000m), TheInformation), confirmed, Revised(Usd(60_000_000_000m), Reuters with { PublishedOn = Day("2026-01-22") }));

        Assert.Equal((true, 2L, false), (Amount(claims, 1).Confirmed, Amount(claims, 1).ConfirmedBy, Amount(claims, 1).Contradicted));
    }

    [Fact]
    public void a_retracted_claim_is_counted_retracted_and_neither_confirmed_nor_contradicted_and_confirms_nothing()
    {
        var retraction = new ReportRetracted(2, "Withdrawn", Day("2026-03-01"), PressRelease with { PublishedOn = Day("2026-03-01") });
        var claims = Verdicts(
            Opening(Usd(50_000_000_000m, AmountQualifier.UpTo), TheInformation), Revised(Usd(40_000_000_000m), PressRelease), retraction);

        Assert.Equal((true, false, false), (Amount(claims, 2).Retracted, Amount(claims, 2).Confirmed, Amount(claims, 2).Contradicted));
        Assert.False(Amount(claims, 1).Confirmed);
    }

    [Fact]
    public void a_claim_we_corrected_is_counted_corrected_and_judged_on_its_corrected_value()
    {
        var correction = new RecordingCorrected(1, "Typo: it was up to $50B", Amount: Usd(50_000_000_000m, AmountQualifier.UpTo));
        var claims = Verdicts(Opening(Usd(5_000_000_000m, AmountQualifier.UpTo), TheInformation), Revised(Usd(50_000_000_000m), Filing), correction);

        Assert.Equal((true, true, "up to $50B"), (Amount(claims, 1).Corrected, Amount(claims, 1).Confirmed, Amount(claims, 1).Claim));
    }
}
