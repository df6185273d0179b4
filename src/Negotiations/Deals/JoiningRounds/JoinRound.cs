using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Negotiations.Rounds;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.JoiningRounds;

/// <summary>The deal joined round <c>Round</c>: the investor's piece of it. A deal is in one round at a time.</summary>
public sealed record JoinRound(
    Guid Round,
    Source Source,
    DateOnly? OccurredOn = null,
    long? ExpectedVersion = null);

public static class JoinRoundEndpoint
{
    // Stryker disable all : a database read; the API tests cover it
    public static Task<Round?> LoadAsync(JoinRound command, IQuerySession session, CancellationToken cancellationToken) =>
        RoundTimeline.LoadAsync(session, command.Round, cancellationToken);
    // Stryker restore all

    public static ProblemDetails Validate(JoinRound command, Deal deal, Round? round, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        CheckRound(command.Round, round, "round", errors);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        if (!errors.IsEmpty)
        {
            return errors.ToProblem();
        }

        return deal.Round switch
        {
            { } current when current.Id == command.Round => DealProblems.Conflict($"Deal {deal.Id} is already in round {current.Id}.", deal.Version),
            { } current => DealProblems.Conflict(
                $"Deal {deal.Id} is in round {current.Id}; a deal is in one round at a time: record that it left that round first.", deal.Version),
            null => deal.Allows(new DealWrite.Commentary("join a round"), command.ExpectedVersion),
        };
    }

    /// <summary>A round named in a body must exist: otherwise a 400 naming the member (the deal is what the route names).</summary>
    public static void CheckRound(Guid id, Round? round, string field, ValidationErrors errors) =>
        errors.Require(round is not null, field, $"'{field}' must name a reported round: no round with id {id} exists.");

    public static DealJoinedRound Decide(JoinRound command) =>
        new(command.Round, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Record that a deal joined a funding round")]
    [WolverinePost("/api/deals/{id}/round")]
    public static (DealWritten, Events) Post(JoinRound command, [WriteDeal] Deal deal) =>
        DealWritten.Appending(deal, Decide(command));
}
