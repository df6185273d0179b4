using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Negotiations.Infrastructure;

/// <summary>
/// PostgreSQL out of reach. The first request that meets a connection failure (ProblemMapping asks <see cref="IsOutage"/>)
/// marks the database down, logs that once, and starts a probe; until the probe gets an answer every API route answers
/// 503 ProblemDetails with <c>Retry-After</c> at once, without touching the database. When the probe succeeds the
/// database is marked back (logged once) and requests go through again: nothing to restart. Connections are bounded
/// (<see cref="Bounded"/>), so a server that accepts but never answers costs a request seconds, not minutes.
/// </summary>
public sealed partial class DatabaseOutage(NpgsqlDataSource dataSource, ILogger<DatabaseOutage> logger, IHostApplicationLifetime lifetime)
{
    public const int RetryAfterSeconds = 1;
    public const string ApiPrefix = "/api";

    /// <summary>Connecting gives up after this many seconds unless the connection string says otherwise.</summary>
    public const int ConnectTimeoutSeconds = 3;

    /// <summary>A statement gives up after this many seconds unless the connection string says otherwise.</summary>
    public const int CommandTimeoutSeconds = 15;

    /// <summary>How many statements each connection keeps prepared (Npgsql prepares one after its fifth use).</summary>
    public const int AutoPreparedStatements = 64;

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);
    private int _down;
    private int _recovered;

    public bool IsDown => Volatile.Read(ref _down) == 1;

    /// <summary>The connection string with bounded connect and command timeouts and prepared statements, where it sets none of its own.</summary>
    public static string Bounded(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Timeout"))
        {
            builder.Timeout = ConnectTimeoutSeconds;
        }

        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout"))
        {
            builder.CommandTimeout = CommandTimeoutSeconds;
        }

        // Statements prepared once per connection and kept: PostgreSQL then neither parses nor plans the same statements
        // (the stream lock, the snapshot, the chain head, the append) on every command, and the pool's reset keeps them
        // (and the plans cached inside Marten's append function) instead of sending DISCARD ALL.
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }

        return builder.ConnectionString;
    }

    /// <summary>Whether the exception says the database is out of reach (not that a statement was wrong).</summary>
    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Connection exceptions, the server shutting down or starting up, too many connections.
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
                        || pg.SqlState == PostgresErrorCodes.TooManyConnections || pg.SqlState == PostgresErrorCodes.CannotConnectNow;
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException or EndOfStreamException }:
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    return IsOutage(aggregate.InnerExceptions[0]);
                default:
                    break;
            }
        }

        return false;
    }

    private static bool IsAdminShutdown(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A request met the outage: the first one marks the database down and starts the probe.</summary>
    public void Report(Exception exception)
    {
        // A connection terminated by a shutdown the service has already seen PostgreSQL come back from (a background
        // agent's connection, noticed only at its next use) is no new outage: drop such connections, stay up. A real
        // new shutdown is then seen by the next connection attempt, which is refused.
        if (Volatile.Read(ref _recovered) == 1 && IsAdminShutdown(exception))
        {
            dataSource.Clear();
            return;
        }

        if (Interlocked.CompareExchange(ref _down, 1, 0) == 0)
        {
            LogDown(logger, exception.GetBaseException().Message, RetryAfterSeconds);
            dataSource.Clear();
            _ = Task.Run(ProbeUntilBackAsync);
        }
    }

    /// <summary>The 503 every API route answers while the database is down.</summary>
    public static ProblemDetails Problem() => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "The database is unavailable.",
        Detail = $"PostgreSQL does not answer; nothing was recorded by this request. Retry after {RetryAfterSeconds} s.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
    };

    public static void AddRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>Pipeline step: while the database is down, API routes answer 503 at once.</summary>
    public static async Task AnswerWhileDown(HttpContext context, RequestDelegate next)
    {
        var outage = context.RequestServices.GetRequiredService<DatabaseOutage>();
        if (!outage.IsDown || !context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        AddRetryAfter(context.Response);
        await context.WriteProblemAsync(Problem());
    }

    private async Task ProbeUntilBackAsync()
    {
        var stopping = lifetime.ApplicationStopping;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ProbeInterval, stopping);
                await using var connection = await dataSource.OpenConnectionAsync(stopping);
                await using var command = new NpgsqlCommand("select 1", connection);
                await command.ExecuteScalarAsync(stopping);
                dataSource.Clear();
                Volatile.Write(ref _recovered, 1);
                Volatile.Write(ref _down, 0);
                LogBack(logger);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Still down (or not yet accepting us): try again.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL is down ({Reason}): API routes answer 503 with Retry-After {RetryAfter} s until it is back.")]
    private static partial void LogDown(ILogger logger, string reason, int retryAfter);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL is back: API routes answer again.")]
    private static partial void LogBack(ILogger logger);
}

/// <summary>
/// Between the log and its writers (console, OpenTelemetry): an entry whose exception is a database outage is not written
/// but reported to <see cref="DatabaseOutage"/>, which logs the outage once. Marten and Wolverine's background agents
/// otherwise log a stack trace for every failed statement and poll while PostgreSQL is away.
/// </summary>
public sealed class OutageLogFilter(ILoggerProvider inner, IServiceProvider services) : ILoggerProvider, ISupportExternalScope
{
    /// <summary>Wraps every log writer registered so far.</summary>
    public static void Install(IServiceCollection services)
    {
        var writers = services.Where(d => d.ServiceType == typeof(ILoggerProvider)).ToList();
        foreach (var writer in writers)
        {
            services.Remove(writer);
            services.AddSingleton<ILoggerProvider>(provider => new OutageLogFilter(Create(writer, provider), provider));
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(inner.CreateLogger(categoryName), this);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => (inner as ISupportExternalScope)?.SetScopeProvider(scopeProvider);

    public void Dispose() => inner.Dispose();

    private void Report(Exception exception) => services.GetRequiredService<DatabaseOutage>().Report(exception);

    private static ILoggerProvider Create(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (ILoggerProvider)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    private sealed class Logger(ILogger inner, OutageLogFilter filter) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null && DatabaseOutage.IsOutage(exception))
            {
                filter.Report(exception);
                return;
            }

            inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
