using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.Funding;

/// <summary>Tranche number <c>Tranche</c> (from 1, in the agreement's order) was funded; <c>Amount</c> when the report says how much.</summary>
public sealed record FundTranche(
    int Tranche,
    Source Source,
    ReportedAmount? Amount = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class FundTrancheEndpoint
{
    public static ProblemDetails Validate(FundTranche command, Deal deal, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        ReportedAmount.Check(command.Amount, "amount", errors);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        var tranches = deal.Agreement?.Tranches ?? [];
        errors.Require(tranches.Count == 0 || command.Tranche >= 1 && command.Tranche <= tranches.Count, "tranche",
            $"'tranche' must be a tranche of the agreement: 1 to {tranches.Count}.");
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        var funded = Decide(command);
        return deal.Agreement switch
        {
            null or { Tranches.Count: 0 } => DealProblems.Conflict(
                $"Deal {deal.Id} has no agreement with tranches yet: record the agreement (with its tranches) first.", deal.Version),
            { } agreement when funded.OccurredOn < agreement.AgreedOn => DealProblems.Conflict(
                $"The funding is dated {funded.OccurredOn:yyyy-MM-dd}, before the agreement ({agreement.AgreedOn:yyyy-MM-dd}).", deal.Version),
            { } agreement when agreement.Tranches[command.Tranche - 1].FundedOn is { } fundedOn => DealProblems.Conflict(
                $"Tranche {command.Tranche} was already funded on {fundedOn:yyyy-MM-dd}.", deal.Version),
            _ => deal.Allows(new DealWrite.Funding(funded.OccurredOn), command.ExpectedVersion),
        };
    }

    public static TrancheFunded Decide(FundTranche command) =>
        new(command.Tranche, command.Amount, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Record a tranche funded")]
    [WolverinePost("/api/deals/{id}/tranches/funded")]
    public static (DealWritten, Events) Post(FundTranche command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command));
}
