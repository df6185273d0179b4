using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.ReportingTalks;

/// <summary>The first report of talks: opens a deal.</summary>
public sealed record ReportNewDeal(
    string Title,
    DealKind Kind,
    IReadOnlyList<Party> Parties,
    Source Source,
    string? Summary = null,
    ReportedAmount? Amount = null,
    Valuation? Valuation = null,
    DateOnly? OccurredOn = null);

public static class ReportNewDealEndpoint
{
    public static ProblemDetails Validate(ReportNewDeal command, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Title, "title", TextLimits.Name);
        Party.Check(command.Parties, "parties", minimumDistinct: 2, errors);
        errors.RequireText(command.Summary, "summary", TextLimits.Paragraphs, required: false);
        ReportedAmount.Check(command.Amount, "amount", errors);
        Valuation.Check(command.Valuation, "valuation", errors);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        return errors.ToProblem();
    }

    public static TalksReported Decide(ReportNewDeal command) => new(
        command.Title.Trim(), command.Kind, Party.Trimmed(command.Parties),
        command.Summary, command.Amount, command.Valuation, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Report talks, opening a deal")]
    [WolverinePost("/api/deals")]
    public static (DealOpened, IStartStream) Post(ReportNewDeal command)
    {
        var id = Guid.CreateVersion7();
        return (new DealOpened(id, 1), MartenOps.StartStream<Deal>(id, Decide(command)));
    }
}
