using Negotiations.Deals;
using Negotiations.Deals.ReportingTalks;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.ReportingTalks;

public class ReportTalksTests
{
    private static ReportTalks Valid() => new(
        Wsj("2026-01-10"),
        Parties: [new Party("Microsoft", PartyRole.CoInvestor)],
        Summary: "Microsoft joins the talks",
        Amount: Usd(20_000_000_000m, AmountQualifier.About));

    [Fact]
    public void more_talks_on_a_deal_in_talks_are_accepted_and_recorded()
    {
        var deal = Given(Opened());
        var command = Valid();

        ThenAccepted(ReportTalksEndpoint.Validate(command, deal, Now));
        ThenEvent(
            new TalksReported(
                null, null, [new Party("Microsoft", PartyRole.CoInvestor)], "Microsoft joins the talks",
                Usd(20_000_000_000m, AmountQualifier.About), null, Day("2026-01-10"), Wsj("2026-01-10")),
            ReportTalksEndpoint.Decide(command));
    }

    [Fact]
    public void a_report_with_only_a_source_records_no_parties_and_nothing_else()
    {
        var deal = Given(Opened());
        var command = new ReportTalks(Wsj("2026-02-10"), Summary: "Talks resumed");

        ThenAccepted(ReportTalksEndpoint.Validate(command, deal, Now));
        ThenEvent(TalksAgain(), ReportTalksEndpoint.Decide(command));
    }

    [Fact]
    public void a_valuation_is_recorded_as_reported()
    {
        var valuation = new Valuation(830_000_000_000m, "USD", AmountQualifier.About, null, ValuationBasis.PreMoney);
        var command = new ReportTalks(Wsj("2026-01-20"), Valuation: valuation);

        ThenAccepted(ReportTalksEndpoint.Validate(command, Given(Opened()), Now));
        ThenEvent(
            new TalksReported(null, null, [], null, null, valuation, Day("2026-01-20"), Wsj("2026-01-20")),
            ReportTalksEndpoint.Decide(command));
    }

    [Fact]
    public void party_names_are_recorded_trimmed()
    {
        var command = Valid() with { Parties = [new Party("  Microsoft ", PartyRole.CoInvestor)] };

        Assert.Equal([new Party("Microsoft", PartyRole.CoInvestor)], ReportTalksEndpoint.Decide(command).Parties);
    }

    [Fact]
    public void occurred_on_defaults_to_the_day_the_source_published()
    {
        var command = Valid() with { Source = Wsj("2026-01-12") };

        Assert.Equal(Day("2026-01-12"), ReportTalksEndpoint.Decide(command).OccurredOn);
    }

    [Fact]
    public void an_explicit_occurred_on_wins_over_the_publication_day()
    {
        var command = Valid() with { OccurredOn = Day("2026-01-08") };

        ThenAccepted(ReportTalksEndpoint.Validate(command, Given(Opened()), Now));
        var reported = ReportTalksEndpoint.Decide(command);
        Assert.Equal(Day("2026-01-08"), reported.OccurredOn);
        Assert.Equal(Wsj("2026-01-10"), reported.Source);
    }

    [Fact]
    public void more_talks_on_a_deal_with_proposed_terms_are_accepted()
    {
        ThenAccepted(ReportTalksEndpoint.Validate(Valid(), Given(Opened(), Proposed()), Now));
        ThenAccepted(ReportTalksEndpoint.Validate(Valid(), Given(Opened(), Proposed(), Revised()), Now));
    }

    [Fact]
    public void a_closed_deal_refuses_more_talks_dated_after_the_close_with_a_conflict()
    {
        // Closed on 2026-02-27: talks of 2026-02-28 would contradict the close (talks revive only an abandoned deal).
        var deal = Given(Opened(), Proposed(), Closed());

        ThenConflict(
            ReportTalksEndpoint.Validate(Valid() with { Source = Wsj("2026-02-28") }, deal, Now), 3,
            AfterFinal("closed", "report talks", "2026-02-27"));
    }

