using System.Security.Cryptography;
using System.Text;
using Negotiations.Deals;
using Negotiations.Parties;
using Negotiations.Rounds;

namespace Negotiations.Alerts;

/// <summary>
/// The pure rules of alerting: which kind of stream an event belongs to, which triggers it fires, which subjects it
/// touches before parties are resolved, and the stable id of the alert a watch gets for an event.
/// </summary>
public static class AlertRules
{
    private static readonly Dictionary<string, string> Kinds =
        DealEventTypes.Names.Values.Select(n => (n, "deal"))
            .Concat(RoundEventTypes.Names.Values.Select(n => (n, "round")))
            .Concat(PartyEventTypes.Names.Values.Select(n => (n, "party")))
            .ToDictionary(p => p.n, p => p.Item2);

    /// <summary><c>deal</c>, <c>round</c>, <c>party</c>, or <c>other</c> for an event of no module's stream.</summary>
    public static string StreamKind(string eventType) => Kinds.GetValueOrDefault(eventType, "other");

    /// <summary>Where a reader finds the stream the event belongs to.</summary>
    public static string Href(string kind, Guid streamId) => kind switch
    {
        "deal" => $"/api/deals/{streamId}",
        "round" => $"/api/rounds/{streamId}",
        "party" => $"/api/parties/{streamId}",
        _ => "",
    };

    /// <summary>The triggers an event fires (besides <see cref="AlertTrigger.AnyChange"/>, which every event fires).</summary>
    public static IReadOnlyList<AlertTrigger> Fired(object data)
    {
        var fired = new List<AlertTrigger> { AlertTrigger.AnyChange };
        if (data is TalksReported or TermsProposed or AgreementAnnounced or AgreementSigned or RegulatoryReviewOpened or RegulatoryReviewConcluded
            or DealCompleted or DealClosed or DealAbandoned or ReportRetracted or RecordingCorrected
            or RoundClosingHeld or RoundClosed or RoundAbandoned)
        {
            fired.Add(AlertTrigger.StatusChanged);
        }

        if (Amount(data))
        {
            fired.Add(AlertTrigger.AmountChanged);
        }

        if (data is QuestionAnswered)
        {
            fired.Add(AlertTrigger.QuestionAnswered);
        }

        if (data is PartyRelated { Kind: RelationKind.CompetesWith } or DealJoinedRound)
        {
            fired.Add(AlertTrigger.ConflictAppeared);
        }

        if (data is ReportRetracted)
        {
            fired.Add(AlertTrigger.ReportRetracted);
        }

        return fired;
    }

    private static bool Amount(object data) => data switch
    {
        TalksReported e => e.Amount is not null || e.Valuation is not null,
        TermsProposed e => e.Amount is not null || e.Valuation is not null,
        StakeRevised e => e.Amount is not null || e.StakePercent is not null,
        AgreementAnnounced e => e.Amount is not null,
        AgreementSigned e => e.Amount is not null,
        DealClosed e => e.FinalAmount is not null,
        DealCompleted e => e.FinalAmount is not null,
        TrancheFunded => true,
        RecordingCorrected e => e.Amount is not null || e.Valuation is not null || e.FinalAmount is not null,
        RoundRevised => true,
        RoundClosingHeld e => e.Amount is not null,
        RoundClosed e => e.FinalAmount is not null,
        _ => false,
    };

    /// <summary>The subjects an event touches by itself: its stream, a question it raises or answers, a party it relates or merges.</summary>
    public static IEnumerable<string> DirectSubjects(string kind, Guid streamId, object data)
    {
        yield return kind switch
        {
            "round" => SubjectKeys.Round(streamId),
            "party" => SubjectKeys.Party(streamId),
            _ => SubjectKeys.Deal(streamId),
        };
        switch (data)
        {
            case QuestionRaised q:
                yield return SubjectKeys.Question(q.QuestionId);
                break;
            case QuestionAnswered q:
                yield return SubjectKeys.Question(q.QuestionId);
                break;
            case DealJoinedRound j:
                yield return SubjectKeys.Round(j.Round);
                break;
            case DealLeftRound l:
                yield return SubjectKeys.Round(l.Round);
                break;
            case PartyRelated r:
                yield return SubjectKeys.Party(r.OtherPartyId);
                break;
            case PartyMerged m:
                yield return SubjectKeys.Party(m.DuplicateId);
                break;
        }
    }

    /// <summary>The party names a deal event names by itself (others are read from the deal's status).</summary>
    public static IEnumerable<string> NamedParties(object data) => data switch
    {
        TalksReported t => t.Parties.Select(p => p.Name),
        RecordingCorrected { Parties: { } parties } => parties.Select(p => p.Name),
        _ => [],
    };

    /// <summary>The alert a watch gets for an event: the same id however often the event is processed (the webhook-id receivers deduplicate by).</summary>
    public static Guid AlertId(Guid watchId, Guid eventId) => AlertId(watchId, eventId.ToString("N"));

    /// <summary>The alert id for what the watch is told about, named by <paramref name="about"/> (an event id, a quiet period).</summary>
    public static Guid AlertId(Guid watchId, string about)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{watchId:N}/{about}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
