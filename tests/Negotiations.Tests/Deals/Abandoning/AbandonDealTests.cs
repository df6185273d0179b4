using Negotiations.Deals;
using Negotiations.Deals.Abandoning;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.Abandoning;

public class AbandonDealTests
{
    private static AbandonDeal Valid() => new("Talks collapsed", Wsj("2026-02-01"));

    [Fact]
    public void abandoning_a_deal_in_talks_is_accepted_and_recorded()
    {
        var command = Valid();

        ThenAccepted(AbandonDealEndpoint.Validate(command, Given(Opened()), Now));
        ThenEvent(Abandoned(), AbandonDealEndpoint.Decide(command));
    }

    [Fact]
    public void every_detail_of_the_abandonment_is_recorded()
    {
        var source = new Source("Bloomberg", Day("2026-02-03"), Attribution.NamedSource, "http://www.bloomberg.com/news/amazon-openai");
        var command = new AbandonDeal("OpenAI walked away over exclusivity", source, Day("2026-02-02"), ExpectedVersion: 2);

        ThenAccepted(AbandonDealEndpoint.Validate(command, Given(Opened(), Proposed()), Now));
        ThenEvent(new DealAbandoned("OpenAI walked away over exclusivity", Day("2026-02-02"), source), AbandonDealEndpoint.Decide(command));
    }

    [Fact]
    public void occurred_on_defaults_to_the_day_the_source_published()
    {
        Assert.Equal(Day("2026-02-05"), AbandonDealEndpoint.Decide(Valid() with { Source = Wsj("2026-02-05") }).OccurredOn);
    }

    [Fact]
    public void an_explicit_occurred_on_wins_over_the_publication_day()
    {
        ThenEvent(Abandoned() with { OccurredOn = Day("2026-01-31") }, AbandonDealEndpoint.Decide(Valid() with { OccurredOn = Day("2026-01-31") }));
    }

    [Fact]
    public void abandoning_a_deal_with_proposed_terms_is_accepted()
    {
        ThenAccepted(AbandonDealEndpoint.Validate(Valid(), Given(Opened(), Proposed()), Now));
        ThenAccepted(AbandonDealEndpoint.Validate(Valid() with { OccurredOn = Day("2026-02-28") }, Given(Opened(), Proposed(), Revised()), Now));
    }

    [Fact]
    public void a_closed_deal_refuses_an_abandonment_dated_after_the_close_with_a_conflict()
    {
        // Closed on 2026-02-27: an abandonment of 2026-02-28 would contradict the close.
        ThenConflict(
            AbandonDealEndpoint.Validate(Valid() with { OccurredOn = Day("2026-02-28") }, Given(Opened(), Closed()), Now), 2,
            AfterFinal("closed", "be abandoned", "2026-02-27"));
    }

    [Fact]
    public void an_abandonment_dated_before_the_close_is_accepted_and_sorts_into_place_leaving_the_deal_closed()
    {
        // Closed on 2026-02-27: talks that collapsed on 2026-02-01 sort before the close, which still ends the deal.
        var command = Valid();

        ThenAccepted(AbandonDealEndpoint.Validate(command, Given(Opened(), Closed()), Now));
        var deal = Given(Opened(), Closed(), AbandonDealEndpoint.Decide(command));
        ThenState(DealStatus.Closed, 3, deal);
        Assert.Equal(Day("2026-02-27"), deal.ClosedOn);
        Assert.Null(deal.AbandonedReason);
        Assert.Equal(Day("2026-02-27"), deal.LastMoveOn);
    }

    [Fact]
    public void an_abandoned_deal_refuses_to_be_abandoned_again_later_with_a_conflict()
    {
        // Abandoned on 2026-02-01: a second abandonment of 2026-02-05 needs talks reported again first.
        ThenConflict(
            AbandonDealEndpoint.Validate(Valid() with { OccurredOn = Day("2026-02-05") }, Given(Opened(), Proposed(), Abandoned()), Now), 3,
            AfterAbandonment("be abandoned"));
    }

