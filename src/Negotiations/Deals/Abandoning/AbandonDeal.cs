using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.Abandoning;

/// <summary>Talks collapsed. Only a new report of talks revives the deal.</summary>
public sealed record AbandonDeal(
    string Reason,
    Source Source,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class AbandonDealEndpoint
{
    public static ProblemDetails Validate(AbandonDeal command, Deal deal, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Reason, "reason", TextLimits.Paragraphs);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        return errors.IsEmpty
            ? deal.Allows(new DealWrite.Ending("be abandoned", Decide(command).OccurredOn, Final: false), command.ExpectedVersion)
            : errors.ToProblem();
    }

    public static DealAbandoned Decide(AbandonDeal command) =>
        new(command.Reason, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Abandon a deal")]
    [WolverinePost("/api/deals/{id}/abandon")]
    public static (DealWritten, Events) Post(AbandonDeal command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command));
}
