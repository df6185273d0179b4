using Negotiations.Deals;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals;

public class DealTimelineTests
{
    private static RecordingCorrected Fix(long version, ReportedAmount? amount = null, DateOnly? occurredOn = null, Source? source = null) =>
        new(version, "typed the wrong figure", OccurredOn: occurredOn, Source: source, Amount: amount);

    private static ReportRetracted Retract(long version) => new(version, "the source withdrew it", Day("2026-02-03"), Wsj("2026-02-03"));

    [Fact]
    public void a_correction_replaces_the_corrected_member_in_the_status()
    {
        var deal = Given(Opened(), Proposed(), Fix(2, amount: Usd(40_000_000_000m, AmountQualifier.UpTo)));

        Assert.Equal(Usd(40_000_000_000m, AmountQualifier.UpTo), deal.Amount);
        ThenState(DealStatus.TermsProposed, 3, deal);
    }

    [Fact]
    public void of_two_corrections_of_one_event_the_later_wins_member_by_member()
    {
        var reuters = new Source("Reuters", Day("2026-01-29"), Attribution.AnonymousSource);
        var deal = Given(Opened(), Proposed(),
            Fix(2, amount: Usd(40_000_000_000m), source: reuters),
            Fix(2, amount: Usd(45_000_000_000m)));

        Assert.Equal(Usd(45_000_000_000m), deal.Amount);
        Assert.Equal(reuters, deal.LastSource);
    }

    [Fact]
    public void correcting_when_a_report_happened_moves_it_to_its_place_in_time()
    {
        // Terms were typed as 2026-03-01, after the close; they were really proposed in January.
        var lateTerms = Proposed() with { OccurredOn = Day("2026-03-01"), Amount = Usd(1m) };
        var deal = Given(Opened(), Closed(), lateTerms, Fix(3, occurredOn: Day("2026-01-10")));

        Assert.Equal(DealStatus.Closed, deal.Status);
        Assert.Equal(Usd(50_000_000_000m), deal.Amount);
        Assert.Equal(Day("2026-02-27"), deal.LastActivityOn);
    }

    [Fact]
    public void retracted_terms_stop_counting_and_the_deal_falls_back_to_what_else_was_reported()
    {
        var deal = Given(Opened(), Proposed(), Retract(2));

        ThenState(DealStatus.InTalks, 3, deal);
        Assert.Equal(Usd(10_000_000_000m, AmountQualifier.AtLeast), deal.Amount);
    }

    [Fact]
    public void a_retracted_closing_reopens_the_deal_in_its_previous_status()
    {
        ThenState(DealStatus.TermsProposed, 4, Given(Opened(), Proposed(), Closed(), Retract(3)));
    }

    [Fact]
    public void a_retracted_opening_report_keeps_the_deals_identity_but_not_its_claims()
    {
        var deal = Given(Opened(), Retract(1));

        Assert.Equal("Amazon invests in OpenAI", deal.Title);
        Assert.Equal(["Amazon", "OpenAI"], deal.Parties.Select(p => p.Name));
        Assert.Null(deal.Amount);
    }

    [Fact]
    public void after_a_retracted_opening_a_later_report_leaves_the_deal_opened_on_the_opening_date()
    {
        var later = new TalksReported(null, null, [], "talks resumed", Usd(20_000_000_000m), null, Day("2026-03-01"), Wsj("2026-03-01"));

        var deal = Given(Opened(), Retract(1), later);

        Assert.Equal(Day("2025-12-16"), deal.OpenedOn);
        Assert.Equal(Day("2026-03-01"), deal.LastActivityOn);
        Assert.Equal(Usd(20_000_000_000m), deal.Amount);
    }

    [Fact]
    public void a_report_recorded_late_sorts_by_when_it_happened()
    {
        var earlierTalks = new TalksReported(null, null, [], "talks began with $5B", Usd(5_000_000_000m), null, Day("2025-11-01"), Wsj("2025-11-02"));

        var deal = Given(Opened(), Proposed(), earlierTalks);

        ThenState(DealStatus.TermsProposed, 3, deal);
        Assert.Equal(Usd(50_000_000_000m, AmountQualifier.UpTo), deal.Amount);
        Assert.Equal(Day("2025-11-01"), deal.OpenedOn);
        Assert.Equal(Day("2026-01-29"), deal.LastActivityOn);
    }

