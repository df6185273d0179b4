using Negotiations.Deals;
using Negotiations.Rounds;
using Negotiations.Rounds.Abandoning;
using Negotiations.Rounds.Closing;
using Negotiations.Rounds.ReportingRounds;
using Negotiations.Rounds.RevisingRounds;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;
using static Negotiations.Tests.Rounds.RoundSpecification;

namespace Negotiations.Tests.Rounds;

/// <summary>Given a round's events, when a command comes, then these events or this problem.</summary>
public class RoundRulesTests
{
    private static void ThenRoundConflict(Microsoft.AspNetCore.Mvc.ProblemDetails problem, long currentVersion, string detail) =>
        TestJson.AssertSame(new Problem(Problem.ConflictType, RoundProblems.ConflictTitle, 409, detail, CurrentVersion: currentVersion), ThenRefused(problem, 409));

    [Fact]
    public void a_round_is_reported_with_its_company_target_valuation_and_source()
    {
        var command = new ReportRound("  OpenAI ", Wsj(), Usd(100_000_000_000m, AmountQualifier.UpTo), new Valuation(830_000_000_000m, "USD", AmountQualifier.About));

        ThenAccepted(ReportRoundEndpoint.Validate(command, Now));
        ThenEvent(Reported(), ReportRoundEndpoint.Decide(command));
    }

    [Fact]
    public void a_round_report_without_a_company_or_with_a_bad_target_names_the_fields()
    {
        ThenRefused(ReportRoundEndpoint.Validate(new ReportRound(" ", Wsj(), new ReportedAmount(0m, "usd")), Now), 400,
            "company", "target.value", "target.currency");
        ThenRefused(ReportRoundEndpoint.Validate(new ReportRound("OpenAI", null!), Now), 400, "source");
    }

    [Fact]
    public void the_fold_gives_the_round_as_reported_then_revised()
    {
        var round = GivenRound(Reported(), Announced());

        Assert.Equal((RoundStatus.Raising, Usd(110_000_000_000m), ValuationBasis.PreMoney, 2L), (round.Status, round.Target!, round.Valuation!.Basis, round.Version));
        Assert.Equal((Day("2026-01-29"), Day("2026-02-27")), (round.OpenedOn, round.LastActivityOn));
        Assert.Equal(Attribution.CompanyStatement, round.Sources.Target!.Attribution);
    }

    [Fact]
    public void closings_partly_close_the_round_and_the_final_close_closes_it()
    {
        Assert.Equal(RoundStatus.PartlyClosed, GivenRound(Reported(), FirstClosing()).Status);
        var closed = GivenRound(Reported(), FirstClosing(), FinalClose());
        Assert.Equal((RoundStatus.Closed, Day("2026-03-01"), 1), (closed.Status, closed.EndedOn!.Value, closed.Closings.Count));
    }

    [Fact]
    public void a_revision_needs_a_target_or_a_valuation()
    {
        ThenRefused(ReviseRoundEndpoint.Check(new ReviseRound(Wsj()), RoundId, GivenRound(Reported()), Now), 400, "target");
    }

    [Fact]
    public void an_unknown_round_is_a_404_before_anything_else()
    {
        var problem = ThenRefused(ReviseRoundEndpoint.Check(new ReviseRound(null!), RoundId, null, Now), 404);
        Assert.Equal($"No round with id {RoundId} exists.", problem.Detail);
        ThenRefused(HoldClosingEndpoint.Check(new HoldClosing(Wsj()), RoundId, null, Now), 404);
        ThenRefused(CloseRoundEndpoint.Check(new CloseRound(Wsj()), RoundId, null, Now), 404);
        ThenRefused(AbandonRoundEndpoint.Check(new AbandonRound("x", Wsj()), RoundId, null, Now), 404);
    }

