using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Rounds.ReportingRounds;

/// <summary>A funding round was reported: the company raising, and the target size and valuation when the report gave them.</summary>
public sealed record ReportRound(
    string Company,
    Source Source,
    ReportedAmount? Target = null,
    Valuation? Valuation = null,
    string? Summary = null,
    DateOnly? OccurredOn = null);

public static class ReportRoundEndpoint
{
    public static ProblemDetails Validate(ReportRound command, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Company, "company", TextLimits.Name);
        ReportedAmount.Check(command.Target, "target", errors);
        Valuation.Check(command.Valuation, "valuation", errors);
        errors.RequireText(command.Summary, "summary", TextLimits.Paragraphs, required: false);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        return errors.ToProblem();
    }

    public static RoundReported Decide(ReportRound command) => new(
        command.Company.Trim(), command.Target, command.Valuation, command.Summary, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Report a funding round")]
    [WolverinePost("/api/rounds")]
    public static (RoundOpened, IStartStream) Post(ReportRound command)
    {
        var id = Guid.CreateVersion7();
        return (new RoundOpened(id, 1), MartenOps.StartStream<Round>(id, Decide(command)));
    }
}
