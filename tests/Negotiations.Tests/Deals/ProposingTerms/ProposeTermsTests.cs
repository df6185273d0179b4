using Negotiations.Deals;
using Negotiations.Deals.ProposingTerms;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.ProposingTerms;

public class ProposeTermsTests
{
    private static ProposeTerms Valid() => new(Wsj(), Usd(50_000_000_000m, AmountQualifier.UpTo));

    [Fact]
    public void terms_proposed_on_a_deal_in_talks_are_accepted_and_recorded()
    {
        var command = Valid();

        ThenAccepted(ProposeTermsEndpoint.Validate(command, Given(Opened()), Now));
        ThenEvent(Proposed(), ProposeTermsEndpoint.Decide(command));
    }

    [Fact]
    public void every_proposed_term_is_recorded()
    {
        var source = new Source("Reuters", Day("2026-01-29"), Attribution.NamedSource, "https://www.reuters.com/technology/amazon-openai");
        var command = new ProposeTerms(
            source, Usd(50_000_000_000m, AmountQualifier.UpTo),
            Valuation: new Valuation(830_000_000_000m, "USD", AmountQualifier.About, null, ValuationBasis.PostMoney),
            StakePercent: 5.5m,
            Instrument: "convertible notes",
            Governance: "no board seat",
            Commitments: "OpenAI to use AWS Trainium",
            Summary: "Amazon proposes up to $50B",
            OccurredOn: Day("2026-01-28"),
            ExpectedVersion: 1);

        ThenAccepted(ProposeTermsEndpoint.Validate(command, Given(Opened()), Now));
        ThenEvent(
            new TermsProposed(
                Usd(50_000_000_000m, AmountQualifier.UpTo),
                new Valuation(830_000_000_000m, "USD", AmountQualifier.About, null, ValuationBasis.PostMoney),
                5.5m, "convertible notes", "no board seat", "OpenAI to use AWS Trainium", "Amazon proposes up to $50B",
                Day("2026-01-28"), source),
            ProposeTermsEndpoint.Decide(command));
    }

    public static TheoryData<ProposeTerms> TermsWithoutAnAmount => new()
    {
        new ProposeTerms(Wsj(), Valuation: new Valuation(830_000_000_000m, "USD", AmountQualifier.About)),
        new ProposeTerms(Wsj(), StakePercent: 5m),
        new ProposeTerms(Wsj(), Instrument: "convertible notes"),
        new ProposeTerms(Wsj(), Governance: "observer seat"),
        new ProposeTerms(Wsj(), Commitments: "OpenAI to use AWS Trainium"),
    };

    [Theory]
    [MemberData(nameof(TermsWithoutAnAmount))]
    public void terms_without_an_amount_are_accepted_and_recorded_when_they_give_another_term(ProposeTerms command)
    {
        ThenAccepted(ProposeTermsEndpoint.Validate(command, Given(Opened()), Now));
        ThenEvent(
            new TermsProposed(
                null, command.Valuation, command.StakePercent, command.Instrument, command.Governance, command.Commitments, null,
                Day("2026-01-29"), Wsj()),
            ProposeTermsEndpoint.Decide(command));
    }

    [Fact]
    public void terms_that_give_nothing_but_a_source_are_refused_naming_the_amount()
    {
        var command = new ProposeTerms(Wsj(), Summary: "talks about terms");

        TestJson.AssertSame(
            Problem.Invalid(("amount", "Give the terms: an 'amount', or at least one of 'valuation', 'stakePercent', 'instrument', 'governance', 'commitments'.")),
            Problem.Of(ProposeTermsEndpoint.Validate(command, Given(Opened()), Now)));
    }

    [Fact]
    public void terms_without_an_amount_keep_the_current_amount()
    {
        var command = new ProposeTerms(Wsj("2026-02-05"), Governance: "observer seat");

        var deal = Given(Opened(), Proposed(), ProposeTermsEndpoint.Decide(command));

        ThenState(DealStatus.TermsProposed, 3, deal);
        Assert.Equal(Usd(50_000_000_000m, AmountQualifier.UpTo), deal.Amount);
        Assert.Equal(Wsj(), deal.Sources.Amount);
        Assert.Equal("observer seat", deal.Governance);
    }

