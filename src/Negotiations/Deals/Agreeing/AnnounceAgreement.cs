using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.Agreeing;

/// <summary>
/// An agreement was announced or signed: the agreed amount and, when the report gives them, its tranches (each an amount
/// and a condition, or none for money paid up front). The tranches add up to the agreed amount, in its currency.
/// </summary>
public sealed record AnnounceAgreement(
    Source Source,
    AgreementStage Stage = AgreementStage.Announced,
    ReportedAmount? Amount = null,
    IReadOnlyList<Tranche>? Tranches = null,
    string? Summary = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class AnnounceAgreementEndpoint
{
    public static ProblemDetails Validate(AnnounceAgreement command, Deal deal, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        ReportedAmount.Check(command.Amount, "amount", errors);
        Tranche.Check(command.Tranches, command.Amount, "tranches", errors);
        errors.RequireText(command.Summary, "summary", TextLimits.Paragraphs, required: false);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        var action = command.Stage == AgreementStage.Signed ? "have an agreement signed" : "have an agreement announced";
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        // A funding names its tranche by number: an agreement that lists a funded tranche differently would move it.
        var moved = (deal.Agreement?.Tranches ?? []).FirstOrDefault(t => t.FundedOn is not null && command.Tranches is { Count: > 0 } listed
            && (t.Number > listed.Count || listed[t.Number - 1].Amount != t.Amount));
        return moved is not null
            ? DealProblems.Conflict(
                $"Tranche {moved.Number} ({moved.Amount.Value} {moved.Amount.Currency}) was funded on {moved.FundedOn:yyyy-MM-dd}: an agreement " +
                "must list it in the same place with the same amount, or name no tranches.", deal.Version)
            : deal.Allows(new DealWrite.Stage(action, Decide(command).OccurredOn), command.ExpectedVersion);
    }

    public static IDealEvent Decide(AnnounceAgreement command)
    {
        var on = command.Source.HappenedOn(command.OccurredOn);
        var tranches = command.Tranches ?? [];
        return command.Stage == AgreementStage.Signed
            ? new AgreementSigned(command.Amount, tranches, command.Summary, on, command.Source)
            : new AgreementAnnounced(command.Amount, tranches, command.Summary, on, command.Source);
    }

    [EndpointSummary("Record an agreement announced or signed")]
    [WolverinePost("/api/deals/{id}/agreement")]
    public static (DealWritten, Events) Post(AnnounceAgreement command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command));
}
