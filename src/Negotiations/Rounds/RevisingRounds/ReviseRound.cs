using Marten;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Rounds.RevisingRounds;

/// <summary>A later report revised the round's target size and/or valuation (at least one).</summary>
public sealed record ReviseRound(
    Source Source,
    ReportedAmount? Target = null,
    Valuation? Valuation = null,
    string? Summary = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class ReviseRoundEndpoint
{
    // Stryker disable all : a database read; the API tests cover it
    public static Task<IEventStream<Round>> LoadAsync(Guid id, IDocumentSession session, CancellationToken cancellationToken) =>
        RoundTimeline.LockAsync(session, id, cancellationToken);
    // Stryker restore all

    public static ProblemDetails Validate(ReviseRound command, Guid id, IEventStream<Round> stream, DateTimeOffset now) =>
        Check(command, id, stream.Aggregate, now);

    /// <summary>The decision on the round as it stands (null: no such round): 404, 400 naming each field, 409, or none.</summary>
    public static ProblemDetails Check(ReviseRound command, Guid id, Round? round, DateTimeOffset now)
    {
        if (round is null)
        {
            return RoundProblems.NotFound(id);
        }

        var errors = new ValidationErrors();
        errors.Require(command.Target is not null || command.Valuation is not null, "target", "Give 'target' and/or 'valuation': what the report revised.");
        ReportedAmount.Check(command.Target, "target", errors);
        Valuation.Check(command.Valuation, "valuation", errors);
        errors.RequireText(command.Summary, "summary", TextLimits.Paragraphs, required: false);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        return errors.IsEmpty ? round.Allows("be revised", Decide(command).OccurredOn, ending: false, command.ExpectedVersion) : errors.ToProblem();
    }

    public static RoundRevised Decide(ReviseRound command) =>
        new(command.Target, command.Valuation, command.Summary, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("Revise a round's target or valuation")]
    [WolverinePost("/api/rounds/{id}/revisions")]
    public static RoundWritten Post(ReviseRound command, IEventStream<Round> stream) =>
        RoundWritten.Appending(stream, Decide(command));
}
