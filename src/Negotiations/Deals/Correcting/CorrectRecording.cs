using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.Correcting;

/// <summary>
/// Fixes our own recording mistake in event <c>CorrectsVersion</c> (a typo, the wrong publication): the members given
/// replace the event's own wherever it counts. Allowed on closed and abandoned deals: it fixes the record, not the deal.
/// </summary>
public sealed record CorrectRecording(
    long CorrectsVersion,
    string Reason,
    DateOnly? OccurredOn = null,
    Source? Source = null,
    string? Title = null,
    DealKind? Kind = null,
    IReadOnlyList<Party>? Parties = null,
    string? Summary = null,
    ReportedAmount? Amount = null,
    Valuation? Valuation = null,
    decimal? StakePercent = null,
    string? Instrument = null,
    string? Governance = null,
    string? Commitments = null,
    string? EventReason = null,
    ReportedAmount? FinalAmount = null,
    DateOnly? ClosedOn = null,
    long? ExpectedVersion = null);

public static class CorrectRecordingEndpoint
{
    // Stryker disable all : a database read; the API tests cover it, the unit tier (scripts/mutation.sh) cannot reach it
    public static Task<IEvent?> LoadAsync(CorrectRecording command, Guid id, IDocumentSession session, CancellationToken cancellationToken) =>
        DealAsOf.EventAsync(session, id, command.CorrectsVersion, cancellationToken);
    // Stryker restore all

    public static ProblemDetails Validate(CorrectRecording command, Deal deal, IEvent? target, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Reason, "reason", TextLimits.Paragraphs);
        if (target is null)
        {
            errors.Add("correctsVersion", $"Deal {deal.Id} has no event {command.CorrectsVersion} (its versions are 1 to {deal.Version}).");
            return errors.ToProblem();
        }

        var correctable = Corrections.MembersOf(target.Data.GetType());
        if (correctable is null)
        {
            errors.Add("correctsVersion", $"Event {target.Version} is a correction: correct the event it corrects instead.");
            return errors.ToProblem();
        }

        var allowed = string.Join(", ", correctable);
        var given = Corrections.GivenIn(Decide(command)).ToList();
        errors.Require(given.Count > 0, "correctsVersion", $"Give at least one member to correct: {allowed}.");
        // Version 1 is the report that opened the deal: the one with a title and kind (as DealTimeline reads it too).
        var opening = target.Version == 1;
        foreach (var member in given.Where(m => !correctable.Contains(m) || (m is "title" or "kind" && !opening)))
        {
            errors.Add(member, $"'{member}' is not a member of event {target.Version} ({target.EventTypeName}); it has {allowed}.");
        }

        var latest = Dates.LatestAllowed(now);
        if (command.Source is not null)
        {
            Source.Check(command.Source, "source", latest, errors);
        }

        if (command.OccurredOn is { } occurredOn)
        {
            Dates.Check(occurredOn, "occurredOn", latest, errors);
        }

        if (command.ClosedOn is { } closedOn)
        {
            Dates.Check(closedOn, "closedOn", latest, errors);
        }

        if (command.Parties is not null)
        {
            Party.Check(command.Parties, "parties", opening ? 2 : 1, errors);
        }

        errors.RequireText(command.Title, "title", TextLimits.Name, required: false);
        foreach (var (text, field) in new[] { (command.Summary, "summary"), (command.Governance, "governance"), (command.Commitments, "commitments"), (command.EventReason, "eventReason") })
        {
            errors.RequireText(text, field, TextLimits.Paragraphs, required: false);
        }

        errors.RequireText(command.Instrument, "instrument", TextLimits.Name, required: false);
        ReportedAmount.Check(command.Amount, "amount", errors);
        ReportedAmount.Check(command.FinalAmount, "finalAmount", errors);
        Valuation.Check(command.Valuation, "valuation", errors);
        StakePercent.Check(command.StakePercent, "stakePercent", errors);
        return errors.IsEmpty ? deal.Allows(new DealWrite.RecordFix("be corrected"), command.ExpectedVersion) : errors.ToProblem();
    }

    public static RecordingCorrected Decide(CorrectRecording command) => new(
        command.CorrectsVersion, command.Reason, command.OccurredOn, command.Source, command.Title?.Trim(), command.Kind,
        command.Parties is null ? null : Party.Trimmed(command.Parties), command.Summary, command.Amount, command.Valuation,
        command.StakePercent, command.Instrument, command.Governance, command.Commitments, command.EventReason,
        command.FinalAmount, command.ClosedOn);

    [EndpointSummary("Correct our recording of an event")]
    [WolverinePost("/api/deals/{id}/corrections")]
    public static (DealWritten, Events) Post(CorrectRecording command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command));
}
