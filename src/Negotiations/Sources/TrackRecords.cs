using Marten;

namespace Negotiations.Sources;

/// <summary>A publication's counts: claims made, and how many were confirmed, contradicted, corrected by us, retracted.</summary>
public sealed record TrackRecord(string Publication, long Claims, long Confirmed, long Contradicted, long Corrected, long Retracted, string Url);

/// <summary>
/// The track records, added up in SQL over the claims view (<see cref="DealSourceClaims"/>): one row per publication key,
/// its name as first spelled (alphabetically), sorted by a fixed clause per <c>sort</c> value, ties by name.
/// </summary>
public static class TrackRecords
{
    private static string Totals(string table, string where) => $"""
        select c ->> 'publicationKey' as key, min(c ->> 'publication') as publication, count(*) as claims,
               count(*) filter (where (c ->> 'confirmed')::boolean) as confirmed,
               count(*) filter (where (c ->> 'contradicted')::boolean) as contradicted,
               count(*) filter (where (c ->> 'corrected')::boolean) as corrected,
               count(*) filter (where (c ->> 'retracted')::boolean) as retracted
        from {table} d cross join lateral jsonb_array_elements(d.data -> 'claims') c
        {where}
        group by 1
        """;

    private const string AsJson = """
        jsonb_build_object('publication', publication, 'claims', claims, 'confirmed', confirmed, 'contradicted', contradicted,
            'corrected', corrected, 'retracted', retracted, 'url', '/api/sources/' || key)
        """;

    /// <summary>One page of every publication's record, and how many publications there are.</summary>
    public static async Task<(IReadOnlyList<TrackRecord> Page, long Total)> PageAsync(
        IQuerySession session, string? sort, int page, int pageSize, CancellationToken cancellationToken)
    {
        var totals = Totals(Table(session), "");
        var descending = sort?.StartsWith('-') ?? true;
        var column = sort?.TrimStart('-').ToLowerInvariant() ?? "claims";
        var order = column == "publication" ? $"lower(publication) {(descending ? "desc" : "asc")}, key"
            : $"{column} {(descending ? "desc" : "asc")}, lower(publication), key";
        var rows = await session.QueryAsync<TrackRecord>(
            $"select {AsJson} from ({totals}) t order by {order} limit {pageSize} offset {(long)(page - 1) * pageSize}", cancellationToken);
        var total = await session.QueryAsync<long>(
            $"select count(distinct c ->> 'publicationKey') from {Table(session)} d cross join lateral jsonb_array_elements(d.data -> 'claims') c",
            cancellationToken);
        return ([.. rows.Select(Linked)], total[0]);
    }

    /// <summary>One publication's record (by its key), or null when it made no claim.</summary>
    public static async Task<TrackRecord?> OfAsync(IQuerySession session, string key, CancellationToken cancellationToken)
    {
        var totals = Totals(Table(session), "where d.publication_keys && ? and c ->> 'publicationKey' = ?");
        var rows = await session.QueryAsync<TrackRecord>($"select {AsJson} from ({totals}) t", cancellationToken, new[] { key }, key);
        return rows.Count == 0 ? null : Linked(rows[0]);
    }

    /// <summary>One page of a publication's claims, latest first.</summary>
    public static async Task<IReadOnlyList<SourceClaim>> ClaimsAsync(
        IQuerySession session, string key, int page, int pageSize, CancellationToken cancellationToken) =>
        await session.QueryAsync<SourceClaim>(
            $"select c from {Table(session)} d cross join lateral jsonb_array_elements(d.data -> 'claims') c " +
            "where d.publication_keys && ? and c ->> 'publicationKey' = ? " +
            $"order by c ->> 'occurredOn' desc, d.id, (c ->> 'version')::bigint, c ->> 'field' limit {pageSize} offset {(long)(page - 1) * pageSize}",
            cancellationToken, new[] { key }, key);

    /// <summary>The record's own URL, with the key escaped as a path segment.</summary>
    private static TrackRecord Linked(TrackRecord record) =>
        record with { Url = $"/api/sources/{Uri.EscapeDataString(record.Url["/api/sources/".Length..])}" };

    private static string Table(IQuerySession session) => session.DocumentStore.Options.Schema.For<DealSourceClaims>();
}
