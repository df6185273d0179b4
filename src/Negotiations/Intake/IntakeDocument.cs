using Negotiations.Deals;
using Negotiations.Intake.Extraction;

namespace Negotiations.Intake;

/// <summary>
/// An archived document: stored once and never changed, so a claim read from it can always be shown in its words.
/// <c>Sha256</c> is the hex SHA-256 of the UTF-8 text as stored; the same text is archived once.
/// </summary>
public sealed record IntakeDocument(
    Guid Id,
    string Sha256,
    string Text,
    string? Url,
    string? Title,
    string Publication,
    DateOnly PublishedOn,
    DateTimeOffset FetchedAt);

public enum CandidateStatus { Pending, Accepted, Rejected }

/// <summary>What became of a reviewed candidate: the deal and version it was recorded as, or why it was rejected.</summary>
public sealed record CandidateReview(DateTimeOffset At, string By, Guid? DealId = null, long? Version = null, string? Reason = null);

/// <summary>
/// A candidate read from an archived document, waiting for an analyst (Pending) or reviewed (Accepted, Rejected). Its
/// source carries the document's id and the quoted sentence, as the recorded event's will.
/// </summary>
public sealed record IntakeCandidate(
    Guid Id,
    Guid DocumentId,
    int Number,
    CandidateStatus Status,
    string EventType,
    IReadOnlyList<CandidateParty> Parties,
    ReportedAmount? Amount,
    Valuation? Valuation,
    ReportedAmount? RoundSize,
    Source Source,
    PartyResponse? Response,
    Quote Quote,
    string Quoted,
    CandidateReview? Review = null);

/// <summary>The limits of an archived document, read by the validation and the API document alike.</summary>
public static class IntakeLimits
{
    /// <summary>A long article many times over, and well inside the request body's limit.</summary>
    public const int MaxTextLength = 200_000;
}
