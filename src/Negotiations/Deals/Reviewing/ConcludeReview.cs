using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.Reviewing;

/// <summary>A regulator concluded its open review: cleared, cleared with conditions, or blocked (which ends the deal).</summary>
public sealed record ConcludeReview(
    string Regulator,
    ReviewOutcome Outcome,
    Source Source,
    string? Conditions = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class ConcludeReviewEndpoint
{
    public static ProblemDetails Validate(ConcludeReview command, Deal deal, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Regulator, "regulator", TextLimits.Name);
        errors.RequireText(command.Conditions, "conditions", TextLimits.Paragraphs, required: false);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var concluded = Decide(command);
        var review = deal.Reviews.LastOrDefault(r => r.Outcome is null && string.Equals(r.Regulator, concluded.Regulator, StringComparison.OrdinalIgnoreCase));
        return review switch
        {
            null => DealProblems.Conflict($"Deal {deal.Id} has no open review by '{concluded.Regulator}': record the review's opening first.", deal.Version),
            _ when concluded.OccurredOn < review.OpenedOn => DealProblems.Conflict(
                $"The conclusion is dated {concluded.OccurredOn:yyyy-MM-dd}, before {review.Regulator} opened its review ({review.OpenedOn:yyyy-MM-dd}).", deal.Version),
            _ => deal.Allows(concluded.Outcome == ReviewOutcome.Blocked
                ? new DealWrite.Ending("be blocked", concluded.OccurredOn, Final: true)
                : new DealWrite.Stage("have a review concluded", concluded.OccurredOn), command.ExpectedVersion),
        };
    }

    public static RegulatoryReviewConcluded Decide(ConcludeReview command) => new(
        command.Regulator.Trim(), command.Outcome, command.Conditions, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Record a regulator concluding its review")]
    [WolverinePost("/api/deals/{id}/reviews/conclusion")]
    public static (DealWritten, Events) Post(ConcludeReview command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command));
}