    [Fact]
    public void talks_dated_before_the_close_are_accepted_and_sort_into_place_leaving_the_deal_closed()
    {
        // Closed on 2026-02-27: the talks of 2026-01-10 sort before the close and add their party.
        var command = Valid();

        ThenAccepted(ReportTalksEndpoint.Validate(command, Given(Opened(), Proposed(), Closed()), Now));
        var deal = Given(Opened(), Proposed(), Closed(), ReportTalksEndpoint.Decide(command));
        ThenState(DealStatus.Closed, 4, deal);
        Assert.Equal(Day("2026-02-27"), deal.ClosedOn);
        Assert.Equal(Day("2026-02-27"), deal.LastMoveOn);
        Assert.Equal(Usd(50_000_000_000m), deal.Amount);
        Assert.Contains(new Party("Microsoft", PartyRole.CoInvestor), deal.Parties);
    }

    [Fact]
    public void talks_reported_on_an_abandoned_deal_are_accepted_and_revive_it()
    {
        var deal = Given(Opened(), Abandoned());
        var command = new ReportTalks(Wsj("2026-02-10"), Summary: "Talks resumed", ExpectedVersion: 2);

        ThenAccepted(ReportTalksEndpoint.Validate(command, deal, Now));
        var reported = ReportTalksEndpoint.Decide(command);
        ThenEvent(TalksAgain(), reported);
        ThenState(DealStatus.InTalks, 3, Given(Opened(), Abandoned(), reported));
    }

    [Fact]
    public void talks_dated_before_the_abandonment_are_accepted_as_a_backfill_and_do_not_revive_the_deal()
    {
        // Abandoned on 2026-02-01; talks of 2026-01-20 sort before that and leave the deal abandoned, for the same reason.
        var command = new ReportTalks(Wsj("2026-01-20"), Summary: "Talks were still going");

        ThenAccepted(ReportTalksEndpoint.Validate(command, Given(Opened(), Abandoned()), Now));
        var reported = ReportTalksEndpoint.Decide(command);
        ThenEvent(new TalksReported(null, null, [], "Talks were still going", null, null, Day("2026-01-20"), Wsj("2026-01-20")), reported);
        var deal = Given(Opened(), Abandoned(), reported);
        ThenState(DealStatus.Abandoned, 3, deal);
        Assert.Equal("Talks collapsed", deal.AbandonedReason);
        Assert.Equal(Day("2026-02-01"), deal.LastMoveOn);
    }

    [Fact]
    public void talks_dated_before_the_latest_report_of_a_live_deal_are_just_another_report()
    {
        ThenAccepted(ReportTalksEndpoint.Validate(new ReportTalks(Wsj("2025-12-20")), Given(Opened(), Proposed()), Now));
    }

    [Fact]
    public void a_stale_expected_version_is_refused_with_the_current_version()
    {
        var deal = Given(Opened(), Proposed());

        ThenConflict(ReportTalksEndpoint.Validate(Valid() with { ExpectedVersion = 1 }, deal, Now), 2);
        ThenConflict(ReportTalksEndpoint.Validate(Valid() with { ExpectedVersion = 3 }, deal, Now), 2);
    }

    [Fact]
    public void a_stale_expected_version_is_refused_even_when_the_report_would_revive_the_deal()
    {
        ThenConflict(ReportTalksEndpoint.Validate(Valid() with { ExpectedVersion = 1 }, Given(Opened(), Abandoned()), Now), 2);
    }

    [Fact]
    public void a_matching_expected_version_is_accepted()
    {
        ThenAccepted(ReportTalksEndpoint.Validate(Valid() with { ExpectedVersion = 2 }, Given(Opened(), Proposed()), Now));
    }

