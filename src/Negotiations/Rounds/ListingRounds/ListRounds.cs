using System.ComponentModel.DataAnnotations;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Rounds.ListingRounds;

/// <summary>The query of <c>GET /api/rounds</c>: one company (any letter case), one status, the page; <c>waitFor</c> an event sequence.</summary>
public sealed record RoundListQuery(
    string? Company = null,
    RoundStatus? Status = null,
    [Range(1, int.MaxValue / ListRoundsEndpoint.MaxPageSize)] int Page = 1,
    [Range(1, ListRoundsEndpoint.MaxPageSize)] int PageSize = ListRoundsEndpoint.DefaultPageSize,
    [Range(typeof(long), "1", "9223372036854775807")] long? WaitFor = null) : IViewQuery;

public sealed record RoundList(IReadOnlyList<Round> Items, long Total, int Page, int PageSize, ViewFreshness Freshness);

public static class ListRoundsEndpoint
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Rounds from their async view, newest activity first, optionally of one company (any letter case) or in one status.</summary>
    [ProducesResponseType<RoundList>(StatusCodes.Status200OK, "application/json")]
    [ResponseHeader(StatusCodes.Status200OK, AsyncViews.ViewSequenceHeader, "The event sequence the async views reflect (see `freshness`).")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [EndpointSummary("List rounds")]
    [QueryRecord(typeof(RoundListQuery))]
    [WolverineGet("/api/rounds")]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var read = await AsyncViews.ReadAsync<RoundListQuery>(context, cancellationToken);
        if (read is not { Query: { } query, Freshness: { } freshness, Problem: null })
        {
            return read.Problem!;
        }

        return Results.Ok(await FindAsync(session, query, freshness, cancellationToken));
    }

    /// <summary>The page of rounds the query asks for: what the endpoint and the dashboard's round list both show.</summary>
    public static async Task<RoundList> FindAsync(IQuerySession session, RoundListQuery query, ViewFreshness freshness, CancellationToken cancellationToken)
    {
        var company = query.Company?.Trim() ?? "";
        IQueryable<Round> Rounds()
        {
            IQueryable<Round> rounds = session.Query<Round>();
            if (query.Status is { } status)
            {
                rounds = rounds.Where(r => r.Status == status);
            }

            if (company.Length > 0)
            {
                rounds = rounds.Where(r => r.Company.Equals(company, StringComparison.OrdinalIgnoreCase));
            }

            return rounds;
        }

        var items = await Rounds().OrderByDescending(r => r.LastActivityOn).ThenByDescending(r => r.Id)
            .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
        var total = items.Count == 0 && query.Page > 1 ? await Rounds().LongCountAsync(cancellationToken) : items.TotalItemCount;
        return new RoundList([.. items], total, query.Page, query.PageSize, freshness);
    }
}
