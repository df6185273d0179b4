using Negotiations.Deals;
using Negotiations.Deals.Closing;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.Closing;

public class CloseDealTests
{
    private static CloseDeal Valid() => new(Wsj("2026-02-27"), FinalAmount: Usd(50_000_000_000m));

    [Fact]
    public void closing_a_deal_with_proposed_terms_is_accepted_and_recorded()
    {
        var command = Valid();

        ThenAccepted(CloseDealEndpoint.Validate(command, Given(Opened(), Proposed()), Now));
        ThenEvent(Closed(), CloseDealEndpoint.Decide(command));
    }

    [Fact]
    public void every_closing_detail_is_recorded()
    {
        var source = new Source("Amazon", Day("2026-02-27"), Attribution.CompanyStatement, "https://press.aboutamazon.com/openai");
        var command = new CloseDeal(
            source, new ReportedAmount(50_000_000_000m, "USD"), Day("2026-02-26"), "Signed and announced", Day("2026-02-27"), ExpectedVersion: 3);

        ThenAccepted(CloseDealEndpoint.Validate(command, Given(Opened(), Proposed(), Revised()), Now));
        ThenEvent(
            new DealClosed(new ReportedAmount(50_000_000_000m, "USD"), Day("2026-02-26"), "Signed and announced", Day("2026-02-27"), source),
            CloseDealEndpoint.Decide(command));
    }

    [Fact]
    public void without_dates_occurred_on_and_closed_on_default_to_the_day_the_source_published()
    {
        var closed = CloseDealEndpoint.Decide(new CloseDeal(Wsj("2026-02-28")));

        ThenEvent(new DealClosed(null, Day("2026-02-28"), null, Day("2026-02-28"), Wsj("2026-02-28")), closed);
    }

    [Fact]
    public void an_explicit_occurred_on_wins_over_the_publication_day_and_is_the_closing_day_by_default()
    {
        var closed = CloseDealEndpoint.Decide(Valid() with { OccurredOn = Day("2026-02-25") });

        ThenEvent(Closed() with { ClosedOn = Day("2026-02-25"), OccurredOn = Day("2026-02-25") }, closed);
    }

    [Fact]
    public void an_explicit_occurred_on_wins_over_the_closing_day()
    {
        var closed = CloseDealEndpoint.Decide(Valid() with { ClosedOn = Day("2026-02-20"), OccurredOn = Day("2026-02-25") });

        ThenEvent(Closed() with { ClosedOn = Day("2026-02-20"), OccurredOn = Day("2026-02-25") }, closed);
    }

    [Fact]
    public void a_closing_day_without_occurred_on_is_also_when_the_closing_occurred()
    {
        var closed = CloseDealEndpoint.Decide(Valid() with { ClosedOn = Day("2026-02-20") });

        ThenEvent(Closed() with { ClosedOn = Day("2026-02-20"), OccurredOn = Day("2026-02-20") }, closed);
    }

    [Fact]
    public void closing_a_deal_in_talks_is_accepted()
    {
        ThenAccepted(CloseDealEndpoint.Validate(Valid(), Given(Opened()), Now));
    }

    [Fact]
    public void closing_a_deal_whose_stake_was_revised_is_accepted()
    {
        ThenAccepted(CloseDealEndpoint.Validate(Valid(), Given(Opened(), Proposed(), Revised()), Now));
    }

    [Fact]
    public void a_closed_deal_refuses_to_be_closed_again_with_a_conflict()
    {
        // A deal ends finally only once: also a second close of the same day or earlier is refused.
        ThenConflict(
            CloseDealEndpoint.Validate(Valid(), Given(Opened(), Proposed(), Closed()), Now), 3,
            $"Deal {DealId} is closed; a closed deal cannot be closed again.");
        ThenConflict(
            CloseDealEndpoint.Validate(Valid() with { OccurredOn = Day("2026-02-01") }, Given(Opened(), Proposed(), Closed()), Now), 3,
            $"Deal {DealId} is closed; a closed deal cannot be closed again.");
    }

    [Fact]
    public void an_abandoned_deal_refuses_to_be_closed_with_a_conflict()
    {
        ThenConflict(CloseDealEndpoint.Validate(Valid(), Given(Opened(), Proposed(), Abandoned()), Now), 3);
    }

    [Fact]
    public void a_revived_deal_can_be_closed()
    {
        ThenAccepted(CloseDealEndpoint.Validate(Valid(), Given(Opened(), Abandoned(), TalksAgain()), Now));
    }

    [Fact]
    public void a_stale_expected_version_is_refused_with_the_current_version()
    {
        ThenConflict(CloseDealEndpoint.Validate(Valid() with { ExpectedVersion = 2 }, Given(Opened(), Proposed(), Revised()), Now), 3);
    }

