using System.Globalization;
using Negotiations.Deals;
using Negotiations.Deals.GettingHistory;
using DealSource = Negotiations.Deals.Source;

namespace Negotiations.Tests.Deals;

/// <summary>
/// What the API answers about what <see cref="DealScenarios"/> sends, as the service's own records: the whole expected
/// answer is built from one of these with <c>with { … }</c>.
/// </summary>
public static class Expected
{
    public static ReportedAmount Usd(decimal value, AmountQualifier qualifier = AmountQualifier.Exact) => new(value, "USD", qualifier);

    public static DealSource Source(
        string publication = "Wall Street Journal", string publishedOn = "2026-01-29", Attribution attribution = Attribution.AnonymousSource,
        string? url = null) => new(publication, Day(publishedOn), attribution, url);

    public static DateOnly Day(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    /// <summary>The status of <see cref="DealScenarios.NewDeal"/> right after it was reported: version 1.</summary>
    public static Deal NewDeal(
        Guid id, string title = "Amazon invests in OpenAI", string investor = "Amazon", string target = "OpenAI", DealSource? source = null,
        ReportedAmount? amount = null)
    {
        var reported = source ?? Source("The Information", "2025-12-16");
        return new Deal(
            id, title, DealKind.Investment, DealStatus.InTalks,
            [new Party(investor, PartyRole.Investor), new Party(target, PartyRole.Target)],
            amount ?? Usd(10_000_000_000m, AmountQualifier.AtLeast), null, null, null, null, null,
            reported.PublishedOn, reported.PublishedOn, null, null, reported, 1)
        {
            LastMoveOn = reported.PublishedOn,
            Sources = new ValueSources(Amount: reported),
        };
    }

    /// <summary>The event <see cref="DealScenarios.NewDeal"/> records.</summary>
    public static TalksReported Opening(string title = "Amazon invests in OpenAI", string investor = "Amazon", string target = "OpenAI") =>
        new(title, DealKind.Investment, [new Party(investor, PartyRole.Investor), new Party(target, PartyRole.Target)],
            $"{investor} in talks to invest in {target}", Usd(10_000_000_000m, AmountQualifier.AtLeast), null, Day("2025-12-16"),
            Source("The Information", "2025-12-16"));

    /// <summary>
    /// A history entry recording <paramref name="data"/>, with what cannot be known in advance (when it was recorded, its
    /// correlation and causation ids) taken from the <paramref name="actual"/> entry.
    /// </summary>
    public static HistoryEntry Entry(
        HistoryEntry actual, long version, string type, object data, string recordedBy = "anonymous", IReadOnlyList<long>? correctedBy = null,
        long? retractedBy = null) => actual with
        {
            Version = version,
            Type = type,
            OccurredOn = (data as IDealEvent)?.OccurredOn,
            RecordedBy = recordedBy,
            Source = (data as IDealEvent)?.Source,
            CorrectedBy = correctedBy ?? [],
            RetractedBy = retractedBy,
            Data = data,
        };
}
