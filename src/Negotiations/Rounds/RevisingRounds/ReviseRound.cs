using Marten;
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
    public static Task<Round?> LoadAsync(Guid id, IQuerySession session, CancellationToken cancellationToken) => RoundTimeline.LoadAsync(session, id, cancellationToken);
    // Stryker restore all

    public static ProblemDetails Validate(ReviseRound command, Guid id, Round? round, DateTimeOffset now)
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
    public static RoundWritten Post(ReviseRound command, [NotBody] Round round, IDocumentSession session) =>
        RoundWritten.Appending(round, session, Decide(command));
}
