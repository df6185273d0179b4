using Marten;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Deals.GettingStatus;

public static class GetDealEndpoint
{
    /// <summary>Where the deal stands now. The ETag is the version, for caching and for the next write's expectedVersion.</summary>
    [WolverineGet("/api/deals/{id}")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext context, CancellationToken cancellationToken)
    {
        var deal = await session.LoadAsync<DealOverview>(id, cancellationToken);
        if (deal is null)
        {
            return Results.Problem(Problems.DealNotFound(id));
        }

        context.Response.Headers.ETag = $"\"{deal.Version}\"";
        return Results.Ok(deal);
    }
}
