using Negotiations.Deals;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.Lifecycle;

/// <summary>A weaker later report does not silently replace a stronger, at least as precise value.</summary>
public class SourceStrengthTests
{
    private static Source Unattributed(string on) => new("Some blog", Day(on), Attribution.Unattributed);

    private static Source Company(string on) => new("Amazon", Day(on), Attribution.CompanyStatement);

    private static TalksReported Talks(ReportedAmount amount, Source source) => new(null, null, [], null, amount, null, source.PublishedOn, source);

    [Fact]
    public void an_unattributed_about_50_billion_does_not_replace_the_wsjs_up_to_50_billion()
    {
        var deal = Given(Opened(), Proposed(), Talks(Usd(50_000_000_000m, AmountQualifier.About), Unattributed("2026-02-01")));

        Assert.Equal((Usd(50_000_000_000m, AmountQualifier.UpTo), Wsj()), (deal.Amount!, deal.Sources.Amount!));
    }

    [Fact]
    public void a_weaker_report_with_a_more_precise_value_replaces_it()
    {
        var deal = Given(Opened(), Proposed(), Talks(Usd(48_000_000_000m), Unattributed("2026-02-01")));

        Assert.Equal((Usd(48_000_000_000m), Unattributed("2026-02-01")), (deal.Amount!, deal.Sources.Amount!));
    }

    [Fact]
    public void an_equally_strong_or_stronger_later_report_replaces_the_value_whatever_its_precision()
    {
        var sameStrength = Given(Opened(), Proposed(), Talks(Usd(40_000_000_000m, AmountQualifier.About), Wsj("2026-02-01")));
        var stronger = Given(Opened(), Proposed(), Talks(Usd(40_000_000_000m, AmountQualifier.About), Company("2026-02-01")));

        Assert.Equal(Usd(40_000_000_000m, AmountQualifier.About), sameStrength.Amount);
        Assert.Equal((Usd(40_000_000_000m, AmountQualifier.About), Company("2026-02-01")), (stronger.Amount!, stronger.Sources.Amount!));
    }

    [Fact]
    public void a_company_statement_is_not_replaced_by_a_later_anonymous_report_of_the_same_precision()
    {
        var deal = Given(
            Opened(), new StakeRevised(Usd(50_000_000_000m), 5m, "announced", Day("2026-02-27"), Company("2026-02-27")),
            new StakeRevised(Usd(45_000_000_000m), 4m, "people familiar say less", Day("2026-02-28"), Wsj("2026-02-28")));

        Assert.Equal((Usd(50_000_000_000m), 5m), (deal.Amount!, deal.StakePercent!.Value));
        Assert.Equal(new ValueSources(Company("2026-02-27"), null, Company("2026-02-27")), deal.Sources);
    }

    [Theory]
    [InlineData(AmountQualifier.Exact, 2)]
    [InlineData(AmountQualifier.Between, 1)]
    [InlineData(AmountQualifier.About, 0)]
    [InlineData(AmountQualifier.UpTo, 0)]
    [InlineData(AmountQualifier.AtLeast, 0)]
    public void precision_ranks_exact_over_a_range_over_a_bound_or_an_estimate(AmountQualifier qualifier, int precision)
    {
        Assert.Equal(precision, Deal.Precision(qualifier));
    }

    [Fact]
    public void each_value_keeps_the_source_it_came_from()
    {
        var deal = Given(Opened(), Proposed() with { Valuation = new Valuation(830_000_000_000m, "USD", AmountQualifier.About) },
            new StakeRevised(null, 3m, "stake reported", Day("2026-02-01"), Company("2026-02-01")));

        Assert.Equal(new ValueSources(Wsj(), Wsj(), Company("2026-02-01")), deal.Sources);
    }
}
