using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Parties.Searching;

/// <summary>The query of <c>GET /api/parties</c>: a fragment of a name or alias (compared by key), the page, and <c>waitFor</c>.</summary>
public sealed record PartySearchQuery(
    string? Q = null,
    [Range(1, int.MaxValue / SearchPartiesEndpoint.MaxPageSize)] int Page = 1,
    [Range(1, SearchPartiesEndpoint.MaxPageSize)] int PageSize = SearchPartiesEndpoint.DefaultPageSize,
    [Range(typeof(long), "1", "9223372036854775807")] long? WaitFor = null);

/// <summary>A party found: registered (with kind and aliases), or known only from deals (<c>FirstSight</c>).</summary>
public sealed record PartySummary(Guid Id, string Name, PartyKind? Kind, IReadOnlyList<string> Aliases, bool FirstSight);

public sealed record PartyList(IReadOnlyList<PartySummary> Items, long Total, int Page, int PageSize, ViewFreshness Freshness);

public static class SearchPartiesEndpoint
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>
    /// Parties whose name or an alias contains <c>q</c> (ignoring case, accents and spacing), by name: registered parties
    /// from the async party view, and names seen in deals that no registered party owns (first sight).
    /// </summary>
    [ProducesResponseType<PartyList>(StatusCodes.Status200OK, "application/json")]
    [ResponseHeader(StatusCodes.Status200OK, AsyncViews.ViewSequenceHeader, "The event sequence the async views reflect.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [EndpointSummary("Search parties by name or alias")]
    [QueryRecord(typeof(PartySearchQuery))]
    [WolverineGet("/api/parties")]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = QueryParameters.Bind<PartySearchQuery>(context.Request.Query, errors);
        errors.RequireText(query?.Q, "q", Deals.TextLimits.Name, required: false);
        if (query is null || !errors.IsEmpty)
        {
            return Results.Problem(errors.ToProblem());
        }

        var wait = await AsyncViews.AwaitAsync(context, query.WaitFor, cancellationToken);
        if (wait.Problem is not null)
        {
            return wait.Problem;
        }

        var fragment = PartyNames.Key(query.Q ?? "");
        var graph = await PartyReads.GraphAsync(session, cancellationToken);
        var registered = graph.Views
            .Where(v => v.Registered && v.MergedInto is null && v.Keys.Any(k => k.Contains(fragment, StringComparison.Ordinal)))
            .Select(v => new PartySummary(v.Id, v.Name!, v.Kind, v.Aliases, false));
        var firstSight = (await PartyReads.DealsNamingLikeAsync(session, fragment, cancellationToken))
            .SelectMany(d => d.Parties)
            .Where(p => PartyNames.Key(p.Name).Contains(fragment, StringComparison.Ordinal) && graph.Registered(graph.PartyOf(p.Name)) is null)
            .Select(p => new PartySummary(graph.PartyOf(p.Name), p.Name, null, [], true));
        var all = registered.Concat(firstSight).DistinctBy(p => p.Id)
            .OrderBy(p => PartyNames.Key(p.Name), StringComparer.Ordinal).ThenBy(p => p.Id).ToList();
        var page = all.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return Results.Ok(new PartyList(page, all.Count, query.Page, query.PageSize, wait.Freshness));
    }
}
