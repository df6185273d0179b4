using Microsoft.AspNetCore.Mvc;
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
    /// The rules every write to an existing deal obeys, one line per case: a stale <paramref name="expectedVersion"/> is
    /// refused; fixing the record is allowed whatever the status; a closed deal takes nothing more; an abandoned one only
    /// a report of talks, which revives it; and a write that changes the status must be dated no earlier than the deal's
    /// latest report (reports count in the order they happened, so an earlier one would change nothing: 409, not a 200
    /// for a change that does not happen).
    /// </summary>
    public ProblemDetails Allows(DealWrite write, long? expectedVersion)
    {
        if (expectedVersion is not null && expectedVersion != Version)
        {
            return DealProblems.Conflict(
                $"Deal {Id} is at version {Version}, not the expected version {expectedVersion}: reload it and decide again.", Version);
        }

        return (write, Status) switch
        {
            (DealWrite.RecordFix, _) => WolverineContinue.NoProblems,
            (_, DealStatus.Closed) => DealProblems.Conflict($"Deal {Id} is closed; a closed deal cannot {write.Action}.", Version),
            (DealWrite.TalksReport revival, DealStatus.Abandoned) => DatedNoEarlierThanLatest(revival.OccurredOn),
            (_, DealStatus.Abandoned) => DealProblems.Conflict(
                $"Deal {Id} is abandoned; it cannot {write.Action} until talks are reported again.", Version),
            (DealWrite.Ending ending, _) => DatedNoEarlierThanLatest(ending.OccurredOn),
            _ => WolverineContinue.NoProblems,
        };
    }

    private ProblemDetails DatedNoEarlierThanLatest(DateOnly occurredOn) => occurredOn < LastActivityOn
        ? DealProblems.Conflict(
            $"This report is dated {occurredOn:yyyy-MM-dd}, before the latest report of deal {Id} ({LastActivityOn:yyyy-MM-dd}): " +
            "reports count in the order they happened, so it would not change the deal's status. Check its date, or correct " +
            "or retract the later report.", Version)
        : WolverineContinue.NoProblems;

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
