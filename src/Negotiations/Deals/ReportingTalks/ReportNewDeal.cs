using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals.JoiningRounds;
using Negotiations.Infrastructure;
using Negotiations.Rounds;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Deals.ReportingTalks;

/// <summary>The first report of talks: opens a deal; with <c>Round</c>, as a piece of that funding round (same source).</summary>
public sealed record ReportNewDeal(
    string Title,
    DealKind Kind,
    IReadOnlyList<Party> Parties,
    Source Source,
    string? Summary = null,
    ReportedAmount? Amount = null,
    Valuation? Valuation = null,
    DateOnly? OccurredOn = null,
    Guid? Round = null);

public static class ReportNewDealEndpoint
{
    // Stryker disable all : a database read; the API tests cover it
    public static Task<Round?> LoadAsync(ReportNewDeal command, IQuerySession session, CancellationToken cancellationToken) =>
        command.Round is { } round ? RoundTimeline.LoadAsync(session, round, cancellationToken) : Task.FromResult<Round?>(null);
    // Stryker restore all

    public static ProblemDetails Validate(ReportNewDeal command, Round? round, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (command.Round is { } id)
        {
            JoinRoundEndpoint.CheckRound(id, round, "round", errors);
        }

        errors.RequireText(command.Title, "title", TextLimits.Name);
        Party.Check(command.Parties, "parties", minimumDistinct: 2, errors);
        errors.RequireText(command.Summary, "summary", TextLimits.Paragraphs, required: false);
        ReportedAmount.Check(command.Amount, "amount", errors);
        Valuation.Check(command.Valuation, "valuation", errors);
        Source.CheckReport(command.Source, command.OccurredOn, now, errors);
        return errors.ToProblem();
    }

    public static TalksReported Decide(ReportNewDeal command) => new(
        command.Title.Trim(), command.Kind, Party.Trimmed(command.Parties),
        command.Summary, command.Amount, command.Valuation, command.Source.HappenedOn(command.OccurredOn), command.Source);

    [EndpointSummary("Report talks, opening a deal")]
    [WolverinePost("/api/deals")]
    public static (DealOpened, IStartStream) Post(ReportNewDeal command)
    {
        var id = Guid.CreateVersion7();
        var opening = Decide(command);
        return command.Round is { } round
            ? (new DealOpened(id, 2), MartenOps.StartStream<Deal>(id, opening, new DealJoinedRound(round, opening.OccurredOn, opening.Source)))
            : (new DealOpened(id, 1), MartenOps.StartStream<Deal>(id, opening));
    }
}
