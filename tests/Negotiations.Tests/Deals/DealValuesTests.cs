using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals;

public class DealValuesTests
{
    /// <summary>Runs one check into a fresh error list and answers the problem it makes (or none).</summary>
    private static ProblemDetails Checked(Action<ValidationErrors> check)
    {
        var errors = new ValidationErrors();
        check(errors);
        return errors.ToProblem();
    }

    private static ProblemDetails CheckedAmount(ReportedAmount amount) => Checked(e => ReportedAmount.Check(amount, "amount", e));

    private static ProblemDetails CheckedSource(Source source) => Checked(e => Source.Check(source, "source", Dates.LatestAllowed(Now), e));

    private static ProblemDetails CheckedParties(int minimumDistinct, params Party[] parties) =>
        Checked(e => Party.Check(parties, "parties", minimumDistinct, e));

    private static decimal Number(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("USD")]
    [InlineData("EUR")]
    [InlineData("GBP")]
    [InlineData("JPY")]
    [InlineData("CHF")]
    public void iso_4217_codes_are_accepted(string currency)
    {
        ThenAccepted(CheckedAmount(new ReportedAmount(1m, currency)));
        Assert.True(Currencies.IsKnown(currency));
    }

    [Fact]
    public void the_active_code_ved_is_accepted()
    {
        ThenAccepted(CheckedAmount(new ReportedAmount(1m, "VED")));
    }

