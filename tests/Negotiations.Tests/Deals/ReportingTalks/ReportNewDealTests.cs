using Negotiations.Deals;
using Negotiations.Deals.ReportingTalks;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.ReportingTalks;

public class ReportNewDealTests
{
    private static ReportNewDeal Valid() => new(
        "Amazon invests in OpenAI", DealKind.Investment,
        [new Party("Amazon", PartyRole.Investor), new Party("OpenAI", PartyRole.Target)],
        Wsj("2025-12-16"), Amount: Usd(10_000_000_000m, AmountQualifier.AtLeast));

    [Fact]
    public void a_first_report_of_talks_is_accepted_and_opens_the_deal()
    {
        var command = Valid();

        ThenAccepted(ReportNewDealEndpoint.Validate(command, null, Now));
        ThenEvent(Opened(), ReportNewDealEndpoint.Decide(command));
    }

    [Fact]
    public void every_reported_detail_is_recorded_in_the_opening_event()
    {
        var source = new Source("The Information", Day("2025-12-16"), Attribution.NamedSource, "https://www.theinformation.com/articles/amazon-openai");
        var command = new ReportNewDeal(
            "Amazon invests in OpenAI", DealKind.Investment,
            [new Party("Amazon", PartyRole.Investor), new Party("OpenAI", PartyRole.Target), new Party("Microsoft", PartyRole.CoInvestor)],
            source,
            Summary: "Amazon in talks to invest at least $10B",
            Amount: new ReportedAmount(10_000_000_000m, "USD", AmountQualifier.Between, 20_000_000_000m),
            Valuation: new Valuation(500_000_000_000m, "USD", AmountQualifier.About, null, ValuationBasis.PostMoney),
            OccurredOn: Day("2025-12-15"));

        ThenAccepted(ReportNewDealEndpoint.Validate(command, null, Now));
        ThenEvent(
            new TalksReported(
                "Amazon invests in OpenAI", DealKind.Investment,
                [new Party("Amazon", PartyRole.Investor), new Party("OpenAI", PartyRole.Target), new Party("Microsoft", PartyRole.CoInvestor)],
                "Amazon in talks to invest at least $10B",
                new ReportedAmount(10_000_000_000m, "USD", AmountQualifier.Between, 20_000_000_000m),
                new Valuation(500_000_000_000m, "USD", AmountQualifier.About, null, ValuationBasis.PostMoney),
                Day("2025-12-15"), source),
            ReportNewDealEndpoint.Decide(command));
    }

    [Fact]
    public void occurred_on_defaults_to_the_day_the_source_published()
    {
        var command = Valid() with { Source = Wsj("2025-12-18") };

        Assert.Equal(Day("2025-12-18"), ReportNewDealEndpoint.Decide(command).OccurredOn);
    }

    [Fact]
    public void an_explicit_occurred_on_wins_over_the_publication_day()
    {
        var command = Valid() with { OccurredOn = Day("2025-12-14") };

        ThenAccepted(ReportNewDealEndpoint.Validate(command, null, Now));
        ThenEvent(Opened() with { OccurredOn = Day("2025-12-14") }, ReportNewDealEndpoint.Decide(command));
    }

    [Fact]
    public void the_title_and_party_names_are_recorded_trimmed()
    {
        var command = Valid() with
        {
            Title = "  Amazon invests in OpenAI ",
            Parties = [new Party(" Amazon", PartyRole.Investor), new Party("OpenAI  ", PartyRole.Target)],
        };

        ThenAccepted(ReportNewDealEndpoint.Validate(command, null, Now));
        ThenEvent(Opened(), ReportNewDealEndpoint.Decide(command));
    }

