using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Parties.Conflicts;

/// <summary>The query of <c>GET /api/conflicts</c>: the page, and <c>waitFor</c>.</summary>
public sealed record ConflictListQuery(
    [Range(1, int.MaxValue / ListConflictsEndpoint.MaxPageSize)] int Page = 1,
    [Range(1, ListConflictsEndpoint.MaxPageSize)] int PageSize = ListConflictsEndpoint.DefaultPageSize,
    [Range(typeof(long), "1", "9223372036854775807")] long? WaitFor = null) : IViewQuery;

public sealed record ConflictList(IReadOnlyList<PartyConflict> Items, long Total, int Page, int PageSize, ViewFreshness Freshness);

public static class ListConflictsEndpoint
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>
    /// Every conflict of interest across deals: a party (or a part of it) backing two deals whose targets compete, with
    /// the deals and the relation (and its source) that make it one. Relations come from the async party view.
    /// </summary>
    [ProducesResponseType<ConflictList>(StatusCodes.Status200OK, "application/json")]
    [ResponseHeader(StatusCodes.Status200OK, AsyncViews.ViewSequenceHeader, "The event sequence the async views reflect.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [EndpointSummary("Conflicts of interest across deals")]
    [QueryRecord(typeof(ConflictListQuery))]
    [WolverineGet("/api/conflicts")]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var read = await AsyncViews.ReadAsync<ConflictListQuery>(context, cancellationToken);
        if (read is not { Query: { } query, Freshness: { } freshness, Problem: null })
        {
            return read.Problem!;
        }

        var graph = await PartyReads.GraphAsync(session, cancellationToken);
        var conflicts = ConflictRules.Find(graph, await GetPartyConflictsEndpoint.TargetDealsAsync(graph, session, cancellationToken));
        var page = conflicts.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return Results.Ok(new ConflictList(page, conflicts.Count, query.Page, query.PageSize, freshness));
    }
}
