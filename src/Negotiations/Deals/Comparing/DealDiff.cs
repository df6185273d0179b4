using System.Text.Json;

namespace Negotiations.Deals.Comparing;

/// <summary>A member of the status that differs between two points, as the JSON the status is served as.</summary>
public sealed record FieldChange(string Field, JsonElement From, JsonElement To)
{
    /// <summary>Said when the two values are not comparable as they stand: valuations on different bases.</summary>
    public string? Note =>
        From.ValueKind == JsonValueKind.Object && To.ValueKind == JsonValueKind.Object
        && From.TryGetProperty("basis", out var from) && To.TryGetProperty("basis", out var to) && from.GetString() != to.GetString()
            ? $"Different bases ({from.GetString()} → {to.GetString()}): the change is not comparable as it stands."
            : null;
}

/// <summary>The point a side of the diff stands for: the version it reflects and, when given as one, the instant.</summary>
public sealed record DiffPoint(long Version, DateTimeOffset? AsOf);

public sealed record DealDiff(Guid Id, DiffPoint From, DiffPoint To, IReadOnlyList<FieldChange> Changes)
{
    /// <summary>
    /// The members of the status that differ, in the status document's order. Values are compared as the JSON the API
    /// serves, so a list of parties or an amount counts as changed exactly when a client would see it change. The
    /// version is left out: it differs whenever the points do and is stated in <c>from</c> and <c>to</c>.
    /// </summary>
    public static IReadOnlyList<FieldChange> Compare(Deal from, Deal to, JsonSerializerOptions options)
    {
        var version = options.PropertyNamingPolicy?.ConvertName(nameof(Deal.Version)) ?? nameof(Deal.Version);
        var before = JsonSerializer.SerializeToElement(from, options);
        var after = JsonSerializer.SerializeToElement(to, options);
        return before.EnumerateObject()
            .Where(member => member.Name != version)
            .Select(member => new FieldChange(member.Name, member.Value, after.GetProperty(member.Name)))
            .Where(change => !JsonElement.DeepEquals(change.From, change.To))
            .ToList();
    }
}
