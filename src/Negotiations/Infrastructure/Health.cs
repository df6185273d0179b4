using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Negotiations.Infrastructure;

/// <summary>The body of a healthy answer.</summary>
public sealed record Health(string Status);

/// <summary>
/// <c>GET /health</c> through ASP.NET health checks: 200 <c>{"status":"Healthy"}</c> while PostgreSQL answers within a few
/// seconds, else 503 ProblemDetails that name no internals (the log has them). Anonymous, for load balancers.
/// </summary>
public static partial class HealthChecks
{
    public const string Route = "/health";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static void Add(IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<PostgresAnswers>("postgresql", timeout: Timeout);

    public static void Map(WebApplication app) =>
        app.MapHealthChecks(Route, new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (report.Status == HealthStatus.Healthy)
        {
            return context.Response.WriteAsJsonAsync(new Health("Healthy"), JsonSerializerOptions.Web);
        }

        var cause = report.Entries.Values.Select(e => e.Exception?.GetType().Name).FirstOrDefault(n => n is not null) ?? nameof(TimeoutException);
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "PostgreSQL does not answer.",
                Detail = $"No answer within {Timeout.TotalSeconds:0} s ({cause}); the server log has the details.",
            },
        }).AsTask();
    }

    /// <summary>One <c>select 1</c>; the health check service bounds it with the timeout.</summary>
    private sealed partial class PostgresAnswers(NpgsqlDataSource database, ILogger<PostgresAnswers> logger) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var command = database.CreateCommand("select 1");
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                LogUnhealthy(logger, e);
                return HealthCheckResult.Unhealthy(exception: e);
            }
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: PostgreSQL does not answer")]
        private static partial void LogUnhealthy(ILogger logger, Exception exception);
    }
}
