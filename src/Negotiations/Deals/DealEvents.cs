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

/// <summary>
/// Our own recording mistake in event <c>CorrectsVersion</c> is fixed (a correction, not a revision of the deal): the
/// members given here replace that event's members wherever it counts. <c>EventReason</c> corrects the corrected
/// event's own reason (of a stake revision, abandonment or retraction); <c>Reason</c> says why we corrected it.
/// </summary>
public sealed record RecordingCorrected(
    long CorrectsVersion,
    string Reason,
    DateOnly? OccurredOn = null,
    Source? Source = null,
    string? Title = null,
    DealKind? Kind = null,
    IReadOnlyList<Party>? Parties = null,
    string? Summary = null,
    ReportedAmount? Amount = null,
    Valuation? Valuation = null,
    decimal? StakePercent = null,
    string? Instrument = null,
    string? Governance = null,
    string? Commitments = null,
    string? EventReason = null,
    ReportedAmount? FinalAmount = null,
    DateOnly? ClosedOn = null);

/// <summary>
/// A source withdrew the claim of event <c>RetractsVersion</c>, or a party denied it: that claim stops counting in the
/// deal's status; the history keeps it, marked.
/// </summary>
public sealed record ReportRetracted(
    long RetractsVersion,
    string Reason,
    DateOnly OccurredOn,
    Source Source,
    RetractionKind Kind = RetractionKind.Withdrawn) : IDealEvent;

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
        [typeof(RecordingCorrected)] = "recording_corrected",
        [typeof(ReportRetracted)] = "report_retracted",
    };
}
