using Negotiations.Deals;

namespace Negotiations.Parties;

/// <summary>
/// One deal a party is in — itself or through a part of it (<c>ViaPartyId</c>: AWS's deal in Amazon's exposure) — with
/// the role it has there, the deal's status and latest amount, whether it withdrew (and when), and the funding round the
/// deal is a piece of (<c>RoundId</c>, its book at <c>/api/rounds/{id}</c>).
/// </summary>
public sealed record ExposureEntry(
    Guid DealId,
    string Title,
    DealKind Kind,
    DealStatus Status,
    Guid ViaPartyId,
    string NamedAs,
    PartyRole Role,
    ReportedAmount? Amount,
    bool Withdrew,
    DateOnly? WithdrewOn)
{
    public Guid? RoundId { get; init; }
}

/// <summary>
/// A party's exposure: every deal naming it or any party part of it, under any of their names, each with the round it is
/// a piece of (the rounds a party is in are its deals' rounds).
/// </summary>
public static class PartyExposure
{
    public static IReadOnlyList<ExposureEntry> Of(PartyGraph graph, Guid partyId, IEnumerable<Deal> deals)
    {
        var ids = graph.PartsOf(partyId);
        return [.. deals
            .SelectMany(deal => deal.Parties
                .Select(p => (Deal: deal, Party: p, Id: graph.PartyOf(p.Name)))
                .Where(x => ids.Contains(x.Id))
                .Select(x => Entry(x.Deal, x.Party, x.Id)))
            .OrderBy(e => e.Title, StringComparer.Ordinal).ThenBy(e => e.DealId)];
    }

    private static ExposureEntry Entry(Deal deal, Party party, Guid id)
    {
        var withdrawal = deal.Withdrawals.FirstOrDefault(w => Deal.SameParty(w.Party, party.Name));
        return new ExposureEntry(deal.Id, deal.Title, deal.Kind, deal.Status, id, party.Name, party.Role, deal.Amount,
            withdrawal is not null, withdrawal?.WithdrewOn) { RoundId = deal.Round?.Id };
    }
}