    [Fact]
    public void a_stale_expected_version_is_a_conflict_with_the_current_version()
    {
        ThenRoundConflict(
            ReviseRoundEndpoint.Check(new ReviseRound(Release(), Usd(1m), ExpectedVersion: 1), RoundId, GivenRound(Reported(), Announced()), Now), 2,
            $"Round {RoundId} is at version 2, not the expected version 1: reload it and decide again.");
        ThenAccepted(ReviseRoundEndpoint.Check(new ReviseRound(Release(), Usd(1m), ExpectedVersion: 2), RoundId, GivenRound(Reported(), Announced()), Now));
    }

    [Fact]
    public void a_closed_round_is_not_closed_again_nor_abandoned()
    {
        var closed = GivenRound(Reported(), FinalClose());

        ThenRoundConflict(CloseRoundEndpoint.Check(new CloseRound(Release("2026-03-02")), RoundId, closed, Now), 2,
            $"Round {RoundId} is closed; it cannot be closed.");
        ThenRoundConflict(AbandonRoundEndpoint.Check(new AbandonRound("x", Release("2026-03-02")), RoundId, closed, Now), 2,
            $"Round {RoundId} is closed; it cannot be abandoned.");
    }

    [Fact]
    public void an_ended_round_takes_only_reports_of_what_happened_before_its_end()
    {
        var abandoned = GivenRound(Reported(), RoundAbandoned());

        ThenRoundConflict(ReviseRoundEndpoint.Check(new ReviseRound(Wsj("2026-02-15"), Usd(1m)), RoundId, abandoned, Now), 2,
            $"Round {RoundId} is abandoned; it cannot be revised (only reports of what happened before 2026-02-15 are still accepted: they sort into place).");
        ThenRefused(HoldClosingEndpoint.Check(new HoldClosing(Wsj("2026-03-01")), RoundId, abandoned, Now), 409);

        var backfill = new ReviseRound(Wsj("2026-02-01"), Usd(90_000_000_000m));
        ThenAccepted(ReviseRoundEndpoint.Check(backfill, RoundId, abandoned, Now));
        var after = GivenRound(Reported(), RoundAbandoned(), ReviseRoundEndpoint.Decide(backfill));
        Assert.Equal((RoundStatus.Abandoned, Usd(90_000_000_000m)), (after.Status, after.Target!));
    }

    [Fact]
    public void an_ending_dated_before_the_latest_report_is_a_conflict()
    {
        var revised = GivenRound(Reported(), Announced());

        ThenRoundConflict(AbandonRoundEndpoint.Check(new AbandonRound("x", Wsj("2026-02-01")), RoundId, revised, Now), 2,
            $"This report is dated 2026-02-01, before the latest report about round {RoundId} (2026-02-27): it would end the round before reports that came after it.");
    }

    [Fact]
    public void a_report_recorded_late_sorts_into_place()
    {
        // The announcement recorded first, the WSJ's January figure found later: the announcement still stands.
        var round = GivenRound(Reported() with { Target = Usd(110_000_000_000m), OccurredOn = Day("2026-02-27") },
            new RoundRevised(Usd(100_000_000_000m, AmountQualifier.UpTo), null, null, Day("2026-01-29"), Wsj()));

        Assert.Equal((Usd(110_000_000_000m), Day("2026-01-29"), Day("2026-02-27")), (round.Target!, round.OpenedOn, round.LastActivityOn));
    }

    [Fact]
    public void a_closing_records_its_amount_and_source_and_defaults_its_date_to_the_publication()
    {
        var command = new HoldClosing(Release("2026-02-28"), Usd(40_000_000_000m));

        ThenAccepted(HoldClosingEndpoint.Check(command, RoundId, GivenRound(Reported()), Now));
        ThenEvent(FirstClosing(), HoldClosingEndpoint.Decide(command));
        ThenRefused(HoldClosingEndpoint.Check(command with { Amount = Usd(-1m) }, RoundId, GivenRound(Reported()), Now), 400, "amount.value");
    }

    [Fact]
    public void the_events_of_another_kind_of_stream_are_no_round()
    {
        Assert.Null(RoundTimeline.Fold(RoundId, [WrapRound(Opened(), 1)]));
    }
}
