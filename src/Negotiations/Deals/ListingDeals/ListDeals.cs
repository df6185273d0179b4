using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Marten;
using Marten.Pagination;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Deals.ListingDeals;

/// <summary>
/// The query of <c>GET /api/deals</c>: one status, one party (any letter case), and the page. The page is capped so that
/// the offset (page - 1) × pageSize stays a whole number the database takes.
/// </summary>
public sealed record DealListQuery(
    DealStatus? Status = null,
    string? Party = null,
    [Range(1, int.MaxValue / ListDealsEndpoint.MaxPageSize)] int Page = 1,
    [Range(1, ListDealsEndpoint.MaxPageSize)] int PageSize = ListDealsEndpoint.DefaultPageSize);

public sealed record DealList(IReadOnlyList<Deal> Items, long Total, int Page, int PageSize);

public static class ListDealsEndpoint
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Deals, newest activity first, optionally only those in one status or naming one party (any letter case).</summary>
    [ProducesResponseType<DealList>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [EndpointSummary("List deals")]
    [QueryRecord(typeof(DealListQuery))]
    [WolverineGet("/api/deals")]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (QueryParameters.Bind<DealListQuery>(context.Request.Query, errors) is not { } query)
        {
            return Results.Problem(errors.ToProblem());
        }

        var (status, party, page, pageSize) = query with { Party = query.Party?.Trim() ?? "" };
        IQueryable<Deal> Deals()
        {
            IQueryable<Deal> deals = session.Query<Deal>();
            if (status is { } wanted)
            {
                deals = deals.Where(d => d.Status == wanted);
            }

            if (party is { Length: > 0 })
            {
                deals = deals.Where(d => d.Parties.Any(p => p.Name.Equals(party, StringComparison.OrdinalIgnoreCase)));
            }

            return deals;
        }

        var items = await Deals().OrderByDescending(d => d.LastActivityOn).ThenByDescending(d => d.Id)
            .ToPagedListAsync(page, pageSize, cancellationToken);
        // Marten takes the total from the rows it returns, so a page past the last one would say 0: count those apart
        // (in a new query: the paged one carries query statistics, which a count refuses).
        var total = items.Count == 0 && page > 1 ? await Deals().LongCountAsync(cancellationToken) : items.TotalItemCount;
        return Results.Ok(new DealList(items.ToList(), total, page, pageSize));
    }
}
