namespace Negotiations.Infrastructure;

/// <summary>A point in an event stream, given either as a version or as an instant of recording.</summary>
public sealed record StreamPoint(long? Version, DateTimeOffset? Instant);

public static class QueryParameters
{
    /// <summary>A whole-number query parameter within [min, max]; absent gives the fallback, anything else an error.</summary>
    public static long WholeNumber(this IQueryCollection query, string name, long fallback, long min, long max, ValidationErrors errors)
    {
        if (!query.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (long.TryParse(text, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add(name, $"'{name}' must be a whole number from {min} to {max}.");
        return fallback;
    }

    /// <summary>An optional ISO 8601 instant with its offset ("2026-02-01T12:00:00Z"); a bare date or time is ambiguous.</summary>
    public static DateTimeOffset? Instant(this IQueryCollection query, string name, ValidationErrors errors)
    {
        if (!query.TryGetValue(name, out var text))
        {
            return null;
        }

        if (TryParseInstant(text.ToString(), out var instant))
        {
            return instant;
        }

        errors.Add(name, $"'{name}' must be an ISO 8601 instant with an offset, such as 2026-02-01T12:00:00Z.");
        return null;
    }

    /// <summary>
    /// A required point in a stream: a version (digits only) or an ISO 8601 instant with its offset; null after adding
    /// the error when it is missing or neither.
    /// </summary>
    public static StreamPoint? VersionOrInstant(this IQueryCollection query, string name, ValidationErrors errors)
    {
        const string Expected = "a version (a whole number from 1) or an ISO 8601 instant with an offset, such as 2026-02-01T12:00:00Z";
        if (!query.TryGetValue(name, out var text))
        {
            errors.Add(name, $"'{name}' is required: {Expected}.");
            return null;
        }

        var value = text.ToString();
        if (value.Length > 0 && value.All(char.IsAsciiDigit))
        {
            if (long.TryParse(value, out var version) && version >= 1)
            {
                return new StreamPoint(version, null);
            }
        }
        else if (TryParseInstant(value, out var instant))
        {
            return new StreamPoint(null, instant);
        }

        errors.Add(name, $"'{name}' must be {Expected}.");
        return null;
    }

    /// <summary>An optional date, yyyy-MM-dd.</summary>
    public static DateOnly? Date(this IQueryCollection query, string name, ValidationErrors errors)
    {
        if (!query.TryGetValue(name, out var text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.ToString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(name, $"'{name}' must be a date, yyyy-MM-dd.");
        return null;
    }

    private static bool TryParseInstant(string value, out DateTimeOffset instant)
    {
        var hasOffset = value.EndsWith('Z') || value.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(value, @"[+-]\d{2}:?\d{2}$");
        instant = default;
        if (!value.Contains('T', StringComparison.OrdinalIgnoreCase) || !hasOffset
            || !DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out instant))
        {
            return false;
        }

        // The event store compares instants in UTC (and Npgsql sends only offset 0).
        instant = instant.ToUniversalTime();
        return true;
    }

    /// <summary>Refuses parameters the route does not know, so a misspelt filter is not silently ignored.</summary>
    public static void RejectUnknown(this IQueryCollection query, ValidationErrors errors, params string[] known)
    {
        foreach (var unknown in query.Keys.Except(known, StringComparer.Ordinal))
        {
            errors.Add(unknown, $"'{unknown}' is not a parameter here; known: {string.Join(", ", known)}.");
        }
    }
}
