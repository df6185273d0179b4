using Negotiations.Deals;
using Xunit;

namespace Negotiations.Tests.Intake;

public class MoneyPhrasesTests
{
    [Theory]
    [InlineData("as much as $50 billion", 50e9, "USD", AmountQualifier.UpTo)]
    [InlineData("up to $50bn", 50e9, "USD", AmountQualifier.UpTo)]
    [InlineData("about $50B", 50e9, "USD", AmountQualifier.About)]
    [InlineData("roughly 50 billion dollars", 50e9, "USD", AmountQualifier.About)]
    [InlineData("around €600 million", 600e6, "EUR", AmountQualifier.About)]
    [InlineData("nearly £3.1 billion", 3.1e9, "GBP", AmountQualifier.About)]
    [InlineData("some ¥2 trillion", 2e12, "JPY", AmountQualifier.About)]
    [InlineData("at least EUR 2 billion", 2e9, "EUR", AmountQualifier.AtLeast)]
    [InlineData("more than C$19 billion", 19e9, "CAD", AmountQualifier.AtLeast)]
    [InlineData("$10 billion or more", 10e9, "USD", AmountQualifier.AtLeast)]
    [InlineData("CHF 500 million", 500e6, "CHF", AmountQualifier.Exact)]
    [InlineData("$500M", 500e6, "USD", AmountQualifier.Exact)]
    [InlineData("1.5 billion euros", 1.5e9, "EUR", AmountQualifier.Exact)]
    public void a_qualified_figure_is_the_amount(string money, double value, string currency, AmountQualifier qualifier)
    {
        var candidate = Given.One($"Amazon is in talks to invest {money} in OpenAI, people familiar with the matter said.");

        Assert.Equal(new ReportedAmount((decimal)value, currency, qualifier), candidate.Amount);
    }

    [Theory]
    [InlineData("between $5 billion and $7 billion", 5e9, 7e9, "USD")]
    [InlineData("between 1 and 1.5 billion euros", 1e9, 1.5e9, "EUR")]
    [InlineData("$10bn-$12bn", 10e9, 12e9, "USD")]
    [InlineData("$10-12 billion", 10e9, 12e9, "USD")]
    public void a_range_is_between_its_ends(string money, double low, double high, string currency)
    {
        var candidate = Given.One($"Salesforce is in talks to acquire Informatica for {money}.");

        Assert.Equal(new ReportedAmount((decimal)low, currency, AmountQualifier.Between, (decimal)high), candidate.Amount);
    }

    [Fact]
    public void a_per_share_price_is_not_the_amount_but_the_total_is()
    {
        var candidate = Given.One("Grupo Orion made an offer of $27 a share for Baywater Foods, or about $4.3 billion including debt.");

        Assert.Equal(new ReportedAmount(4.3e9m, "USD", AmountQualifier.About), candidate.Amount);
    }

    [Fact]
    public void a_valuation_takes_its_basis_and_a_raise_is_the_round_size()
    {
        var candidate = Given.One("Figure AI is in talks to raise $1.5 billion at a $39.5 billion pre-money valuation, a person familiar said.");

        Assert.Null(candidate.Amount);
        Assert.Equal(new ReportedAmount(1.5e9m, "USD"), candidate.RoundSize);
        Assert.Equal(new Valuation(39.5e9m, "USD", Basis: ValuationBasis.PreMoney), candidate.Valuation);
    }

    [Fact]
    public void the_figure_a_revision_comes_from_is_not_the_new_amount()
    {
        var candidate = Given.One("Home Depot lowered its offer for Foundation Building Materials to about $8.5 billion from $9 billion.");

        Assert.Equal(new ReportedAmount(8.5e9m, "USD", AmountQualifier.About), candidate.Amount);
    }

    [Theory]
    [InlineData("Apple reported quarterly revenue of $124.3 billion, up 4% from a year earlier.")]
    [InlineData("Shares of Tesla fell 6% to $248.50 in early trading on Wednesday.")]
    [InlineData("Nvidia's market value briefly topped $5 trillion on Thursday.")]
    [InlineData("Meta Platforms posted net income of $20.8 billion, or $7.98 a share, for the third quarter.")]
    [InlineData("Samsung unveiled a foldable phone priced at $1,899.")]
    [InlineData("Microsoft plans to invest about $80 billion in AI-enabled data centers this year, the company said.")]
    [InlineData("Figma priced its shares at $33 each in its initial public offering, raising $1.2 billion.")]
    [InlineData("Intel shares jumped 8%, adding about $9 billion to the company's market value.")]
    public void a_passage_without_a_deal_yields_no_candidate(string text) => Assert.Empty(Given.Text(text));
}
