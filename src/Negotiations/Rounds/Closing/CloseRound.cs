using Marten;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Rounds.Closing;

/// <summary>The round's final close, with the final amount raised when the report says.</summary>
public sealed record CloseRound(
    Source Source,
    ReportedAmount? FinalAmount = null,
    string? Summary = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class CloseRoundEndpoint
{
    // Stryker disable all : a database read; the API tests cover it
    public static Task<IEventStream<Round>> LoadAsync(Guid id, IDocumentSession session, CancellationToken cancellationToken) =>
        RoundTimeline.LockAsync(session, id, cancellationToken);
    // Stryker restore all

    public static ProblemDetails Validate(CloseRound command, Guid id, IEventStream<Round> stream, DateTimeOffset now) =>
        Check(command, id, stream.Aggregate, now);

    /// <summary>The decision on the round as it stands (null: no such round): 404, 400 naming each field, 409, or none.</summary>
    public static ProblemDetails Check(CloseRound command, Guid id, Round? round, DateTimeOffset now)
    {
        if (round is null)
        {
            return RoundProblems.NotFound(id);
        }

        var errors = new ValidationErrors();
        ReportedAmount.Check(command.FinalAmount, "finalAmount", errors);
        errors.RequireText(command.Summary, "summary", TextLimits.Paragraphs, required: false);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        return errors.IsEmpty ? round.Allows("be closed", Decide(command).OccurredOn, ending: true, command.ExpectedVersion) : errors.ToProblem();
    }

    public static RoundClosed Decide(CloseRound command) =>
        new(command.FinalAmount, command.Summary, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("Close a round (final)")]
    [WolverinePost("/api/rounds/{id}/close")]
    public static RoundWritten Post(CloseRound command, IEventStream<Round> stream) =>
        RoundWritten.Appending(stream, Decide(command));
}
