using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Parties.GettingParty;

/// <summary>A relation as the party sees it, naming the other party.</summary>
public sealed record RelationDetails(RelationSide Relation, Guid OtherPartyId, string OtherParty, DateOnly OccurredOn, Source Source);

/// <summary>
/// A party: its canonical name, kind, aliases, relations with their sources, the parties merged into it, and its
/// exposure (every deal it or a part of it is in). <c>FirstSight</c>: known only from deals, never registered.
/// <c>RequestedId</c> is the id asked for when it was merged into this party.
/// </summary>
public sealed record PartyDetails(
    Guid Id,
    string Name,
    PartyKind? Kind,
    bool FirstSight,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<RelationDetails> Relations,
    IReadOnlyList<Guid> MergedFrom,
    Guid? RequestedId,
    IReadOnlyList<ExposureEntry> Exposure,
    ViewFreshness Freshness);

public static class GetPartyEndpoint
{
    /// <summary>
    /// The party, its relations (with sources) and its exposure: every deal naming it under any of its names, or naming a
    /// party part of it (AWS's deals are in Amazon's), with role, status, latest amount and whether it withdrew. A merged
    /// duplicate's id answers with the party it was merged into. Names, aliases and relations come from the async party
    /// view (<c>freshness</c>, header <c>X-View-Sequence</c>; <c>waitFor</c> waits for a write); deals are always current.
    /// </summary>
    [ProducesResponseType<PartyDetails>(StatusCodes.Status200OK, "application/json")]
    [ResponseHeader(StatusCodes.Status200OK, AsyncViews.ViewSequenceHeader, "The event sequence the async views reflect.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("A party: names, relations and exposure")]
    [QueryRecord(typeof(ViewWaitQuery))]
    [WolverineGet("/api/parties/{id}")]
    public static async Task<IResult> Get(Guid id, HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var read = await AsyncViews.ReadAsync<ViewWaitQuery>(context, cancellationToken);
        if (read is not { Query: { } query, Freshness: { } freshness, Problem: null })
        {
            return read.Problem!;
        }

        var graph = await PartyReads.GraphAsync(session, cancellationToken);
        return await FindAsync(id, graph, session, cancellationToken) is not { } party
            ? Results.Problem(PartyProblems.NotFound(id))
            : Results.Ok(await DetailsAsync(party, id, graph, session, freshness, cancellationToken));
    }

    /// <summary>The party an id stands for (merges followed), and its name when it is known only from deals.</summary>
    public static async Task<(Guid Id, string? FirstSightName)?> FindAsync(Guid id, PartyGraph graph, IQuerySession session, CancellationToken cancellationToken)
    {
        if (graph.Registered(id) is { } registered)
        {
            return (registered.Id, null);
        }

        var resolved = graph.Resolve(id);
        if (await PartyNameOwners.FirstSightNameAsync(session, resolved, cancellationToken) is not { } name)
        {
            return null;
        }

        // A name seen in deals that a registered party owns now (an alias or a merge) is that party.
        var owner = graph.PartyOf(name);
        return owner == resolved ? (resolved, name) : (owner, null);
    }

    /// <summary>The party's details (names, relations, exposure) for the party <see cref="FindAsync"/> found.</summary>
    public static async Task<PartyDetails> DetailsAsync((Guid Id, string? FirstSightName) party, Guid requested, PartyGraph graph,
        IQuerySession session, ViewFreshness freshness, CancellationToken cancellationToken)
    {
        var parts = graph.PartsOf(party.Id);
        var deals = await PartyReads.DealsNamingAsync(session, parts.SelectMany(p => graph.KeysOf(p, p == party.Id ? party.FirstSightName : null)), cancellationToken);
        var view = graph.Registered(party.Id);
        var relations = graph.Relations
            .Where(r => r.PartyId == party.Id || r.OtherPartyId == party.Id)
            .Select(r => (Mine: r.PartyId == party.Id, r))
            .Select(x => new RelationDetails(
                x.r.Kind == RelationKind.CompetesWith ? RelationSide.CompetesWith : x.Mine ? RelationSide.PartOf : RelationSide.HasPart,
                x.Mine ? x.r.OtherPartyId : x.r.PartyId, graph.NameOf(x.Mine ? x.r.OtherPartyId : x.r.PartyId, ""), x.r.OccurredOn, x.r.Source))
            .OrderBy(r => r.OccurredOn).ThenBy(r => r.OtherParty, StringComparer.Ordinal)
            .ToList();
        return new PartyDetails(
            party.Id, view?.Name ?? party.FirstSightName!, view?.Kind, view is null, view?.Aliases ?? [], relations, view?.MergedFrom ?? [],
            requested == party.Id ? null : requested, PartyExposure.Of(graph, party.Id, deals), freshness);
    }
}
