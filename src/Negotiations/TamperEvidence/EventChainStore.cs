using JasperFx.Events;
using Marten;
using Marten.Storage;
using Negotiations.Infrastructure;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Negotiations.TamperEvidence;

/// <summary>A stream's last chained version and its hash: publish these elsewhere to pin the chain down.</summary>
public sealed record ChainHead(Guid Id, long Version, string Hash);

/// <summary>
/// The chain's table and its plain-SQL reads. Verification reads the stored columns themselves (<c>data::text</c>, not
/// deserialised events), so a change to any stored byte that the canonical form covers is seen.
/// </summary>
public static class EventChainStore
{
    private const string Schema = ServiceSetup.SchemaName;

    /// <summary>
    /// One hash per event version. No foreign key to the event tables: deleting a whole stream then leaves its chain
    /// behind as evidence instead of silently taking it along.
    /// </summary>
    public static Table Table()
    {
        var table = new Table(new PostgresqlObjectName(Schema, "event_chain", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("stream_id").AsPrimaryKey();
        table.AddColumn<long>("version").AsPrimaryKey();
        table.AddColumn<string>("hash").NotNull();
        return table;
    }

    /// <summary>
    /// Creates the event tables and ours when missing (as AutoCreate allows). Marten creates its own on first use, but
    /// ours only when asked: the hashes are queued after Marten has checked the tables a session needs.
    /// </summary>
    public static async Task EnsureTablesAsync(IMartenDatabase database, CancellationToken cancellationToken)
    {
        await database.EnsureStorageExistsAsync(typeof(IEvent), cancellationToken);
        await database.EnsureStorageExistsAsync(typeof(StorageFeatures), cancellationToken);
    }

    /// <summary>A connection for reading the chain, once the tables exist.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(IMartenDatabase database, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(database, cancellationToken);
        var connection = database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public const string InsertSql = $"insert into {Schema}.event_chain (stream_id, version, hash) values (?, ?, ?)";

    /// <summary>
    /// The insert of a hash linked to a remembered head (stream, version, hash): when the stored hash at that version is
    /// not the remembered one, the hash inserted is null and the not-null column fails the transaction
    /// (<see cref="StaleChainHead"/>). Parameters: stream, version, stream, previous version, previous hash, hash.
    /// </summary>
    public const string InsertAfterSql = $"insert into {Schema}.event_chain (stream_id, version, hash) values (?, ?, " +
        $"case when exists (select 1 from {Schema}.event_chain where stream_id = ? and version = ? and hash = ?) then ? end)";

    /// <summary>The hash at one version of a stream, or null.</summary>
    public static async Task<string?> ReadHashAsync(NpgsqlConnection connection, Guid streamId, long version, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select hash from {Schema}.event_chain where stream_id = @id and version = @version", connection);
        command.Parameters.AddWithValue("id", streamId);
        command.Parameters.AddWithValue("version", version);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Every version of the stream that has an event or a hash, in order; and the stream's own version.</summary>
    public static async Task<(IReadOnlyList<ChainRow> Rows, long? StreamVersion)> ReadStreamAsync(
        NpgsqlConnection connection, Guid streamId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
             select coalesce(e.version, c.version), e.type, e.data::text, e.timestamp, e.user_name, e.correlation_id,
                    e.causation_id, c.hash
             from (select * from {Schema}.mt_events where stream_id = @id) e
             full join (select * from {Schema}.event_chain where stream_id = @id) c on c.version = e.version
             order by 1;
             select version from {Schema}.mt_streams where id = @id;
             """, connection);
        command.Parameters.AddWithValue("id", streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ChainRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var stored = reader.IsDBNull(1) ? null : new ChainedEvent(
                streamId, reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), Text(reader, 4), Text(reader, 5), Text(reader, 6));
            rows.Add(new ChainRow(reader.GetInt64(0), stored, Text(reader, 7)));
        }

        await reader.NextResultAsync(cancellationToken);
        long? streamVersion = await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : null;
        return (rows, streamVersion);
    }

    /// <summary>Every stream that has events or chain rows (a stream whose events were deleted still has its chain).</summary>
    public static async Task<IReadOnlyList<Guid>> ReadStreamIdsAsync(IQuerySession session, CancellationToken cancellationToken)
    {
        await EnsureTablesAsync(session.Database, cancellationToken);
        return await session.AdvancedSql.QueryAsync<Guid>(
            $"select id from {Schema}.mt_streams where version > 0 union select stream_id from {Schema}.event_chain order by 1", cancellationToken);
    }

    /// <summary>The last chained version and hash of every stream.</summary>
    public static async Task<IReadOnlyList<ChainHead>> ReadHeadsAsync(IMartenDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(database, cancellationToken);
        await using var command = new NpgsqlCommand(
            $"select distinct on (stream_id) stream_id, version, hash from {Schema}.event_chain order by stream_id, version desc",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var heads = new List<ChainHead>();
        while (await reader.ReadAsync(cancellationToken))
        {
            heads.Add(new ChainHead(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2)));
        }

        return heads;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
