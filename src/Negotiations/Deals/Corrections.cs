using System.Text.Json;
using System.Text.Json.Nodes;
using Negotiations.Infrastructure;

namespace Negotiations.Deals;

/// <summary>The fields of a deal that sources make claims about (see the claims view).</summary>
public enum ClaimField { Amount, Valuation, StakePercent, Status }

/// <summary>
/// The one description of what a correction may change. A <see cref="RecordingCorrected"/> carries members under the
/// same JSON names as the reports it corrects (<c>eventReason</c> stands for the report's own <c>reason</c>); this table
/// says which of them each kind of report has. Validation (what a correction of an event may give), the fold (the
/// report as it counts now) and the claims (which corrections touched a claim) all read it.
/// </summary>
public static class Corrections
{
    private static readonly Dictionary<Type, string[]> MembersByEvent = new()
    {
        [typeof(TalksReported)] = ["occurredOn", "source", "title", "kind", "parties", "summary", "amount", "valuation"],
        [typeof(TermsProposed)] = ["occurredOn", "source", "amount", "valuation", "stakePercent", "instrument", "governance", "commitments", "summary"],
        [typeof(StakeRevised)] = ["occurredOn", "source", "amount", "stakePercent", "eventReason"],
        [typeof(DealClosed)] = ["occurredOn", "source", "finalAmount", "closedOn", "summary"],
        [typeof(DealAbandoned)] = ["occurredOn", "source", "eventReason"],
        [typeof(ReportRetracted)] = ["occurredOn", "source", "eventReason"],
        [typeof(AgreementAnnounced)] = ["occurredOn", "source", "amount", "summary"],
        [typeof(AgreementSigned)] = ["occurredOn", "source", "amount", "summary"],
        [typeof(RegulatoryReviewOpened)] = ["occurredOn", "source", "summary"],
        [typeof(RegulatoryReviewConcluded)] = ["occurredOn", "source"],
        [typeof(TrancheFunded)] = ["occurredOn", "source", "amount"],
        [typeof(DealCompleted)] = ["occurredOn", "source", "finalAmount", "summary"],
        [typeof(QuestionRaised)] = ["occurredOn", "source"],
        [typeof(QuestionAnswered)] = ["occurredOn", "source"],
        [typeof(PartyResponded)] = ["occurredOn", "source"],
        [typeof(PartyWithdrew)] = ["occurredOn", "source", "eventReason"],
        [typeof(DealJoinedRound)] = ["occurredOn", "source"],
        [typeof(DealLeftRound)] = ["occurredOn", "source"],
    };

    /// <summary>The claim each value member is about; the date and the source change every claim of their report.</summary>
    private static readonly Dictionary<string, ClaimField> ClaimOf = new()
    {
        ["amount"] = ClaimField.Amount, ["finalAmount"] = ClaimField.Amount,
        ["valuation"] = ClaimField.Valuation, ["stakePercent"] = ClaimField.StakePercent,
    };

    private static readonly JsonSerializerOptions Json = ApiJson.Create();

    /// <summary>The members a correction of this kind of event may give; null when the event cannot be corrected.</summary>
    public static IReadOnlyList<string>? MembersOf(Type eventType) => MembersByEvent.GetValueOrDefault(eventType);

    /// <summary>The members the correction gives (not null), in its own order.</summary>
    public static IReadOnlyList<string> GivenIn(RecordingCorrected fix) =>
        [.. Members(fix).Where(m => m.Key is not ("correctsVersion" or "reason") && m.Value is not null).Select(m => m.Key)];

    /// <summary>The report with each member the correction gives in place of its own; the rest stays as it was.</summary>
    public static IDealEvent Apply(IDealEvent report, RecordingCorrected fix)
    {
        var members = MembersOf(report.GetType()) ?? throw new ArgumentOutOfRangeException(nameof(report), report.GetType().Name, "Not a report.");
        var corrected = JsonSerializer.SerializeToNode(report, report.GetType(), Json)!.AsObject();
        foreach (var (name, value) in Members(fix).Where(m => m.Value is not null && members.Contains(m.Key)))
        {
            corrected[name == "eventReason" ? "reason" : name] = value!.DeepClone();
        }

        return (IDealEvent)corrected.Deserialize(report.GetType(), Json)!;
    }

    /// <summary>Whether the correction changes what a claim about <paramref name="field"/> says: its value, date or source.</summary>
    public static bool ChangesClaim(RecordingCorrected fix, ClaimField field) =>
        GivenIn(fix).Any(m => m is "occurredOn" or "source" || (ClaimOf.TryGetValue(m, out var about) && about == field));

    private static JsonObject Members(RecordingCorrected fix) => JsonSerializer.SerializeToNode(fix, Json)!.AsObject();
}
