using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Negotiations.Infrastructure;

/// <summary>
/// Turns what escapes an endpoint into ProblemDetails: unreadable JSON → 400 naming the member, anything else → a 500
/// without internals. Validation and state rules answer earlier, through the endpoints' Validate methods; lost races
/// are mapped by Wolverine (MapConcurrencyFailuresToConflict).
/// </summary>
/// <summary>An exception a module throws when it knows the answer the client should get (a 503 for a damaged chain).</summary>
public abstract class ProblemException(string message) : Exception(message)
{
    public abstract ProblemDetails ToProblem();
}

/// <summary>The answer to a failure a module recognises without having thrown it (a database error its own SQL provoked).</summary>
public sealed record RecognisedFailure(ProblemDetails Problem, bool RetryAfter);

/// <summary>A module's recogniser of such failures, registered by the module as a service; <see cref="ProblemMapping"/> asks each.</summary>
public interface IFailureRecogniser
{
    RecognisedFailure? Recognise(Exception exception);
}

public sealed partial class ProblemMapping(
    IEnumerable<IFailureRecogniser> recognisers, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (DatabaseOutage.IsOutage(exception))
        {
            // Logged once by the outage, not once per request.
            httpContext.RequestServices.GetRequiredService<DatabaseOutage>().Report(exception);
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            DatabaseOutage.AddRetryAfter(httpContext.Response);
            await httpContext.WriteProblemAsync(DatabaseOutage.Problem(), exception);
            return true;
        }

        var recognised = recognisers.Select(recogniser => recogniser.Recognise(exception)).FirstOrDefault(failure => failure is not null);
        var problem = recognised?.Problem ?? Map(exception);
        if (recognised is { RetryAfter: true })
        {
            DatabaseOutage.AddRetryAfter(httpContext.Response);
        }

        if (problem.Status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path, TraceId(httpContext));
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        await httpContext.WriteProblemAsync(problem, exception);
        return true;
    }

    public static ProblemDetails Map(Exception exception) => exception switch
    {
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode,
            Title = Problems.InvalidRequestTitle,
            Detail = bad.Message,
        },
        ProblemException known => known.ToProblem(),
        _ when exception.InnerException is { } inner && Map(inner) is { Status: < 500 } mapped => mapped,
        _ => new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "An unexpected error occurred.",
            Detail = "The error was logged; nothing was recorded by this request.",
        },
    };

    public static ValidationProblemDetails FromJson(JsonException exception)
    {
        var path = JsonPathToField(exception.Path);
        var missing = MissingMembers().Match(exception.Message);
        if (missing.Success)
        {
            var errors = Quoted().Matches(missing.Groups["names"].Value)
                .Select(m => Join(path, JsonNamingPolicy.CamelCase.ConvertName(m.Groups[1].Value)))
                .ToDictionary(field => field, field => new List<string> { $"'{field}' is required." });
            return Problems.Validation(errors);
        }

        var field = path.Length == 0 ? "body" : path;
        var message = exception.Message switch
        {
            var m when m.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) => $"'{field}' is not a known member here.",
            var m when m.Contains("doesn't allow null values", StringComparison.Ordinal) => $"'{field}' must not be null.",
            var m when m.Contains("NUL character", StringComparison.Ordinal) => $"'{field}' must not contain the NUL character (U+0000).",
            var m when m.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) =>
                $"'{field}' has a value of the wrong kind: check its JSON type, its format (dates as yyyy-MM-dd) and the allowed names.",
            var m => $"'{field}' could not be read: {FirstSentence(m)}",
        };
        return Problems.Validation(field, message);
    }

    /// <summary>"$.parties[0].role" → "parties[0].role"; "$" → "".</summary>
    private static string JsonPathToField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Join(string parent, string member) => parent.Length == 0 ? member : $"{parent}.{member}";

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }

    /// <summary>The trace id the problem answer carries (ASP.NET's choice), so a user's report can be matched to the log line.</summary>
    public static string TraceId(HttpContext context) => System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}, traceId {TraceId}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, PathString path, string traceId);

    [GeneratedRegex("missing required properties,? including: (?<names>.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingMembers();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
