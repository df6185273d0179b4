using System.Collections;
using System.Globalization;
using System.Reflection;
using Negotiations.Deals;
using Negotiations.Deals.GettingClaims;

namespace Negotiations.Web.Pages;

/// <summary>An event as a reader says it: "Terms proposed" and its members worth reading ("amount up to $50B · summary …").</summary>
public static class EventText
{
    /// <summary>Members that every report has and the page shows elsewhere (the date, the source).</summary>
    private static readonly HashSet<string> Shown = ["OccurredOn", "Source"];

    /// <summary>"terms_proposed" → "Terms proposed".</summary>
    public static string What(string eventTypeName)
    {
        var words = eventTypeName.Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>The members the event gave, each as "name value", in the record's order.</summary>
    public static IReadOnlyList<(string Name, string Value)> Details(object data) =>
        [.. data.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => !Shown.Contains(p.Name) && p.GetIndexParameters().Length == 0)
            .Select(p => (Name: Recording.FormShape.Label(p.Name), Value: Format(p.GetValue(data))))
            .Where(d => d.Value.Length > 0)];

    public static string Format(object? value) => value switch
    {
        null => "",
        ReportedAmount amount => CompactMoney.Format(amount),
        Valuation valuation => CompactMoney.Format(valuation),
        Party party => $"{party.Name} ({Recording.FormShape.Label(party.Role.ToString()).ToLowerInvariant()})",
        Tranche tranche => CompactMoney.Format(tranche.Amount) + (tranche.Condition is { } condition ? $" on {condition}" : " up front"),
        Source source => source.Publication,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        Enum choice => Recording.FormShape.Label(choice.ToString()).ToLowerInvariant(),
        string text => text,
        IEnumerable list => string.Join(", ", list.Cast<object?>().Select(Format).Where(v => v.Length > 0)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
