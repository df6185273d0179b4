using Negotiations.Infrastructure;

namespace Negotiations.Deals.Comparing;

/// <summary>A point in a deal's stream, given either as a version (digits only) or as an instant of recording.</summary>
public sealed record StreamPoint(long? Version, DateTimeOffset? Instant)
{
    public const string Expected = "a version (a whole number from 1) or an ISO 8601 instant with an offset, such as 2026-02-01T12:00:00Z";

    public static bool TryParse(string text, out StreamPoint? point)
    {
        point = text.Length > 0 && text.All(char.IsAsciiDigit)
            ? long.TryParse(text, out var version) && version >= 1 ? new StreamPoint(version, null) : null
            : QueryParameters.TryParseInstant(text, out var instant) ? new StreamPoint(null, instant) : null;
        return point is not null;
    }
}
