using Microsoft.Extensions.Logging.Console;

namespace Negotiations.Infrastructure;

/// <summary>
/// What the service logs beyond the framework defaults. A failed start is reported by the entry point in one line
/// (<see cref="CommandLine.FailureLine"/>), so until the host has started, the framework's own error reports of that
/// failure (a stack trace from Wolverine's runtime and another from the host) are left out. Framework start-up chatter
/// that says nothing to an operator (Wolverine's "found no handlers": this service has HTTP endpoints only) is too.
/// </summary>
public static class Logs
{
    private static readonly string[] StartFailureReporters = ["Wolverine.Runtime.WolverineRuntime", "Microsoft.Extensions.Hosting.Internal.Host"];

    private static volatile bool _started;

    public static void Configure(WebApplicationBuilder builder)
    {
        foreach (var category in StartFailureReporters)
        {
            // A rule for the exact category, so it wins over configured rules for its namespace ("Wolverine": "Warning").
            builder.Logging.AddFilter(category, level => level >= LogLevel.Warning && (_started || level < LogLevel.Error));
        }

        builder.Logging.AddFilter("Wolverine.Configuration.HandlerDiscovery", LogLevel.Error);

        // JSON lines (Logging:Console:FormatterName=json) carry, unless configured otherwise, the scopes (the request's
        // TraceId and SpanId, its path and id) and a UTC timestamp: that one setting gives every line logged for a request
        // — every error included — the trace id its answer and its trace carry. Configuration still decides (the same
        // keys under Logging:Console:FormatterOptions).
        var formatter = builder.Configuration.GetSection("Logging:Console:FormatterOptions");
        var includeScopes = formatter.GetValue("IncludeScopes", defaultValue: true);
        var timestampFormat = formatter["TimestampFormat"] ?? "yyyy-MM-ddTHH:mm:ss.fffZ";
        var utc = formatter.GetValue("UseUtcTimestamp", defaultValue: true);
        builder.Services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.IncludeScopes = includeScopes;
            options.TimestampFormat = timestampFormat;
            options.UseUtcTimestamp = utc;
        });
    }

    /// <summary>From now on every error is logged as it comes.</summary>
    public static void Started(WebApplication app) => app.Lifetime.ApplicationStarted.Register(() => _started = true);
}
