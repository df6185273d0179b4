using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Sources;

/// <summary>The query of <c>GET /api/sources</c>: the sort (a count or the name, descending with '-'), the page, and <c>waitFor</c>.</summary>
public sealed record SourceListQuery(
    [AllowedValues("-claims", "claims", "publication", "-publication", "-confirmed", "confirmed", "-contradicted", "contradicted",
        "-corrected", "corrected", "-retracted", "retracted")] string? Sort = null,
    [Range(typeof(long), "1", "9223372036854775807")] long? WaitFor = null,
    [Range(1, int.MaxValue / ListSourcesEndpoint.MaxPageSize)] int Page = 1,
    [Range(1, ListSourcesEndpoint.MaxPageSize)] int PageSize = ListSourcesEndpoint.DefaultPageSize) : IViewQuery;

/// <summary>One page of publications' track records, how many publications made claims, and what the view reflects.</summary>
public sealed record SourceList(IReadOnlyList<TrackRecord> Items, long Total, int Page, int PageSize, ViewFreshness Freshness);

public static class ListSourcesEndpoint
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>
    /// Every publication that made a claim about a deal's amount, valuation or stake, with how many of its claims were
    /// confirmed, contradicted, corrected by us or retracted; most claims first unless sorted otherwise.
    /// </summary>
    [ProducesResponseType<SourceList>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [EndpointSummary("Sources' track records")]
    [QueryRecord(typeof(SourceListQuery))]
    [WolverineGet("/api/sources")]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var read = await AsyncViews.ReadAsync<SourceListQuery>(context, cancellationToken);
        if (read is not { Query: { } query, Freshness: { } freshness, Problem: null })
        {
            return read.Problem!;
        }

        var (page, total) = await TrackRecords.PageAsync(session, query.Sort, query.Page, query.PageSize, cancellationToken);
        return Results.Ok(new SourceList(page, total, query.Page, query.PageSize, freshness));
    }
}
