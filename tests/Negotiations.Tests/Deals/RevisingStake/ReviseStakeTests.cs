using Negotiations.Deals;
using Negotiations.Deals.RevisingStake;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.RevisingStake;

public class ReviseStakeTests
{
    private static ReviseStake Valid() =>
        new("announced: $15B up front, $35B on conditions", Wsj("2026-02-27"), Amount: Usd(50_000_000_000m));

    [Fact]
    public void a_revised_stake_on_a_deal_with_proposed_terms_is_accepted_and_recorded()
    {
        var command = Valid();

        ThenAccepted(ReviseStakeEndpoint.Validate(command, Given(Opened(), Proposed()), Now));
        ThenEvent(Revised(), ReviseStakeEndpoint.Decide(command));
    }

    [Fact]
    public void a_revised_amount_and_stake_percent_are_both_recorded()
    {
        var command = Valid() with { StakePercent = 6.25m, OccurredOn = Day("2026-02-26"), ExpectedVersion = 2 };

        ThenAccepted(ReviseStakeEndpoint.Validate(command, Given(Opened(), Proposed()), Now));
        ThenEvent(
            new StakeRevised(Usd(50_000_000_000m), 6.25m, "announced: $15B up front, $35B on conditions", Day("2026-02-26"), Wsj("2026-02-27")),
            ReviseStakeEndpoint.Decide(command));
    }

    [Fact]
    public void a_revised_stake_percent_alone_is_accepted_and_recorded_without_an_amount()
    {
        var command = new ReviseStake("Amazon takes a larger share", Wsj("2026-02-20"), StakePercent: 7m);

        ThenAccepted(ReviseStakeEndpoint.Validate(command, Given(Opened(), Proposed()), Now));
        ThenEvent(
            new StakeRevised(null, 7m, "Amazon takes a larger share", Day("2026-02-20"), Wsj("2026-02-20")),
            ReviseStakeEndpoint.Decide(command));
    }

    [Fact]
    public void occurred_on_defaults_to_the_day_the_source_published()
    {
        Assert.Equal(Day("2026-02-25"), ReviseStakeEndpoint.Decide(Valid() with { Source = Wsj("2026-02-25") }).OccurredOn);
    }

    [Fact]
    public void an_explicit_occurred_on_wins_over_the_publication_day()
    {
        ThenEvent(Revised() with { OccurredOn = Day("2026-02-24") }, ReviseStakeEndpoint.Decide(Valid() with { OccurredOn = Day("2026-02-24") }));
    }

    [Fact]
    public void a_revised_stake_on_a_deal_in_talks_is_accepted()
    {
        ThenAccepted(ReviseStakeEndpoint.Validate(Valid(), Given(Opened()), Now));
    }

    [Fact]
    public void a_stake_revised_again_is_accepted()
    {
        ThenAccepted(ReviseStakeEndpoint.Validate(Valid(), Given(Opened(), Proposed(), Revised()), Now));
    }

    [Fact]
    public void a_closed_deal_refuses_a_revised_stake_dated_after_the_close_with_a_conflict()
    {
        // Closed on 2026-02-27: a revision of 2026-02-28 would contradict the close.
        ThenConflict(
            ReviseStakeEndpoint.Validate(Valid() with { OccurredOn = Day("2026-02-28") }, Given(Opened(), Proposed(), Revised(), Closed()), Now), 4,
            AfterFinal("closed", "have its stake revised", "2026-02-27"));
    }

    [Fact]
    public void a_revised_stake_dated_before_the_close_is_accepted_and_sorts_into_place_leaving_the_deal_closed()
    {
        // Closed on 2026-02-27: a revision of 2026-02-26 sorts before the close, which still ends the deal.
        var command = Valid() with { StakePercent = 6m, OccurredOn = Day("2026-02-26") };

        ThenAccepted(ReviseStakeEndpoint.Validate(command, Given(Opened(), Proposed(), Revised(), Closed()), Now));
        var deal = Given(Opened(), Proposed(), Revised(), Closed(), ReviseStakeEndpoint.Decide(command));
        ThenState(DealStatus.Closed, 5, deal);
        Assert.Equal(Day("2026-02-27"), deal.ClosedOn);
        Assert.Equal(6m, deal.StakePercent);
    }

