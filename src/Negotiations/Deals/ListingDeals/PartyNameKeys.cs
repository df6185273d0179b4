using Marten;
using Negotiations.Parties;

namespace Negotiations.Deals.ListingDeals;

/// <summary>
/// Which party name keys the list's <c>party</c> parameter matches. Alone, the Deals module knows names only: the name's
/// own key. The Parties module replaces it with one that knows ids, aliases and merges (every name of that party).
/// </summary>
public interface IPartyNameKeys
{
    Task<IReadOnlyList<string>> KeysAsync(IQuerySession session, string party, CancellationToken cancellationToken);
}

/// <summary>The name's own key, nothing else.</summary>
public sealed class NameKeyOnly : IPartyNameKeys
{
    public Task<IReadOnlyList<string>> KeysAsync(IQuerySession session, string party, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([PartyNames.Key(party)]);
}
