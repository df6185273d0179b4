namespace Negotiations.Infrastructure;

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

        var value = text.ToString();
        var hasOffset = value.EndsWith('Z') || value.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(value, @"[+-]\d{2}:?\d{2}$");
        if (value.Contains('T', StringComparison.OrdinalIgnoreCase) && hasOffset
            && DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        errors.Add(name, $"'{name}' must be an ISO 8601 instant with an offset, such as 2026-02-01T12:00:00Z.");
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

    /// <summary>Refuses parameters the route does not know, so a misspelt filter is not silently ignored.</summary>
    public static void RejectUnknown(this IQueryCollection query, ValidationErrors errors, params string[] known)
    {
        foreach (var unknown in query.Keys.Except(known, StringComparer.Ordinal))
        {
            errors.Add(unknown, $"'{unknown}' is not a parameter here; known: {string.Join(", ", known)}.");
        }
    }
}
