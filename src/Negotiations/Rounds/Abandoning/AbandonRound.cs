using Marten;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Rounds.Abandoning;

/// <summary>The round was abandoned before it closed (final).</summary>
public sealed record AbandonRound(
    string Reason,
    Source Source,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class AbandonRoundEndpoint
{
    // Stryker disable all : a database read; the API tests cover it
    public static Task<IEventStream<Round>> LoadAsync(Guid id, IDocumentSession session, CancellationToken cancellationToken) =>
        RoundTimeline.LockAsync(session, id, cancellationToken);
    // Stryker restore all

    public static ProblemDetails Validate(AbandonRound command, Guid id, IEventStream<Round> stream, DateTimeOffset now) =>
        Check(command, id, stream.Aggregate, now);

    /// <summary>The decision on the round as it stands (null: no such round): 404, 400 naming each field, 409, or none.</summary>
    public static ProblemDetails Check(AbandonRound command, Guid id, Round? round, DateTimeOffset now)
    {
        if (round is null)
        {
            return RoundProblems.NotFound(id);
        }

        var errors = new ValidationErrors();
        errors.RequireText(command.Reason, "reason", TextLimits.Paragraphs);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        return errors.IsEmpty ? round.Allows("be abandoned", Decide(command).OccurredOn, ending: true, command.ExpectedVersion) : errors.ToProblem();
    }

    public static RoundAbandoned Decide(AbandonRound command) => new(command.Reason, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("Abandon a round (final)")]
    [WolverinePost("/api/rounds/{id}/abandon")]
    public static RoundWritten Post(AbandonRound command, IEventStream<Round> stream) =>
        RoundWritten.Appending(stream, Decide(command));
}
