using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.Net.Http.Headers;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Deals.GettingDeal;

/// <summary>The query of <c>GET /api/deals/{id}</c>: a point on either time axis, or none for now.</summary>
public sealed record DealQuery(
    [Range(typeof(long), "1", "9223372036854775807")] long? Version = null,
    DateTimeOffset? AsOf = null,
    DateOnly? OccurredBy = null);

public static class GetDealEndpoint
{
    /// <summary>
    /// Where the deal stands, now or on either time axis: <c>version=n</c> (after event n) or <c>asOf=instant</c> (as the
    /// system showed it then: only what had been recorded by that instant) pick what was known; <c>occurredBy=date</c>
    /// keeps only what had happened by that date, as far as it was known. Both axes combine: "what did we believe on
    /// 1 Feb about the deal as of 15 Jan". The ETag is the version the answer reflects; <c>If-None-Match</c> with it
    /// gets 304 without a body.
    /// </summary>
    [ProducesResponseType<Deal>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [RequestHeader("If-None-Match", "The ETag held: when the deal is still at that version, 304 with no body.")]
    [ResponseHeader(StatusCodes.Status200OK, "ETag", "The version the answer reflects, quoted.")]
    [ResponseHeader(StatusCodes.Status304NotModified, "ETag", "The version the answer reflects, quoted.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("A deal's status, now or as of a point on either time axis")]
    [QueryRecord(typeof(DealQuery))]
    [WolverineGet("/api/deals/{id}")]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = QueryParameters.Bind<DealQuery>(context.Request.Query, errors);
        errors.Require(query is not { Version: not null, AsOf: not null }, "asOf", "Give either 'version' or 'asOf', not both: each picks what was known.");
        if (query is null || !errors.IsEmpty)
        {
            return Results.Problem(errors.ToProblem());
        }

        var (version, asOf, occurredBy) = query;

        var deal = version is null && asOf is null && occurredBy is null
            ? await session.LoadAsync<Deal>(id, cancellationToken)
            : await DealAsOf.FoldAsync(id, version, asOf, occurredBy, session, cancellationToken);
        if (deal is null)
        {
            return await session.Events.FetchStreamStateAsync(id, cancellationToken) is null
                ? Results.Problem(DealProblems.NotFound(id))
                : Results.Problem(Problems.NotFound(DealAsOf.NotKnownYet(id, version, asOf, occurredBy)));
        }

        var etag = new EntityTagHeaderValue($"\"{deal.Version}\"");
        context.Response.Headers.ETag = etag.ToString();
        // The client holds this answer already (RFC 9110 §13.1.2; weak comparison, "*" matches any): 304, no body.
        return context.Request.GetTypedHeaders().IfNoneMatch.Any(held => held.Equals(EntityTagHeaderValue.Any) || held.Compare(etag, useStrongComparison: false))
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Ok(deal);
    }
}
