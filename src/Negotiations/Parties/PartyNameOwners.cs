using Marten;
using Negotiations.Deals;

namespace Negotiations.Parties;

/// <summary>Who owns a name now: a registered party (its id and canonical name), or a party seen in deals (first sight).</summary>
public sealed record NameOwner(Guid PartyId, string Name, bool FirstSight);

/// <summary>
/// The write side's answer to "whose name is this?", from what is committed (never the async views): the name's
/// <see cref="PartyName"/> document, else a deal that names it (the party of its first sight), else nobody.
/// </summary>
public static class PartyNameOwners
{
    // Stryker disable all : database reads; the API tests cover them
    public static async Task<NameOwner?> FindAsync(IQuerySession session, string name, CancellationToken cancellationToken)
    {
        var key = PartyNames.Key(name);
        if (await session.LoadAsync<PartyName>(key, cancellationToken) is { } claim)
        {
            var owner = await session.LoadAsync<PartyState>(claim.PartyId, cancellationToken);
            return new NameOwner(claim.PartyId, owner?.Name ?? claim.Name, FirstSight: false);
        }

        var deal = await session.Query<Deal>().Where(d => d.PartyKeys.Contains(key)).FirstOrDefaultAsync(cancellationToken);
        return deal?.Parties.FirstOrDefault(p => PartyNames.Key(p.Name) == key) is { } seen
            ? new NameOwner(PartyIds.Of(seen.Name), seen.Name, FirstSight: true)
            : null;
    }

    /// <summary>The name a first-sight party id stands for (a party named in deals that nobody registered), or null.</summary>
    public static async Task<string?> FirstSightNameAsync(IQuerySession session, Guid id, CancellationToken cancellationToken)
    {
        var deal = await session.Query<Deal>().Where(d => d.FirstSightPartyIds.Contains(id)).FirstOrDefaultAsync(cancellationToken);
        return deal?.Parties.FirstOrDefault(p => PartyIds.Of(p.Name) == id)?.Name;
    }
    // Stryker restore all
}
