using JasperFx;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Deals.Abandoning;
using Negotiations.Deals.Agreeing;
using Negotiations.Deals.ProposingTerms;
using Negotiations.Deals.ReportingTalks;
using Negotiations.Deals.Responding;
using Negotiations.Deals.Reviewing;
using Negotiations.Deals.RevisingStake;
using Negotiations.Infrastructure;
using Negotiations.Intake.Extraction;
using Negotiations.Security;
using Negotiations.Web.Recording;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Intake.Reviewing;

/// <summary>
/// Accepting a candidate, with the analyst's edits: the deal to append to (none opens a new deal, for talks), and any
/// field to use instead of the candidate's. <c>Reason</c> is a revision's or an abandonment's; <c>Regulator</c> and
/// <c>Jurisdiction</c> a review's; <c>Party</c>, <c>Response</c> a response's.
/// </summary>
public sealed record AcceptCandidate(
    Guid? DealId = null,
    string? EventType = null,
    string? Title = null,
    DealKind? Kind = null,
    IReadOnlyList<Party>? Parties = null,
    ReportedAmount? Amount = null,
    Valuation? Valuation = null,
    Source? Source = null,
    string? Summary = null,
    DateOnly? OccurredOn = null,
    string? Reason = null,
    string? Regulator = null,
    string? Jurisdiction = null,
    string? Party = null,
    PartyResponse? Response = null,
    long? ExpectedVersion = null);

/// <summary>Where an accepted candidate was recorded: the deal and the version its event made.</summary>
public sealed record CandidateAccepted(Guid DealId, long Version);

public static class AcceptCandidateEndpoint
{
    /// <summary>
    /// The deal command the candidate (with the edits) is recorded as, or the problem. The recorded source is the
    /// candidate's, naming the archived document and the quoted words, unless the edits give another.
    /// </summary>
    public static (object? Command, ProblemDetails Problem) Command(AcceptCandidate edits, IntakeCandidate candidate)
    {
        var type = edits.EventType ?? candidate.EventType;
        var source = edits.Source is { } given
            ? given with { DocumentId = given.DocumentId ?? candidate.Source.DocumentId, Quote = given.Quote ?? candidate.Source.Quote }
            : candidate.Source;
        var parties = edits.Parties ?? [.. candidate.Parties.Select(p => new Party(p.Name, p.Role))];
        var amount = edits.Amount ?? candidate.Amount;
        var valuation = edits.Valuation ?? (candidate.Valuation is { } v
            ? v with { RoundSize = candidate.RoundSize is { } round && round.Currency == v.Currency ? round : null }
            : null);
        var summary = edits.Summary ?? (candidate.Quoted.Length <= TextLimits.Paragraphs ? candidate.Quoted : candidate.Quoted[..TextLimits.Paragraphs]);
        var (on, version) = (edits.OccurredOn, edits.ExpectedVersion);
        if (edits.DealId is null)
        {
            return type == EventCues.TalksReported
                ? (new ReportNewDeal(edits.Title ?? Title(parties), edits.Kind ?? Kind(parties), parties, source, summary, amount, valuation, on),
                    WolverineContinue.NoProblems)
                : (null, Problems.Validation("dealId",
                    $"'dealId' is required: a {type} is recorded on an existing deal. Give the deal, or 'eventType' talks_reported to open one."));
        }

        object? command = type switch
        {
            _ when type == EventCues.TalksReported => new ReportTalks(source, parties, summary, amount, valuation, on, version),
            _ when type == EventCues.TermsProposed => new ProposeTerms(source, amount, valuation, Summary: summary, OccurredOn: on, ExpectedVersion: version),
            _ when type == EventCues.AgreementAnnounced => new AnnounceAgreement(source, AgreementStage.Announced, amount, null, summary, on, version),
            _ when type == EventCues.StakeRevised => new ReviseStake(edits.Reason ?? summary, source, amount, null, on, version),
            _ when type == EventCues.DealAbandoned => new AbandonDeal(edits.Reason ?? summary, source, on, version),
            _ when type == EventCues.RegulatoryReviewOpened => new OpenReview(edits.Regulator ?? "", edits.Jurisdiction ?? "", source, summary, on, version),
            _ when type == EventCues.PartyResponded => new RecordResponse(edits.Party ?? (candidate.Parties.Count > 0 ? candidate.Parties[0].Name : ""),
                edits.Response ?? candidate.Response ?? PartyResponse.NoResponse, source, null, summary, on, version),
            _ => null,
        };
        return command is null
            ? (null, Problems.Validation("eventType", $"'eventType' must be one of {string.Join(", ", Accepted)}."))
            : (command, WolverineContinue.NoProblems);
    }

