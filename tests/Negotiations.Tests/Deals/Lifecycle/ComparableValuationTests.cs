using System.Text.Json;
using Negotiations.Deals;
using Negotiations.Deals.Comparing;
using Negotiations.Deals.GettingClaims;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.Lifecycle;

/// <summary>$830B (basis unknown) then $730B pre-money in a $110B round is ~$840B post-money: roughly flat, not a $100B drop.</summary>
public class ComparableValuationTests
{
    private static readonly Valuation PreMoney = new(730_000_000_000m, "USD", Basis: ValuationBasis.PreMoney, RoundSize: Usd(110_000_000_000m));

    [Fact]
    public void a_pre_money_valuation_with_its_round_size_shows_the_post_money_one_and_back()
    {
        Assert.Equal(PreMoney with { Value = 840_000_000_000m, Basis = ValuationBasis.PostMoney }, PreMoney.OtherBasis());
        Assert.Equal(PreMoney, (PreMoney with { Value = 840_000_000_000m, Basis = ValuationBasis.PostMoney }).OtherBasis());
    }

    [Fact]
    public void without_a_known_basis_or_an_exact_round_size_there_is_no_other_basis()
    {
        Assert.Null((PreMoney with { Basis = ValuationBasis.Unknown }).OtherBasis());
        Assert.Null((PreMoney with { RoundSize = null }).OtherBasis());
        Assert.Null((PreMoney with { RoundSize = Usd(110_000_000_000m, AmountQualifier.UpTo) }).OtherBasis());
        Assert.Null((PreMoney with { RoundSize = new ReportedAmount(110_000_000_000m, "EUR") }).OtherBasis());
    }

    [Fact]
    public void the_status_shows_the_comparable_valuation()
    {
        var deal = Given(Opened(), Proposed() with { Valuation = PreMoney });

        Assert.Equal(840_000_000_000m, deal.ComparableValuation!.Value);
    }

    [Fact]
    public void claims_and_the_diff_say_when_two_valuations_are_on_different_bases()
    {
        var unknown = new Valuation(830_000_000_000m, "USD", AmountQualifier.About);
        var events = new object[] { Opened(), Proposed() with { Valuation = unknown }, Proposed() with { Valuation = PreMoney, OccurredOn = Day("2026-02-27") } }
            .Select((data, index) => Wrap(data, index + 1)).ToList();

        Assert.Equal(
            "These valuations are on different bases (Unknown, PreMoney): compare them on one basis.",
            DealClaims.From(DealId, events)!.Fields.Valuation.Note);
        var change = new FieldChange("valuation", JsonSerializer.SerializeToElement(new { basis = "Unknown" }), JsonSerializer.SerializeToElement(new { basis = "PreMoney" }));
        Assert.Equal("Different bases (Unknown → PreMoney): the change is not comparable as it stands.", change.Note);
        Assert.Null(DealClaims.From(DealId, events.Take(2).ToList())!.Fields.Valuation.Note);
    }
}
