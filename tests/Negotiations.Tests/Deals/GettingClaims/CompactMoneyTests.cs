using Negotiations.Deals;
using Negotiations.Deals.GettingClaims;
using Xunit;

namespace Negotiations.Tests.Deals.GettingClaims;

public class CompactMoneyTests
{
    [Theory]
    [InlineData(10_000_000_000, "USD", AmountQualifier.AtLeast, null, "≥ $10B")]
    [InlineData(50_000_000_000, "USD", AmountQualifier.UpTo, null, "up to $50B")]
    [InlineData(830_000_000_000, "USD", AmountQualifier.About, null, "about $830B")]
    [InlineData(15_000_000_000, "USD", AmountQualifier.Between, 20_000_000_000.0, "$15B–$20B")]
    [InlineData(50_000_000_000, "USD", AmountQualifier.Exact, null, "$50B")]
    [InlineData(2_500_000, "EUR", AmountQualifier.Exact, null, "EUR 2.5M")]
    [InlineData(750_000, "GBP", AmountQualifier.About, null, "about GBP 750K")]
    [InlineData(1_000_000_000, "JPY", AmountQualifier.Between, 1_500_000_000.0, "JPY 1B–1.5B")]
    [InlineData(999, "USD", AmountQualifier.Exact, null, "$999")]
    [InlineData(1_000, "USD", AmountQualifier.Exact, null, "$1K")]
    [InlineData(1_000_000, "USD", AmountQualifier.Exact, null, "$1M")]
    [InlineData(1_000_000_000, "USD", AmountQualifier.Exact, null, "$1B")]
    [InlineData(1_234_567_890, "USD", AmountQualifier.Exact, null, "$1.235B")]
    [InlineData(110_000_000_000, "USD", AmountQualifier.Exact, null, "$110B")]
    public void amounts_read_like_a_headline_keeping_the_reports_vagueness(
        double value, string currency, AmountQualifier qualifier, double? high, string text)
    {
        Assert.Equal(text, CompactMoney.Format(new ReportedAmount((decimal)value, currency, qualifier, (decimal?)high)));
    }

    [Theory]
    [InlineData(ValuationBasis.PreMoney, "$730B pre-money")]
    [InlineData(ValuationBasis.PostMoney, "$730B post-money")]
    [InlineData(ValuationBasis.Unknown, "$730B")]
    public void a_valuation_says_its_basis_when_the_report_gave_one(ValuationBasis basis, string text)
    {
        Assert.Equal(text, CompactMoney.Format(new Valuation(730_000_000_000m, "USD", Basis: basis)));
    }
}
