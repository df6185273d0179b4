using JasperFx.Events;

namespace Negotiations.Deals;

/// <summary>
/// Where a deal stands: the projected status document, updated inline in the same transaction as the events, so a read
/// right after a successful write sees it. Every date comes from the events or their metadata: a rebuild gives the
/// same document.
/// </summary>
public sealed record DealOverview(
    Guid Id,
    string Title,
    DealKind Kind,
    DealStatus Status,
    IReadOnlyList<Party> Parties,
    ReportedAmount? Amount,
    Valuation? Valuation,
    decimal? StakePercent,
    string? Instrument,
    string? Governance,
    string? Commitments,
    DateOnly OpenedOn,
    DateOnly LastActivityOn,
    DateOnly? ClosedOn,
    string? AbandonedReason,
    Source LastSource,
    long Version)
{
    public static DealOverview Create(IEvent<TalksReported> e) => new(
        e.StreamId, e.Data.Title ?? "", e.Data.Kind ?? DealKind.Other, DealStatus.InTalks, e.Data.Parties,
        e.Data.Amount, e.Data.Valuation, null, null, null, null,
        e.Data.OccurredOn, e.Data.OccurredOn, null, null, e.Data.Source, e.Version);

    public DealOverview Apply(IEvent<TalksReported> e) => Touch(e) with
    {
        Status = DealStatus.InTalks,
        Parties = MergeParties(Parties, e.Data.Parties),
        Amount = e.Data.Amount ?? Amount,
        Valuation = e.Data.Valuation ?? Valuation,
        AbandonedReason = null,
    };

    public DealOverview Apply(IEvent<TermsProposed> e) => Touch(e) with
    {
        Status = DealStatus.TermsProposed,
        Amount = e.Data.Amount,
        Valuation = e.Data.Valuation ?? Valuation,
        StakePercent = e.Data.StakePercent ?? StakePercent,
        Instrument = e.Data.Instrument ?? Instrument,
        Governance = e.Data.Governance ?? Governance,
        Commitments = e.Data.Commitments ?? Commitments,
    };

    public DealOverview Apply(IEvent<StakeRevised> e) => Touch(e) with
    {
        Status = DealStatus.TermsProposed,
        Amount = e.Data.Amount ?? Amount,
        StakePercent = e.Data.StakePercent ?? StakePercent,
    };

    public DealOverview Apply(IEvent<DealClosed> e) => Touch(e) with
    {
        Status = DealStatus.Closed,
        Amount = e.Data.FinalAmount ?? Amount,
        ClosedOn = e.Data.ClosedOn,
    };

    public DealOverview Apply(IEvent<DealAbandoned> e) => Touch(e) with
    {
        Status = DealStatus.Abandoned,
        AbandonedReason = e.Data.Reason,
    };

    /// <summary>What every event changes. Activity is the latest date anything happened, whatever the recording order.</summary>
    private DealOverview Touch<T>(IEvent<T> e) where T : IDealEvent => this with
    {
        LastActivityOn = e.Data.OccurredOn > LastActivityOn ? e.Data.OccurredOn : LastActivityOn,
        LastSource = e.Data.Source,
        Version = e.Version,
    };

    /// <summary>Parties newly named join the list; a party named again (by any letter case) takes its latest role.</summary>
    private static List<Party> MergeParties(IReadOnlyList<Party> known, IReadOnlyList<Party> reported)
    {
        var merged = known.ToList();
        foreach (var party in reported)
        {
            var index = merged.FindIndex(p => string.Equals(p.Name, party.Name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                merged.Add(party);
            }
            else
            {
                merged[index] = merged[index] with { Role = party.Role };
            }
        }

        return merged;
    }
}
