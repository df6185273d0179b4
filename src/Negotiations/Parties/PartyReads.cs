using System.Text.Json;
using Marten;
using Negotiations.Deals;

namespace Negotiations.Parties;

/// <summary>
/// The reads behind the party routes: the whole async party view as a <see cref="PartyGraph"/>, and the deals naming any
/// of some name keys — from the inline deal documents (always fresh), through the GIN index on their party keys.
/// </summary>
public static class PartyReads
{
    /// <summary>The most name keys one lookup sends (a party, its parts and all their names).</summary>
    public const int MaxKeys = 500;

    // Stryker disable all : database reads; the API tests cover them
    public static async Task<PartyGraph> GraphAsync(IQuerySession session, CancellationToken cancellationToken) =>
        new(await session.Query<PartyView>().ToListAsync(cancellationToken));

    public static async Task<IReadOnlyList<Deal>> DealsNamingAsync(IQuerySession session, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.Distinct(StringComparer.Ordinal).Take(MaxKeys).ToArray();
        if (wanted.Length == 0)
        {
            return [];
        }

        // One containment test per key, OR-ed: each is answered by the index on (data -> 'partyKeys').
        var where = string.Join(" or ", wanted.Select(_ => "d.data -> 'partyKeys' @> ?::jsonb"));
        var parameters = wanted.Select(key => (object)JsonSerializer.Serialize(new[] { key })).ToArray();
        return await session.QueryAsync<Deal>($"where {where}", cancellationToken, parameters);
    }

    /// <summary>Deals naming a party whose name key contains <paramref name="fragment"/> (a search: no index, read from every deal).</summary>
    public static async Task<IReadOnlyList<Deal>> DealsNamingLikeAsync(IQuerySession session, string fragment, CancellationToken cancellationToken)
    {
        var pattern = "%" + fragment.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return await session.QueryAsync<Deal>(
            "where exists (select 1 from jsonb_array_elements_text(d.data -> 'partyKeys') as k(key) where k.key like ?)", cancellationToken, pattern);
    }
    // Stryker restore all
}
