using CsCheck;
using Negotiations.Deals;
using Negotiations.Deals.JoiningRounds;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;
using static Negotiations.Tests.Rounds.RoundSpecification;

namespace Negotiations.Tests.Deals.JoiningRounds;

/// <summary>A deal joins a round (one at a time) and leaves it; every link carries its source.</summary>
public class JoinRoundTests
{
    private static readonly Guid OtherRound = Guid.Parse("0199a7b6-0000-7000-8000-0000000000b2");

    private static JoinRound Join(Guid? round = null) => new(round ?? RoundId, Wsj());

    private static DealJoinedRound Joined(Guid? round = null, string on = "2026-01-29") => new(round ?? RoundId, Day(on), Wsj(on));

    [Fact]
    public void a_deal_joins_a_round_with_the_report_that_said_so()
    {
        ThenAccepted(JoinRoundEndpoint.Validate(Join(), Given(Opened()), GivenRound(Reported()), Now));
        ThenEvent(Joined(), JoinRoundEndpoint.Decide(Join()));
        Assert.Equal(new RoundMembership(RoundId, Day("2026-01-29"), Wsj()), Given(Opened(), Joined()).Round);
    }

    [Fact]
    public void a_round_that_does_not_exist_is_a_400_naming_the_member()
    {
        var problem = ThenRefused(JoinRoundEndpoint.Validate(Join(), Given(Opened()), null, Now), 400, "round");
        Assert.Equal([$"'round' must name a reported round: no round with id {RoundId} exists."], problem.Errors!["round"]);
    }

    [Fact]
    public void a_deal_already_in_a_round_is_a_conflict_whether_it_is_this_round_or_another()
    {
        ThenConflict(JoinRoundEndpoint.Validate(Join(), Given(Opened(), Joined()), GivenRound(Reported()), Now), 2,
            $"Deal {DealId} is already in round {RoundId}.");
        ThenConflict(JoinRoundEndpoint.Validate(Join(OtherRound), Given(Opened(), Joined()), GivenRound(Reported()), Now), 2,
            $"Deal {DealId} is in round {RoundId}; a deal is in one round at a time: record that it left that round first.");
    }

    [Fact]
    public void a_stale_expected_version_is_a_conflict()
    {
        ThenConflict(JoinRoundEndpoint.Validate(Join() with { ExpectedVersion = 3 }, Given(Opened(), Proposed()), GivenRound(Reported()), Now), 2);
    }

    [Fact]
    public void a_deal_leaves_its_round_and_may_then_join_another()
    {
        var leave = new LeaveRound(Wsj("2026-02-20"), "Not in the announced round");
        var inRound = Given(Opened(), Joined());

        ThenAccepted(LeaveRoundEndpoint.Validate(leave, inRound, Now));
        var left = LeaveRoundEndpoint.Decide(leave, inRound.Round!);
        ThenEvent(new DealLeftRound(RoundId, "Not in the announced round", Day("2026-02-20"), Wsj("2026-02-20")), left);
        var after = Given(Opened(), Joined(), left);
        Assert.Null(after.Round);
        ThenAccepted(JoinRoundEndpoint.Validate(Join(OtherRound), after, GivenRound(Reported()), Now));
    }

    [Fact]
    public void leaving_when_in_no_round_is_a_conflict()
    {
        ThenConflict(LeaveRoundEndpoint.Validate(new LeaveRound(Wsj()), Given(Opened()), Now), 1, $"Deal {DealId} is in no round: there is nothing to leave.");
    }

    [Fact]
    public void a_retracted_join_takes_the_deal_out_of_the_round()
    {
        Assert.Null(Given(Opened(), Joined(), new ReportRetracted(2, "wrong deal", Day("2026-01-30"), Wsj("2026-01-30"))).Round);
    }

    [Fact]
    public void any_status_takes_a_join_also_a_completed_deal_joining_the_round_it_was_part_of()
    {
        var completed = Given(Opened(), new DealCompleted(Usd(50m), Day("2026-02-27"), null, Day("2026-02-27"), Wsj("2026-02-27")));

        ThenAccepted(JoinRoundEndpoint.Validate(Join(), completed, GivenRound(Reported()), Now));
    }

    private static readonly Gen<DateOnly> Date = Gen.Int[0, 90].Select(days => Day("2025-12-01").AddDays(days));

    private static Gen<object> Later(int version) => Gen.Int[0, 4].SelectMany(kind => kind switch
    {
        0 => Gen.Select(Gen.Int[0, 1], Date, (round, on) => (object)new DealJoinedRound(round == 0 ? RoundId : OtherRound, on, Wsj())),
        1 => Gen.Select(Gen.Int[0, 1], Date, (round, on) => (object)new DealLeftRound(round == 0 ? RoundId : OtherRound, null, on, Wsj())),
        2 => Date.Select(on => (object)new TermsProposed(Usd(5m), null, null, null, null, null, null, on, Wsj())),
        3 => Date.Select(on => (object)new DealAbandoned("gone", on, Wsj())),
        _ => Gen.Select(Gen.Int[1, version - 1], Date, (target, on) => (object)new ReportRetracted(target, "withdrawn", on, Wsj())),
    });

    [Fact]
    public void applying_joins_and_leaves_one_by_one_as_the_projection_does_equals_folding_the_whole_stream()
    {
        ThenTheProjectionAlwaysEqualsTheFold(Later);
    }
}
