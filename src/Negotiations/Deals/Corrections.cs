namespace Negotiations.Deals;

/// <summary>The fields of a deal that sources make claims about (see the claims view).</summary>
public enum ClaimField { Amount, Valuation, StakePercent, Status }

/// <summary>
/// One member a correction may carry: its JSON name, where a <see cref="RecordingCorrected"/> holds it, and the claim
/// field whose value it changes (the date and the source change every claim of the report they correct).
/// </summary>
public sealed record CorrectableMember(string Name, Func<RecordingCorrected, object?> ValueIn, ClaimField? Claim = null)
{
    public bool IsGivenIn(RecordingCorrected fix) => ValueIn(fix) is not null;
}

/// <summary>
/// The one description of what a correction may change: for each kind of report, the members it has and how a
/// correction's value replaces the report's own. Validation (which members a correction of an event may give), the fold
/// (the report as it counts now) and the claims (which corrections touched a claim) all read this table.
/// </summary>
public static class Corrections
{
    public static readonly CorrectableMember OccurredOn = new("occurredOn", f => f.OccurredOn);
    public static readonly CorrectableMember Source = new("source", f => f.Source);
    public static readonly CorrectableMember Title = new("title", f => f.Title);
    public static readonly CorrectableMember Kind = new("kind", f => f.Kind);
    public static readonly CorrectableMember Parties = new("parties", f => f.Parties);
    public static readonly CorrectableMember Summary = new("summary", f => f.Summary);
    public static readonly CorrectableMember Amount = new("amount", f => f.Amount, ClaimField.Amount);
    public static readonly CorrectableMember Valuation = new("valuation", f => f.Valuation, ClaimField.Valuation);
    public static readonly CorrectableMember StakePercent = new("stakePercent", f => f.StakePercent, ClaimField.StakePercent);
    public static readonly CorrectableMember Instrument = new("instrument", f => f.Instrument);
    public static readonly CorrectableMember Governance = new("governance", f => f.Governance);
    public static readonly CorrectableMember Commitments = new("commitments", f => f.Commitments);
    public static readonly CorrectableMember EventReason = new("eventReason", f => f.EventReason);
    public static readonly CorrectableMember FinalAmount = new("finalAmount", f => f.FinalAmount, ClaimField.Amount);
    public static readonly CorrectableMember ClosedOn = new("closedOn", f => f.ClosedOn);

    /// <summary>Every member a correction can carry, in the order error messages list them.</summary>
    public static readonly IReadOnlyList<CorrectableMember> All =
    [
        OccurredOn, Source, Title, Kind, Parties, Summary, Amount, Valuation, StakePercent, Instrument, Governance, Commitments,
        EventReason, FinalAmount, ClosedOn,
    ];

