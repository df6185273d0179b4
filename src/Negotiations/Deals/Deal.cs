using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Deals;

public enum DealStatus { InTalks, TermsProposed, Closed, Abandoned }

/// <summary>
/// Where a deal stands: the projected status document, updated inline in the same transaction as the events (so a read
/// right after a successful write sees it), and the state every write decides on. One fold for both means the write
/// rules and the status can never disagree, also after a correction or retraction changes the past. Every date comes
/// from the events: a rebuild gives the same document.
/// </summary>
public sealed record Deal(
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
    /// <summary>A deal known only by its opening report's identity, before any report is applied.</summary>
    public static Deal Identify(Guid id, TalksReported opening) => new(
        id, opening.Title ?? "", opening.Kind ?? DealKind.Other, DealStatus.InTalks, opening.Parties,
        null, null, null, null, null, null,
        opening.OccurredOn, opening.OccurredOn, null, null, opening.Source, 0);

    /// <summary>One report applied on top of everything that happened before it.</summary>
    public Deal After(IDealEvent report) => report switch
    {
        TalksReported e => Touch(e) with
        {
            Status = DealStatus.InTalks,
            Parties = MergeParties(Parties, e.Parties),
            Amount = e.Amount ?? Amount,
            Valuation = e.Valuation ?? Valuation,
        },
        TermsProposed e => Touch(e) with
        {
            Status = DealStatus.TermsProposed,
            Amount = e.Amount,
            Valuation = e.Valuation ?? Valuation,
            StakePercent = e.StakePercent ?? StakePercent,
            Instrument = e.Instrument ?? Instrument,
            Governance = e.Governance ?? Governance,
            Commitments = e.Commitments ?? Commitments,
        },
        StakeRevised e => Touch(e) with
        {
            Status = DealStatus.TermsProposed,
            Amount = e.Amount ?? Amount,
            StakePercent = e.StakePercent ?? StakePercent,
        },
        DealClosed e => Touch(e) with
        {
            Status = DealStatus.Closed,
            Amount = e.FinalAmount ?? Amount,
            ClosedOn = e.ClosedOn,
        },
        DealAbandoned e => Touch(e) with
        {
            Status = DealStatus.Abandoned,
            AbandonedReason = e.Reason,
        },
        _ => this,
    };

    /// <summary>
    /// The rules every write to an existing deal obeys: a stale <paramref name="expectedVersion"/> is refused, a closed
    /// deal takes no more reports, and an abandoned one only a new report of talks (which revives it). Fixing the
    /// record (corrections, retractions) is not a move in the negotiation: <paramref name="fixesTheRecord"/> skips the
    /// status rules.
    /// </summary>
    /// <remarks>
    /// Reports count in the order they happened, so a close, an abandonment or a revival dated before the latest report
    /// the deal has would not change its status: <paramref name="changesStatusOn"/> refuses that (409) rather than
    /// answering 200 for a change that does not happen.
    /// </remarks>
    public ProblemDetails CheckWrite(
        long? expectedVersion, string action, bool revives = false, bool fixesTheRecord = false, DateOnly? changesStatusOn = null)
    {
        if (expectedVersion is not null && expectedVersion != Version)
        {
            return Problems.Conflict(
                $"Deal {Id} is at version {Version}, not the expected version {expectedVersion}: reload it and decide again.", Version);
        }

        return Status switch
        {
            _ when fixesTheRecord => WolverineContinue.NoProblems,
            DealStatus.Closed => Problems.Conflict($"Deal {Id} is closed; a closed deal cannot {action}.", Version),
            DealStatus.Abandoned when !revives => Problems.Conflict(
                $"Deal {Id} is abandoned; it cannot {action} until talks are reported again.", Version),
            _ when changesStatusOn < LastActivityOn => Problems.Conflict(
                $"This report is dated {changesStatusOn:yyyy-MM-dd}, before the latest report of deal {Id} ({LastActivityOn:yyyy-MM-dd}): " +
                "reports count in the order they happened, so it would not change the deal's status. Check its date, or correct " +
                "or retract the later report.", Version),
            _ => WolverineContinue.NoProblems,
        };
    }

    /// <summary>
    /// What every report changes. Activity is the latest date anything happened, whatever the recording order. A closing
    /// date or abandonment reason belongs to that status only: the report applied after it (in the order things happened,
    /// possible after a correction or retraction) clears it, and a close or abandonment sets it again.
    /// </summary>
    private Deal Touch(IDealEvent e) => this with
    {
        LastActivityOn = e.OccurredOn > LastActivityOn ? e.OccurredOn : LastActivityOn,
        LastSource = e.Source,
        ClosedOn = null,
        AbandonedReason = null,
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