    [Fact]
    public void a_second_abandonment_dated_no_later_than_the_first_is_accepted_and_sorts_into_place()
    {
        // Abandoned on 2026-02-01 ("Talks collapsed"); another report of the abandonment of 2026-01-31 sorts before it.
        var command = Valid() with { Reason = "OpenAI walked away", OccurredOn = Day("2026-01-31") };

        ThenAccepted(AbandonDealEndpoint.Validate(command, Given(Opened(), Proposed(), Abandoned()), Now));
        var deal = Given(Opened(), Proposed(), Abandoned(), AbandonDealEndpoint.Decide(command));
        ThenState(DealStatus.Abandoned, 4, deal);
        Assert.Equal("Talks collapsed", deal.AbandonedReason);
        Assert.Equal(Day("2026-02-01"), deal.LastMoveOn);
    }

    [Fact]
    public void a_revived_deal_can_be_abandoned_again()
    {
        ThenAccepted(AbandonDealEndpoint.Validate(Valid() with { OccurredOn = Day("2026-03-01") }, Given(Opened(), Abandoned(), TalksAgain()), Now));
    }

    [Fact]
    public void an_abandonment_dated_before_the_latest_move_is_accepted_and_sorts_into_place_without_changing_the_status()
    {
        // The deal's latest move is the stake revision of 2026-02-27; the abandonment of 2026-02-01 sorts before it, and the
        // revision after it takes the deal back to terms proposed (and forgets the reason).
        var command = Valid();

        ThenAccepted(AbandonDealEndpoint.Validate(command, Given(Opened(), Proposed(), Revised()), Now));
        var deal = Given(Opened(), Proposed(), Revised(), AbandonDealEndpoint.Decide(command));
        ThenState(DealStatus.TermsProposed, 4, deal);
        Assert.Null(deal.AbandonedReason);
        Assert.Equal(Day("2026-02-27"), deal.LastMoveOn);
    }

    [Fact]
    public void a_stale_expected_version_is_refused_with_the_current_version()
    {
        ThenConflict(AbandonDealEndpoint.Validate(Valid() with { ExpectedVersion = 1 }, Given(Opened(), Proposed()), Now), 2);
    }

    [Fact]
    public void a_stale_expected_version_on_a_closed_deal_is_refused_with_the_current_version()
    {
        ThenConflict(AbandonDealEndpoint.Validate(Valid() with { ExpectedVersion = 5 }, Given(Opened(), Closed()), Now), 2);
    }

    [Fact]
    public void a_matching_expected_version_is_accepted()
    {
        ThenAccepted(AbandonDealEndpoint.Validate(Valid() with { ExpectedVersion = 2 }, Given(Opened(), Proposed()), Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void abandoning_without_a_reason_is_refused(string? reason)
    {
        ThenRefused(AbandonDealEndpoint.Validate(Valid() with { Reason = reason! }, Given(Opened()), Now), 400, "reason");
    }

    [Fact]
    public void a_reason_of_4000_characters_is_accepted_and_one_of_4001_refused()
    {
        ThenAccepted(AbandonDealEndpoint.Validate(Valid() with { Reason = Text(4000) }, Given(Opened()), Now));
        ThenRefused(AbandonDealEndpoint.Validate(Valid() with { Reason = Text(4001) }, Given(Opened()), Now), 400, "reason");
    }

    [Fact]
    public void abandoning_without_a_source_is_refused()
    {
        ThenRefused(AbandonDealEndpoint.Validate(Valid() with { Source = null! }, Given(Opened()), Now), 400, "source");
    }

    [Fact]
    public void an_invalid_source_is_refused_field_by_field()
    {
        var command = Valid() with { Source = new Source(Text(201), DayAfterTomorrow, Attribution.AnonymousSource, "https://" + Text(1993)) };

        ThenRefused(AbandonDealEndpoint.Validate(command, Given(Opened()), Now), 400, "source.publication", "source.publishedOn", "source.url");
    }

    [Fact]
    public void an_occurred_on_out_of_range_is_refused()
    {
        ThenRefused(AbandonDealEndpoint.Validate(Valid() with { OccurredOn = TooEarly }, Given(Opened()), Now), 400, "occurredOn");
        ThenRefused(AbandonDealEndpoint.Validate(Valid() with { OccurredOn = DayAfterTomorrow }, Given(Opened()), Now), 400, "occurredOn");
    }

    [Fact]
    public void an_invalid_abandonment_of_a_closed_deal_is_refused_for_its_fields_first()
    {
        ThenRefused(AbandonDealEndpoint.Validate(Valid() with { Reason = "" }, Given(Opened(), Closed()), Now), 400, "reason");
    }
}
