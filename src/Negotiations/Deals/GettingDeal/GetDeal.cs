using Marten;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Deals.GettingDeal;

public static class GetDealEndpoint
{
    /// <summary>
    /// Where the deal stands, now or on either time axis: <c>version=n</c> (after event n) or <c>asOf=instant</c> (as the
    /// system showed it then: only what had been recorded by that instant) pick what was known; <c>occurredBy=date</c>
    /// keeps only what had happened by that date, as far as it was known. Both axes combine: "what did we believe on
    /// 1 Feb about the deal as of 15 Jan". The ETag is the version the answer reflects.
    /// </summary>
    [WolverineGet("/api/deals/{id}")]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var errors = new ValidationErrors();
        query.RejectUnknown(errors, "version", "asOf", "occurredBy");
        long? version = query.ContainsKey("version") ? query.WholeNumber("version", 1, 1, long.MaxValue, errors) : null;
        var asOf = query.Instant("asOf", errors);
        var occurredBy = query.Date("occurredBy", errors);
        errors.Require(version is null || asOf is null, "asOf", "Give either 'version' or 'asOf', not both: each picks what was known.");
        if (!errors.IsEmpty)
        {
            return Results.Problem(errors.ToProblem());
        }

        var deal = version is null && asOf is null && occurredBy is null
            ? await session.LoadAsync<Deal>(id, cancellationToken)
            : await DealAsOf.FoldAsync(id, version, asOf, occurredBy, session, cancellationToken);
        if (deal is null)
        {
            return await session.Events.FetchStreamStateAsync(id, cancellationToken) is null
                ? Results.Problem(DealProblems.NotFound(id))
                : Results.Problem(Problems.NotFound(DealAsOf.NotKnownYet(id, version, asOf, occurredBy)));
        }

        context.Response.Headers.ETag = $"\"{deal.Version}\"";
        return Results.Ok(deal);
    }
}
