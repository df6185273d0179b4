using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Negotiations.Parties;

/// <summary>A relation the party recorded in its own stream (to <c>OtherPartyId</c>).</summary>
public sealed record OwnRelation(RelationKind Kind, Guid OtherPartyId);

/// <summary>
/// What the party commands decide on, kept inline with the party's events (always fresh): its names (canonical,
/// aliases, and those of the parties merged into it), the relations it recorded, and whether it was merged away.
/// </summary>
public sealed record PartyState(
    Guid Id,
    string Name,
    PartyKind Kind,
    IReadOnlyList<string> Names,
    IReadOnlyList<OwnRelation> Relations,
    Guid? MergedInto,
    long Version)
{
    public static PartyState? After(PartyState? state, object e) => (state, e) switch
    {
        (null, PartyRegistered r) => new PartyState(r.PartyId, r.Name, r.Kind, [r.Name, .. r.Aliases], [], null, 0),
        (not null, PartyAliasAdded a) => state with { Names = [.. state.Names, a.Alias] },
        (not null, PartyRelated r) => state with { Relations = [.. state.Relations, new OwnRelation(r.Kind, r.OtherPartyId)] },
        (not null, PartyMerged m) => state with { Names = [.. state.Names, .. m.Names.Where(n => !state.HasName(n))] },
        (not null, PartyMergedInto m) => state with { MergedInto = m.SurvivorId },
        _ => state,
    };

    /// <summary>Whether the name is one of the party's (by key: case, accents and spacing aside).</summary>
    public bool HasName(string name) => Names.Any(n => PartyNames.Key(n) == PartyNames.Key(name));
}

/// <summary>Keeps <see cref="PartyState"/> inline, in the transaction of the party's events.</summary>
public sealed class PartyStateProjection : SingleStreamProjection<PartyState, Guid>
{
    public override PartyState? Evolve(PartyState? snapshot, Guid id, IEvent e) =>
        PartyState.After(snapshot, e.Data) is { } state ? state with { Version = e.Version } : null;
}
