using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.ProposingTerms;

/// <summary>Terms were proposed: an amount, or (since v2) only governance, commitments, an instrument, a stake or a valuation.</summary>
public sealed record ProposeTerms(
    Source Source,
    ReportedAmount? Amount = null,
    Valuation? Valuation = null,
    decimal? StakePercent = null,
    string? Instrument = null,
    string? Governance = null,
    string? Commitments = null,
    string? Summary = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class ProposeTermsEndpoint
{
    public static ProblemDetails Validate(ProposeTerms command, Deal deal, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.Require(
            command is not { Amount: null, Valuation: null, StakePercent: null, Instrument: null, Governance: null, Commitments: null },
            "amount", "Give the terms: an 'amount', or at least one of 'valuation', 'stakePercent', 'instrument', 'governance', 'commitments'.");
        ReportedAmount.Check(command.Amount, "amount", errors);
        Valuation.Check(command.Valuation, "valuation", errors);
        StakePercent.Check(command.StakePercent, "stakePercent", errors);
        errors.RequireText(command.Instrument, "instrument", TextLimits.Name, required: false);
        errors.RequireText(command.Governance, "governance", TextLimits.Paragraphs, required: false);
        errors.RequireText(command.Commitments, "commitments", TextLimits.Paragraphs, required: false);
        errors.RequireText(command.Summary, "summary", TextLimits.Paragraphs, required: false);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        return errors.IsEmpty ? deal.Allows(new DealWrite.Negotiation("take proposed terms", Decide(command).OccurredOn), command.ExpectedVersion) : errors.ToProblem();
    }

    public static TermsProposed Decide(ProposeTerms command) => new(
        command.Amount, command.Valuation, command.StakePercent, command.Instrument, command.Governance, command.Commitments,
        command.Summary, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Propose terms")]
    [WolverinePost("/api/deals/{id}/terms")]
    public static (DealWritten, Events) Post(ProposeTerms command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command));
}
