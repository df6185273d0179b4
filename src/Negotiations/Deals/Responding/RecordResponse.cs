using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.Responding;

/// <summary>
/// A party to the deal responded to the report in event <c>RespondsToVersion</c> (or to the talks in general): it
/// confirmed, denied, declined to comment, or did not respond.
/// </summary>
public sealed record RecordResponse(
    string Party,
    PartyResponse Response,
    Source Source,
    long? RespondsToVersion = null,
    string? Statement = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class RecordResponseEndpoint
{
    // Stryker disable all : a database read; the API tests cover it, the unit tier (scripts/mutation.sh) cannot reach it
    public static async Task<IEvent?> LoadAsync(RecordResponse command, Guid id, IDocumentSession session, CancellationToken cancellationToken) =>
        command.RespondsToVersion is { } version
            ? await DealAsOf.EventAsync(session, id, version, cancellationToken)
            : null;
    // Stryker restore all

    public static ProblemDetails Validate(RecordResponse command, Deal deal, IEvent? target, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Party, "party", TextLimits.Name);
        errors.Require(string.IsNullOrWhiteSpace(command.Party) || deal.Parties.Any(p => string.Equals(p.Name, command.Party.Trim(), StringComparison.OrdinalIgnoreCase)),
            "party", $"'party' must be one of the deal's parties: {string.Join(", ", deal.Parties.Select(p => p.Name))}.");
        errors.RequireText(command.Statement, "statement", TextLimits.Paragraphs, required: false);
        errors.Require(command.RespondsToVersion is null || target?.Data is IDealEvent and not (ReportRetracted or PartyResponded), "respondsToVersion",
            $"'respondsToVersion' must be the version of a report of deal {deal.Id} (1 to {deal.Version}), not a correction, retraction or response.");
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        return errors.IsEmpty ? deal.Allows(new DealWrite.Commentary("record a response"), command.ExpectedVersion) : errors.ToProblem();
    }

    public static PartyResponded Decide(RecordResponse command) => new(
        command.Party.Trim(), command.Response, command.RespondsToVersion, command.Statement, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Record a party's response to a report")]
    [WolverinePost("/api/deals/{id}/responses")]
    public static (DealWritten, Events) Post(RecordResponse command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command));
}
