using Marten;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Rounds.Closing;

/// <summary>A closing of the round was held (one of possibly several), raising <c>Amount</c> when the report says.</summary>
public sealed record HoldClosing(
    Source Source,
    ReportedAmount? Amount = null,
    string? Summary = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class HoldClosingEndpoint
{
    // Stryker disable all : a database read; the API tests cover it
    public static Task<IEventStream<Round>> LoadAsync(Guid id, IDocumentSession session, CancellationToken cancellationToken) =>
        RoundTimeline.LockAsync(session, id, cancellationToken);
    // Stryker restore all

    public static ProblemDetails Validate(HoldClosing command, Guid id, IEventStream<Round> stream, DateTimeOffset now) =>
        Check(command, id, stream.Aggregate, now);

    /// <summary>The decision on the round as it stands (null: no such round): 404, 400 naming each field, 409, or none.</summary>
    public static ProblemDetails Check(HoldClosing command, Guid id, Round? round, DateTimeOffset now)
    {
        if (round is null)
        {
            return RoundProblems.NotFound(id);
        }

        var errors = new ValidationErrors();
        ReportedAmount.Check(command.Amount, "amount", errors);
        errors.RequireText(command.Summary, "summary", TextLimits.Paragraphs, required: false);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        return errors.IsEmpty ? round.Allows("hold a closing", Decide(command).OccurredOn, ending: false, command.ExpectedVersion) : errors.ToProblem();
    }

    public static RoundClosingHeld Decide(HoldClosing command) =>
        new(command.Amount, command.Summary, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("Record a closing of a round")]
    [WolverinePost("/api/rounds/{id}/closings")]
    public static RoundWritten Post(HoldClosing command, IEventStream<Round> stream) =>
        RoundWritten.Appending(stream, Decide(command));
}
