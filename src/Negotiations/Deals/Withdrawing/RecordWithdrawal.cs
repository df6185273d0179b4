using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.Withdrawing;

/// <summary>
/// A party withdrew from the deal (Microsoft left the talks before the round was announced): it no longer counts as a
/// participant; the deal's parties and history keep that it was there. A later report of talks naming it brings it back.
/// </summary>
public sealed record RecordWithdrawal(
    string Party,
    Source Source,
    string? Reason = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class RecordWithdrawalEndpoint
{
    public static ProblemDetails Validate(RecordWithdrawal command, Deal deal, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Party, "party", TextLimits.Name);
        errors.Require(string.IsNullOrWhiteSpace(command.Party) || deal.Parties.Any(p => Deal.SameParty(p.Name, command.Party)),
            "party", $"'party' must be one of the deal's parties: {string.Join(", ", deal.Parties.Select(p => p.Name))}.");
        errors.RequireText(command.Reason, "reason", TextLimits.Paragraphs, required: false);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var withdrawal = Decide(command, deal);
        return deal.Withdrawals.FirstOrDefault(w => Deal.SameParty(w.Party, withdrawal.Party)) is { } earlier
            ? DealProblems.Conflict($"{earlier.Party} already withdrew from deal {deal.Id} on {earlier.WithdrewOn:yyyy-MM-dd}; " +
                "a report of talks naming it again brings it back.", deal.Version)
            : deal.Allows(new DealWrite.Negotiation("record a withdrawal", withdrawal.OccurredOn), command.ExpectedVersion);
    }

    /// <summary>The withdrawal, naming the party as the deal does.</summary>
    public static PartyWithdrew Decide(RecordWithdrawal command, Deal deal) => new(
        deal.Parties.FirstOrDefault(p => Deal.SameParty(p.Name, command.Party))?.Name ?? command.Party.Trim(),
        command.Reason, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Record that a party withdrew from the deal")]
    [WolverinePost("/api/deals/{id}/withdrawals")]
    public static (DealWritten, Events) Post(RecordWithdrawal command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command, deal));
}