    [Fact]
    public void an_abandoned_deal_refuses_a_revised_stake_with_a_conflict()
    {
        ThenConflict(ReviseStakeEndpoint.Validate(Valid(), Given(Opened(), Proposed(), Abandoned()), Now), 3);
    }

    [Fact]
    public void a_stale_expected_version_is_refused_with_the_current_version()
    {
        ThenConflict(ReviseStakeEndpoint.Validate(Valid() with { ExpectedVersion = 1 }, Given(Opened(), Proposed()), Now), 2);
    }

    [Fact]
    public void a_matching_expected_version_is_accepted()
    {
        ThenAccepted(ReviseStakeEndpoint.Validate(Valid() with { ExpectedVersion = 2 }, Given(Opened(), Proposed()), Now));
    }

    [Fact]
    public void a_revision_with_neither_amount_nor_stake_percent_is_refused()
    {
        var command = new ReviseStake("no change", Wsj("2026-02-27"));

        ThenRefused(ReviseStakeEndpoint.Validate(command, Given(Opened(), Proposed()), Now), 400, "amount");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void a_revision_without_a_reason_is_refused(string? reason)
    {
        ThenRefused(ReviseStakeEndpoint.Validate(Valid() with { Reason = reason! }, Given(Opened(), Proposed()), Now), 400, "reason");
    }

    [Fact]
    public void a_reason_of_4000_characters_is_accepted_and_one_of_4001_refused()
    {
        ThenAccepted(ReviseStakeEndpoint.Validate(Valid() with { Reason = Text(4000) }, Given(Opened(), Proposed()), Now));
        ThenRefused(ReviseStakeEndpoint.Validate(Valid() with { Reason = Text(4001) }, Given(Opened(), Proposed()), Now), 400, "reason");
    }

    [Fact]
    public void an_invalid_amount_is_refused_field_by_field()
    {
        var command = Valid() with { Amount = new ReportedAmount(-1m, "Dollars", AmountQualifier.About, 10m) };

        ThenRefused(ReviseStakeEndpoint.Validate(command, Given(Opened(), Proposed()), Now), 400, "amount.value", "amount.currency", "amount.high");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    [InlineData("100.01")]
    public void a_stake_percent_outside_0_to_100_is_refused(string percent)
    {
        var command = Valid() with { StakePercent = decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture) };

        ThenRefused(ReviseStakeEndpoint.Validate(command, Given(Opened(), Proposed()), Now), 400, "stakePercent");
    }

    [Fact]
    public void a_stake_of_100_percent_is_accepted()
    {
        ThenAccepted(ReviseStakeEndpoint.Validate(Valid() with { Amount = null, StakePercent = 100m }, Given(Opened(), Proposed()), Now));
    }

    [Fact]
    public void a_revision_without_a_source_is_refused()
    {
        ThenRefused(ReviseStakeEndpoint.Validate(Valid() with { Source = null! }, Given(Opened(), Proposed()), Now), 400, "source");
    }

    [Fact]
    public void an_invalid_source_is_refused_field_by_field()
    {
        var command = Valid() with { Source = new Source(" ", DayAfterTomorrow, Attribution.CompanyStatement, "mailto:press@amazon.com") };

        ThenRefused(ReviseStakeEndpoint.Validate(command, Given(Opened(), Proposed()), Now), 400, "source.publication", "source.publishedOn", "source.url");
    }

    [Fact]
    public void an_occurred_on_out_of_range_is_refused()
    {
        ThenRefused(ReviseStakeEndpoint.Validate(Valid() with { OccurredOn = TooEarly }, Given(Opened(), Proposed()), Now), 400, "occurredOn");
        ThenRefused(ReviseStakeEndpoint.Validate(Valid() with { OccurredOn = DayAfterTomorrow }, Given(Opened(), Proposed()), Now), 400, "occurredOn");
    }
}
