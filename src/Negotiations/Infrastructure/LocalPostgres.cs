using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;

namespace Negotiations.Infrastructure;

/// <summary>
/// A private PostgreSQL cluster run from the installed server binaries (initdb + pg_ctl), for a machine that has
/// PostgreSQL installed but no server configured for us. Layout of <see cref="RootDirectory"/>:
/// <c>data/</c> (the cluster), <c>password</c> (generated superuser password), <c>postgres.log</c>.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    public const string DatabaseName = "negotiations";
    private const string SuperUser = "postgres";

    private readonly string _binDirectory;
    private readonly bool _runAsPostgresUser;
    private bool _stopped;

    private LocalPostgres(string rootDirectory, string binDirectory, bool runAsPostgresUser, int port, string password, bool startedHere, string how)
    {
        StartedHere = startedHere;
        How = how;
        RootDirectory = rootDirectory;
        _binDirectory = binDirectory;
        _runAsPostgresUser = runAsPostgresUser;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = SuperUser,
            Password = password,
            Database = DatabaseName,
        }.ConnectionString;
    }

    public string RootDirectory { get; }
    public string DataDirectory => Path.Combine(RootDirectory, "data");
    public int Port { get; }
    public string ConnectionString { get; }

    /// <summary>
    /// False when the cluster was already running for another live process (a service beside a command run against
    /// it): such a cluster is not this process's to stop. One left by a killed process is adopted.
    /// </summary>
    public bool StartedHere { get; }

    /// <summary>How this process came to use the cluster, for the start-up line: created, started, or reused (and whose).</summary>
    public string How { get; }

    /// <summary>Where the service keeps its private cluster when no connection string is configured.</summary>
    public static string DefaultRootDirectory() => IsRoot()
        // The postgres user cannot enter /root, so as root the cluster lives where system services keep data.
        ? "/var/lib/negotiations/postgres"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "negotiations", "postgres");

    /// <summary>
    /// Initialises the cluster if <paramref name="rootDirectory"/> holds none, starts it (or reuses one left running by
    /// a killed process), and makes sure the <see cref="DatabaseName"/> database exists. <c>durable: false</c> turns
    /// fsync off: for throw-away test clusters only.
    /// </summary>
    public static async Task<LocalPostgres> StartAsync(
        string rootDirectory, string? binDirectory = null, bool durable = true, CancellationToken cancellationToken = default)
    {
        var bin = binDirectory ?? FindBinDirectory()
            ?? throw Unavailable("no PostgreSQL server binaries (initdb, pg_ctl) were found via `pg_config --bindir`, PATH or /usr/lib/postgresql");
        foreach (var tool in new[] { "initdb", "pg_ctl" })
        {
            if (!File.Exists(Path.Combine(bin, tool)))
            {
                throw Unavailable($"the PostgreSQL binary '{tool}' is not in '{bin}'");
            }
        }

        var asPostgres = IsRoot();
        rootDirectory = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(rootDirectory);
        var passwordFile = Path.Combine(rootDirectory, "password");
        var dataDirectory = Path.Combine(rootDirectory, "data");

        var created = !File.Exists(Path.Combine(dataDirectory, "PG_VERSION"));
        if (created)
        {
            await InitialiseAsync(bin, rootDirectory, dataDirectory, passwordFile, asPostgres, durable, cancellationToken);
        }

        var password = (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim();
        var port = RunningPort(dataDirectory);
        var ownerFile = Path.Combine(rootDirectory, "owner.pid");
        // A running cluster whose owner died (killed) is adopted; one whose owner lives (another service) is only used.
        var owner = ReadPid(ownerFile);
        var startedHere = port is null || !IsAlive(owner);
        var how = (port, startedHere) switch
        {
            (null, _) => created ? "created and started" : "started",
            (_, true) => "already running, reused (left running by a process that ended without stopping it; stopped with this one)",
            (_, false) => $"already running, reused (it belongs to process {owner}, which will stop it)",
        };
        if (startedHere)
        {
            await File.WriteAllTextAsync(ownerFile, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        }

        if (port is null)
        {
            port = Ports.FreeLoopbackPort();
            await RunAsync(bin, "pg_ctl", asPostgres, cancellationToken,
                "-D", dataDirectory, "-l", Path.Combine(rootDirectory, "postgres.log"),
                "-o", $"-p {port}", "-w", "-t", "60", "start");
        }

        var server = new LocalPostgres(rootDirectory, bin, asPostgres, port.Value, password, startedHere, how);
        await server.EnsureDatabaseAsync(cancellationToken);
        return server;
    }

    private static LocalPostgresUnavailableException Unavailable(string what) => new(
        $"Cannot start a database: no connection string is configured (ConnectionStrings:Negotiations, env " +
        $"ConnectionStrings__Negotiations) and {what}. Install PostgreSQL (Debian/Ubuntu: `apt-get install postgresql`), " +
        "set the connection string to your own server, or run `docker compose up`.");

    /// <summary>Stops the cluster (fast shutdown: sessions are ended, committed data is kept).</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await RunAsync(_binDirectory, "pg_ctl", _runAsPostgresUser, CancellationToken.None, "-D", DataDirectory, "-m", "fast", "-w", "stop");
    }

    /// <summary>Starts the cluster again after <see cref="StopAsync"/>, on the same port, so connection strings stay valid.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        await RunAsync(_binDirectory, "pg_ctl", _runAsPostgresUser, cancellationToken,
            "-D", DataDirectory, "-l", Path.Combine(RootDirectory, "postgres.log"), "-o", $"-p {Port}", "-w", "-t", "60", "start");
        _stopped = false;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static async Task InitialiseAsync(
        string bin, string rootDirectory, string dataDirectory, string passwordFile, bool asPostgres, bool durable, CancellationToken ct)
    {
        await File.WriteAllTextAsync(passwordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)), ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(rootDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (asPostgres)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres user, and so must its folder.
            await RunAsync("/usr/bin", "chown", false, ct, "-R", $"{SuperUser}:", rootDirectory);
        }

        await RunAsync(bin, "initdb", asPostgres, ct,
            "-D", dataDirectory, "-U", SuperUser, "--pwfile", passwordFile, "--auth", "scram-sha-256",
            "-E", "UTF8", "--locale", "C");

        var settings = new List<string>
        {
            "listen_addresses = '127.0.0.1'",
            // TCP on loopback only: no socket folder to own or clean up.
            "unix_socket_directories = ''",
            "max_connections = 200",
        };
        if (!durable)
        {
            settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        }

        await File.AppendAllLinesAsync(Path.Combine(dataDirectory, "postgresql.conf"), settings, ct);
        if (asPostgres)
        {
            // The service reads the password as root; postgres itself never needs it after initdb.
            await RunAsync("/usr/bin", "chown", false, ct, "root:", passwordFile);
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", DatabaseName);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"create database {DatabaseName}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    private static int? ReadPid(string file) =>
        File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var pid) ? pid : null;

    private static bool IsAlive(int? pid)
    {
        if (pid is null)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid.Value);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The port of a cluster already running on this data folder (a previous process was killed), if any.</summary>
    private static int? RunningPort(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        // postmaster.pid: line 1 pid, line 4 port (PostgreSQL's documented layout).
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port))
        {
            return null;
        }

        return IsAlive(pid) ? port : null;
    }

    private static string? FindBinDirectory()
    {
        var fromPgConfig = TryPgConfigBinDir();
        if (fromPgConfig is not null && File.Exists(Path.Combine(fromPgConfig, "initdb")))
        {
            return fromPgConfig;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
        if (onPath is not null)
        {
            return onPath;
        }

        const string debianRoot = "/usr/lib/postgresql";
        return Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(version => Path.Combine(version, "bin"))
                .Where(dir => File.Exists(Path.Combine(dir, "initdb")))
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(Path.GetDirectoryName(dir)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    private static string? TryPgConfigBinDir()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    // Environment.UserName reads the effective user's name on Unix.
    private static bool IsRoot() => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    private static async Task RunAsync(string bin, string tool, bool asPostgres, CancellationToken ct, params string[] arguments)
    {
        var executable = Path.Combine(bin, tool);
        var start = asPostgres
            ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", SuperUser, "--", executable } }
            : new ProcessStartInfo(executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Path.GetTempPath();

        using var process = Process.Start(start) ?? throw new LocalPostgresUnavailableException($"Could not start {executable}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            var output = $"{await stderr}{await stdout}".Trim();
            throw new LocalPostgresUnavailableException(
                $"`{tool} {string.Join(' ', arguments)}` failed with exit code {process.ExitCode}: {output}");
        }
    }
}

public sealed class LocalPostgresUnavailableException(string message) : StartupRefusedException(message);

/// <summary>The service cannot start as configured; the message says why and what to do, in one line for the operator.</summary>
public class StartupRefusedException(string message) : Exception(message);
