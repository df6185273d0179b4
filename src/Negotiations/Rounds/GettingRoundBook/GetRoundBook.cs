using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Rounds.GettingRoundBook;

/// <summary>The query of <c>GET /api/rounds/{id}</c>: now, or as of a point on either time axis; <c>waitFor</c> an event sequence.</summary>
public sealed record RoundBookQuery(
    DateTimeOffset? AsOf = null,
    DateOnly? OccurredBy = null,
    [Range(typeof(long), "1", "9223372036854775807")] long? WaitFor = null) : IViewQuery;

public static class GetRoundBookEndpoint
{
    /// <summary>
    /// The round book: the round's target and valuation against the sum of its participants' pieces, per currency, split by
    /// firmness (rumoured, proposed, agreed, funded; abandoned or blocked deals listed but not counted), with each
    /// participant's investor, amount, status and source. Now: the round from its async view (see <c>freshness</c>;
    /// <c>waitFor</c> waits until it reflects that event sequence) and the deals in it from their status documents, which
    /// are always current. With <c>asOf</c> (a recorded instant) and/or <c>occurredBy</c> (a date): the round and every
    /// deal that ever joined it folded from their events to that point, as a deal's status is.
    /// </summary>
    [ProducesResponseType<RoundBook>(StatusCodes.Status200OK, "application/json")]
    [ResponseHeader(StatusCodes.Status200OK, AsyncViews.ViewSequenceHeader, "The event sequence the async views reflect (see `freshness`).")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("A round's book, now or as of a point on either time axis")]
    [QueryRecord(typeof(RoundBookQuery))]
    [WolverineGet("/api/rounds/{id}")]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var read = await AsyncViews.ReadAsync<RoundBookQuery>(context, cancellationToken);
        if (read is not { Query: { } query, Freshness: { } freshness, Problem: null })
        {
            return read.Problem!;
        }

        var (book, problem) = await BookAsync(session, id, query.AsOf, query.OccurredBy, freshness, cancellationToken);
        return book is not null ? Results.Ok(book) : Results.Problem(problem!);
    }

    /// <summary>
    /// The book of round <paramref name="id"/> now (the round's async view and the deals' status documents), or as of
    /// <paramref name="asOf"/> and/or <paramref name="occurredBy"/> (folded from events); or the 404 problem saying why
    /// not. What the endpoint and the dashboard's round page both answer with.
    /// </summary>
    public static async Task<(RoundBook? Book, ProblemDetails? Problem)> BookAsync(
        IQuerySession session, Guid id, DateTimeOffset? asOf, DateOnly? occurredBy, ViewFreshness freshness, CancellationToken cancellationToken)
    {
        if (asOf is null && occurredBy is null)
        {
            var round = await session.LoadAsync<Round>(id, cancellationToken);
            if (round is null)
            {
                return (null, RoundProblems.NotFound(id));
            }

            var deals = await session.Query<Deal>().Where(d => d.Round!.Id == id).ToListAsync(cancellationToken);
            return (RoundBook.Of(round, deals, freshness), null);
        }

        var stream = await session.Events.FetchStreamAsync(id, token: cancellationToken);
        if (RoundTimeline.Fold(id, stream, asOf, occurredBy) is not { } then)
        {
            return (null, RoundTimeline.Fold(id, stream) is null
                ? RoundProblems.NotFound(id)
                : Problems.NotFound($"Nothing recorded about round {id}{(asOf is { } at ? $" by {at:O}" : "")} had happened" +
                    $"{(occurredBy is { } by ? $" by {by:yyyy-MM-dd}" : "")}."));
        }

        return (RoundBook.Of(then, await DealsEverInAsync(session, id, asOf, occurredBy, cancellationToken), freshness), null);
    }

    // Stryker disable all : database reads; the API tests cover them
    /// <summary>
    /// Every deal that ever joined the round, folded to the point asked for (two queries: the deals' ids from their
    /// join events, then all their events). The book keeps those in the round at that point.
    /// </summary>
    private static async Task<IReadOnlyList<Deal>> DealsEverInAsync(
        IQuerySession session, Guid round, DateTimeOffset? asOf, DateOnly? occurredBy, CancellationToken cancellationToken)
    {
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var ids = (await session.AdvancedSql.QueryAsync<Guid>(
            $"select distinct stream_id from {schema}.mt_events where type = ? and data ->> 'round' = ?", cancellationToken,
            DealEventTypes.Names[typeof(DealJoinedRound)], round.ToString())).ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        var events = await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(ids)).ToListAsync(cancellationToken);
        return [.. events.GroupBy(e => e.StreamId)
            .Select(g => DealAsOf.Fold(g.Key, [.. g.OrderBy(e => e.Version)], null, asOf, occurredBy))
            .OfType<Deal>()];
    }
    // Stryker restore all
}
