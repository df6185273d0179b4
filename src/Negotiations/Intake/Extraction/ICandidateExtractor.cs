using Negotiations.Deals;

namespace Negotiations.Intake.Extraction;

/// <summary>
/// Reads a document's text into candidates: what a reader would record from it, for an analyst to accept or reject.
/// Behind an interface so a model-based reader can stand beside the rules one day; the rules one is pure and offline.
/// </summary>
public interface ICandidateExtractor
{
    IReadOnlyList<Candidate> Extract(ExtractionRequest document);
}

/// <summary>A document to read: its text and where it was published (the candidates' source).</summary>
public sealed record ExtractionRequest(string Text, string Publication, DateOnly PublishedOn, string? Url = null);

/// <summary>
/// One thing a passage reports, in the API's own shapes: the stored event name it would be recorded as
/// (<c>talks_reported</c>, <c>party_responded</c>, …), the parties and their roles, the money (what one investor puts in
/// or the price; the valuation; the round's size), the source as the text attributes it, a party's response, and the
/// sentence it was read from.
/// </summary>
public sealed record Candidate(
    string EventType,
    IReadOnlyList<CandidateParty> Parties,
    ReportedAmount? Amount,
    Valuation? Valuation,
    ReportedAmount? RoundSize,
    Source Source,
    PartyResponse? Response,
    Quote Quote);

/// <summary>A party as the text names it; <c>PartyId</c> when the name or an alias is a registered party's.</summary>
public sealed record CandidateParty(string Name, PartyRole Role, Guid? PartyId = null);
