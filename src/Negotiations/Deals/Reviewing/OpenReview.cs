using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.Reviewing;

/// <summary>A regulator (the FTC, the European Commission, the CMA, …) opened a review of the deal in a jurisdiction.</summary>
public sealed record OpenReview(
    string Regulator,
    string Jurisdiction,
    Source Source,
    string? Summary = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class OpenReviewEndpoint
{
    public static ProblemDetails Validate(OpenReview command, Deal deal, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Regulator, "regulator", TextLimits.Name);
        errors.RequireText(command.Jurisdiction, "jurisdiction", TextLimits.Name);
        errors.RequireText(command.Summary, "summary", TextLimits.Paragraphs, required: false);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        return errors.IsEmpty
            ? deal.Allows(new DealWrite.Stage("have a review opened", Decide(command).OccurredOn), command.ExpectedVersion)
            : errors.ToProblem();
    }

    public static RegulatoryReviewOpened Decide(OpenReview command) => new(
        command.Regulator.Trim(), command.Jurisdiction.Trim(), command.Summary, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Record a regulator opening a review")]
    [WolverinePost("/api/deals/{id}/reviews")]
    public static (DealWritten, Events) Post(OpenReview command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command));
}
