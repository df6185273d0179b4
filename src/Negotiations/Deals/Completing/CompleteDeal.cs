using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.Completing;

/// <summary>The deal was completed (the transaction closed). <c>CompletedOn</c> defaults to when it occurred.</summary>
public sealed record CompleteDeal(
    Source Source,
    ReportedAmount? FinalAmount = null,
    DateOnly? CompletedOn = null,
    string? Summary = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class CompleteDealEndpoint
{
    public static ProblemDetails Validate(CompleteDeal command, Deal deal, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        ReportedAmount.Check(command.FinalAmount, "finalAmount", errors);
        if (command.CompletedOn is { } completedOn)
        {
            Dates.Check(completedOn, "completedOn", Dates.LatestAllowed(now), errors);
        }

        deal.CheckEndDate(command.CompletedOn, "completedOn", errors);
        errors.RequireText(command.Summary, "summary", TextLimits.Paragraphs, required: false);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        return errors.IsEmpty
            ? deal.Allows(new DealWrite.Ending("be completed", Decide(command).OccurredOn, Final: true), command.ExpectedVersion)
            : errors.ToProblem();
    }

    public static DealCompleted Decide(CompleteDeal command)
    {
        var occurredOn = command.Source.HappenedOn(command.OccurredOn ?? command.CompletedOn);
        return new DealCompleted(command.FinalAmount, command.CompletedOn ?? occurredOn, command.Summary, occurredOn, command.Source);
    }

    [EndpointSummary("Complete a deal")]
    [WolverinePost("/api/deals/{id}/complete")]
    public static (DealWritten, Events) Post(CompleteDeal command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command));
}
