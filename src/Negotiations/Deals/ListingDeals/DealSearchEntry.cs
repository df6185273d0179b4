using JasperFx.Events;
using Negotiations.Deals.GettingClaims;
using Negotiations.Parties;

namespace Negotiations.Deals.ListingDeals;

/// <summary>
/// One deal as the list searches it (an async view, <see cref="DealSearchProjection"/>): the deal's status document as
/// of the view's last applied event, plus what the filters need stored and indexed — party keys (<see cref="PartyNames"/>),
/// role:key pairs, the amount's currency and range (<see cref="AmountRange"/>), the text searched, and the summary line.
/// </summary>
public sealed record DealSearchEntry(
    Guid Id,
    Deal Deal,
    string? SummaryLine,
    string Status,
    string Kind,
    string Title,
    DateOnly OpenedOn,
    DateOnly LastActivityOn,
    string[] PartyKeys,
    string[] PartyRoles,
    string? Currency,
    decimal? AmountLow,
    decimal? AmountHigh,
    string SearchText)
{
    /// <summary>The funding round the deal is a piece of (the <c>round</c> filter).</summary>
    public Guid? Round { get; init; }

    /// <summary>The entry of a deal after the given events (from version 1 on), or null when they hold no deal.</summary>
    public static DealSearchEntry? From(Guid id, IReadOnlyCollection<IEvent> events)
    {
        var entries = DealTimeline.Entries(events);
        if (DealTimeline.FoldEntries(id, entries, events) is not { } deal)
        {
            return null;
        }

        var range = deal.Amount is { } amount ? AmountRange.Of(amount) : (AmountRange?)null;
        var keys = deal.Parties.Select(p => PartyNames.Key(p.Name)).Distinct().ToArray();
        var roles = deal.Parties.SelectMany(p => new[] { RoleKey(p.Role), RoleKey(p.Role, PartyNames.Key(p.Name)) }).Distinct().ToArray();
        return new DealSearchEntry(
            id, deal, SummaryLineOf(entries, events), deal.Status.ToString(), deal.Kind.ToString(), deal.Title,
            deal.OpenedOn, deal.LastActivityOn, keys, roles, deal.Amount?.Currency, range?.Low, range?.High,
            SearchTextOf(deal, entries)) { Round = deal.Round?.Id };
    }

    /// <summary>The role filter's key: the role alone, or the role of one party ("investor:amazon").</summary>
    public static string RoleKey(PartyRole role, string? partyKey = null) =>
        partyKey is null ? role.ToString().ToLowerInvariant() : $"{role.ToString().ToLowerInvariant()}:{partyKey}";

    /// <summary>
    /// The line a list shows under a deal's title: the summary of the latest report that counts and has one (in the order
    /// things happened, corrections applied); for a deal whose reports have no summary, the amount claims' one-line story
    /// ("The Information ≥ $10B (2025-12-16) · …"); null when there is neither.
    /// </summary>
    public static string? SummaryLineOf(IReadOnlyList<TimelineEntry> entries, IReadOnlyCollection<IEvent> events)
    {
        var latest = entries.Where(e => e.Counts && SummaryOf(e.Effective) is { Length: > 0 })
            .OrderBy(e => e.Effective.OccurredOn).ThenBy(e => e.Version)
            .Select(e => SummaryOf(e.Effective)).LastOrDefault();
        return latest ?? (DealClaims.FromEntries(Guid.Empty, events, entries)?.Fields.Amount.Summary is { Length: > 0 } claims ? claims : null);
    }

    /// <summary>What full-text search reads: title, parties, every report's summary and source (retracted ones too: a
    /// search finds a deal by anything reported about it), corrections applied.</summary>
    private static string SearchTextOf(Deal deal, IReadOnlyList<TimelineEntry> entries) => string.Join("\n",
        new[] { deal.Title }
            .Concat(deal.Parties.Select(p => p.Name))
            .Concat(entries.Select(e => SummaryOf(e.Effective)))
            .Concat(entries.Select(e => e.Effective.Source.Publication))
            .Concat(entries.Select(e => e.Effective.Source.Relays))
            .OfType<string>().Distinct());

    private static string? SummaryOf(IDealEvent report) => report switch
    {
        TalksReported e => e.Summary,
        TermsProposed e => e.Summary,
        DealClosed e => e.Summary,
        AgreementAnnounced e => e.Summary,
        AgreementSigned e => e.Summary,
        RegulatoryReviewOpened e => e.Summary,
        DealCompleted e => e.Summary,
        _ => null,
    };
}
