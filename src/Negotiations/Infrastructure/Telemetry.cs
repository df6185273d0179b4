using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Negotiations.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics of ASP.NET, Npgsql, Wolverine and Marten, exported over OTLP as the standard
/// <c>OTEL_*</c> variables say (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
/// <c>OTEL_SERVICE_NAME</c>, …). Off unless an OTLP endpoint is set, or when <c>OTEL_SDK_DISABLED=true</c>.
/// Each request's span carries its correlation id (<see cref="CorrelationTag"/>).
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "negotiations";
    public const string CorrelationTag = "negotiations.correlation_id";

    private static readonly string[] EndpointVariables =
        ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"];

    public static bool IsEnabled(IConfiguration configuration) =>
        !string.Equals(configuration["OTEL_SDK_DISABLED"], "true", StringComparison.OrdinalIgnoreCase)
        && EndpointVariables.Any(name => !string.IsNullOrWhiteSpace(configuration[name]));

    public static void Add(WebApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration))
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddNpgsql()
                .AddSource("Wolverine", "Marten")
                .AddOtlpExporter())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter("Wolverine*", "Marten*")
                .AddOtlpExporter());
    }
}
