using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.RevisingStake;

/// <summary>The negotiation moved: a new amount and/or stake percent, and why.</summary>
public sealed record ReviseStake(
    string Reason,
    Source Source,
    ReportedAmount? Amount = null,
    decimal? StakePercent = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class ReviseStakeEndpoint
{
    public static ProblemDetails Validate(ReviseStake command, Deal deal, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.Require(command.Amount is not null || command.StakePercent is not null, "amount",
            "Give a new 'amount', a new 'stakePercent', or both.");
        ReportedAmount.Check(command.Amount, "amount", errors);
        StakePercent.Check(command.StakePercent, "stakePercent", errors);
        errors.RequireText(command.Reason, "reason", TextLimits.Paragraphs);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        return errors.IsEmpty ? deal.Allows(new DealWrite.Negotiation("have its stake revised", Decide(command).OccurredOn), command.ExpectedVersion) : errors.ToProblem();
    }

    public static StakeRevised Decide(ReviseStake command) => new(
        command.Amount, command.StakePercent, command.Reason, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Revise the stake")]
    [WolverinePost("/api/deals/{id}/stake")]
    public static (DealWritten, Events) Post(ReviseStake command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command));
}
