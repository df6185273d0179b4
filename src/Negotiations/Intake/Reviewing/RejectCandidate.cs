using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Negotiations.Security;
using Wolverine.Http;

namespace Negotiations.Intake.Reviewing;

/// <summary>Why an analyst rejects a candidate ("not a deal", "already recorded").</summary>
public sealed record RejectCandidate(string Reason);

public static class RejectCandidateEndpoint
{
    public static ProblemDetails Validate(RejectCandidate command)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Reason, "reason", TextLimits.Paragraphs);
        return errors.ToProblem();
    }

    /// <summary>The candidate rejected, or why it cannot be: an accepted candidate was recorded (correct or retract the deal's event instead).</summary>
    public static (IntakeCandidate? Rejected, ProblemDetails Problem) Decide(RejectCandidate command, IntakeCandidate candidate, DateTimeOffset now, string by) =>
        candidate.Status switch
        {
            CandidateStatus.Rejected => (candidate, WolverineContinue.NoProblems),
            CandidateStatus.Accepted => (null, Problems.Conflict("The candidate was accepted.",
                $"Candidate {candidate.Id} was recorded as version {candidate.Review?.Version} of deal {candidate.Review?.DealId}: correct or retract that event instead.")),
            _ => (candidate with { Status = CandidateStatus.Rejected, Review = new CandidateReview(now, by, Reason: command.Reason.Trim()) }, WolverineContinue.NoProblems),
        };

    /// <summary>Rejects a pending candidate with a reason; rejecting it again answers the same.</summary>
    [ProducesResponseType<IntakeCandidate>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [EndpointSummary("Reject a candidate")]
    [WolverinePost("/api/intake/candidates/{id}/reject")]
    public static async Task<IResult> Post(RejectCandidate command, Guid id, IDocumentSession session, HttpContext context, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await session.LoadAsync<IntakeCandidate>(id, cancellationToken) is not { } candidate)
        {
            return Results.Problem(IntakeProblems.UnknownCandidate(id));
        }

        var (rejected, problem) = Decide(command, candidate, now, RecordedBy.Of(context));
        if (rejected is null)
        {
            return Results.Problem(problem);
        }

        if (!ReferenceEquals(rejected, candidate))
        {
            session.Store(rejected);
        }

        return Results.Ok(rejected);
    }
}
