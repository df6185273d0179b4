using Negotiations.Deals;

namespace Negotiations.Parties.Conflicts;

/// <summary>One side of a conflict: a deal, the investor or acquirer in it (the party or a part of it) and its target.</summary>
public sealed record ConflictingDeal(
    Guid DealId, string Title, DealStatus Status, Guid InvestorId, string Investor, PartyRole Role, Guid TargetId, string Target);

/// <summary>The relation that makes the two targets competitors, with its source.</summary>
public sealed record ConflictRelation(
    Guid PartyId, string Party, RelationKind Kind, Guid OtherPartyId, string OtherParty, DateOnly OccurredOn, Source Source);

/// <summary>A party backing both sides: two deals whose targets compete.</summary>
public sealed record PartyConflict(Guid PartyId, string Party, ConflictingDeal First, ConflictingDeal Second, ConflictRelation Relation);

/// <summary>
/// The conflict-of-interest rule. A party is in conflict when it (or a part of it) is an investor, co-investor or acquirer
/// in two deals whose targets compete — directly, or through what either target is part of. A party that withdrew
/// from a deal, or a deal abandoned or blocked, does not count. Pure: the graph and the deals in, the conflicts out.
/// </summary>
public static class ConflictRules
{
    private static readonly PartyRole[] Backing = [PartyRole.Investor, PartyRole.CoInvestor, PartyRole.Acquirer];

    public static IReadOnlyList<PartyConflict> Find(PartyGraph graph, IEnumerable<Deal> deals, Guid? onlyParty = null)
    {
        var holdings = new Dictionary<Guid, List<(Deal Deal, Party Investor, Guid InvestorId)>>();
        var live = deals.Where(d => d.Status is not (DealStatus.Abandoned or DealStatus.Blocked)).DistinctBy(d => d.Id).OrderBy(d => d.Id).ToList();
        foreach (var deal in live)
        {
            foreach (var investor in deal.Parties.Where(p => Backing.Contains(p.Role) && deal.Participates(p.Name)))
            {
                var investorId = graph.PartyOf(investor.Name);
                foreach (var holder in graph.WholesOf(investorId).Where(h => onlyParty is null || h == graph.Resolve(onlyParty.Value)))
                {
                    (holdings.TryGetValue(holder, out var list) ? list : holdings[holder] = []).Add((deal, investor, investorId));
                }
            }
        }

        var conflicts = new List<PartyConflict>();
        foreach (var (holder, held) in holdings.OrderBy(h => h.Key))
        {
            for (var i = 0; i < held.Count; i++)
            {
                for (var j = i + 1; j < held.Count; j++)
                {
                    if (held[i].Deal.Id == held[j].Deal.Id)
                    {
                        continue;
                    }

                    foreach (var (first, second, relation) in Competing(graph, held[i].Deal, held[j].Deal))
                    {
                        conflicts.Add(new PartyConflict(holder, graph.NameOf(holder, held[i].InvestorId == holder ? held[i].Investor.Name : held[j].Investor.Name),
                            Side(graph, held[i], first), Side(graph, held[j], second), Relation(graph, relation)));
                    }
                }
            }
        }

        return conflicts;
    }

    private static IEnumerable<(Party First, Party Second, RecordedRelation Relation)> Competing(PartyGraph graph, Deal a, Deal b)
    {
        foreach (var first in Targets(a))
        {
            foreach (var second in Targets(b))
            {
                var (x, y) = (graph.PartyOf(first.Name), graph.PartyOf(second.Name));
                if (x != y && graph.Competition(x, y) is { } relation)
                {
                    yield return (first, second, relation);
                }
            }
        }
    }

    private static IEnumerable<Party> Targets(Deal deal) => deal.Parties.Where(p => p.Role == PartyRole.Target && deal.Participates(p.Name));

    private static ConflictingDeal Side(PartyGraph graph, (Deal Deal, Party Investor, Guid InvestorId) held, Party target)
    {
        var targetId = graph.PartyOf(target.Name);
        return new ConflictingDeal(held.Deal.Id, held.Deal.Title, held.Deal.Status, held.InvestorId, graph.NameOf(held.InvestorId, held.Investor.Name),
            held.Investor.Role, targetId, graph.NameOf(targetId, target.Name));
    }

    private static ConflictRelation Relation(PartyGraph graph, RecordedRelation r) =>
        new(r.PartyId, graph.NameOf(r.PartyId, ""), r.Kind, r.OtherPartyId, graph.NameOf(r.OtherPartyId, ""), r.OccurredOn, r.Source);
}
