using Negotiations.Deals;
using Negotiations.Parties;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Parties;

/// <summary>Given/When/Then over the party rules: party events folded as the views fold them, deals as the deal fold makes them.</summary>
public static class PartySpecification
{
    public static readonly Guid Amazon = PartyIds.Of("Amazon");
    public static readonly Guid Aws = PartyIds.Of("AWS");
    public static readonly Guid Anthropic = PartyIds.Of("Anthropic");
    public static readonly Guid OpenAi = PartyIds.Of("OpenAI");

    public static readonly DateOnly On = Day("2026-01-30");

    public static Source Ft() => new("Financial Times", On, Attribution.NamedSource, "https://www.ft.com/anthropic-openai");

    public static PartyRegistered Registered(string name, params string[] aliases) => new(PartyIds.Of(name), name, PartyKind.Company, aliases, On);

    public static PartyRelated Competes(Guid party, Guid other) => new(party, RelationKind.CompetesWith, other, On, Ft());

    public static PartyRelated PartOf(Guid part, Guid whole) => new(part, RelationKind.PartOf, whole, On, Ft());

    /// <summary>The async view's documents after these events: each event applied to every party it is about, as the projection routes it.</summary>
    public static IReadOnlyList<PartyView> Views(params object[] events)
    {
        var views = new Dictionary<Guid, PartyView>();
        foreach (var e in events)
        {
            Guid[] ids = e switch
            {
                PartyRelated r => [r.PartyId, r.OtherPartyId],
                PartyMerged m => [m.PartyId, m.DuplicateId],
                PartyRegistered r => [r.PartyId],
                PartyAliasAdded a => [a.PartyId],
                _ => [],
            };
            foreach (var id in ids)
            {
                views[id] = (views.GetValueOrDefault(id) ?? PartyView.Empty(id)).After(e);
            }
        }

        return [.. views.Values];
    }

    public static PartyGraph Graph(params object[] events) => new(Views(events));

    /// <summary>A deal of its own id between an investor and a target, after the given later reports.</summary>
    public static Deal Deal(string title, string investor, string target, params IDealEvent[] later) =>
        Given([new TalksReported(title, DealKind.Investment, [new Party(investor, PartyRole.Investor), new Party(target, PartyRole.Target)],
            null, null, null, Day("2025-12-16"), Wsj("2025-12-16")), .. later]) with { Id = PartyIds.Of(title) };
}
