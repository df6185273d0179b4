using System.Globalization;
using JasperFx.Events;

namespace Negotiations.Deals.GettingClaims;

/// <summary>
/// One value one source gave for one field, as it counts now (corrections applied). <c>Original</c> is the value as
/// first recorded when a correction touched the claim (null then means the report first had no value here), and null
/// otherwise. A retracted claim stays listed, marked.
/// </summary>
public sealed record Claim(
    long Version,
    DateOnly OccurredOn,
    DateTimeOffset RecordedAt,
    object Value,
    string Source,
    Attribution Attribution,
    DateOnly PublishedOn,
    string? Url,
    bool Corrected,
    IReadOnlyList<long> CorrectedBy,
    object? Original,
    bool Retracted,
    long? RetractedBy,
    string? Relays = null)
{
    /// <summary>Parties' responses to the report the claim comes from.</summary>
    public IReadOnlyList<ClaimResponse> Responses { get; init; } = [];

    /// <summary>A party to the deal confirmed the report: the claim is then as strong as a company statement.</summary>
    public bool Confirmed => Responses.Any(r => r.Response == PartyResponse.Confirmed);
}

/// <summary>A party's response to the report a claim comes from: a confirmation strengthens the claim, a denial does not delete it.</summary>
public sealed record ClaimResponse(long Version, string Party, PartyResponse Response, DateOnly OccurredOn, string Source);

/// <summary>Every claim about one field in the order things happened, and the one-line story they tell.</summary>
public sealed record FieldClaims(string Summary, IReadOnlyList<Claim> Claims)
{
    /// <summary>Said when the claims are not comparable as they stand: valuations given on different bases.</summary>
    public string? Note => Claims.Select(c => c.Value).OfType<Valuation>().Select(v => v.Basis).Distinct().ToList() is { Count: > 1 } bases
        ? $"These valuations are on different bases ({string.Join(", ", bases)}): compare them on one basis."
        : null;
}

public sealed record ClaimFields(FieldClaims Amount, FieldClaims Valuation, FieldClaims StakePercent, FieldClaims Status);

public sealed record DealClaims(Guid Id, ClaimFields Fields)
{
    /// <summary>Separates the claims in a summary.</summary>
    public const string Separator = " · ";

    /// <summary>
    /// Who said what, field by field, from the deal's whole stream (null when it holds no deal). Claims sort by when
    /// they happened (occurredOn, then version), as the status fold applies them.
    /// </summary>
    public static DealClaims? From(Guid id, IReadOnlyCollection<IEvent> events) =>
        events.Count == 0 ? null : FromEntries(id, events, DealTimeline.Entries(events));