    [Fact]
    public void a_matching_expected_version_is_accepted()
    {
        ThenAccepted(CloseDealEndpoint.Validate(Valid() with { ExpectedVersion = 3 }, Given(Opened(), Proposed(), Revised()), Now));
    }

    [Fact]
    public void an_invalid_final_amount_is_refused_field_by_field()
    {
        var command = Valid() with { FinalAmount = new ReportedAmount(0m, "XYZ", AmountQualifier.Between, null) };

        ThenRefused(CloseDealEndpoint.Validate(command, Given(Opened(), Proposed()), Now), 400, "finalAmount.value", "finalAmount.currency", "finalAmount.high");
    }

    [Fact]
    public void a_closing_day_from_the_day_the_deal_was_first_reported_up_to_tomorrow_is_accepted()
    {
        ThenAccepted(CloseDealEndpoint.Validate(Valid() with { ClosedOn = Tomorrow }, Given(Opened(), Proposed()), Now));
        ThenAccepted(CloseDealEndpoint.Validate(Valid() with { ClosedOn = Day("2025-12-16"), OccurredOn = Day("2026-03-01") }, Given(Opened(), Proposed()), Now));
    }

    [Fact]
    public void a_closing_day_before_the_deal_was_first_reported_is_refused_naming_closed_on()
    {
        // First reported on 2025-12-16; Dates.Earliest is within the date range but before that.
        var command = Valid() with { ClosedOn = Day("2025-12-15"), OccurredOn = Day("2026-03-01") };

        TestJson.AssertSame(
            Problem.Invalid(("closedOn", $"'closedOn' (2025-12-15) is before deal {DealId} was first reported (2025-12-16).")),
            Problem.Of(CloseDealEndpoint.Validate(command, Given(Opened(), Proposed()), Now)));
        ThenRefused(CloseDealEndpoint.Validate(Valid() with { ClosedOn = Dates.Earliest, OccurredOn = Day("2026-03-01") }, Given(Opened(), Proposed()), Now), 400, "closedOn");
    }

    [Fact]
    public void a_close_dated_before_the_latest_move_is_refused_as_it_would_end_the_deal_before_the_reports_after_it()
    {
        ThenConflict(
            CloseDealEndpoint.Validate(Valid() with { OccurredOn = Day("2026-01-02") }, Given(Opened(), Proposed()), Now), 2,
            $"This report is dated 2026-01-02, before the latest move of deal {DealId} (2026-01-29): reports count in the order they "
            + "happened, so it would end the deal before reports that came after it. Check its date, or correct or retract the later report.");
    }

    [Fact]
    public void a_closing_day_out_of_range_is_refused()
    {
        ThenRefused(CloseDealEndpoint.Validate(Valid() with { ClosedOn = TooEarly }, Given(Opened(), Proposed()), Now), 400, "closedOn");
        ThenRefused(CloseDealEndpoint.Validate(Valid() with { ClosedOn = DayAfterTomorrow }, Given(Opened(), Proposed()), Now), 400, "closedOn");
    }

    [Fact]
    public void a_summary_of_4000_characters_is_accepted_and_one_of_4001_refused()
    {
        ThenAccepted(CloseDealEndpoint.Validate(Valid() with { Summary = Text(4000) }, Given(Opened(), Proposed()), Now));
        ThenRefused(CloseDealEndpoint.Validate(Valid() with { Summary = Text(4001) }, Given(Opened(), Proposed()), Now), 400, "summary");
    }

    [Fact]
    public void a_closing_without_a_source_is_refused()
    {
        ThenRefused(CloseDealEndpoint.Validate(Valid() with { Source = null! }, Given(Opened(), Proposed()), Now), 400, "source");
    }

    [Fact]
    public void an_invalid_source_is_refused_field_by_field()
    {
        var command = Valid() with { Source = new Source("", TooEarly, Attribution.RegulatoryFiling, "sec.gov/filing") };

        ThenRefused(CloseDealEndpoint.Validate(command, Given(Opened(), Proposed()), Now), 400, "source.publication", "source.publishedOn", "source.url");
    }

    [Fact]
    public void an_occurred_on_out_of_range_is_refused()
    {
        ThenRefused(CloseDealEndpoint.Validate(Valid() with { OccurredOn = TooEarly }, Given(Opened(), Proposed()), Now), 400, "occurredOn");
        ThenRefused(CloseDealEndpoint.Validate(Valid() with { OccurredOn = DayAfterTomorrow }, Given(Opened(), Proposed()), Now), 400, "occurredOn");
    }
}
