using Marten;
using Marten.Pagination;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Deals.ListingDeals;

public sealed record DealList(IReadOnlyList<DealOverview> Items, long Total, int Page, int PageSize);

public static class ListDealsEndpoint
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Deals, newest activity first, optionally only those in one status or naming one party (any letter case).</summary>
    [WolverineGet("/api/deals")]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        var errors = new ValidationErrors();
        DealStatus? status = null;
        if (query.TryGetValue("status", out var statusText))
        {
            if (Enum.TryParse<DealStatus>(statusText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(statusText, out _))
            {
                status = parsed;
            }
            else
            {
                errors.Add("status", $"'status' must be one of {string.Join(", ", Enum.GetNames<DealStatus>())}.");
            }
        }

        var party = query["party"].ToString().Trim();
        var page = (int)query.WholeNumber("page", 1, 1, int.MaxValue, errors);
        var pageSize = (int)query.WholeNumber("pageSize", DefaultPageSize, 1, MaxPageSize, errors);
        query.RejectUnknown(errors, "status", "party", "page", "pageSize");

        if (!errors.IsEmpty)
        {
            return Results.Problem(errors.ToProblem());
        }

        IQueryable<DealOverview> deals = session.Query<DealOverview>();
        if (status is { } wanted)
        {
            deals = deals.Where(d => d.Status == wanted);
        }

        if (party.Length > 0)
        {
            deals = deals.Where(d => d.Parties.Any(p => p.Name.Equals(party, StringComparison.OrdinalIgnoreCase)));
        }

        var items = await deals.OrderByDescending(d => d.LastActivityOn).ThenByDescending(d => d.Id)
            .ToPagedListAsync(page, pageSize, cancellationToken);
        return Results.Ok(new DealList(items.ToList(), items.TotalItemCount, page, pageSize));
    }
}
