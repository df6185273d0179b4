using Negotiations.Deals;

namespace Negotiations.Rounds;

/// <summary>
/// A reported amount in its currency as the interval of values it allows, so that vague amounts add up honestly: Exact v is [v, v];
/// About v is [v·(1−a), v·(1+a)] with a = <see cref="AmountRange.AboutBand"/> (10 %; the intervals are
/// <see cref="AmountRange"/>'s, the one definition); UpTo v is [0, v]; AtLeast v is [v, ∞)
/// (<c>High</c> null: unbounded); Between v and h is [v, h]. A sum is the interval sum, exact only when every term is.
/// So "up to $50B" + "about $30B" is [$27B, $83B], not $80B. Amounts in different currencies are never added.
/// </summary>
public sealed record MoneyRange(string Currency, decimal Low, decimal? High, bool Exact)
{
    public static MoneyRange Zero(string currency) => new(currency, 0m, 0m, Exact: true);

    public static MoneyRange Of(ReportedAmount amount)
    {
        var (low, high) = AmountRange.Of(amount);
        return amount.Qualifier == AmountQualifier.About
            ? new(amount.Currency, Plain(low), Plain(high!.Value), false)
            : new(amount.Currency, low, high, amount.Qualifier == AmountQualifier.Exact);
    }

    /// <summary>The same number without the trailing zeros a product leaves (90000000000.00 reads 90000000000).</summary>
    private static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>The interval sum: lows add, highs add (unbounded if either is), exact only if both are.</summary>
    public MoneyRange Plus(MoneyRange other)
    {
        if (!string.Equals(Currency, other.Currency, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{Currency} and {other.Currency} amounts are never added together.", nameof(other));
        }

        return new(Currency, Low + other.Low, High is { } high && other.High is { } otherHigh ? high + otherHigh : null, Exact && other.Exact);
    }

    /// <summary>Amounts in one currency added up (none: an exact zero).</summary>
    public static MoneyRange Sum(string currency, IEnumerable<ReportedAmount> amounts) =>
        amounts.Select(Of).Aggregate(Zero(currency), (sum, range) => sum.Plus(range));

    /// <summary>The amounts added up per currency (in the order each currency first appears).</summary>
    public static IReadOnlyList<MoneyRange> SumByCurrency(IEnumerable<ReportedAmount> amounts) =>
        [.. amounts.GroupBy(a => a.Currency).Select(g => Sum(g.Key, g))];
}
