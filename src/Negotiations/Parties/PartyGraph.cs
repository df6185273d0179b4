using Negotiations.Deals;

namespace Negotiations.Parties;

/// <summary>A relation as recorded (from the party that recorded it), with its source: the evidence a conflict cites.</summary>
public sealed record RecordedRelation(Guid PartyId, RelationKind Kind, Guid OtherPartyId, DateOnly OccurredOn, Source Source);

/// <summary>
/// Every party of the async party view, with merges followed: which party a name is (its owner, else the party of its
/// first sight), a party's names, its parts and wholes (through "part of", transitively), and whether two parties
/// compete (directly, or through what they are part of, on either side). Pure: built from the view's documents.
/// </summary>
public sealed class PartyGraph
{
    private const int MaxDepth = 64;
    private readonly Dictionary<Guid, PartyView> _views;
    private readonly Dictionary<string, Guid> _owners = new(StringComparer.Ordinal);
    private readonly List<RecordedRelation> _relations = [];

    public PartyGraph(IEnumerable<PartyView> views)
    {
        _views = views.ToDictionary(v => v.Id);
        foreach (var view in _views.Values.Where(v => v.MergedInto is null && v.Registered))
        {
            foreach (var key in view.Keys)
            {
                _owners[key] = view.Id;
            }
        }

        // Each relation shows on both parties' documents: keep the side that recorded it.
        _relations.AddRange(_views.Values.SelectMany(view => view.Relations.Where(r => r.Recorded).Select(r => new RecordedRelation(
            view.Id, r.Relation == RelationSide.PartOf ? RelationKind.PartOf : RelationKind.CompetesWith, r.OtherPartyId, r.OccurredOn, r.Source)))
            .OrderBy(r => r.OccurredOn).ThenBy(r => r.PartyId).ThenBy(r => r.OtherPartyId));
    }

    /// <summary>Every document of the view, merged duplicates included.</summary>
    public IEnumerable<PartyView> Views => _views.Values;

    /// <summary>The party an id stands for now: itself, or the party it was merged into (followed to the end).</summary>
    public Guid Resolve(Guid id)
    {
        for (var depth = 0; depth < MaxDepth && _views.TryGetValue(id, out var view) && view.MergedInto is { } survivor; depth++)
        {
            id = survivor;
        }

        return id;
    }

    /// <summary>The registered party behind an id (merges followed), or null for a party known only from deals.</summary>
    public PartyView? Registered(Guid id) => _views.TryGetValue(Resolve(id), out var view) && view.Registered ? view : null;

    /// <summary>The party a name is: the registered party owning the name, else the party of its first sight (merges followed).</summary>
    public Guid PartyOf(string name) => _owners.TryGetValue(PartyNames.Key(name), out var owner) ? owner : Resolve(PartyIds.Of(name));

    /// <summary>The name keys of a party (its names and those merged into it); <paramref name="firstSightName"/> for a party known only from deals.</summary>
    public IReadOnlyList<string> KeysOf(Guid id, string? firstSightName = null) =>
        Registered(id)?.Keys ?? (firstSightName is null ? [] : [PartyNames.Key(firstSightName)]);

    /// <summary>Relations any of the ids recorded or received (merges followed), with both ends resolved.</summary>
    public IEnumerable<RecordedRelation> Relations => _relations.Select(r => r with { PartyId = Resolve(r.PartyId), OtherPartyId = Resolve(r.OtherPartyId) });

    /// <summary>The party and everything part of it, transitively (AWS for Amazon).</summary>
    public IReadOnlySet<Guid> PartsOf(Guid id) => Closure(Resolve(id), r => (r.OtherPartyId, r.PartyId));

    /// <summary>The party and everything it is part of, transitively (Amazon for AWS).</summary>
    public IReadOnlySet<Guid> WholesOf(Guid id) => Closure(Resolve(id), r => (r.PartyId, r.OtherPartyId));

    /// <summary>The "competes with" relation that makes two parties competitors (directly, or through what either is part of), or null.</summary>
    public RecordedRelation? Competition(Guid a, Guid b)
    {
        var (left, right) = (WholesOf(a), WholesOf(b));
        return Relations.FirstOrDefault(r => r.Kind == RelationKind.CompetesWith && r.PartyId != r.OtherPartyId
            && (left.Contains(r.PartyId) && right.Contains(r.OtherPartyId) || left.Contains(r.OtherPartyId) && right.Contains(r.PartyId)));
    }

    /// <summary>A party's display name: its canonical name when registered, else the given one (as a deal names it).</summary>
    public string NameOf(Guid id, string fallback) => Registered(id)?.Name ?? fallback;

    /// <summary>Every party taking part in a competition, with all its parts: the targets a conflict can be about.</summary>
    public IReadOnlySet<Guid> Competitors() =>
        Relations.Where(r => r.Kind == RelationKind.CompetesWith).SelectMany(r => new[] { r.PartyId, r.OtherPartyId }).SelectMany(PartsOf).ToHashSet();

    private HashSet<Guid> Closure(Guid start, Func<RecordedRelation, (Guid From, Guid To)> step)
    {
        var partOf = Relations.Where(r => r.Kind == RelationKind.PartOf).Select(step).ToList();
        var found = new HashSet<Guid> { start };
        var frontier = new Queue<Guid>([start]);
        while (frontier.TryDequeue(out var current))
        {
            foreach (var (_, next) in partOf.Where(e => e.From == current))
            {
                if (found.Add(next))
                {
                    frontier.Enqueue(next);
                }
            }
        }

        return found;
    }
}