    [Fact]
    public void occurred_on_defaults_to_the_day_the_source_published()
    {
        Assert.Equal(Day("2026-01-30"), ProposeTermsEndpoint.Decide(Valid() with { Source = Wsj("2026-01-30") }).OccurredOn);
    }

    [Fact]
    public void an_explicit_occurred_on_wins_over_the_publication_day()
    {
        var command = Valid() with { OccurredOn = Day("2026-01-27") };

        ThenEvent(Proposed() with { OccurredOn = Day("2026-01-27") }, ProposeTermsEndpoint.Decide(command));
    }

    [Fact]
    public void new_terms_on_a_deal_with_proposed_terms_are_accepted()
    {
        ThenAccepted(ProposeTermsEndpoint.Validate(Valid(), Given(Opened(), Proposed()), Now));
        ThenAccepted(ProposeTermsEndpoint.Validate(Valid(), Given(Opened(), Proposed(), Revised()), Now));
    }

    [Fact]
    public void a_closed_deal_refuses_new_terms_dated_after_the_close_with_a_conflict()
    {
        // Closed on 2026-02-27: terms of 2026-02-28 would contradict the close.
        var command = Valid() with { Source = Wsj("2026-02-28") };

        ThenConflict(
            ProposeTermsEndpoint.Validate(command, Given(Opened(), Proposed(), Closed()), Now), 3,
            AfterFinal("closed", "take proposed terms", "2026-02-27"));
    }

    [Fact]
    public void terms_dated_before_the_close_are_accepted_and_sort_into_place_leaving_the_deal_closed()
    {
        // Closed on 2026-02-27 with an exact $50B: terms of 2026-02-10 sort before the close, which still sets the status and amount.
        var command = Valid() with { Source = Wsj("2026-02-10"), StakePercent = 5m };

        ThenAccepted(ProposeTermsEndpoint.Validate(command, Given(Opened(), Proposed(), Closed()), Now));
        var deal = Given(Opened(), Proposed(), Closed(), ProposeTermsEndpoint.Decide(command));
        ThenState(DealStatus.Closed, 4, deal);
        Assert.Equal(Day("2026-02-27"), deal.ClosedOn);
        Assert.Equal(Day("2026-02-27"), deal.LastMoveOn);
        Assert.Equal(Usd(50_000_000_000m), deal.Amount);
        Assert.Equal(5m, deal.StakePercent);
    }

    [Fact]
    public void an_abandoned_deal_refuses_new_terms_dated_after_the_abandonment_with_a_conflict()
    {
        // Abandoned on 2026-02-01: terms of 2026-02-05 need talks reported again first.
        var command = Valid() with { Source = Wsj("2026-02-05") };

        ThenConflict(ProposeTermsEndpoint.Validate(command, Given(Opened(), Abandoned()), Now), 2, AfterAbandonment("take proposed terms"));
    }

    [Fact]
    public void terms_dated_before_the_abandonment_are_accepted_and_sort_into_place_leaving_the_deal_abandoned()
    {
        // Abandoned on 2026-02-01: the terms of 2026-01-29 sort before the abandonment.
        var command = Valid();

        ThenAccepted(ProposeTermsEndpoint.Validate(command, Given(Opened(), Abandoned()), Now));
        var deal = Given(Opened(), Abandoned(), ProposeTermsEndpoint.Decide(command));
        ThenState(DealStatus.Abandoned, 3, deal);
        Assert.Equal("Talks collapsed", deal.AbandonedReason);
        Assert.Equal(Day("2026-02-01"), deal.LastMoveOn);
        Assert.Equal(Usd(50_000_000_000m, AmountQualifier.UpTo), deal.Amount);
    }

    [Fact]
    public void a_revived_deal_takes_new_terms_again()
    {
        ThenAccepted(ProposeTermsEndpoint.Validate(Valid(), Given(Opened(), Abandoned(), TalksAgain()), Now));
    }

    [Fact]
    public void a_stale_expected_version_is_refused_with_the_current_version()
    {
        var deal = Given(Opened(), Proposed(), Revised());

        ThenConflict(ProposeTermsEndpoint.Validate(Valid() with { ExpectedVersion = 2 }, deal, Now), 3);
    }

