using Marten;
using Negotiations.Deals.ListingDeals;

namespace Negotiations.Parties;

/// <summary>
/// The deal list's <c>party</c> parameter as the Parties module reads it: a party's id, or any of its names or aliases
/// (case, accents and spacing aside), stands for every name of that party, those merged into it included
/// ("Amazon.com" finds the deals that name "Amazon"). Read from the committed name ownership and party state, not the
/// async view. A name no registered party owns is itself (its first sight); an id no party has matches nothing.
/// </summary>
public sealed class PartySearchKeys : IPartyNameKeys
{
    private const int MaxMerges = 64;

    // Stryker disable all : database reads; the API tests cover them
    public async Task<IReadOnlyList<string>> KeysAsync(IQuerySession session, string party, CancellationToken cancellationToken)
    {
        var key = PartyNames.Key(party);
        var id = Guid.TryParse(party, out var given) ? given : (await session.LoadAsync<PartyName>(key, cancellationToken))?.PartyId;
        if (id is null)
        {
            return [key];
        }

        var state = await session.LoadAsync<PartyState>(id.Value, cancellationToken);
        for (var merges = 0; merges < MaxMerges && state?.MergedInto is { } survivor; merges++)
        {
            state = await session.LoadAsync<PartyState>(survivor, cancellationToken);
        }

        if (state is not null)
        {
            return [.. state.Names.Select(PartyNames.Key).Distinct(StringComparer.Ordinal)];
        }

        // An id no registered party has: a first-sight party (its name), or nobody.
        return await PartyNameOwners.FirstSightNameAsync(session, id.Value, cancellationToken) is { } name
            ? await KeysAsync(session, name, cancellationToken)
            : [];
    }
    // Stryker restore all
}
