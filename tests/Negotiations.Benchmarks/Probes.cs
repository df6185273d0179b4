using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Negotiations.Benchmarks;

/// <summary>
/// What the benchmark reads about the processes while it drives them, all from Linux's /proc and <c>ss</c>: CPU time
/// (utime + stime), resident memory, and TCP data segments sent to PostgreSQL (one per round trip on loopback, where a
/// message up to 64 KB goes in one segment).
/// </summary>
public static partial class Probes
{
    private static readonly double TicksPerSecond = ClockTicks();

    /// <summary>CPU seconds used by one process so far; 0 when it is gone or /proc is not there.</summary>
    public static double CpuSeconds(int pid)
    {
        var fields = StatFields(pid);
        // Fields after the command name: state is [0], utime [11], stime [12], cutime [13], cstime [14] (proc(5)).
        return fields is null ? 0 : (Long(fields[11]) + Long(fields[12])) / TicksPerSecond;
    }

    /// <summary>
    /// CPU seconds of a PostgreSQL cluster: the postmaster with its ended children (cutime + cstime) and every live
    /// child (backends, walwriter, checkpointer). A backend that ends during a phase moves from the second sum to the
    /// first, so a difference of two readings stays right.
    /// </summary>
    public static double ClusterCpuSeconds(int postmaster)
    {
        var fields = StatFields(postmaster);
        if (fields is null)
        {
            return 0;
        }

        var total = Long(fields[11]) + Long(fields[12]) + Long(fields[13]) + Long(fields[14]);
        foreach (var child in Children(postmaster))
        {
            var childFields = StatFields(child);
            total += childFields is null ? 0 : Long(childFields[11]) + Long(childFields[12]);
        }

        return total / TicksPerSecond;
    }

    /// <summary>Resident memory of a process in MB (VmRSS), or 0 when it is gone.</summary>
    public static double RssMegabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : Long(line["VmRSS:".Length..].Trim().Split(' ')[0]) / 1024.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The postmaster's pid: the first line of the data folder's postmaster.pid.</summary>
    public static int PostmasterPid(string dataDirectory) =>
        int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    /// <summary>
    /// TCP data segments sent so far by <paramref name="pid"/>'s established connections to <paramref name="port"/> on
    /// loopback (from <c>ss -tinp</c>), or null when ss is not available. A client sends one write per round trip.
    /// </summary>
    public static async Task<long?> SegmentsSentAsync(int pid, int port, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ss")
        {
            ArgumentList = { "-tinpH", "state", "established", "dst", $"127.0.0.1:{port}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                return null;
            }

            // One socket is a line naming its process followed by an indented line of counters.
            long total = 0;
            var mine = false;
            foreach (var line in output.Split('\n'))
            {
                if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
                {
                    mine = line.Contains($"pid={pid},", StringComparison.Ordinal);
                }
                else if (mine && SegmentsOut().Match(line) is { Success: true } match)
                {
                    total += Long(match.Groups[1].Value);
                    mine = false;
                }
            }

            return total;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// Loads pg_stat_statements into the private cluster (shared_preload_libraries, so a restart) and creates the
    /// extension; false when the module is not installed, in which case the cluster is left as it was.
    /// </summary>
    public static async Task<bool> EnableStatementStatisticsAsync(Infrastructure.LocalPostgres postgres, CancellationToken cancellationToken)
    {
        // Not pooled: the restart ends every open session.
        var unpooled = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(unpooled))
        {
            await connection.OpenAsync(cancellationToken);
            await using var available = new NpgsqlCommand("select 1 from pg_available_extensions where name = 'pg_stat_statements'", connection);
            if (await available.ExecuteScalarAsync(cancellationToken) is null)
            {
                return false;
            }
        }

        await File.AppendAllLinesAsync(Path.Combine(postgres.DataDirectory, "postgresql.conf"),
            ["shared_preload_libraries = 'pg_stat_statements'", "pg_stat_statements.track = all"], cancellationToken);
        await postgres.StopAsync();
        await postgres.StartAgainAsync(cancellationToken);
        await using (var connection = new NpgsqlConnection(unpooled))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand("create extension if not exists pg_stat_statements", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return true;
    }

    public static async Task ResetStatementsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var reset = new NpgsqlCommand("select pg_stat_statements_reset()", connection);
        await reset.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The statements run since the last reset, most called first, without the benchmark's own probes.</summary>
    public static async Task<IReadOnlyList<Statement>> StatementsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("""
            select query, calls, total_exec_time, toplevel from pg_stat_statements
            where dbid = (select oid from pg_database where datname = current_database())
              and query not like '%pg_stat_statements%'
            order by calls desc, total_exec_time desc
            """, connection);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var statements = new List<Statement>();
        while (await reader.ReadAsync(cancellationToken))
        {
            statements.Add(new Statement(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetBoolean(3)));
        }

        return statements;
    }

    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may hold spaces: the fields start after its closing one.
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static List<int> Children(int pid)
    {
        var children = new List<int>();
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                children.AddRange(File.ReadAllText(Path.Combine(task, "children"))
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture)));
            }
            catch (IOException)
            {
                // The thread ended while being read.
            }
        }

        return children;
    }

    private static long Long(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    private static double ClockTicks()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true });
            var output = process?.StandardOutput.ReadToEnd().Trim();
            process?.WaitForExit();
            return double.TryParse(output, CultureInfo.InvariantCulture, out var ticks) && ticks > 0 ? ticks : 100;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    }

    [GeneratedRegex(@"\bdata_segs_out:(\d+)")]
    private static partial Regex SegmentsOut();
}

/// <summary>One normalised statement from pg_stat_statements; not <c>TopLevel</c> when run inside a function.</summary>
public sealed record Statement(string Query, long Calls, double TotalMilliseconds, bool TopLevel);