    [Theory]
    [InlineData("usd")]
    [InlineData("Usd")]
    [InlineData("XYZ")]
    [InlineData("US")]
    [InlineData("USDX")]
    [InlineData(" USD")]
    [InlineData("$")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void anything_but_a_known_upper_case_iso_4217_code_is_refused(string? currency)
    {
        ThenRefused(CheckedAmount(new ReportedAmount(1m, currency!)), 400, "amount.currency");
        Assert.False(Currencies.IsKnown(currency));
    }

    [Fact]
    public void an_amount_between_two_values_is_accepted()
    {
        ThenAccepted(CheckedAmount(new ReportedAmount(10m, "USD", AmountQualifier.Between, 20m)));
        ThenAccepted(CheckedAmount(new ReportedAmount(10m, "USD", AmountQualifier.Between, 10.01m)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("10")]
    [InlineData("9.99")]
    [InlineData("-20")]
    public void between_requires_an_upper_bound_greater_than_the_value(string? high)
    {
        var amount = new ReportedAmount(10m, "USD", AmountQualifier.Between, high is null ? null : Number(high));

        ThenRefused(CheckedAmount(amount), 400, "amount.high");
    }

    [Fact]
    public void an_upper_bound_above_the_largest_amount_is_refused()
    {
        ThenAccepted(CheckedAmount(new ReportedAmount(10m, "USD", AmountQualifier.Between, ReportedAmount.MaxValue)));
        ThenRefused(CheckedAmount(new ReportedAmount(10m, "USD", AmountQualifier.Between, ReportedAmount.MaxValue + 1)), 400, "amount.high");
    }

    [Theory]
    [InlineData(AmountQualifier.Exact)]
    [InlineData(AmountQualifier.About)]
    [InlineData(AmountQualifier.UpTo)]
    [InlineData(AmountQualifier.AtLeast)]
    public void an_upper_bound_without_between_is_refused(AmountQualifier qualifier)
    {
        ThenAccepted(CheckedAmount(new ReportedAmount(10m, "USD", qualifier)));
        ThenRefused(CheckedAmount(new ReportedAmount(10m, "USD", qualifier, 20m)), 400, "amount.high");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("-0.01")]
    public void an_amount_of_zero_or_less_is_refused(string value)
    {
        ThenRefused(CheckedAmount(new ReportedAmount(Number(value), "USD")), 400, "amount.value");
    }

    [Fact]
    public void amounts_from_a_cent_to_the_largest_amount_are_accepted()
    {
        ThenAccepted(CheckedAmount(Usd(0.01m)));
        ThenAccepted(CheckedAmount(Usd(ReportedAmount.MaxValue)));
    }

    [Fact]
    public void an_amount_above_the_largest_amount_is_refused()
    {
        ThenRefused(CheckedAmount(Usd(ReportedAmount.MaxValue + 1)), 400, "amount.value");
        ThenRefused(CheckedAmount(Usd(decimal.MaxValue)), 400, "amount.value");
    }

    [Fact]
    public void a_missing_amount_is_not_checked()
    {
        ThenAccepted(Checked(e => ReportedAmount.Check(null, "amount", e)));
        ThenAccepted(Checked(e => Valuation.Check(null, "valuation", e)));
    }

    [Fact]
    public void a_valuation_obeys_the_amount_rules_under_its_own_field_name()
    {
        ThenAccepted(Checked(e => Valuation.Check(new Valuation(830_000_000_000m, "USD", AmountQualifier.About), "valuation", e)));
        ThenRefused(
            Checked(e => Valuation.Check(new Valuation(0m, "usd", AmountQualifier.Exact, 5m, ValuationBasis.PostMoney), "valuation", e)),
            400, "valuation.value", "valuation.currency", "valuation.high");
        ThenRefused(
            Checked(e => Valuation.Check(new Valuation(ReportedAmount.MaxValue + 1, "USD"), "valuation", e)), 400, "valuation.value");
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("5")]
    [InlineData("99.99")]
    [InlineData("100")]
    public void a_stake_percent_above_0_up_to_100_is_accepted(string percent)
    {
        ThenAccepted(Checked(e => StakePercent.Check(Number(percent), "stakePercent", e)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.01")]
    [InlineData("-50")]
    [InlineData("100.01")]
    [InlineData("100.000001")]
    [InlineData("1000")]
    public void a_stake_percent_of_0_or_less_or_above_100_is_refused(string percent)
    {
        ThenRefused(Checked(e => StakePercent.Check(Number(percent), "stakePercent", e)), 400, "stakePercent");
    }

    [Fact]
    public void no_stake_percent_is_accepted()
    {
        ThenAccepted(Checked(e => StakePercent.Check(null, "stakePercent", e)));
    }

    [Theory]
    [InlineData("https://www.wsj.com/tech/ai/amazon-openai-investment-talks")]
    [InlineData("http://example.com")]
    [InlineData("HTTPS://WWW.REUTERS.COM/TECHNOLOGY/")]
    [InlineData("https://www.bloomberg.com/news/articles/2026-01-29/amazon?srnd=tech#top")]
    public void absolute_http_and_https_urls_are_accepted(string url)
    {
        ThenAccepted(CheckedSource(Wsj() with { Url = url }));
    }

    [Theory]
    [InlineData("ftp://ftp.wsj.com/article.txt")]
    [InlineData("/tech/ai/amazon-openai")]
    [InlineData("tech/ai/amazon-openai")]
    [InlineData("www.wsj.com/tech/ai/amazon-openai")]
    [InlineData("file:///etc/passwd")]
    [InlineData("mailto:news@wsj.com")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://")]
    [InlineData("")]
    public void urls_that_are_not_absolute_http_or_https_are_refused(string url)
    {
        ThenRefused(CheckedSource(Wsj() with { Url = url }), 400, "source.url");
    }

    [Fact]
    public void a_url_of_2000_characters_is_accepted_and_one_of_2001_refused()
    {
        const string prefix = "https://www.wsj.com/";

        ThenAccepted(CheckedSource(Wsj() with { Url = prefix + Text(2000 - prefix.Length) }));
        ThenRefused(CheckedSource(Wsj() with { Url = prefix + Text(2001 - prefix.Length) }), 400, "source.url");
    }

    [Fact]
    public void a_source_without_a_url_is_accepted()
    {
        ThenAccepted(CheckedSource(Wsj() with { Url = null }));
    }

    [Fact]
    public void a_missing_source_is_refused_under_its_own_name()
    {
        ThenRefused(Checked(e => Source.Check(null, "source", Dates.LatestAllowed(Now), e)), 400, "source");
    }

    [Fact]
    public void the_publication_is_required_and_at_most_200_characters()
    {
        ThenAccepted(CheckedSource(Wsj() with { Publication = Text(200) }));
        ThenRefused(CheckedSource(Wsj() with { Publication = Text(201) }), 400, "source.publication");
        ThenRefused(CheckedSource(Wsj() with { Publication = "" }), 400, "source.publication");
        ThenRefused(CheckedSource(Wsj() with { Publication = null! }), 400, "source.publication");
    }

    [Fact]
    public void the_latest_allowed_date_is_tomorrow_in_utc()
    {
        Assert.Equal(Tomorrow, Dates.LatestAllowed(Now));
        Assert.Equal(Day("2026-03-03"), Dates.LatestAllowed(new DateTimeOffset(2026, 3, 1, 22, 0, 0, TimeSpan.FromHours(-5))));
        Assert.Equal(Day("2026-03-01"), Dates.LatestAllowed(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.FromHours(5))));
    }

    [Fact]
    public void dates_from_1900_to_tomorrow_are_accepted()
    {
        ThenAccepted(Checked(e => Source.CheckReport(Wsj("1900-01-01"), Dates.Earliest, Now, e)));
        ThenAccepted(Checked(e => Source.CheckReport(Wsj("2026-03-02"), Tomorrow, Now, e)));
        ThenAccepted(Checked(e => Source.CheckReport(Wsj("2026-03-01"), Day("2026-03-01"), Now, e)));
    }

    [Fact]
    public void a_date_before_1900_is_refused()
    {
        ThenRefused(Checked(e => Source.CheckReport(Wsj("1899-12-31"), TooEarly, Now, e)), 400, "source.publishedOn", "occurredOn");
        ThenRefused(Checked(e => Dates.Check(DateOnly.MinValue, "closedOn", Tomorrow, e)), 400, "closedOn");
    }

    [Fact]
    public void a_date_after_tomorrow_is_refused()
    {
        ThenRefused(Checked(e => Source.CheckReport(Wsj("2026-03-03"), DayAfterTomorrow, Now, e)), 400, "source.publishedOn", "occurredOn");
        ThenRefused(Checked(e => Dates.Check(DateOnly.MaxValue, "closedOn", Tomorrow, e)), 400, "closedOn");
    }

    [Fact]
    public void no_occurred_on_is_not_checked_and_defaults_to_the_publication_day()
    {
        ThenAccepted(Checked(e => Source.CheckReport(Wsj("2026-01-29"), null, Now, e)));
        Assert.Equal(Day("2026-01-29"), Wsj("2026-01-29").HappenedOn(null));
        Assert.Equal(Day("2026-01-20"), Wsj("2026-01-29").HappenedOn(Day("2026-01-20")));
    }

    [Fact]
    public void distinct_party_names_are_accepted()
    {
        ThenAccepted(CheckedParties(2, new Party("Amazon", PartyRole.Investor), new Party("OpenAI", PartyRole.Target)));
    }

    [Theory]
    [InlineData("amazon")]
    [InlineData("AMAZON")]
    [InlineData("aMaZoN")]
    [InlineData(" Amazon ")]
    [InlineData("Amazon")]
    public void party_names_differing_only_in_letter_case_or_spaces_are_refused(string twin)
    {
        ThenRefused(
            CheckedParties(0, new Party("Amazon", PartyRole.Investor), new Party("OpenAI", PartyRole.Target), new Party(twin, PartyRole.CoInvestor)),
            400, "parties");
    }

    [Fact]
    public void blank_party_names_are_refused_by_index_and_not_counted_as_twins()
    {
        ThenRefused(
            CheckedParties(0, new Party("Amazon", PartyRole.Investor), new Party("", PartyRole.Target), new Party("  ", PartyRole.Advisor)),
            400, "parties[1].name", "parties[2].name");
    }

    [Fact]
    public void too_few_distinct_parties_are_refused()
    {
        ThenRefused(CheckedParties(2, new Party("Amazon", PartyRole.Investor)), 400, "parties");
        ThenRefused(Checked(e => Party.Check(null, "parties", 2, e)), 400, "parties");
        ThenAccepted(Checked(e => Party.Check(null, "parties", 0, e)));
    }

    [Fact]
    public void a_missing_party_is_refused_by_its_index()
    {
        var problem = CheckedParties(0, new Party("Amazon", PartyRole.Investor), null!);

        ThenRefused(problem, 400);
        Assert.Contains(Assert.IsType<ValidationProblemDetails>(problem).Errors.Keys, key => key.StartsWith("parties[1]", StringComparison.Ordinal));
    }
}
