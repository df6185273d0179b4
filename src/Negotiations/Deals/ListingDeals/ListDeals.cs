using Marten;
using Marten.Pagination;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Deals.ListingDeals;

public sealed record DealList(IReadOnlyList<Deal> Items, long Total, int Page, int PageSize);

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
            // Exact names only: Enum.TryParse would also take numbers and "A,B" lists (as flags).
            var name = Enum.GetNames<DealStatus>().FirstOrDefault(n => string.Equals(n, statusText, StringComparison.OrdinalIgnoreCase));
            if (name is not null)
            {
                status = Enum.Parse<DealStatus>(name);
            }
            else
            {
                errors.Add("status", $"'status' must be one of {string.Join(", ", Enum.GetNames<DealStatus>())}.");
            }
        }

        var party = query["party"].ToString().Trim();
        // Capped so that the offset (page - 1) × pageSize stays a whole number the database takes.
        var page = (int)query.WholeNumber("page", 1, 1, int.MaxValue / MaxPageSize, errors);
        var pageSize = (int)query.WholeNumber("pageSize", DefaultPageSize, 1, MaxPageSize, errors);
        query.RejectUnknown(errors, "status", "party", "page", "pageSize");

        if (!errors.IsEmpty)
        {
            return Results.Problem(errors.ToProblem());
        }

        IQueryable<Deal> deals = session.Query<Deal>();
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
