using System.Globalization;
using System.Text;
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

    /// <summary>
    /// A text member: refused when it holds a character that can hurt whoever reads it (<see cref="Text.Unsafe"/>);
    /// blank when it shows nothing (<see cref="Text.ShowsNothing"/>: white space, zero-width and other invisible
    /// characters only), which a required text may not be; at most <paramref name="maxLength"/> UTF-16 units.
    /// </summary>
    public void RequireText(string? value, string field, int maxLength, bool required = true)
    {
        if (value is not null && Text.Unsafe(value) is { } unsafeCharacter)
        {
            Add(field, $"'{field}' must not contain {Text.Describe(unsafeCharacter)}: control characters other than tab, "
                + "line feed and carriage return, and bidirectional override or isolate characters, are refused.");
            return;
        }

        if (value is null || Text.ShowsNothing(value))
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

/// <summary>
/// What a text may hold. Refused anywhere: C0 control characters other than tab, line feed and carriage return (ESC
/// starts terminal escapes), DEL and the C1 controls, and the bidirectional overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069), which make a text display otherwise than it reads. A text "shows nothing" when every character is
/// white space or invisible: format characters (zero-width space, joiners, word joiner, BOM, soft hyphen, …), variation
/// selectors, the combining grapheme joiner and the Hangul and Braille blanks.
/// </summary>
public static class Text
{
    /// <summary>The first character a text must not hold, or null.</summary>
    public static Rune? Unsafe(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsUnsafe(rune))
            {
                return rune;
            }
        }

        return null;
    }

    public static bool IsUnsafe(Rune rune) => rune.Value switch
    {
        '\t' or '\n' or '\r' => false,
        < 0x20 or (>= 0x7F and <= 0x9F) => true,
        (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) => true,
        _ => false,
    };

    /// <summary>True when the text is empty or made only of white space and invisible characters.</summary>
    public static bool ShowsNothing(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsInvisible(rune))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsInvisible(Rune rune) =>
        Rune.IsWhiteSpace(rune)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Control
        || rune.Value is 0x034F or 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800
            or (>= 0x180B and <= 0x180F) or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

    /// <summary>"U+001B (a control character)" or "U+202E (a bidirectional control)", for error messages.</summary>
    public static string Describe(Rune rune) =>
        $"U+{rune.Value:X4} ({(Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control ? "a control character" : "a bidirectional control")})";
}
