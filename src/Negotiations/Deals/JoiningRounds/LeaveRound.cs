using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.JoiningRounds;

/// <summary>The deal left the round it was in (the investor is no longer part of it); the history keeps that it was there.</summary>
public sealed record LeaveRound(
    Source Source,
    string? Reason = null,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class LeaveRoundEndpoint
{
    public static ProblemDetails Validate(LeaveRound command, Deal deal, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.RequireText(command.Reason, "reason", TextLimits.Paragraphs, required: false);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return deal.Round is null
            ? DealProblems.Conflict($"Deal {deal.Id} is in no round: there is nothing to leave.", deal.Version)
            : deal.Allows(new DealWrite.Commentary("leave a round"), command.ExpectedVersion);
    }

    public static DealLeftRound Decide(LeaveRound command, RoundMembership round) =>
        new(round.Id, command.Reason, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Record that a deal left its funding round")]
    [WolverinePost("/api/deals/{id}/round/leave")]
    public static (DealWritten, Events) Post(LeaveRound command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command, deal.Round!));
}