    /// <summary>The same, given the <see cref="DealTimeline.Entries"/> of those events already made (the search entry's).</summary>
    public static DealClaims? FromEntries(Guid id, IReadOnlyCollection<IEvent> events, IReadOnlyList<TimelineEntry> timeline)
    {
        if (events.Count == 0)
        {
            return null;
        }

        var corrections = events.Where(e => e.Data is RecordingCorrected).ToDictionary(e => e.Version, e => (RecordingCorrected)e.Data);
        var responses = timeline
            .Where(e => e.Counts && e.Effective is PartyResponded { RespondsToVersion: not null })
            .ToLookup(e => ((PartyResponded)e.Effective).RespondsToVersion!.Value, e =>
            {
                var response = (PartyResponded)e.Effective;
                return new ClaimResponse(e.Version, response.Party, response.Response, response.OccurredOn, response.Source.Publication);
            });
        var entries = timeline
            .Where(e => e.Effective is not ReportRetracted)
            .OrderBy(e => e.Effective.OccurredOn).ThenBy(e => e.Version)
            .ToList();

        FieldClaims Field(ClaimField field, Func<IDealEvent, object?> value, Func<object, string> text)
        {
            var claims = entries
                .Where(entry => value(entry.Effective) is not null)
                .Select(entry => ClaimOf(entry, field, value, corrections) with { Responses = [.. responses[entry.Version]] })
                .ToList();
            return new FieldClaims(Summarize(claims, text), claims);
        }

        return new DealClaims(id, new ClaimFields(
            Field(ClaimField.Amount, AmountOf, v => CompactMoney.Format((ReportedAmount)v)),
            Field(ClaimField.Valuation, ValuationOf, v => CompactMoney.Format((Valuation)v)),
            Field(ClaimField.StakePercent, StakePercentOf, v => $"{((decimal)v).ToString("0.###", CultureInfo.InvariantCulture)}%"),
            Field(ClaimField.Status, StatusOf, v => v.ToString()!)));
    }

    private static object? AmountOf(IDealEvent report) => report switch
    {
        TalksReported e => e.Amount,
        TermsProposed e => e.Amount,
        StakeRevised e => e.Amount,
        DealClosed e => e.FinalAmount,
        AgreementAnnounced e => e.Amount,
        AgreementSigned e => e.Amount,
        DealCompleted e => e.FinalAmount,
        _ => null,
    };

    private static object? ValuationOf(IDealEvent report) => report switch
    {
        TalksReported e => e.Valuation,
        TermsProposed e => e.Valuation,
        _ => null,
    };

    private static object? StakePercentOf(IDealEvent report) => report switch
    {
        TermsProposed e => e.StakePercent,
        StakeRevised e => e.StakePercent,
        _ => null,
    };

    /// <summary>The status each kind of report claims, as the status fold reads it.</summary>
    private static object? StatusOf(IDealEvent report) => report switch
    {
        TalksReported => DealStatus.InTalks,
        TermsProposed or StakeRevised => DealStatus.TermsProposed,
        DealClosed => DealStatus.Closed,
        DealAbandoned => DealStatus.Abandoned,
        AgreementAnnounced or AgreementSigned => DealStatus.Agreed,
        RegulatoryReviewOpened => DealStatus.UnderReview,
        RegulatoryReviewConcluded { Outcome: ReviewOutcome.Blocked } => DealStatus.Blocked,
        DealCompleted => DealStatus.Completed,
        _ => null,
    };

    /// <summary>
    /// A correction touches a claim when it gives the claim's value, its date or its source (<see cref="Corrections"/>):
    /// each changes what the claim says. Corrections of other members of the same report (a summary typo) leave it alone.
    /// </summary>
    private static Claim ClaimOf(
        TimelineEntry entry, ClaimField field, Func<IDealEvent, object?> value, Dictionary<long, RecordingCorrected> corrections)
    {
        var correctedBy = entry.CorrectedBy.Where(version => Corrections.ChangesClaim(corrections[version], field)).ToList();
        var report = entry.Effective;
        return new Claim(
            entry.Version, report.OccurredOn, entry.RecordedAt, value(report)!, report.Source.Publication, report.Source.Attribution,
            report.Source.PublishedOn, report.Source.Url, correctedBy.Count > 0, correctedBy,
            correctedBy.Count > 0 ? value(entry.Recorded) : null, entry.RetractedBy is not null, entry.RetractedBy, report.Source.Relays);
    }

    private static string Said(PartyResponse response) => response switch
    {
        PartyResponse.Confirmed => "confirmed",
        PartyResponse.Denied => "denied",
        PartyResponse.DeclinedToComment => "declined to comment",
        _ => "no response",
    };

    /// <summary>
    /// "The Information ≥ $10B (2025-12-16) · Wall Street Journal up to $50B (2026-01-29)". Retracted and corrected claims
    /// stay in, marked after the date: the summary tells the whole story, the status tells what counts.
    /// </summary>
    private static string Summarize(IEnumerable<Claim> claims, Func<object, string> text) =>
        string.Join(Separator, claims.Select(c =>
        {
            var marks = string.Concat(
                new[] { (c.Corrected, "corrected"), (c.Retracted, "retracted") }.Where(m => m.Item1).Select(m => $", {m.Item2}")
                    .Concat(c.Responses.Select(r => $", {Said(r.Response)} by {r.Party}")));
            var source = c.Relays is null ? c.Source : $"{c.Source} (citing {c.Relays})";
            return $"{source} {text(c.Value)} ({c.OccurredOn:yyyy-MM-dd}{marks})";
        }));
}
