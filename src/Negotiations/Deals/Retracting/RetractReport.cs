using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.Retracting;

/// <summary>
/// A source withdrew the claim of event <c>RetractsVersion</c>, or a party denied it. The claim stops counting in the
/// status; the history keeps it, marked. Allowed on closed and abandoned deals: it fixes the record, not the deal.
/// </summary>
public sealed record RetractReport(
    long RetractsVersion,
    string Reason,
    Source Source,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null,
    RetractionKind Kind = RetractionKind.Withdrawn);

public static class RetractReportEndpoint
{
    /// <summary>The deal's stream: the retracted event and any earlier retraction of it are needed (a rare command).</summary>
    public static async Task<IReadOnlyList<IEvent>> LoadAsync(Guid id, IDocumentSession session, CancellationToken cancellationToken) =>
        await session.Events.FetchStreamAsync(id, token: cancellationToken);

    public static ProblemDetails Validate(RetractReport command, Deal deal, IReadOnlyList<IEvent> stream, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Reason, "reason", TextLimits.Paragraphs);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        var target = stream.FirstOrDefault(e => e.Version == command.RetractsVersion);
        if (target is null)
        {
            errors.Add("retractsVersion", $"Deal {deal.Id} has no event {command.RetractsVersion} (its versions are 1 to {deal.Version}).");
        }
        else if (target.Data is RecordingCorrected or ReportRetracted)
        {
            errors.Add("retractsVersion", $"Event {target.Version} ({target.EventTypeName}) is not a report of the deal: only reports can be retracted.");
        }

        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return TimelineMarks.Of(stream).RetractionOf(command.RetractsVersion) is { } earlier
            ? DealProblems.Conflict($"Event {command.RetractsVersion} was already retracted by event {earlier}.", deal.Version)
            : deal.Allows(new DealWrite.RecordFix("have a report retracted"), command.ExpectedVersion);
    }

    public static ReportRetracted Decide(RetractReport command) =>
        new(command.RetractsVersion, command.Reason, command.Source.HappenedOn(command.OccurredOn), command.Source, command.Kind);

    [EndpointSummary("Retract a report (withdrawn or denied)")]
    [WolverinePost("/api/deals/{id}/retractions")]
    public static (DealWritten, Events) Post(RetractReport command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command));
}
