using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;

namespace Negotiations.Infrastructure;

public sealed record Health(string Status);

public static partial class HealthEndpoint
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>200 when PostgreSQL answers within a few seconds, 503 otherwise.</summary>
    [WolverineGet("/health")]
    public static async Task<IResult> Get(NpgsqlDataSource database, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var command = database.CreateCommand("select 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return Results.Ok(new Health("Healthy"));
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            LogUnhealthy(loggers.CreateLogger(typeof(HealthEndpoint)), e);
            return Results.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "PostgreSQL does not answer.",
                Detail = $"No answer within {Timeout.TotalSeconds:0} s ({e.GetType().Name}); the server log has the details.",
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: PostgreSQL does not answer")]
    private static partial void LogUnhealthy(ILogger logger, Exception exception);
}