    private static readonly string[] Accepted =
    [
        EventCues.TalksReported, EventCues.TermsProposed, EventCues.AgreementAnnounced, EventCues.StakeRevised, EventCues.DealAbandoned,
        EventCues.RegulatoryReviewOpened, EventCues.PartyResponded,
    ];

    /// <summary>"Amazon invests in OpenAI", "Alphabet acquires Wiz", else the names joined.</summary>
    public static string Title(IReadOnlyList<Party> parties)
    {
        var target = parties.FirstOrDefault(p => p.Role == PartyRole.Target)?.Name;
        var title = (parties.FirstOrDefault(p => p.Role == PartyRole.Investor), parties.FirstOrDefault(p => p.Role == PartyRole.Acquirer)) switch
        {
            ({ } investor, _) when target is not null => $"{investor.Name} invests in {target}",
            (_, { } acquirer) when target is not null => $"{acquirer.Name} acquires {target}",
            _ => string.Join(" and ", parties.Select(p => p.Name)),
        };
        return title.Length <= TextLimits.Name ? title : title[..TextLimits.Name];
    }

    public static DealKind Kind(IReadOnlyList<Party> parties) =>
        parties.Any(p => p.Role == PartyRole.Investor) ? DealKind.Investment
        : parties.Any(p => p.Role is PartyRole.Acquirer or PartyRole.Seller) ? DealKind.Acquisition
        : parties.All(p => p.Role == PartyRole.Other) && parties.Count >= 2 ? DealKind.Merger
        : DealKind.Other;

    /// <summary>
    /// Records a pending candidate through the deal command's own pipeline (its LoadAsync, Validate and Post, as the API
    /// runs them), in one transaction with the candidate's review: a refusal answers the command's own problem and the
    /// candidate stays pending. Accepting an accepted candidate answers where it was recorded, recording nothing.
    /// </summary>
    [ProducesResponseType<CandidateAccepted>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [EndpointSummary("Accept a candidate, recording it on a deal")]
    [WolverinePost("/api/intake/candidates/{id}/accept")]
    public static async Task<IResult> Post(AcceptCandidate edits, Guid id, IDocumentSession session, HttpContext context, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await session.LoadAsync<IntakeCandidate>(id, cancellationToken) is not { } candidate)
        {
            return Results.Problem(IntakeProblems.UnknownCandidate(id));
        }

        if (Reviewed(candidate) is { } answer)
        {
            return answer;
        }

        var (command, problem) = Command(edits, candidate);
        if (command is null)
        {
            return Results.Problem(problem);
        }

        var recording = RecordingCommand.All.Single(c => c.Type == command.GetType());
        Guid dealId;
        long version;
        if (recording.OpensDeal)
        {
            var (refusal, opened, events) = await recording.DecideAsync(command, null, Guid.Empty, session, now, cancellationToken);
            if (events is not IStartStream start || opened is not DealOpened deal)
            {
                return Results.Problem(refusal);
            }

            session.Events.StartStream<Deal>(start.StreamId, [.. start.Events]);
            (dealId, version) = (deal.Id, deal.Version);
        }
        else
        {
            dealId = edits.DealId!.Value;
            var stream = await session.Events.FetchForExclusiveWriting<Deal>(dealId, cancellationToken);
            if (stream.Aggregate is not { } deal)
            {
                return Results.Problem(DealProblems.NotFound(dealId));
            }

            var (refusal, _, recorded) = await recording.DecideAsync(command, deal, dealId, session, now, cancellationToken);
            if (recorded is not Events appended)
            {
                return Results.Problem(refusal);
            }

            stream.AppendMany(appended);
            version = deal.Version + appended.Count;
        }

        session.Store(candidate with { Status = CandidateStatus.Accepted, Review = new CandidateReview(now, RecordedBy.Of(context), dealId, version) });
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            // Reviewed meanwhile by another request, whose events stand (ours rolled back with the candidate's change).
            session.EjectAllPendingChanges();
            var latest = await session.LoadAsync<IntakeCandidate>(id, cancellationToken);
            return latest is not null && Reviewed(latest) is { } settled ? settled : throw new InvalidOperationException($"Candidate {id} changed while accepted.");
        }

        return Results.Ok(new CandidateAccepted(dealId, version));
    }

    private static IResult? Reviewed(IntakeCandidate candidate) => candidate switch
    {
        { Status: CandidateStatus.Accepted, Review: { DealId: { } deal, Version: { } version } } => Results.Ok(new CandidateAccepted(deal, version)),
        { Status: CandidateStatus.Rejected } => Results.Problem(Problems.Conflict("The candidate was rejected.",
            $"Candidate {candidate.Id} was rejected ({candidate.Review?.Reason}): it records nothing.")),
        _ => null,
    };
}
