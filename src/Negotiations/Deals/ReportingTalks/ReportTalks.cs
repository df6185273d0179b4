using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.ReportingTalks;

/// <summary>
/// Another report of talks on an existing deal, possibly naming parties newly in talks. On an abandoned deal it is the
/// one command accepted, and it revives the deal.
/// </summary>
public sealed record ReportTalks(
    Source Source,
    IReadOnlyList<Party>? Parties = null,
    string? Summary = null,
    ReportedAmount? Amount = null,
    Valuation? Valuation = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class ReportTalksEndpoint
{
    public static ProblemDetails Validate(ReportTalks command, Deal deal, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        Party.Check(command.Parties, "parties", minimumDistinct: 0, errors);
        errors.RequireText(command.Summary, "summary", TextLimits.Paragraphs, required: false);
        ReportedAmount.Check(command.Amount, "amount", errors);
        Valuation.Check(command.Valuation, "valuation", errors);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        return errors.IsEmpty
            ? deal.Allows(new DealWrite.Negotiation("report talks", Decide(command).OccurredOn, Revives: true), command.ExpectedVersion)
            : errors.ToProblem();
    }

    public static TalksReported Decide(ReportTalks command) => new(
        null, null, Party.Trimmed(command.Parties ?? []),
        command.Summary, command.Amount, command.Valuation, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Report talks again (revives an abandoned deal)")]
    [WolverinePost("/api/deals/{id}/talks")]
    public static (DealWritten, Events) Post(ReportTalks command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command));
}
