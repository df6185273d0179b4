using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Infrastructure;

/// <summary>
/// Collects field errors under their JSON paths ("source.publication", "parties[1].name") and turns them into the one
/// kind of 400 answer the API gives: RFC 9457 validation ProblemDetails.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public IReadOnlyDictionary<string, List<string>> Errors => _errors;

    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    public void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            Add(field, message);
        }
    }

    public void RequireText(string? value, string field, int maxLength, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Require(!required, field, $"'{field}' is required.");
            return;
        }

        Require(value.Length <= maxLength, field, $"'{field}' must be at most {maxLength} characters.");
    }

    /// <summary>The problem to answer with, or <see cref="WolverineContinue.NoProblems"/> when nothing was added.</summary>
    public ProblemDetails ToProblem() => IsEmpty ? WolverineContinue.NoProblems : Problems.Validation(_errors);
}

/// <summary>Every error answer of the API is built here, so they all look alike.</summary>
public static class Problems
{
    public const string InvalidRequestTitle = "The request is invalid.";

    public static ValidationProblemDetails Validation(IDictionary<string, List<string>> errors) =>
        new(errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = InvalidRequestTitle,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };

    public static ValidationProblemDetails Validation(string field, string message) =>
        Validation(new Dictionary<string, List<string>> { [field] = [message] });

    public static ProblemDetails NotFound(string detail) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found.",
        Detail = detail,
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
    };

    /// <summary>A 409: the request conflicts with the current state of what it writes to; <c>currentVersion</c> when known.</summary>
    public static ProblemDetails Conflict(string title, string detail, long? currentVersion = null)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = title,
            Detail = detail,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        };
        if (currentVersion is not null)
        {
            problem.Extensions["currentVersion"] = currentVersion;
        }

        return problem;
    }
}
