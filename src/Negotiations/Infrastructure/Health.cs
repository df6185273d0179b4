using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Negotiations.Infrastructure;

/// <summary>The body of a healthy answer.</summary>
public sealed record Health(string Status);

/// <summary>
/// <c>GET /health</c> through ASP.NET health checks: 200 <c>{"status":"Healthy"}</c> while PostgreSQL answers within a few
/// seconds (AspNetCore.HealthChecks.NpgSql), else 503 ProblemDetails that name no internals (ASP.NET logs the failed
/// check). Anonymous, for load balancers.
/// </summary>
public static class HealthChecks
{
    public const string Route = "/health";
    public const string LiveRoute = "/health/live";
    public const string ReadyRoute = "/health/ready";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static void Add(IServiceCollection services) => services.AddHealthChecks().AddNpgSql(name: "postgresql", timeout: Timeout);

    /// <summary>
    /// <c>/health</c> and <c>/health/ready</c>: every check (can it serve?); <c>/health/live</c>: none (is the process
    /// answering at all? a restart would not bring the database back).
    /// </summary>
    public static void Map(WebApplication app)
    {
        app.MapHealthChecks(Route, new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(ReadyRoute, new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks(LiveRoute, new HealthCheckOptions { ResponseWriter = WriteAsync, Predicate = _ => false }).AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (report.Status == HealthStatus.Healthy)
        {
            return context.Response.WriteAsJsonAsync(new Health("Healthy"), JsonSerializerOptions.Web);
        }

        var cause = report.Entries.Values.Select(e => e.Exception?.GetType().Name).FirstOrDefault(n => n is not null) ?? nameof(TimeoutException);
        return context.WriteProblemAsync(new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "PostgreSQL does not answer.",
            Detail = $"No answer within {Timeout.TotalSeconds:0} s ({cause}); the server log has the details.",
        }).AsTask();
    }
}
