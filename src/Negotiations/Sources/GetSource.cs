using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Sources;

/// <summary>The query of <c>GET /api/sources/{publication}</c>: the page of claims, and <c>waitFor</c>.</summary>
public sealed record SourceQuery(
    [Range(typeof(long), "1", "9223372036854775807")] long? WaitFor = null,
    [Range(1, int.MaxValue / ListSourcesEndpoint.MaxPageSize)] int Page = 1,
    [Range(1, ListSourcesEndpoint.MaxPageSize)] int PageSize = ListSourcesEndpoint.DefaultPageSize);

/// <summary>A publication's track record, one page of its claims (latest first), and what the view reflects.</summary>
public sealed record SourceDetail(TrackRecord Record, IReadOnlyList<SourceClaim> Claims, int Page, int PageSize, ViewFreshness Freshness);

public static class GetSourceEndpoint
{
    /// <summary>
    /// One publication's track record (matched in any letter case and accents) with its claims, each linking to the deal's
    /// claims. A publication that made no claim is unknown: 404.
    /// </summary>
    [ProducesResponseType<SourceDetail>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("A source's track record and claims")]
    [QueryRecord(typeof(SourceQuery))]
    [WolverineGet("/api/sources/{publication}")]
    public static async Task<IResult> Get(string publication, HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = QueryParameters.Bind<SourceQuery>(context.Request.Query, errors);
        errors.RequireText(publication, "publication", TextLimits.Name);
        if (query is null || !errors.IsEmpty)
        {
            return Results.Problem(errors.ToProblem());
        }

        var wait = await AsyncViews.AwaitAsync(context, query.WaitFor, cancellationToken);
        if (wait.Problem is { } late)
        {
            return late;
        }

        var key = Publications.Key(publication);
        if (await TrackRecords.OfAsync(session, key, cancellationToken) is not { } record)
        {
            return Results.Problem(Problems.NotFound($"No claim from a publication named '{publication}' is known (as of event {wait.Freshness.Sequence})."));
        }

        var claims = await TrackRecords.ClaimsAsync(session, key, query.Page, query.PageSize, cancellationToken);
        return Results.Ok(new SourceDetail(record, claims, query.Page, query.PageSize, wait.Freshness));
    }
}