    private static readonly Dictionary<Type, IReadOnlyList<Replacement>> ByEvent = new()
    {
        [typeof(TalksReported)] =
        [
            On<TalksReported>(OccurredOn, (e, f) => e with { OccurredOn = f.OccurredOn!.Value }),
            On<TalksReported>(Source, (e, f) => e with { Source = f.Source! }),
            On<TalksReported>(Title, (e, f) => e with { Title = f.Title }),
            On<TalksReported>(Kind, (e, f) => e with { Kind = f.Kind }),
            On<TalksReported>(Parties, (e, f) => e with { Parties = f.Parties! }),
            On<TalksReported>(Summary, (e, f) => e with { Summary = f.Summary }),
            On<TalksReported>(Amount, (e, f) => e with { Amount = f.Amount }),
            On<TalksReported>(Valuation, (e, f) => e with { Valuation = f.Valuation }),
        ],
        [typeof(TermsProposed)] =
        [
            On<TermsProposed>(OccurredOn, (e, f) => e with { OccurredOn = f.OccurredOn!.Value }),
            On<TermsProposed>(Source, (e, f) => e with { Source = f.Source! }),
            On<TermsProposed>(Amount, (e, f) => e with { Amount = f.Amount! }),
            On<TermsProposed>(Valuation, (e, f) => e with { Valuation = f.Valuation }),
            On<TermsProposed>(StakePercent, (e, f) => e with { StakePercent = f.StakePercent }),
            On<TermsProposed>(Instrument, (e, f) => e with { Instrument = f.Instrument }),
            On<TermsProposed>(Governance, (e, f) => e with { Governance = f.Governance }),
            On<TermsProposed>(Commitments, (e, f) => e with { Commitments = f.Commitments }),
            On<TermsProposed>(Summary, (e, f) => e with { Summary = f.Summary }),
        ],
        [typeof(StakeRevised)] =
        [
            On<StakeRevised>(OccurredOn, (e, f) => e with { OccurredOn = f.OccurredOn!.Value }),
            On<StakeRevised>(Source, (e, f) => e with { Source = f.Source! }),
            On<StakeRevised>(Amount, (e, f) => e with { Amount = f.Amount }),
            On<StakeRevised>(StakePercent, (e, f) => e with { StakePercent = f.StakePercent }),
            On<StakeRevised>(EventReason, (e, f) => e with { Reason = f.EventReason! }),
        ],
        [typeof(DealClosed)] =
        [
            On<DealClosed>(OccurredOn, (e, f) => e with { OccurredOn = f.OccurredOn!.Value }),
            On<DealClosed>(Source, (e, f) => e with { Source = f.Source! }),
            On<DealClosed>(FinalAmount, (e, f) => e with { FinalAmount = f.FinalAmount }),
            On<DealClosed>(ClosedOn, (e, f) => e with { ClosedOn = f.ClosedOn!.Value }),
            On<DealClosed>(Summary, (e, f) => e with { Summary = f.Summary }),
        ],
        [typeof(DealAbandoned)] =
        [
            On<DealAbandoned>(OccurredOn, (e, f) => e with { OccurredOn = f.OccurredOn!.Value }),
            On<DealAbandoned>(Source, (e, f) => e with { Source = f.Source! }),
            On<DealAbandoned>(EventReason, (e, f) => e with { Reason = f.EventReason! }),
        ],
        [typeof(ReportRetracted)] =
        [
            On<ReportRetracted>(OccurredOn, (e, f) => e with { OccurredOn = f.OccurredOn!.Value }),
            On<ReportRetracted>(Source, (e, f) => e with { Source = f.Source! }),
            On<ReportRetracted>(EventReason, (e, f) => e with { Reason = f.EventReason! }),
        ],
    };

    /// <summary>The members a correction of this kind of event may give; null when the event cannot be corrected.</summary>
    public static IReadOnlyList<CorrectableMember>? MembersOf(Type eventType) =>
        ByEvent.TryGetValue(eventType, out var replacements) ? [.. replacements.Select(r => r.Member)] : null;

    /// <summary>The members the correction gives, in <see cref="All"/>'s order.</summary>
    public static IEnumerable<CorrectableMember> GivenIn(RecordingCorrected fix) => All.Where(m => m.IsGivenIn(fix));

    /// <summary>The report with each member the correction gives in place of its own; the rest stays as it was.</summary>
    public static IDealEvent Apply(IDealEvent report, RecordingCorrected fix) =>
        ByEvent.TryGetValue(report.GetType(), out var replacements)
            ? replacements.Where(r => r.Member.IsGivenIn(fix)).Aggregate(report, (e, r) => r.Replace(e, fix))
            : throw new ArgumentOutOfRangeException(nameof(report), report.GetType().Name, "Not a report of this deal.");

    /// <summary>Whether the correction changes what a claim about <paramref name="field"/> says: its value, date or source.</summary>
    public static bool ChangesClaim(RecordingCorrected fix, ClaimField field) =>
        GivenIn(fix).Any(m => m.Claim == field || m == OccurredOn || m == Source);

    private sealed record Replacement(CorrectableMember Member, Func<IDealEvent, RecordingCorrected, IDealEvent> Replace);

    private static Replacement On<T>(CorrectableMember member, Func<T, RecordingCorrected, T> replace) where T : IDealEvent =>
        new(member, (e, fix) => replace((T)e, fix));
}