    [Fact]
    public void dates_up_to_tomorrow_are_accepted()
    {
        var command = Valid() with { Source = Wsj("2026-03-02"), OccurredOn = Tomorrow };

        ThenAccepted(ReportNewDealEndpoint.Validate(command, null, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void a_missing_title_is_refused(string? title) =>
        ThenRefused(ReportNewDealEndpoint.Validate(Valid() with { Title = title! }, null, Now), 400, "title");

    [Fact]
    public void a_title_of_200_characters_is_accepted_and_one_of_201_refused()
    {
        ThenAccepted(ReportNewDealEndpoint.Validate(Valid() with { Title = Text(200) }, null, Now));
        ThenRefused(ReportNewDealEndpoint.Validate(Valid() with { Title = Text(201) }, null, Now), 400, "title");
    }

    [Fact]
    public void a_summary_of_4000_characters_is_accepted_and_one_of_4001_refused()
    {
        ThenAccepted(ReportNewDealEndpoint.Validate(Valid() with { Summary = Text(4000) }, null, Now));
        ThenRefused(ReportNewDealEndpoint.Validate(Valid() with { Summary = Text(4001) }, null, Now), 400, "summary");
    }

    [Fact]
    public void a_deal_with_a_single_party_is_refused()
    {
        var command = Valid() with { Parties = [new Party("Amazon", PartyRole.Investor)] };

        ThenRefused(ReportNewDealEndpoint.Validate(command, null, Now), 400, "parties");
    }

    [Fact]
    public void a_deal_without_parties_is_refused()
    {
        ThenRefused(ReportNewDealEndpoint.Validate(Valid() with { Parties = [] }, null, Now), 400, "parties");
        ThenRefused(ReportNewDealEndpoint.Validate(Valid() with { Parties = null! }, null, Now), 400, "parties");
    }

    [Fact]
    public void the_same_party_named_twice_in_another_letter_case_is_refused()
    {
        var command = Valid() with { Parties = [new Party("OpenAI", PartyRole.Target), new Party("openai", PartyRole.Investor)] };

        ThenRefused(ReportNewDealEndpoint.Validate(command, null, Now), 400, "parties");
    }

    [Fact]
    public void the_same_party_named_twice_with_surrounding_spaces_is_refused()
    {
        var command = Valid() with
        {
            Parties = [new Party("Amazon", PartyRole.Investor), new Party("OpenAI", PartyRole.Target), new Party(" Amazon ", PartyRole.CoInvestor)],
        };

        ThenRefused(ReportNewDealEndpoint.Validate(command, null, Now), 400, "parties");
    }

    [Fact]
    public void a_party_without_a_name_is_refused_by_its_index_and_leaves_too_few_parties()
    {
        var command = Valid() with { Parties = [new Party("Amazon", PartyRole.Investor), new Party(" ", PartyRole.Target)] };

        ThenRefused(ReportNewDealEndpoint.Validate(command, null, Now), 400, "parties[1].name", "parties");
    }

    [Fact]
    public void a_party_name_longer_than_200_characters_is_refused_by_its_index()
    {
        ThenAccepted(ReportNewDealEndpoint.Validate(
            Valid() with { Parties = [new Party("Amazon", PartyRole.Investor), new Party(Text(200), PartyRole.Target)] }, null, Now));
        ThenRefused(ReportNewDealEndpoint.Validate(
            Valid() with { Parties = [new Party("Amazon", PartyRole.Investor), new Party(Text(201), PartyRole.Target)] }, null, Now),
            400, "parties[1].name");
    }

    [Fact]
    public void at_most_50_parties_are_accepted()
    {
        static List<Party> Parties(int count) => [.. Enumerable.Range(1, count).Select(i => new Party($"Party {i}", PartyRole.CoInvestor))];

        ThenAccepted(ReportNewDealEndpoint.Validate(Valid() with { Parties = Parties(50) }, null, Now));
        ThenRefused(ReportNewDealEndpoint.Validate(Valid() with { Parties = Parties(51) }, null, Now), 400, "parties");
    }

    [Fact]
    public void an_amount_of_zero_is_refused()
    {
        ThenRefused(ReportNewDealEndpoint.Validate(Valid() with { Amount = Usd(0m) }, null, Now), 400, "amount.value");
    }

    [Fact]
    public void an_amount_in_an_unknown_currency_is_refused()
    {
        var command = Valid() with { Amount = new ReportedAmount(10_000_000_000m, "usd") };

        ThenRefused(ReportNewDealEndpoint.Validate(command, null, Now), 400, "amount.currency");
    }

    [Fact]
    public void an_amount_between_without_an_upper_bound_is_refused()
    {
        ThenRefused(ReportNewDealEndpoint.Validate(Valid() with { Amount = Usd(10_000_000_000m, AmountQualifier.Between) }, null, Now), 400, "amount.high");
    }

    [Fact]
    public void an_upper_bound_on_an_amount_that_is_not_between_is_refused()
    {
        var command = Valid() with { Amount = new ReportedAmount(10_000_000_000m, "USD", AmountQualifier.AtLeast, 20_000_000_000m) };

        ThenRefused(ReportNewDealEndpoint.Validate(command, null, Now), 400, "amount.high");
    }

    [Fact]
    public void an_invalid_valuation_is_refused_field_by_field()
    {
        var command = Valid() with { Valuation = new Valuation(-1m, "EURO", AmountQualifier.Between, null) };

        ThenRefused(ReportNewDealEndpoint.Validate(command, null, Now), 400, "valuation.value", "valuation.currency", "valuation.high");
    }

    [Fact]
    public void a_report_without_a_source_is_refused()
    {
        ThenRefused(ReportNewDealEndpoint.Validate(Valid() with { Source = null! }, null, Now), 400, "source");
    }

    [Fact]
    public void a_source_without_a_publication_is_refused()
    {
        ThenRefused(ReportNewDealEndpoint.Validate(Valid() with { Source = Wsj("2025-12-16") with { Publication = "  " } }, null, Now), 400, "source.publication");
    }

    [Fact]
    public void a_publication_name_longer_than_200_characters_is_refused()
    {
        ThenAccepted(ReportNewDealEndpoint.Validate(Valid() with { Source = Wsj("2025-12-16") with { Publication = Text(200) } }, null, Now));
        ThenRefused(ReportNewDealEndpoint.Validate(Valid() with { Source = Wsj("2025-12-16") with { Publication = Text(201) } }, null, Now), 400, "source.publication");
    }

    [Fact]
    public void a_source_url_that_is_not_http_is_refused()
    {
        var command = Valid() with { Source = Wsj("2025-12-16") with { Url = "ftp://wsj.com/amazon-openai" } };

        ThenRefused(ReportNewDealEndpoint.Validate(command, null, Now), 400, "source.url");
    }

    [Fact]
    public void a_source_published_after_tomorrow_is_refused()
    {
        var command = Valid() with { Source = Wsj("2026-03-03") };

        ThenRefused(ReportNewDealEndpoint.Validate(command, null, Now), 400, "source.publishedOn");
    }

    [Fact]
    public void an_occurred_on_before_1900_is_refused()
    {
        ThenRefused(ReportNewDealEndpoint.Validate(Valid() with { OccurredOn = TooEarly }, null, Now), 400, "occurredOn");
    }

    [Fact]
    public void an_occurred_on_after_tomorrow_is_refused()
    {
        ThenRefused(ReportNewDealEndpoint.Validate(Valid() with { OccurredOn = DayAfterTomorrow }, null, Now), 400, "occurredOn");
    }

    [Fact]
    public void every_invalid_field_is_named_at_once()
    {
        var command = Valid() with
        {
            Title = "",
            Parties = [new Party("Amazon", PartyRole.Investor)],
            Amount = Usd(-5m),
            Source = Wsj("2025-12-16") with { Url = "wsj.com/article" },
            OccurredOn = DayAfterTomorrow,
        };

        ThenRefused(ReportNewDealEndpoint.Validate(command, null, Now), 400, "title", "parties", "amount.value", "source.url", "occurredOn");
    }
}
