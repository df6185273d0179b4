using Negotiations.Deals;

namespace Negotiations.Parties;

/// <summary>How a relation reads from one party: it competes with the other, is part of it, or has it as a part.</summary>
public enum RelationSide { CompetesWith, PartOf, HasPart }

/// <summary>One relation as the party sees it, with when it was reported and by which source; <c>Recorded</c> on the side that recorded it.</summary>
public sealed record PartyRelationView(RelationSide Relation, Guid OtherPartyId, DateOnly OccurredOn, Source Source, bool Recorded);

/// <summary>
/// The party as the async party view shows it (<see cref="PartyViewProjection"/>): canonical name, kind, aliases (its
/// own and those of the parties merged into it), the keys of all its names, its relations from both sides, and merges.
/// A duplicate merged away keeps its document with <c>MergedInto</c> set, so its id still resolves.
/// </summary>
public sealed record PartyView(
    Guid Id,
    string? Name,
    PartyKind? Kind,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Keys,
    IReadOnlyList<PartyRelationView> Relations,
    Guid? MergedInto,
    IReadOnlyList<Guid> MergedFrom)
{
    public static PartyView Empty(Guid id) => new(id, null, null, [], [], [], null, []);

    /// <summary>Whether a registered party is behind this document (not only a duplicate merged away before registering).</summary>
    public bool Registered => Name is not null;

    public PartyView WithNames(IEnumerable<string> names)
    {
        var aliases = Aliases.ToList();
        var keys = Keys.ToList();
        foreach (var name in names)
        {
            var key = PartyNames.Key(name);
            if (!keys.Contains(key))
            {
                keys.Add(key);
                if (Name is null || PartyNames.Key(Name) != key)
                {
                    aliases.Add(name);
                }
            }
        }

        return this with { Aliases = aliases, Keys = keys };
    }

    /// <summary>The view after one party event, for the party with id <see cref="Id"/> (either side of a relation or merge).</summary>
    public PartyView After(object e) => e switch
    {
        PartyRegistered r => (this with { Name = r.Name, Kind = r.Kind, Keys = [.. Keys.Where(k => k != PartyNames.Key(r.Name)).Prepend(PartyNames.Key(r.Name))] })
            .WithNames(r.Aliases),
        PartyAliasAdded a => WithNames([a.Alias]),
        PartyRelated r when r.PartyId == Id => this with { Relations = [.. Relations, Side(r.Kind, r.OtherPartyId, r)] },
        PartyRelated r => this with { Relations = [.. Relations, Side(r.Kind, r.PartyId, r, inverse: true)] },
        PartyMerged m when m.PartyId == Id => WithNames(m.Names) with { MergedFrom = [.. MergedFrom, m.DuplicateId] },
        PartyMerged m => this with { MergedInto = m.PartyId },
        _ => this,
    };

    private static PartyRelationView Side(RelationKind kind, Guid other, PartyRelated r, bool inverse = false) => new(
        kind switch
        {
            RelationKind.CompetesWith => RelationSide.CompetesWith,
            _ => inverse ? RelationSide.HasPart : RelationSide.PartOf,
        },
        other, r.OccurredOn, r.Source, !inverse);
}
