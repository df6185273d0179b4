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

/// <summary>Terms were proposed. <c>Amount</c> may be absent since v2: terms about governance or commitments alone.</summary>
public sealed record TermsProposed(
    ReportedAmount? Amount,
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

/// <summary>
/// v1's one ending: the deal was reported closed, without saying whether that meant announced, signed or completed.
/// Existing streams keep it and read as before (status <c>Closed</c>, final); new reports use the v2 lifecycle events.
/// </summary>
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

// Vocabulary v2: the life after talks (agreement, review, tranches, completion), open questions and parties' responses.

/// <summary>An agreement was announced: the agreed amount, split into tranches when the report says so.</summary>
public sealed record AgreementAnnounced(
    ReportedAmount? Amount,
    IReadOnlyList<Tranche> Tranches,
    string? Summary,
    DateOnly OccurredOn,
    Source Source) : IDealEvent;

/// <summary>The agreement was signed (it may be announced and signed the same day, or only one of them reported).</summary>
public sealed record AgreementSigned(
    ReportedAmount? Amount,
    IReadOnlyList<Tranche> Tranches,
    string? Summary,
    DateOnly OccurredOn,
    Source Source) : IDealEvent;

/// <summary>A regulator opened a review of the deal (antitrust, foreign investment, …).</summary>
public sealed record RegulatoryReviewOpened(
    string Regulator,
    string Jurisdiction,
    string? Summary,
    DateOnly OccurredOn,
    Source Source) : IDealEvent;

/// <summary>A regulator concluded its review: cleared, cleared with conditions, or blocked (which ends the deal).</summary>
public sealed record RegulatoryReviewConcluded(
    string Regulator,
    ReviewOutcome Outcome,
    string? Conditions,
    DateOnly OccurredOn,
    Source Source) : IDealEvent;

/// <summary>Tranche number <c>Tranche</c> (from 1, in the agreement's order) was funded.</summary>
public sealed record TrancheFunded(
    int Tranche,
    ReportedAmount? Amount,
    DateOnly OccurredOn,
    Source Source) : IDealEvent;

/// <summary>The deal was completed (the transaction closed). Conditional tranches may still be funded later.</summary>
public sealed record DealCompleted(
    ReportedAmount? FinalAmount,
    DateOnly CompletedOn,
    string? Summary,
    DateOnly OccurredOn,
    Source Source) : IDealEvent;

/// <summary>A question watchers wait on was raised ("will Amazon get a board seat?").</summary>
public sealed record QuestionRaised(
    Guid QuestionId,
    QuestionTopic Topic,
    string Text,
    DateOnly OccurredOn,
    Source Source) : IDealEvent;

/// <summary>A report answered question <c>QuestionId</c>. Retracting this report reopens the question.</summary>
public sealed record QuestionAnswered(
    Guid QuestionId,
    string Answer,
    DateOnly OccurredOn,
    Source Source) : IDealEvent;

/// <summary>
/// A party responded to the report in event <c>RespondsToVersion</c> (or to the talks in general when absent): it
/// confirmed, denied, declined to comment or did not respond. A denial does not delete the claim; a confirmation
/// strengthens it.
/// </summary>
public sealed record PartyResponded(
    string Party,
    PartyResponse Response,
    long? RespondsToVersion,
    string? Statement,
    DateOnly OccurredOn,
    Source Source) : IDealEvent;

/// <summary>
/// A party withdrew from the deal (Microsoft left the talks): it no longer counts as a participant, the history keeps that
/// it was there; a later report of talks naming it again brings it back. <c>Party</c> is its name as in the deal.
/// </summary>
public sealed record PartyWithdrew(
    string Party,
    string? Reason,
    DateOnly OccurredOn,
    Source Source) : IDealEvent;

// Funding rounds: a deal is an investor's piece of a round (a stream of its own, see Rounds/).

/// <summary>
/// The deal joined round <c>Round</c> (the investor's piece of it); a deal is in one round at a time. <c>Round</c> is the
/// round's stream id, stored as <c>round</c> for good (the round book's SQL reads <c>data ->> 'round'</c>).
/// </summary>
public sealed record DealJoinedRound(
    Guid Round,
    DateOnly OccurredOn,
    Source Source) : IDealEvent;

/// <summary>The deal left round <c>Round</c> (the investor is no longer part of it); the history keeps that it was there.</summary>
public sealed record DealLeftRound(
    Guid Round,
    string? Reason,
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
        [typeof(RecordingCorrected)] = "recording_corrected",
        [typeof(ReportRetracted)] = "report_retracted",
        [typeof(AgreementAnnounced)] = "agreement_announced",
        [typeof(AgreementSigned)] = "agreement_signed",
        [typeof(RegulatoryReviewOpened)] = "regulatory_review_opened",
        [typeof(RegulatoryReviewConcluded)] = "regulatory_review_concluded",
        [typeof(TrancheFunded)] = "tranche_funded",
        [typeof(DealCompleted)] = "deal_completed",
        [typeof(QuestionRaised)] = "question_raised",
        [typeof(QuestionAnswered)] = "question_answered",
        [typeof(PartyResponded)] = "party_responded",
        [typeof(PartyWithdrew)] = "party_withdrew",
        [typeof(DealJoinedRound)] = "deal_joined_round",
        [typeof(DealLeftRound)] = "deal_left_round",
    };
}
