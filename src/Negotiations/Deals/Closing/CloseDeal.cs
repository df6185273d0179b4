using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.Closing;

/// <summary>The deal was completed (announced or signed). <c>ClosedOn</c> defaults to when it occurred.</summary>
public sealed record CloseDeal(
    Source Source,
    ReportedAmount? FinalAmount = null,
    DateOnly? ClosedOn = null,
    string? Summary = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class CloseDealEndpoint
{
    public static ProblemDetails Validate(CloseDeal command, Deal deal, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        ReportedAmount.Check(command.FinalAmount, "finalAmount", errors);
        if (command.ClosedOn is { } closedOn)
        {
            Dates.Check(closedOn, "closedOn", Dates.LatestAllowed(now), errors);
        }

        errors.RequireText(command.Summary, "summary", TextLimits.Paragraphs, required: false);
        deal.CheckEndDate(command.ClosedOn, "closedOn", errors);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        return errors.IsEmpty
            ? deal.Allows(new DealWrite.Ending("be closed", Decide(command).OccurredOn, Final: true), command.ExpectedVersion)
            : errors.ToProblem();
    }

    public static DealClosed Decide(CloseDeal command)
    {
        var occurredOn = command.Source.HappenedOn(command.OccurredOn ?? command.ClosedOn);
        return new DealClosed(command.FinalAmount, command.ClosedOn ?? occurredOn, command.Summary, occurredOn, command.Source);
    }

    [EndpointSummary("Close a deal (v1 ending)")]
    [WolverinePost("/api/deals/{id}/close")]
    public static (DealWritten, Events) Post(CloseDeal command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command));
}
