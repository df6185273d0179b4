using Microsoft.AspNetCore.Mvc;
using System.ComponentModel.DataAnnotations;
using Marten;
using Marten.Pagination;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Deals.ListingDeals;

/// <summary>
/// The query of <c>GET /api/deals</c>: one status, one party (any letter case), and the page. The page is capped so that
/// the offset (page - 1) × pageSize stays a whole number the database takes. <c>Sort</c> names a column, descending with a
/// leading "-" (lastActivityOn, openedOn, title, status, amount).
/// </summary>
public sealed record DealListQuery(
    DealStatus? Status = null,
    string? Party = null,
    [Range(1, int.MaxValue / ListDealsEndpoint.MaxPageSize)] int Page = 1,
    [Range(1, ListDealsEndpoint.MaxPageSize)] int PageSize = ListDealsEndpoint.DefaultPageSize,
    [AllowedValues("lastActivityOn", "-lastActivityOn", "openedOn", "-openedOn", "title", "-title", "status", "-status", "amount", "-amount")]
    string Sort = DealListing.DefaultSort);

public sealed record DealList(IReadOnlyList<Deal> Items, long Total, int Page, int PageSize);

public static class ListDealsEndpoint
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Deals, newest activity first unless sorted otherwise, optionally only those in one status or naming one party (any letter case).</summary>
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

        return Results.Ok(await DealListing.FindAsync(session, query, cancellationToken));
    }
}

/// <summary>
/// The one query behind the API's list and the dashboard's: every filter of <see cref="DealListQuery"/> applied in the
/// database, sorted, and paged, with the total of all matches.
/// </summary>
public static class DealListing
{
    public const string DefaultSort = "-lastActivityOn";

    public static async Task<DealList> FindAsync(IQuerySession session, DealListQuery query, CancellationToken cancellationToken)
    {
        var (status, party, page, pageSize, sort) = query with { Party = query.Party?.Trim() ?? "" };
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

        var items = await Sorted(Deals(), sort).ToPagedListAsync(page, pageSize, cancellationToken);
        // Marten takes the total from the rows it returns, so a page past the last one would say 0: count those apart
        // (in a new query: the paged one carries query statistics, which a count refuses).
        var total = items.Count == 0 && page > 1 ? await Deals().LongCountAsync(cancellationToken) : items.TotalItemCount;
        return new DealList(items.ToList(), total, page, pageSize);
    }

    /// <summary>The list in the order asked for; ties (and amounts unknown) in a stable order by id.</summary>
    private static IQueryable<Deal> Sorted(IQueryable<Deal> deals, string sort)
    {
        var descending = sort.StartsWith('-');
        var ordered = sort.TrimStart('-').ToLowerInvariant() switch
        {
            "openedon" => descending ? deals.OrderByDescending(d => d.OpenedOn) : deals.OrderBy(d => d.OpenedOn),
            "title" => descending ? deals.OrderByDescending(d => d.Title) : deals.OrderBy(d => d.Title),
            "status" => descending ? deals.OrderByDescending(d => d.Status) : deals.OrderBy(d => d.Status),
            "amount" => descending ? deals.OrderByDescending(d => d.Amount!.Value) : deals.OrderBy(d => d.Amount!.Value),
            _ => descending ? deals.OrderByDescending(d => d.LastActivityOn) : deals.OrderBy(d => d.LastActivityOn),
        };
        return descending ? ordered.ThenByDescending(d => d.Id) : ordered.ThenBy(d => d.Id);
    }
}
