using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Negotiations.Parties;
using Wolverine.Http;

namespace Negotiations.Deals;

/// <summary>
/// Where a deal stands. The negotiation moves InTalks → TermsProposed → Agreed → UnderReview → Completed; Abandoned
/// (revived by a new report of talks) and Blocked (by a regulator) end it early; Closed is v1's one ending (see
/// <see cref="DealClosed"/>). Completed, Blocked and Closed are final.
/// </summary>
public enum DealStatus { InTalks, TermsProposed, Agreed, UnderReview, Completed, Closed, Abandoned, Blocked }

/// <summary>
/// Where a deal stands: the projected status document, updated inline in the same transaction as the events (so a read
/// right after a successful write sees it), and the state every write decides on. One fold for both means the write
/// rules and the status can never disagree, also after a correction or retraction changes the past. Every date comes
/// from the events: a rebuild gives the same document. Members after <c>Version</c> came with vocabulary v2. Not sealed
/// only so that the deal list's items (<c>DealListItem</c>) can be a deal plus its summary line.
/// </summary>
public record Deal(
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
    // Vocabulary v2. Init members, so that documents stored before v2 read with these defaults until their next write.

    /// <summary>When the latest report that moved the negotiation happened (talks, terms, stages, endings; not questions,
    /// answers, responses or fundings): what a final status is dated by.</summary>
    public DateOnly? LastMoveOn { get; init; }

    public Agreement? Agreement { get; init; }

    public IReadOnlyList<RegulatoryReview> Reviews { get; init; } = [];

    public DateOnly? CompletedOn { get; init; }

    /// <summary>Every question raised, open or answered (by a report that still counts).</summary>
    public IReadOnlyList<DealQuestion> Questions { get; init; } = [];

    /// <summary>The source each current value came from.</summary>
    public ValueSources Sources { get; init; } = new();

    /// <summary>The valuation on the other basis, when its basis and round size are known (see <see cref="Valuation.OtherBasis"/>).</summary>
    public Valuation? ComparableValuation { get; init; }

    /// <summary>Parties that withdrew: still in <c>Parties</c> and the history, no longer participants. A later report of
    /// talks naming the party again brings it back.</summary>
    public IReadOnlyList<PartyWithdrawal> Withdrawals { get; init; } = [];

    /// <summary>Each party's name key (<see cref="PartyNames.Key"/>), indexed: how the party views find a party's deals.</summary>
    public IReadOnlyList<string> PartyKeys => [.. Parties.Select(p => PartyNames.Key(p.Name))];

    /// <summary>Each party's first-sight id (<see cref="Negotiations.Parties.PartyIds"/>): a name no registered party owns is this party.</summary>
    public IReadOnlyList<Guid> FirstSightPartyIds => [.. Parties.Select(p => Negotiations.Parties.PartyIds.Of(p.Name))];
    /// <summary>The funding round this deal is a piece of, if any (see Rounds/).</summary>
    public RoundMembership? Round { get; init; }

    /// <summary>Statuses nothing moves on from (a later report contradicting them is refused).</summary>
    public bool IsFinal => Status is DealStatus.Completed or DealStatus.Blocked or DealStatus.Closed;

    /// <summary>A deal known only by its opening report's identity, before any report is applied.</summary>
    public static Deal Identify(Guid id, TalksReported opening) => new(
        id, opening.Title ?? "", opening.Kind ?? DealKind.Other, DealStatus.InTalks, opening.Parties,
        null, null, null, null, null, null,
        opening.OccurredOn, opening.OccurredOn, null, null, opening.Source, 0);

    /// <summary>
    /// One report applied on top of everything that happened before it. Reports of talks and terms move the status only
    /// while the deal is negotiated (or, as in v1, after a v1 close or an abandonment); after an agreement they update
    /// the values and leave the stage alone.
    /// </summary>
    public Deal After(IDealEvent report) => report switch
    {
        TalksReported e => (Move(e, Negotiating ? DealStatus.InTalks : Status) with
        {
            Parties = MergeParties(Parties, e.Parties),
            Withdrawals = [.. Withdrawals.Where(w => !e.Parties.Any(p => SameParty(p.Name, w.Party)))],
        }).Values(e.Source, e.Amount, e.Valuation, null),
        TermsProposed e => (Move(e, Negotiating ? DealStatus.TermsProposed : Status) with
        {
            Instrument = e.Instrument ?? Instrument,
            Governance = e.Governance ?? Governance,
            Commitments = e.Commitments ?? Commitments,
        }).Values(e.Source, e.Amount, e.Valuation, e.StakePercent),
        StakeRevised e => Move(e, Negotiating ? DealStatus.TermsProposed : Status).Values(e.Source, e.Amount, null, e.StakePercent),
        DealClosed e => (Move(e, DealStatus.Closed) with { ClosedOn = e.ClosedOn }).Values(e.Source, e.FinalAmount, null, null),
        DealAbandoned e => Move(e, DealStatus.Abandoned) with { AbandonedReason = e.Reason },
        AgreementAnnounced e => Agree(e, AgreementStage.Announced, e.Amount, e.Tranches),
        AgreementSigned e => Agree(e, AgreementStage.Signed, e.Amount, e.Tranches),
        RegulatoryReviewOpened e => Move(e, IsFinal ? Status : DealStatus.UnderReview) with
        {
            Reviews = [.. Reviews, new RegulatoryReview(e.Regulator, e.Jurisdiction, e.OccurredOn)],
        },
        RegulatoryReviewConcluded e => Conclude(e),
        TrancheFunded e => Touch(e) with { Agreement = Fund(e) },
        DealCompleted e => (Move(e, DealStatus.Completed) with { CompletedOn = e.CompletedOn }).Values(e.Source, e.FinalAmount, null, null),
        QuestionRaised e => Touch(e) with
        {
            Questions = [.. Questions, new DealQuestion(e.QuestionId, e.Topic, e.Text, e.OccurredOn, e.Source)],
        },
        QuestionAnswered e => Touch(e) with
        {
            Questions = [.. Questions.Select(q => q.Id == e.QuestionId
                ? q with { State = QuestionState.Answered, Answer = e.Answer, AnsweredOn = e.OccurredOn, AnswerSource = e.Source }
                : q)],
        },
        PartyWithdrew e => Touch(e) with
        {
            Withdrawals = [.. Withdrawals.Where(w => !SameParty(w.Party, e.Party)),
                new PartyWithdrawal(Parties.FirstOrDefault(p => SameParty(p.Name, e.Party))?.Name ?? e.Party, e.OccurredOn, e.Reason, e.Source)],
        },
        DealJoinedRound e => Touch(e) with { Round = new RoundMembership(e.Round, e.OccurredOn, e.Source) },
        DealLeftRound e => Touch(e) with { Round = Round?.Id == e.Round ? null : Round },
        _ => Touch(report),
    };

    /// <summary>Whether a party (by name, in any letter case) is in the deal and has not withdrawn.</summary>
    public bool Participates(string party) =>
        Parties.Any(p => SameParty(p.Name, party)) && !Withdrawals.Any(w => SameParty(w.Party, party));

    /// <summary>How a deal tells its parties apart: by name, in any letter case (as <see cref="MergeParties"/> does).</summary>
    public static bool SameParty(string name, string other) => string.Equals(name.Trim(), other.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether reports of talks and terms still set the status (not once agreed, under review, completed or blocked).</summary>
    private bool Negotiating => Status is not (DealStatus.Agreed or DealStatus.UnderReview or DealStatus.Completed or DealStatus.Blocked);

    /// <summary>
    /// The rules every write to an existing deal obeys, one line per case. A stale <paramref name="expectedVersion"/> is
    /// refused. Fixing the record and commentary (questions, answers, responses) are allowed whatever the status. Reports
    /// count in the order they happened, so a report dated no later than the deal's latest move is accepted and sorted
    /// into place (it may not change the status), on any deal; a report dated after a final status (completed, blocked,
    /// v1 closed) would contradict it and is refused, except a tranche funded after completion; after an abandonment only
    /// a report of talks (which revives the deal). A final ending dated before the latest move would contradict the
    /// reports after it, and a deal ends finally only once.
    /// </summary>
    public ProblemDetails Allows(DealWrite write, long? expectedVersion)
    {
        if (expectedVersion is not null && expectedVersion != Version)
        {
            return DealProblems.Conflict(
                $"Deal {Id} is at version {Version}, not the expected version {expectedVersion}: reload it and decide again.", Version);
        }

        var moved = LastMoveOn ?? LastActivityOn;
        var status = Status.ToString().ToLowerInvariant() switch { "underreview" => "under review", var word => word };
        return write switch
        {
            DealWrite.RecordFix or DealWrite.Commentary => WolverineContinue.NoProblems,
            DealWrite.Ending { Final: true } when IsFinal => DealProblems.Conflict(
                $"Deal {Id} is {status}; a {status} deal cannot {write.Action} again.", Version),
            DealWrite.Ending { Final: true, Date: var on } when on < moved => DealProblems.Conflict(
                $"This report is dated {on:yyyy-MM-dd}, before the latest move of deal {Id} ({moved:yyyy-MM-dd}): reports count in the " +
                "order they happened, so it would end the deal before reports that came after it. Check its date, or correct or " +
                "retract the later report.", Version),
            DealWrite.Funding when Status == DealStatus.Completed => WolverineContinue.NoProblems,
            // A report dated the day of the final move or later would sort after it: only earlier ones are backfills.
            { On: var on } when IsFinal && on >= moved => DealProblems.Conflict(
                $"Deal {Id} is {status}; a {status} deal cannot {write.Action} (only reports of what happened before " +
                $"{moved:yyyy-MM-dd} are still accepted: they sort into place).", Version),
            DealWrite.Negotiation { Revives: true } => WolverineContinue.NoProblems,
            { On: var on } when Status == DealStatus.Abandoned && on >= moved => DealProblems.Conflict(
                $"Deal {Id} is abandoned; it cannot {write.Action} until talks are reported again.", Version),
            _ => WolverineContinue.NoProblems,
        };
    }

    /// <summary>An ending's own date (closed on, completed on) cannot come before the deal was first reported.</summary>
    public void CheckEndDate(DateOnly? date, string field, ValidationErrors errors) => errors.Require(date is null || date < Dates.Earliest || date >= OpenedOn, field,
        $"'{field}' ({date:yyyy-MM-dd}) is before deal {Id} was first reported ({OpenedOn:yyyy-MM-dd}).");

    /// <summary>What every report changes: the latest date anything happened (whatever the recording order) and the last source.</summary>
    private Deal Touch(IDealEvent e) => this with
    {
        LastActivityOn = e.OccurredOn > LastActivityOn ? e.OccurredOn : LastActivityOn,
        LastSource = e.Source,
    };

    /// <summary>
    /// A report that moves the negotiation: it also dates the latest move, and sets the status. A closing date, completion
    /// date or abandonment reason belongs to that status only: the move applied after it (in the order things happened,
    /// possible after a correction or retraction) clears it, and the report that sets the status again sets it again.
    /// </summary>
    private Deal Move(IDealEvent e, DealStatus status) => Touch(e) with
    {
        Status = status,
        LastMoveOn = LastMoveOn is { } latest && latest > e.OccurredOn ? latest : e.OccurredOn,
        ClosedOn = null,
        CompletedOn = null,
        AbandonedReason = null,
    };

    private Deal Agree(IDealEvent e, AgreementStage stage, ReportedAmount? amount, IReadOnlyList<Tranche> tranches)
    {
        // A signing that names no amount or tranches keeps what the announcement said, and funded tranches stay funded.
        var kept = Agreement;
        IReadOnlyList<TrancheState> states = tranches.Count > 0
            ? [.. tranches.Select((t, i) => kept?.Tranches.FirstOrDefault(k => k.Number == i + 1 && k.FundedOn is not null) is { } funded
                ? funded with { Amount = t.Amount, Condition = t.Condition }
                : new TrancheState(i + 1, t.Amount, t.Condition))]
            : kept?.Tranches ?? [];
        var agreement = Agreement.Of(stage, kept?.AgreedOn ?? e.OccurredOn, amount ?? kept?.Amount, states);
        var status = Status is DealStatus.UnderReview || IsFinal ? Status : DealStatus.Agreed;
        return (Move(e, status) with { Agreement = agreement, CompletedOn = CompletedOn, ClosedOn = ClosedOn }).Values(e.Source, amount, null, null);
    }

    private Deal Conclude(RegulatoryReviewConcluded e)
    {
        var reviews = Reviews.ToList();
        var index = reviews.FindLastIndex(r => r.Outcome is null && string.Equals(r.Regulator, e.Regulator, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            reviews[index] = reviews[index] with { Outcome = e.Outcome, Conditions = e.Conditions, ConcludedOn = e.OccurredOn };
        }

        var status = e.Outcome == ReviewOutcome.Blocked ? DealStatus.Blocked
            : Status != DealStatus.UnderReview || reviews.Any(r => r.Outcome is null) ? Status
            : Agreement is not null ? DealStatus.Agreed : DealStatus.TermsProposed;
        return (status == Status ? Touch(e) : Move(e, status)) with { Reviews = reviews };
    }

    private Agreement? Fund(TrancheFunded e) => Agreement is null
        ? null
        : Agreement.Of(Agreement.Stage, Agreement.AgreedOn, Agreement.Amount, [.. Agreement.Tranches.Select(t =>
            t.Number == e.Tranche ? t with { FundedOn = e.OccurredOn, FundedAmount = e.Amount } : t)]);

    /// <summary>
    /// The source-strength rule: a reported value replaces the current one unless its source is weaker (in
    /// <see cref="Attribution"/>'s order) and the value no more precise (<see cref="Precision"/>). Ties in strength go to
    /// the later report. Each value keeps the source it came from.
    /// </summary>
    private Deal Values(Source source, ReportedAmount? amount, Valuation? valuation, decimal? stakePercent)
    {
        var sources = Sources;
        var takeAmount = amount is not null && Replaces(source, Precision(amount.Qualifier), sources.Amount, Amount is null ? -1 : Precision(Amount.Qualifier));
        var takeValuation = valuation is not null
            && Replaces(source, Precision(valuation.Qualifier), sources.Valuation, Valuation is null ? -1 : Precision(Valuation.Qualifier));
        var takeStake = stakePercent is not null && Replaces(source, 0, sources.StakePercent, StakePercent is null ? -1 : 0);
        return this with
        {
            Amount = takeAmount ? amount : Amount,
            Valuation = takeValuation ? valuation : Valuation,
            ComparableValuation = (takeValuation ? valuation : Valuation)?.OtherBasis(),
            StakePercent = takeStake ? stakePercent : StakePercent,
            Sources = new ValueSources(
                takeAmount ? source : sources.Amount, takeValuation ? source : sources.Valuation, takeStake ? source : sources.StakePercent),
        };
    }

    private static bool Replaces(Source reported, int reportedPrecision, Source? current, int currentPrecision) =>
        current is null || reported.Attribution <= current.Attribution || reportedPrecision > currentPrecision;

    /// <summary>How precise a reported number is: exact, then a range, then a single bound or an estimate.</summary>
    public static int Precision(AmountQualifier qualifier) => qualifier switch
    {
        AmountQualifier.Exact => 2,
        AmountQualifier.Between => 1,
        _ => 0,
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
