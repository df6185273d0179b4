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
    public void a_closed_deal_refuses_to_be_abandoned_with_a_conflict()
    {
        ThenConflict(AbandonDealEndpoint.Validate(Valid(), Given(Opened(), Closed()), Now), 2);
    }

    [Fact]
    public void an_abandoned_deal_refuses_to_be_abandoned_again_with_a_conflict()
    {
        ThenConflict(AbandonDealEndpoint.Validate(Valid(), Given(Opened(), Proposed(), Abandoned()), Now), 3);
    }

    [Fact]
    public void a_revived_deal_can_be_abandoned_again()
    {
        ThenAccepted(AbandonDealEndpoint.Validate(Valid() with { OccurredOn = Day("2026-03-01") }, Given(Opened(), Abandoned(), TalksAgain()), Now));
    }

    [Fact]
    public void an_abandonment_dated_before_the_latest_report_is_refused_as_it_would_change_nothing()
    {
        // The deal's latest report is the stake revision of 2026-02-27; an abandonment of 2026-02-01 would sort before it.
        ThenConflict(AbandonDealEndpoint.Validate(Valid(), Given(Opened(), Proposed(), Revised()), Now), 3);
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
