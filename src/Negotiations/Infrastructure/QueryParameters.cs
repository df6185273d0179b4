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

    /// <summary>Refuses parameters the route does not know, so a misspelt filter is not silently ignored.</summary>
    public static void RejectUnknown(this IQueryCollection query, ValidationErrors errors, params string[] known)
    {
        foreach (var unknown in query.Keys.Except(known, StringComparer.Ordinal))
        {
            errors.Add(unknown, $"'{unknown}' is not a parameter here; known: {string.Join(", ", known)}.");
        }
    }
}