    [Fact]
    public void an_invalid_report_on_a_closed_deal_is_refused_for_its_fields_first()
    {
        var deal = Given(Opened(), Closed());

        ThenRefused(ReportTalksEndpoint.Validate(Valid() with { Source = null! }, deal, Now), 400, "source");
    }

    [Fact]
    public void naming_no_party_is_accepted()
    {
        ThenAccepted(ReportTalksEndpoint.Validate(Valid() with { Parties = [] }, Given(Opened()), Now));
        ThenAccepted(ReportTalksEndpoint.Validate(Valid() with { Parties = null }, Given(Opened()), Now));
    }

    [Fact]
    public void the_same_party_named_twice_in_another_letter_case_is_refused()
    {
        var command = Valid() with { Parties = [new Party("Microsoft", PartyRole.CoInvestor), new Party("MICROSOFT", PartyRole.Advisor)] };

        ThenRefused(ReportTalksEndpoint.Validate(command, Given(Opened()), Now), 400, "parties");
    }

    [Fact]
    public void a_party_without_a_name_is_refused_by_its_index()
    {
        var command = Valid() with { Parties = [new Party("Microsoft", PartyRole.CoInvestor), new Party("", PartyRole.Advisor)] };

        ThenRefused(ReportTalksEndpoint.Validate(command, Given(Opened()), Now), 400, "parties[1].name");
    }

    [Fact]
    public void a_party_name_longer_than_200_characters_is_refused_by_its_index()
    {
        var command = Valid() with { Parties = [new Party("Microsoft", PartyRole.CoInvestor), new Party(Text(201), PartyRole.Advisor)] };

        ThenRefused(ReportTalksEndpoint.Validate(command, Given(Opened()), Now), 400, "parties[1].name");
    }

    [Fact]
    public void a_summary_of_4000_characters_is_accepted_and_one_of_4001_refused()
    {
        ThenAccepted(ReportTalksEndpoint.Validate(Valid() with { Summary = Text(4000) }, Given(Opened()), Now));
        ThenRefused(ReportTalksEndpoint.Validate(Valid() with { Summary = Text(4001) }, Given(Opened()), Now), 400, "summary");
    }

    [Fact]
    public void an_invalid_amount_is_refused_field_by_field()
    {
        var command = Valid() with { Amount = new ReportedAmount(ReportedAmount.MaxValue + 1, "XYZ", AmountQualifier.Exact, 5m) };

        ThenRefused(ReportTalksEndpoint.Validate(command, Given(Opened()), Now), 400, "amount.value", "amount.currency", "amount.high");
    }

    [Fact]
    public void an_invalid_valuation_is_refused_field_by_field()
    {
        var command = Valid() with { Valuation = new Valuation(0m, "US", AmountQualifier.Between, 0m) };

        ThenRefused(ReportTalksEndpoint.Validate(command, Given(Opened()), Now), 400, "valuation.value", "valuation.currency", "valuation.high");
    }

    [Fact]
    public void a_report_without_a_source_is_refused()
    {
        ThenRefused(ReportTalksEndpoint.Validate(Valid() with { Source = null! }, Given(Opened()), Now), 400, "source");
    }

    [Fact]
    public void an_invalid_source_is_refused_field_by_field()
    {
        var command = Valid() with { Source = new Source("", DayAfterTomorrow, Attribution.NamedSource, "/articles/amazon-openai") };

        ThenRefused(ReportTalksEndpoint.Validate(command, Given(Opened()), Now), 400, "source.publication", "source.publishedOn", "source.url");
    }

    [Fact]
    public void an_occurred_on_out_of_range_is_refused()
    {
        ThenRefused(ReportTalksEndpoint.Validate(Valid() with { OccurredOn = TooEarly }, Given(Opened()), Now), 400, "occurredOn");
        ThenRefused(ReportTalksEndpoint.Validate(Valid() with { OccurredOn = DayAfterTomorrow }, Given(Opened()), Now), 400, "occurredOn");
    }
}
