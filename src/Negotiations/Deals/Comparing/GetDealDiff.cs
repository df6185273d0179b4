using Marten;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Deals.Comparing;

/// <summary>The query of <c>GET /api/deals/{id}/diff</c>: the two points to compare, each a version or an instant.</summary>
public sealed record DiffQuery(StreamPoint From, StreamPoint To);

public static class GetDealDiffEndpoint
{
    /// <summary>
    /// What changed in the deal's status between two points, each a version or an instant of recording (what the
    /// system knew then, as <c>GET /api/deals/{id}?version=|asOf=</c> shows it).
    /// </summary>
    [ProducesResponseType<DealDiff>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("What changed in a deal's status between two points")]
    [QueryRecord(typeof(DiffQuery))]
    [WolverineGet("/api/deals/{id}/diff")]
    public static async Task<IResult> Get(
        Guid id, HttpContext context, IQuerySession session, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (QueryParameters.Bind<DiffQuery>(context.Request.Query, errors) is not var (from, to))
        {
            return Results.Problem(errors.ToProblem());
        }

        // Points of one kind are compared as given; a version against an instant only once the instant is resolved.
        if (from.Version > to.Version || from.Instant > to.Instant)
        {
            return Results.Problem(Problems.Validation("from", "'from' must not be after 'to'."));
        }

        // One read of the stream, folded at both points.
        var stream = await session.Events.FetchStreamAsync(id, token: cancellationToken);
        if (stream.Count == 0)
        {
            return Results.Problem(DealProblems.NotFound(id));
        }

        var before = DealAsOf.Fold(id, stream, from.Version, from.Instant, null);
        var after = DealAsOf.Fold(id, stream, to.Version, to.Instant, null);
        if (before is null || after is null)
        {
            var (name, point) = before is null ? ("from", from) : ("to", to);
            return Results.Problem(Problems.NotFound(
                $"'{name}': {DealAsOf.NotKnownYet(id, point.Version, point.Instant, null)} It is now at version {stream[^1].Version}."));
        }

        if (before.Version > after.Version)
        {
            return Results.Problem(Problems.Validation("from",
                $"'from' (version {before.Version}) must not be after 'to' (version {after.Version})."));
        }

        return Results.Ok(new DealDiff(
            id, new DiffPoint(before.Version, from.Instant), new DiffPoint(after.Version, to.Instant),
            DealDiff.Compare(before, after, json.Value.SerializerOptions)));
    }
}
