using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Negotiations.Parties.GettingParty;
using Wolverine.Http;

namespace Negotiations.Parties.Conflicts;

/// <summary>A party's conflicts of interest.</summary>
public sealed record PartyConflicts(Guid Id, string Name, IReadOnlyList<PartyConflict> Conflicts, ViewFreshness Freshness);

public static class GetPartyConflictsEndpoint
{
    /// <summary>
    /// Where the party (or a part of it) backs competitors: pairs of its deals as investor, co-investor or acquirer whose
    /// targets compete (directly or through "part of"), each with the relation and its source. Withdrawn parties and
    /// abandoned or blocked deals do not count. Relations come from the async party view (<c>freshness</c>, <c>waitFor</c>).
    /// </summary>
    [ProducesResponseType<PartyConflicts>(StatusCodes.Status200OK, "application/json")]
    [ResponseHeader(StatusCodes.Status200OK, AsyncViews.ViewSequenceHeader, "The event sequence the async views reflect.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("A party's conflicts of interest")]
    [QueryRecord(typeof(ViewWaitQuery))]
    [WolverineGet("/api/parties/{id}/conflicts")]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var read = await AsyncViews.ReadAsync<ViewWaitQuery>(context, cancellationToken);
        if (read is not { Query: { } query, Freshness: { } freshness, Problem: null })
        {
            return read.Problem!;
        }

        var graph = await PartyReads.GraphAsync(session, cancellationToken);
        if (await GetPartyEndpoint.FindAsync(id, graph, session, cancellationToken) is not { } party)
        {
            return Results.Problem(PartyProblems.NotFound(id));
        }

        var conflicts = await ConflictsAsync(party, graph, session, cancellationToken);
        return Results.Ok(new PartyConflicts(party.Id, graph.NameOf(party.Id, party.FirstSightName ?? ""), conflicts, freshness));
    }

    /// <summary>The conflicts of the party <see cref="GetPartyEndpoint.FindAsync"/> found: what the endpoint and the party page show.</summary>
    public static async Task<IReadOnlyList<PartyConflict>> ConflictsAsync(
        (Guid Id, string? FirstSightName) party, PartyGraph graph, IQuerySession session, CancellationToken cancellationToken)
    {
        var deals = await PartyReads.DealsNamingAsync(session,
            graph.PartsOf(party.Id).SelectMany(p => graph.KeysOf(p, p == party.Id ? party.FirstSightName : null)), cancellationToken);
        return ConflictRules.Find(graph, [.. deals, .. await TargetDealsAsync(graph, session, cancellationToken)], party.Id);
    }

    /// <summary>The deals naming any party a conflict can be about (a competitor or a part of one).</summary>
    public static Task<IReadOnlyList<Deals.Deal>> TargetDealsAsync(PartyGraph graph, IQuerySession session, CancellationToken cancellationToken) =>
        PartyReads.DealsNamingAsync(session, graph.Competitors().SelectMany(c => graph.KeysOf(c)), cancellationToken);
}