    [Fact]
    public void a_matching_expected_version_is_accepted()
    {
        ThenAccepted(ProposeTermsEndpoint.Validate(Valid() with { ExpectedVersion = 3 }, Given(Opened(), Proposed(), Revised()), Now));
    }

    [Fact]
    public void an_invalid_amount_is_refused_field_by_field()
    {
        var command = Valid() with { Amount = new ReportedAmount(0m, "", AmountQualifier.Between) };

        ThenRefused(ProposeTermsEndpoint.Validate(command, Given(Opened()), Now), 400, "amount.value", "amount.currency", "amount.high");
    }

    [Fact]
    public void an_amount_between_with_a_lower_upper_bound_is_refused()
    {
        var command = Valid() with { Amount = new ReportedAmount(50_000_000_000m, "USD", AmountQualifier.Between, 10_000_000_000m) };

        ThenRefused(ProposeTermsEndpoint.Validate(command, Given(Opened()), Now), 400, "amount.high");
    }

    [Fact]
    public void an_invalid_valuation_is_refused_field_by_field()
    {
        var command = Valid() with { Valuation = new Valuation(0m, "usd", AmountQualifier.About, 1m) };

        ThenRefused(ProposeTermsEndpoint.Validate(command, Given(Opened()), Now), 400, "valuation.value", "valuation.currency", "valuation.high");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("100.01")]
    public void a_stake_percent_outside_0_to_100_is_refused(string percent)
    {
        var command = Valid() with { StakePercent = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture) };

        ThenRefused(ProposeTermsEndpoint.Validate(command, Given(Opened()), Now), 400, "stakePercent");
    }

    [Fact]
    public void a_stake_of_100_percent_is_accepted()
    {
        ThenAccepted(ProposeTermsEndpoint.Validate(Valid() with { StakePercent = 100m }, Given(Opened()), Now));
    }

    [Fact]
    public void an_instrument_of_200_characters_is_accepted_and_one_of_201_refused()
    {
        ThenAccepted(ProposeTermsEndpoint.Validate(Valid() with { Instrument = Text(200) }, Given(Opened()), Now));
        ThenRefused(ProposeTermsEndpoint.Validate(Valid() with { Instrument = Text(201) }, Given(Opened()), Now), 400, "instrument");
    }

    [Fact]
    public void texts_of_4000_characters_are_accepted()
    {
        var command = Valid() with { Governance = Text(4000), Commitments = Text(4000), Summary = Text(4000) };

        ThenAccepted(ProposeTermsEndpoint.Validate(command, Given(Opened()), Now));
    }

    [Fact]
    public void texts_longer_than_4000_characters_are_refused_field_by_field()
    {
        var command = Valid() with { Governance = Text(4001), Commitments = Text(4001), Summary = Text(4001) };

        ThenRefused(ProposeTermsEndpoint.Validate(command, Given(Opened()), Now), 400, "governance", "commitments", "summary");
    }

    [Fact]
    public void terms_without_a_source_are_refused()
    {
        ThenRefused(ProposeTermsEndpoint.Validate(Valid() with { Source = null! }, Given(Opened()), Now), 400, "source");
    }

    [Fact]
    public void an_invalid_source_is_refused_field_by_field()
    {
        var command = Valid() with { Source = new Source(Text(201), TooEarly, Attribution.Unattributed, "ftp://wsj.com/x") };

        ThenRefused(ProposeTermsEndpoint.Validate(command, Given(Opened()), Now), 400, "source.publication", "source.publishedOn", "source.url");
    }

    [Fact]
    public void an_occurred_on_out_of_range_is_refused()
    {
        ThenRefused(ProposeTermsEndpoint.Validate(Valid() with { OccurredOn = TooEarly }, Given(Opened()), Now), 400, "occurredOn");
        ThenRefused(ProposeTermsEndpoint.Validate(Valid() with { OccurredOn = DayAfterTomorrow }, Given(Opened()), Now), 400, "occurredOn");
    }

    [Fact]
    public void invalid_terms_on_a_closed_deal_are_refused_for_their_fields_first()
    {
        ThenRefused(ProposeTermsEndpoint.Validate(Valid() with { StakePercent = 0m }, Given(Opened(), Closed()), Now), 400, "stakePercent");
    }
}
