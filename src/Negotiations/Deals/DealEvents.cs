namespace Negotiations.Deals;

// Event vocabulary v1. Stored as JSON forever under the type names in DealEventTypes: never rename or repurpose a
// member; evolve by adding optional ones. Recorded-at and recorded-by live in the event store's metadata, not here.

/// <summary>What every deal event carries: when it happened (as reported) and who reported it.</summary>
public interface IDealEvent
{
    DateOnly OccurredOn { get; }
    Source Source { get; }
}

/// <summary>
/// Talks were reported. The first one opens the deal (with <c>Title</c> and <c>Kind</c>); a later one adds a report
/// (and possibly parties newly named in talks), and on an abandoned deal revives it.
/// </summary>
public sealed record TalksReported(
    string? Title,
    DealKind? Kind,
    IReadOnlyList<Party> Parties,
    string? Summary,
    ReportedAmount? Amount,
    Valuation? Valuation,
    DateOnly OccurredOn,
    Source Source) : IDealEvent;

public sealed record TermsProposed(
    ReportedAmount Amount,
    Valuation? Valuation,
    decimal? StakePercent,
    string? Instrument,
    string? Governance,
    string? Commitments,
    string? Summary,
    DateOnly OccurredOn,
    Source Source) : IDealEvent;

/// <summary>The negotiation moved: a new amount and/or stake percent (at least one), with the reason.</summary>
public sealed record StakeRevised(
    ReportedAmount? Amount,
    decimal? StakePercent,
    string Reason,
    DateOnly OccurredOn,
    Source Source) : IDealEvent;

public sealed record DealClosed(
    ReportedAmount? FinalAmount,
    DateOnly ClosedOn,
    string? Summary,
    DateOnly OccurredOn,
    Source Source) : IDealEvent;

public sealed record DealAbandoned(
    string Reason,
    DateOnly OccurredOn,
    Source Source) : IDealEvent;

/// <summary>The stable names under which the events are stored. A name here never changes.</summary>
public static class DealEventTypes
{
    public static readonly IReadOnlyDictionary<Type, string> Names = new Dictionary<Type, string>
    {
        [typeof(TalksReported)] = "talks_reported",
        [typeof(TermsProposed)] = "terms_proposed",
        [typeof(StakeRevised)] = "stake_revised",
        [typeof(DealClosed)] = "deal_closed",
        [typeof(DealAbandoned)] = "deal_abandoned",
    };
}