    [Fact]
    public void occurred_by_keeps_only_what_had_happened_by_that_date()
    {
        var events = new object[] { Opened(), Proposed(), Closed() };

        var midJanuary = DealTimeline.Fold(DealId, Wrapped(events), Day("2026-01-15"))!;
        var endOfJanuary = DealTimeline.Fold(DealId, Wrapped(events), Day("2026-01-31"))!;

        Assert.Equal(DealStatus.InTalks, midJanuary.Status);
        Assert.Equal(Usd(10_000_000_000m, AmountQualifier.AtLeast), midJanuary.Amount);
        Assert.Equal(Day("2025-12-16"), midJanuary.LastActivityOn);
        Assert.Equal(DealStatus.TermsProposed, endOfJanuary.Status);
        Assert.Equal(3, endOfJanuary.Version);
    }

    [Fact]
    public void nothing_had_happened_before_the_first_report()
    {
        Assert.Null(DealTimeline.Fold(DealId, Wrapped([Opened(), Proposed()]), Day("2025-12-15")));
        Assert.Null(DealTimeline.Fold(DealId, []));
    }

    [Fact]
    public void entries_keep_what_was_recorded_beside_what_counts()
    {
        var entries = DealTimeline.Entries(Wrapped([Opened(), Proposed(), Fix(2, amount: Usd(1m)), Retract(1)]));

        Assert.Equal([1L, 2L, 4L], entries.Select(e => e.Version));
        var terms = entries[1];
        Assert.Equal(Usd(50_000_000_000m, AmountQualifier.UpTo), ((TermsProposed)terms.Recorded).Amount);
        Assert.Equal(Usd(1m), ((TermsProposed)terms.Effective).Amount);
        Assert.Equal([3L], terms.CorrectedBy);
        Assert.Equal(4, entries[0].RetractedBy);
        Assert.False(entries[0].Counts);
        Assert.False(entries[2].Counts);
    }

    [Fact]
    public void occurred_by_includes_what_happened_on_that_very_day()
    {
        var deal = DealTimeline.Fold(DealId, Wrapped([Opened(), Proposed()]), Day("2026-01-29"))!;

        ThenState(DealStatus.TermsProposed, 2, deal);
    }

    [Fact]
    public void as_of_a_day_before_the_opening_report_a_report_from_before_it_is_all_the_deal_is()
    {
        var earlierTalks = new TalksReported(null, null, [], "talks began", Usd(5_000_000_000m), null, Day("2025-11-01"), Wsj("2025-11-02"));

        var deal = DealTimeline.Fold(DealId, Wrapped([Opened(), Proposed(), earlierTalks]), Day("2025-12-01"))!;

        Assert.Equal(Usd(5_000_000_000m), deal.Amount);
        Assert.Equal((Day("2025-11-01"), Day("2025-11-01"), Day("2025-11-01")), (deal.OpenedOn, deal.LastActivityOn, deal.LastMoveOn!.Value));
    }

    [Fact]
    public void a_retracted_opening_report_still_dates_the_deal_and_its_latest_move_once_it_had_happened()
    {
        var earlierTalks = new TalksReported(null, null, [], "talks began", Usd(5_000_000_000m), null, Day("2025-11-01"), Wsj("2025-11-02"));
        object[] events = [Opened(), earlierTalks, Retract(1)];

        var onTheDay = DealTimeline.Fold(DealId, Wrapped(events), Day("2025-12-16"))!;
        var now = Given(events);

        Assert.Equal((Day("2025-11-01"), Day("2025-12-16"), Day("2025-12-16")), (onTheDay.OpenedOn, onTheDay.LastActivityOn, onTheDay.LastMoveOn!.Value));
        Assert.Equal((Day("2025-11-01"), Day("2025-12-16")), (now.OpenedOn, now.LastMoveOn!.Value));
    }

    [Fact]
    public void a_deal_whose_only_report_was_retracted_is_still_known_from_the_day_it_was_reported()
    {
        var deal = DealTimeline.Fold(DealId, Wrapped([Opened(), Retract(1)]), Day("2025-12-16"));

        Assert.NotNull(deal);
        Assert.Equal("Amazon invests in OpenAI", deal.Title);
        Assert.Null(deal.Amount);
    }

    private static List<JasperFx.Events.IEvent> Wrapped(object[] events) => events.Select((e, i) => Wrap(e, i + 1)).ToList();
}
