using System.Globalization;

namespace Negotiations.Deals.GettingClaims;

/// <summary>
/// Amounts the way a headline gives them, keeping the report's vagueness: "≥ $10B", "up to $50B", "about $830B",
/// "$15B–$20B", "EUR 2.5M". Up to three decimals of the B/M/K unit: the exact figures stay in the claims themselves.
/// </summary>
public static class CompactMoney
{
    public static string Format(ReportedAmount amount) => Format(amount.Value, amount.Currency, amount.Qualifier, amount.High);

    /// <summary>A valuation also says its basis when the report gave it ("$730B pre-money").</summary>
    public static string Format(Valuation valuation)
    {
        var money = Format(valuation.Value, valuation.Currency, valuation.Qualifier, valuation.High);
        return valuation.Basis switch
        {
            ValuationBasis.PreMoney => $"{money} pre-money",
            ValuationBasis.PostMoney => $"{money} post-money",
            _ => money,
        };
    }

    public static string Format(decimal value, string currency, AmountQualifier qualifier, decimal? high)
    {
        // Only the dollar gets its sign: other currencies' signs are ambiguous ($ alone is used by dozens), codes are not.
        var dollars = currency == "USD";
        string Money(decimal v) => dollars ? $"${Scaled(v)}" : $"{currency} {Scaled(v)}";

        return qualifier switch
        {
            AmountQualifier.About => $"about {Money(value)}",
            AmountQualifier.UpTo => $"up to {Money(value)}",
            AmountQualifier.AtLeast => $"≥ {Money(value)}",
            AmountQualifier.Between when high is { } top => dollars ? $"{Money(value)}–{Money(top)}" : $"{Money(value)}–{Scaled(top)}",
            _ => Money(value),
        };
    }

    private static string Scaled(decimal value) => value switch
    {
        >= 1_000_000_000m => $"{Number(value / 1_000_000_000m)}B",
        >= 1_000_000m => $"{Number(value / 1_000_000m)}M",
        >= 1_000m => $"{Number(value / 1_000m)}K",
        _ => Number(value),
    };

    private static string Number(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
