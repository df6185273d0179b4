using CsCheck;
using Negotiations.Deals;
using Negotiations.Rounds;
using Xunit;

namespace Negotiations.Tests.Rounds;

/// <summary>The interval arithmetic the round book sums vague amounts with.</summary>
public class MoneyRangeTests
{
    private const decimal B = 1_000_000_000m;

    private static ReportedAmount Usd(decimal value, AmountQualifier qualifier = AmountQualifier.Exact, decimal? high = null) => new(value, "USD", qualifier, high);

    [Fact]
    public void each_qualifier_is_the_interval_of_values_it_allows()
    {
        Assert.Equal(new MoneyRange("USD", 50 * B, 50 * B, true), MoneyRange.Of(Usd(50 * B)));
        Assert.Equal(new MoneyRange("USD", 27 * B, 33 * B, false), MoneyRange.Of(Usd(30 * B, AmountQualifier.About)));
        Assert.Equal("27000000000", MoneyRange.Of(Usd(30 * B, AmountQualifier.About)).Low.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new MoneyRange("USD", 0m, 50 * B, false), MoneyRange.Of(Usd(50 * B, AmountQualifier.UpTo)));
        Assert.Equal(new MoneyRange("USD", 10 * B, null, false), MoneyRange.Of(Usd(10 * B, AmountQualifier.AtLeast)));
        Assert.Equal(new MoneyRange("USD", 10 * B, 20 * B, false), MoneyRange.Of(Usd(10 * B, AmountQualifier.Between, 20 * B)));
    }

    [Fact]
    public void up_to_50B_plus_about_30B_is_a_range_not_80B_exactly()
    {
        var sum = MoneyRange.Of(Usd(50 * B, AmountQualifier.UpTo)).Plus(MoneyRange.Of(Usd(30 * B, AmountQualifier.About)));

        Assert.Equal(new MoneyRange("USD", 27 * B, 83 * B, false), sum);
    }

    [Fact]
    public void an_open_ended_amount_makes_the_sum_open_ended()
    {
        var sum = MoneyRange.Of(Usd(10 * B, AmountQualifier.AtLeast)).Plus(MoneyRange.Of(Usd(30 * B)));

        Assert.Equal(new MoneyRange("USD", 40 * B, null, false), sum);
    }

    [Fact]
    public void exact_amounts_sum_exactly()
    {
        Assert.Equal(new MoneyRange("USD", 80 * B, 80 * B, true), MoneyRange.Of(Usd(50 * B)).Plus(MoneyRange.Of(Usd(30 * B))));
    }

    [Fact]
    public void amounts_in_different_currencies_are_never_added()
    {
        Assert.Throws<ArgumentException>(() => MoneyRange.Of(Usd(1 * B)).Plus(MoneyRange.Of(new ReportedAmount(1 * B, "EUR"))));
        Assert.Equal(
            [new MoneyRange("USD", 3 * B, 3 * B, true), new MoneyRange("EUR", 2 * B, 2 * B, true)],
            MoneyRange.SumByCurrency([Usd(1 * B), new ReportedAmount(2 * B, "EUR"), Usd(2 * B)]));
    }

    private static readonly Gen<ReportedAmount> Amounts = Gen.Select(Gen.Int[1, 1000], Gen.Enum<AmountQualifier>(), Gen.Int[1, 100],
        (value, qualifier, extra) => Usd(value * B, qualifier, qualifier == AmountQualifier.Between ? (value + extra) * B : null));

    [Fact]
    public void a_sum_is_the_interval_sum_whatever_the_order_and_holds_every_choice_of_values()
    {
        Gen.Select(Amounts.List[0, 8], Gen.Int).Sample((amounts, seed) =>
        {
            var ranges = amounts.Select(MoneyRange.Of).ToList();
            var sum = ranges.Aggregate(MoneyRange.Zero("USD"), (s, r) => s.Plus(r));
            var shuffled = ranges.OrderBy(r => HashCode.Combine(r, seed)).Aggregate(MoneyRange.Zero("USD"), (s, r) => s.Plus(r));

            Assert.Equal(sum, shuffled);
            Assert.Equal(ranges.Sum(r => r.Low), sum.Low);
            Assert.Equal(ranges.All(r => r.High is not null) ? ranges.Sum(r => r.High!.Value) : null, sum.High);
            Assert.Equal(amounts.All(a => a.Qualifier == AmountQualifier.Exact), sum.Exact);
            // Each amount's own reported value lies in its interval, so the sum of the reported values lies in the sum.
            var reported = amounts.Sum(a => a.Value);
            Assert.True(sum.Low <= reported && (sum.High is null || reported <= sum.High), $"{reported} outside [{sum.Low}, {sum.High}]");
        }, iter: 1000);
    }

    [Fact]
    public void a_sum_by_currency_keeps_each_currency_apart()
    {
        var mixed = Gen.Select(Amounts, Gen.OneOf("USD", "EUR", "JPY"), (amount, currency) => amount with { Currency = currency }).List[0, 10];
        mixed.Sample(amounts =>
        {
            var sums = MoneyRange.SumByCurrency(amounts);

            Assert.Equal(amounts.Select(a => a.Currency).Distinct().Order(), sums.Select(s => s.Currency).Order());
            Assert.All(sums, s => Assert.Equal(amounts.Where(a => a.Currency == s.Currency).Sum(a => MoneyRange.Of(a).Low), s.Low));
        }, iter: 500);
    }
}
