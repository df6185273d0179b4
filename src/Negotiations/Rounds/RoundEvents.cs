using Negotiations.Deals;

namespace Negotiations.Rounds;

// Round events. Stored as JSON forever under the type names in RoundEventTypes: never rename or repurpose a member;
// evolve by adding optional ones. Which deals take part is recorded on the deals (deal_joined_round, deal_left_round).

/// <summary>What every round event carries: when it happened (as reported) and who reported it.</summary>
public interface IRoundEvent
{
    DateOnly OccurredOn { get; }
    Source Source { get; }
}

/// <summary>A funding round was reported: the company raising, the target size and valuation when the report gave them.</summary>
public sealed record RoundReported(
    string Company,
    ReportedAmount? Target,
    Valuation? Valuation,
    string? Summary,
    DateOnly OccurredOn,
    Source Source) : IRoundEvent;

/// <summary>A later report revised the round's target size and/or valuation (at least one).</summary>
public sealed record RoundRevised(
    ReportedAmount? Target,
    Valuation? Valuation,
    string? Summary,
    DateOnly OccurredOn,
    Source Source) : IRoundEvent;

/// <summary>A closing of the round was held (a round may close in several closings), raising <c>Amount</c> when reported.</summary>
public sealed record RoundClosingHeld(
    ReportedAmount? Amount,
    string? Summary,
    DateOnly OccurredOn,
    Source Source) : IRoundEvent;

/// <summary>The round's final close: nothing more is raised in it.</summary>
public sealed record RoundClosed(
    ReportedAmount? FinalAmount,
    string? Summary,
    DateOnly OccurredOn,
    Source Source) : IRoundEvent;

/// <summary>The round was abandoned before it closed.</summary>
public sealed record RoundAbandoned(
    string Reason,
    DateOnly OccurredOn,
    Source Source) : IRoundEvent;

/// <summary>The stable names under which the round events are stored. A name here never changes.</summary>
public static class RoundEventTypes
{
    public static readonly IReadOnlyDictionary<Type, string> Names = new Dictionary<Type, string>
    {
        [typeof(RoundReported)] = "round_reported",
        [typeof(RoundRevised)] = "round_revised",
        [typeof(RoundClosingHeld)] = "round_closing_held",
        [typeof(RoundClosed)] = "round_closed",
        [typeof(RoundAbandoned)] = "round_abandoned",
    };
}
