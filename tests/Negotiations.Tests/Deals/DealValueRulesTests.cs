using Negotiations.Deals;
using Negotiations.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals;

/// <summary>The rules of the values a report is made of (DealValues.cs) and the agreement's money (DealParts.cs).</summary>
public class DealValueRulesTests
{
    private static Microsoft.AspNetCore.Mvc.ProblemDetails Checked(Action<ValidationErrors> check)
    {
        var errors = new ValidationErrors();
        check(errors);
        return errors.ToProblem();
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Tranches(ReportedAmount? agreed, params Tranche[]? tranches) =>
        Checked(errors => Tranche.Check(tranches, agreed, "tranches", errors));

    [Fact]
    public void an_agreement_without_tranches_needs_no_amount()
    {
        ThenAccepted(Checked(errors => Tranche.Check(null, null, "tranches", errors)));
        ThenAccepted(Tranches(null));
    }

    [Fact]
    public void an_agreement_lists_at_most_twenty_tranches_and_no_missing_one()
    {
        ThenAccepted(Tranches(Usd(20m), [.. Enumerable.Repeat(new Tranche(Usd(1m)), Tranche.MaxTranches)]));
        ThenRefused(Tranches(Usd(21m), [.. Enumerable.Repeat(new Tranche(Usd(1m)), Tranche.MaxTranches + 1)]), 400, "tranches");
        ThenRefused(Tranches(Usd(2m), new Tranche(Usd(1m)), null!, new Tranche(Usd(1m))), 400, "tranches");
    }

    [Fact]
    public void each_tranche_is_a_valid_exact_amount_with_a_condition_of_paragraph_length()
    {
        ThenRefused(Tranches(Usd(10m), new Tranche(Usd(10m)), new Tranche(Usd(0m))), 400, "tranches[1].amount.value");
        ThenRefused(Tranches(Usd(10m), new Tranche(Usd(10m), Text(TextLimits.Paragraphs + 1))), 400, "tranches[0].condition");
        ThenAccepted(Tranches(Usd(10m), new Tranche(Usd(10m), Text(TextLimits.Paragraphs))));
    }

    [Fact]
    public void every_tranche_is_in_the_agreed_currency_and_together_they_add_up_to_the_agreed_amount()
    {
        ThenRefused(Tranches(Usd(10m), new Tranche(Usd(5m)), new Tranche(new ReportedAmount(5m, "EUR"))), 400, "tranches");
        ThenAccepted(Tranches(Usd(10m), new Tranche(Usd(5m)), new Tranche(Usd(5m))));

        var wrongSum = ThenRefused(Tranches(Usd(10m), new Tranche(Usd(5m)), new Tranche(Usd(6m))), 400, "tranches");
        Assert.Equal(["The tranches add up to 11, not the agreed 10."], wrongSum.Errors!["tranches"]);
    }

    [Fact]
    public void a_round_size_is_a_valid_amount_in_the_valuations_currency()
    {
        var valuation = new Valuation(100m, "USD", RoundSize: Usd(10m));

        ThenAccepted(Checked(errors => Valuation.Check(valuation, "valuation", errors)));
        ThenRefused(Checked(errors => Valuation.Check(valuation with { RoundSize = Usd(0m) }, "valuation", errors)), 400, "valuation.roundSize.value");
        ThenRefused(Checked(errors => Valuation.Check(valuation with { RoundSize = new ReportedAmount(10m, "EUR") }, "valuation", errors)),
            400, "valuation.roundSize.currency");
    }

    [Fact]
    public void a_range_of_valuations_moves_to_the_other_basis_at_both_ends()
    {
        var preMoney = new Valuation(100m, "USD", AmountQualifier.Between, 120m, ValuationBasis.PreMoney, Usd(10m));
        var postMoney = preMoney with { Basis = ValuationBasis.PostMoney };

        Assert.Equal(preMoney with { Value = 110m, High = 130m, Basis = ValuationBasis.PostMoney }, preMoney.OtherBasis());
        Assert.Equal(postMoney with { Value = 90m, High = 110m, Basis = ValuationBasis.PreMoney }, postMoney.OtherBasis());
    }

    [Fact]
    public void a_post_money_valuation_has_a_pre_money_one_only_above_its_round_size_and_in_its_currency()
    {
        var postMoney = new Valuation(10m, "USD", Basis: ValuationBasis.PostMoney, RoundSize: Usd(10m));

        Assert.Null(postMoney.OtherBasis());
        Assert.Null((postMoney with { Value = 20m, RoundSize = new ReportedAmount(10m, "EUR") }).OtherBasis());
        Assert.Equal(postMoney with { Value = 1m, Basis = ValuationBasis.PreMoney }, (postMoney with { Value = 11m }).OtherBasis());
    }

    [Fact]
    public void the_publication_a_source_relays_is_a_name()
    {
        ThenRefused(Checked(errors => Source.Check(Wsj() with { Relays = Text(TextLimits.Name + 1) }, "source", Tomorrow, errors)), 400, "source.relays");
        ThenAccepted(Checked(errors => Source.Check(Wsj() with { Relays = Text(TextLimits.Name) }, "source", Tomorrow, errors)));
    }

    [Fact]
    public void too_many_parties_is_the_one_error_about_them()
    {
        var parties = Enumerable.Range(1, Party.MaxParties + 1).Select(i => new Party(i == 1 ? " " : $"Party {i}", PartyRole.Other)).ToList();

        ThenRefused(Checked(errors => Party.Check(parties, "parties", 2, errors)), 400, "parties");
    }

    [Fact]
    public void an_agreement_splits_its_money_into_up_front_funded_and_still_conditional()
    {
        var agreement = Agreement.Of(AgreementStage.Signed, Day("2026-02-27"), Usd(70m),
        [
            new TrancheState(1, Usd(15m), null, Day("2026-02-28"), Usd(14m)),
            new TrancheState(2, Usd(5m), null),
            new TrancheState(3, Usd(30m), "an IPO", Day("2026-03-01")),
            new TrancheState(4, Usd(20m), "a milestone"),
        ]);

        Assert.Equal((Usd(20m), Usd(44m), Usd(20m)), (agreement.UpFront!, agreement.Funded!, agreement.Conditional!));
    }
}
