using System.Diagnostics;
using System.Globalization;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Npgsql;

namespace Negotiations.Benchmarks;

/// <summary>What the status rebuild did: events replayed, wall and CPU time, documents checked against before.</summary>
internal sealed record RebuildResult(long Events, int Copies, TimeSpan Seeding, TimeSpan Elapsed, double CpuSeconds, double PostgresCpuSeconds, int Documents)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double CpuMicrosPerEvent => CpuSeconds * 1e6 / Events;

    public double PostgresCpuMicrosPerEvent => PostgresCpuSeconds * 1e6 / Events;
}

/// <summary>
/// <c>--rebuild-events</c>: the status projection (<see cref="Deal"/>, inline) rebuilt from a store of that many events.
/// Run after the service has stopped, so nothing else applies events: copies of the long deal's stream (its mt_events
/// and mt_streams rows, under new stream ids) are inserted by SQL until the store holds that many, every status
/// document is kept aside (a copy's is the long deal's with its id), then the service's own Marten store, built in this
/// process from the service's modules, rebuilds the projection with Marten's projection daemon (as `projections
/// rebuild` does), timed. Every rebuilt document must equal its document before the rebuild (jsonb), else it throws.
/// </summary>
internal static class RebuildBenchmark
{
    private const string Before = "benchmark_scratch.deals_before_rebuild";
    private const string Copies = "benchmark_scratch.rebuild_copies";

    public static async Task<RebuildResult> RunAsync(string connectionString, int postmaster, Guid longDeal, long target, CancellationToken cancel)
    {
        var app = SearchBenchmark.Service(connectionString, Ports.FreeLoopbackPort());
        try
        {
            var store = app.Services.GetRequiredService<IDocumentStore>();
            const string schema = ServiceSetup.SchemaName;
            var documents = store.Options.Schema.For<Deal>();
            await using var dataSource = NpgsqlDataSource.Create(connectionString);

            // Seed: as many copies of the long deal as make up the target, in one statement per table.
            var seeding = Stopwatch.StartNew();
            var existing = await ScalarAsync<long>(dataSource, $"select count(*) from {schema}.mt_events", cancel);
            var perCopy = await ScalarAsync<long>(dataSource, $"select count(*) from {schema}.mt_events where stream_id = '{longDeal}'", cancel);
            var copies = (int)Math.Max(0, (target - existing + perCopy - 1) / perCopy);
            var eventColumns = await ColumnsAsync(dataSource, schema, "mt_events", ["seq_id", "id", "stream_id"], cancel);
            var streamColumns = await ColumnsAsync(dataSource, schema, "mt_streams", ["id"], cancel);
            Console.Error.WriteLine($"Seeding {copies} copies of the {perCopy:N0}-event deal ({existing:N0} events stored) ...");
            await ExecuteAsync(dataSource, $"""
                drop table if exists {Copies};
                drop table if exists {Before};
                create table {Copies} as select n, gen_random_uuid() as id from generate_series(1, {copies}) n;
                insert into {schema}.mt_streams (id, {string.Join(", ", streamColumns)})
                    select c.id, {string.Join(", ", streamColumns.Select(c => $"s.{c}"))}
                    from {Copies} c cross join {schema}.mt_streams s where s.id = '{longDeal}' order by c.n;
                insert into {schema}.mt_events (seq_id, id, stream_id, {string.Join(", ", eventColumns)})
                    select nextval('{schema}.mt_events_sequence'), gen_random_uuid(), c.id, {string.Join(", ", eventColumns.Select(c => $"e.{c}"))}
                    from {Copies} c cross join {schema}.mt_events e where e.stream_id = '{longDeal}' order by c.n, e.version;
                create table {Before} as select id, data from {documents};
                insert into {Before} select c.id, jsonb_set(d.data, array['id'], to_jsonb(c.id)) from {Copies} c cross join {documents} d where d.id = '{longDeal}';
                analyze {schema}.mt_events;
                analyze {schema}.mt_streams;
                """, cancel);
            seeding.Stop();
            var events = await ScalarAsync<long>(dataSource, $"select count(*) from {schema}.mt_events", cancel);
            var expected = await ScalarAsync<long>(dataSource, $"select count(*) from {Before}", cancel);

            Console.Error.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:F1} s. Rebuilding the status projection from {events:N0} events ...");
            using var daemon = await store.BuildProjectionDaemonAsync();
            var cpu = Probes.CpuSeconds(Environment.ProcessId);
            var postgresCpu = Probes.ClusterCpuSeconds(postmaster);
            var clock = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync<Deal>(TimeSpan.FromMinutes(10), cancel);
            clock.Stop();
            var cpuSeconds = Probes.CpuSeconds(Environment.ProcessId) - cpu;
            var postgresCpuSeconds = Probes.ClusterCpuSeconds(postmaster) - postgresCpu;
            await daemon.StopAllAsync();

            // Every document as it was: none missing, none extra, none different.
            var wrong = new List<string>();
            await using (var compare = dataSource.CreateCommand($"""
                select coalesce(b.id, d.id), b.data::text, d.data::text from {Before} b full join {documents} d on d.id = b.id
                where d.data is distinct from b.data limit 5
                """))
            await using (var reader = await compare.ExecuteReaderAsync(cancel))
            {
                while (await reader.ReadAsync(cancel))
                {
                    wrong.Add($"{reader.GetGuid(0)}: before {(reader.IsDBNull(1) ? "(none)" : reader.GetString(1))}, rebuilt {(reader.IsDBNull(2) ? "(none)" : reader.GetString(2))}");
                }
            }

            if (wrong.Count > 0)
            {
                throw new InvalidOperationException($"The rebuilt status documents differ from those before the rebuild:{Environment.NewLine}{string.Join(Environment.NewLine, wrong)}");
            }

            return new RebuildResult(events, copies, seeding.Elapsed, clock.Elapsed, cpuSeconds, postgresCpuSeconds, (int)expected);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static async Task<List<string>> ColumnsAsync(NpgsqlDataSource dataSource, string schema, string table, string[] except, CancellationToken cancel)
    {
        await using var command = dataSource.CreateCommand(
            "select column_name from information_schema.columns where table_schema = @schema and table_name = @table order by ordinal_position");
        command.Parameters.AddWithValue("schema", schema);
        command.Parameters.AddWithValue("table", table);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancel);
        while (await reader.ReadAsync(cancel))
        {
            var name = reader.GetString(0);
            if (!except.Contains(name))
            {
                columns.Add(name);
            }
        }

        return columns;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, CancellationToken cancel)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync(cancel))!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancel)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancel);
    }
}
