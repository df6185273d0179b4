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
    long? ExpectedVersion = null)
{

    /// <summary>The members a correction may give for each kind of event (JSON names).</summary>
    public static readonly IReadOnlyDictionary<Type, string[]> Correctable = new Dictionary<Type, string[]>
    {
        [typeof(TalksReported)] = ["occurredOn", "source", "title", "kind", "parties", "summary", "amount", "valuation"],
        [typeof(TermsProposed)] = ["occurredOn", "source", "amount", "valuation", "stakePercent", "instrument", "governance", "commitments", "summary"],
        [typeof(StakeRevised)] = ["occurredOn", "source", "amount", "stakePercent", "eventReason"],
        [typeof(DealClosed)] = ["occurredOn", "source", "finalAmount", "closedOn", "summary"],
        [typeof(DealAbandoned)] = ["occurredOn", "source", "eventReason"],
        [typeof(ReportRetracted)] = ["occurredOn", "source", "eventReason"],
    };

    public IEnumerable<string> GivenMembers()
    {
        (string Name, object? Value)[] members =
        [
            ("occurredOn", OccurredOn), ("source", Source), ("title", Title), ("kind", Kind), ("parties", Parties),
            ("summary", Summary), ("amount", Amount), ("valuation", Valuation), ("stakePercent", StakePercent),
            ("instrument", Instrument), ("governance", Governance), ("commitments", Commitments),
            ("eventReason", EventReason), ("finalAmount", FinalAmount), ("closedOn", ClosedOn),
        ];
        return members.Where(m => m.Value is not null).Select(m => m.Name);
    }
}

public static class CorrectRecordingEndpoint
{
    public static Task<IEvent?> LoadAsync(CorrectRecording command, Guid id, IDocumentSession session, CancellationToken cancellationToken) =>
        session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == id && e.Version == command.CorrectsVersion)
            .FirstOrDefaultAsync(cancellationToken);

    public static ProblemDetails Validate(CorrectRecording command, Deal deal, IEvent? target, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Reason, "reason", TextLimits.Paragraphs);
        if (target is null)
        {
            errors.Add("correctsVersion", $"Deal {deal.Id} has no event {command.CorrectsVersion} (its versions are 1 to {deal.Version}).");
            return errors.ToProblem();
        }

        if (!CorrectRecording.Correctable.TryGetValue(target.Data.GetType(), out var allowed))
        {
            errors.Add("correctsVersion", $"Event {target.Version} is a correction: correct the event it corrects instead.");
            return errors.ToProblem();
        }

        var given = command.GivenMembers().ToList();
        errors.Require(given.Count > 0, "correctsVersion", $"Give at least one member to correct: {string.Join(", ", allowed)}.");
        // Version 1 is the report that opened the deal: the one with a title and kind (as DealTimeline reads it too).
        var opening = target.Version == 1;
        foreach (var member in given.Where(m => !allowed.Contains(m) || (m is "title" or "kind" && !opening)))
        {
            errors.Add(member, $"'{member}' is not a member of event {target.Version} ({target.EventTypeName}); it has {string.Join(", ", allowed)}.");
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
        return errors.IsEmpty ? deal.CheckWrite(command.ExpectedVersion, "be corrected", fixesTheRecord: true) : errors.ToProblem();
    }

    public static RecordingCorrected Decide(CorrectRecording command) => new(
        command.CorrectsVersion, command.Reason, command.OccurredOn, command.Source, command.Title?.Trim(), command.Kind,
        command.Parties is null ? null : Party.Trimmed(command.Parties), command.Summary, command.Amount, command.Valuation,
        command.StakePercent, command.Instrument, command.Governance, command.Commitments, command.EventReason,
        command.FinalAmount, command.ClosedOn);

    [WolverinePost("/api/deals/{id}/corrections")]
    public static (DealWritten, Events) Post(CorrectRecording command, [WriteDeal] Deal deal) =>
        (new DealWritten(deal.Id, deal.Version + 1), [Decide(command)]);
}
