using JasperFx.Events;

namespace Negotiations.Deals;

/// <summary>
/// One recorded report as it counts now: <c>Recorded</c> is what was stored, <c>Effective</c> the same report with every
/// correction applied (in recording order, so for each member the latest correction wins).
/// </summary>
public sealed record TimelineEntry(
    long Version,
    DateTimeOffset RecordedAt,
    IDealEvent Recorded,
    IDealEvent Effective,
    IReadOnlyList<long> CorrectedBy,
    long? RetractedBy)
{
    public bool Counts => RetractedBy is null && Effective is not ReportRetracted;
}

/// <summary>Which later events correct or retract each event of a stream (the first retraction is the one that counts).</summary>
public sealed record TimelineMarks(ILookup<long, long> CorrectedBy, IReadOnlyDictionary<long, long> RetractedBy)
{
    /// <summary>From any events of the stream in which all its corrections and retractions are.</summary>
    public static TimelineMarks Of(IEnumerable<IEvent> events)
    {
        var ordered = events.OrderBy(e => e.Version).ToList();
        return new TimelineMarks(
            ordered.Where(e => e.Data is RecordingCorrected).ToLookup(e => ((RecordingCorrected)e.Data).CorrectsVersion, e => e.Version),
            ordered.Where(e => e.Data is ReportRetracted)
                .GroupBy(e => ((ReportRetracted)e.Data).RetractsVersion)
                .ToDictionary(g => g.Key, g => g.First().Version));
    }

    public long? RetractionOf(long version) => RetractedBy.TryGetValue(version, out var by) ? by : null;
}

/// <summary>
/// The pure fold behind every view of a deal: corrections replace members of the event they point at, retracted reports
/// stop counting, and what counts is applied in the order things happened (occurredOn, then recording order), so a
/// report recorded late sorts into its place without rewriting anything.
/// </summary>
public static class DealTimeline
{
    /// <summary>Every report (corrections excluded) in recording order, with its corrections and retraction.</summary>
    public static IReadOnlyList<TimelineEntry> Entries(IEnumerable<IEvent> events)
    {
        var ordered = events.OrderBy(e => e.Version).ToList();
        var byVersion = ordered.ToDictionary(e => e.Version);
        var marks = TimelineMarks.Of(ordered);

        return ordered
            .Where(e => e.Data is IDealEvent)
            .Select(e =>
            {
                var recorded = (IDealEvent)e.Data;
                var fixes = marks.CorrectedBy[e.Version].ToList();
                var effective = fixes.Aggregate(recorded, (report, fix) => Corrections.Apply(report, (RecordingCorrected)byVersion[fix].Data));
                return new TimelineEntry(e.Version, e.Timestamp, recorded, effective, fixes, marks.RetractionOf(e.Version));
            })
            .ToList();
    }

    /// <summary>
    /// The deal's status after the given events (from version 1 on), or null when no deal was known: no events, or none
    /// that had occurred by <paramref name="occurredBy"/>. The opening report always gives the deal its identity (title,
    /// kind, parties), even when retracted or outside <paramref name="occurredBy"/>.
    /// </summary>
    public static Deal? Fold(Guid id, IReadOnlyCollection<IEvent> events, DateOnly? occurredBy = null) =>
        FoldEntries(id, Entries(events), events, occurredBy);

    /// <summary>
    /// The same fold, given the <see cref="Entries"/> of those events already made: a view that needs them for more than
    /// the status (the search entry) makes them once.
    /// </summary>
    public static Deal? FoldEntries(Guid id, IReadOnlyList<TimelineEntry> entries, IReadOnlyCollection<IEvent> events, DateOnly? occurredBy = null)
    {
        if (entries.FirstOrDefault(e => e.Version == 1)?.Effective is not TalksReported opening)
        {
            return null;
        }

        var counted = entries
            .Where(e => e.Counts && (occurredBy is null || e.Effective.OccurredOn <= occurredBy))
            .OrderBy(e => e.Effective.OccurredOn).ThenBy(e => e.Version)
            .ToList();
        if (occurredBy is not null && counted.Count == 0 && opening.OccurredOn > occurredBy)
        {
            return null;
        }

        // The opening report dates the deal even when retracted (it still gives the deal its identity), which also keeps
        // these dates the same as the projection's in-order fast path computes them.
        var dates = counted.Select(e => e.Effective.OccurredOn).ToList();
        if (occurredBy is null || opening.OccurredOn <= occurredBy)
        {
            dates.Add(opening.OccurredOn);
        }

        var overview = counted.Aggregate(Deal.Identify(id, opening), (deal, entry) => deal.After(entry.Effective));
        // The opening report dates the latest move as it dates the deal: also when retracted, if it had happened by then.
        var lastMove = new[] { overview.LastMoveOn, occurredBy is null || opening.OccurredOn <= occurredBy ? opening.OccurredOn : null }.Max();
        return overview with { OpenedOn = dates.Min(), LastActivityOn = dates.Max(), Version = events.Max(e => e.Version), LastMoveOn = lastMove };
    }
}
