namespace Negotiations.Deals;

/// <summary>
/// The values a reported amount allows, as a closed interval: Exact v → [v, v]; UpTo v → [0, v]; AtLeast v → [v, ∞)
/// (<c>High</c> null); Between v and h → [v, h]; About v → [v − 10%, v + 10%] (<see cref="AboutBand"/>). The one place
/// this is defined (list filters, the sources' "same value", and the rounds' sums through their MoneyRange).
/// </summary>
public readonly record struct AmountRange(decimal Low, decimal? High)
{
    /// <summary>How far "about" reaches either way: a tenth of the value.</summary>
    public const decimal AboutBand = 0.10m;

    public static AmountRange Of(ReportedAmount amount) => Of(amount.Value, amount.Qualifier, amount.High);

    public static AmountRange Of(Valuation valuation) => Of(valuation.Value, valuation.Qualifier, valuation.High);

    public static AmountRange Of(decimal value, AmountQualifier qualifier, decimal? high) => qualifier switch
    {
        AmountQualifier.UpTo => new(0, value),
        AmountQualifier.AtLeast => new(value, null),
        AmountQualifier.Between => new(value, high ?? value),
        AmountQualifier.About => new(value * (1 - AboutBand), value * (1 + AboutBand)),
        _ => new(value, value),
    };

    /// <summary>Some value lies in both (the bounds count).</summary>
    public bool Overlaps(AmountRange other) => (High is null || other.Low <= High) && (other.High is null || Low <= other.High);

    /// <summary>Every value of <paramref name="inner"/> lies in this one.</summary>
    public bool Contains(AmountRange inner) =>
        inner.Low >= Low && (High is null || (inner.High is { } top && top <= High));
}
