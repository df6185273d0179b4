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
    /// <summary>The most name keys one query sends (a party, its parts and all their names); more are read in several queries.</summary>
    public const int MaxKeys = 500;

    // Stryker disable all : database reads; the API tests cover them
    public static async Task<PartyGraph> GraphAsync(IQuerySession session, CancellationToken cancellationToken) =>
        new(await session.Query<PartyView>().ToListAsync(cancellationToken));

    public static async Task<IReadOnlyList<Deal>> DealsNamingAsync(IQuerySession session, IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        var deals = new List<Deal>();
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(MaxKeys))
        {
            // One containment test per key, OR-ed: each is answered by the index on (data -> 'partyKeys').
            var where = string.Join(" or ", chunk.Select(_ => "d.data -> 'partyKeys' @> ?::jsonb"));
            var parameters = chunk.Select(key => (object)JsonSerializer.Serialize(new[] { key })).ToArray();
            deals.AddRange(await session.QueryAsync<Deal>($"where {where}", cancellationToken, parameters));
        }

        return [.. deals.DistinctBy(deal => deal.Id)];
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
