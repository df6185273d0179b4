namespace Negotiations.Deals;

/// <summary>Whether the agreement was only announced, or also signed.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "'Signed' is a stage of the agreement, not a type.")]
public enum AgreementStage { Announced, Signed }

/// <summary>Whether a question still waits for its answer.</summary>
public enum QuestionState { Open, Answered }

/// <summary>
/// The agreement as it stands: the agreed amount and its tranches, and the money split by how firm it is — paid up
/// front, funded so far, and still conditional (tranches with a condition not funded yet). Sums are exact amounts in the
/// agreement's currency; null when the agreement names no tranches.
/// </summary>
public sealed record Agreement(
    AgreementStage Stage,
    DateOnly AgreedOn,
    ReportedAmount? Amount,
    IReadOnlyList<TrancheState> Tranches,
    ReportedAmount? UpFront,
    ReportedAmount? Funded,
    ReportedAmount? Conditional)
{
    public static Agreement Of(AgreementStage stage, DateOnly agreedOn, ReportedAmount? amount, IReadOnlyList<TrancheState> tranches) =>
        new(stage, agreedOn, amount, tranches,
            Sum(tranches.Where(t => t.Condition is null)),
            Sum(tranches.Where(t => t.FundedOn is not null), funded: true),
            Sum(tranches.Where(t => t.Condition is not null && t.FundedOn is null)));

    private static ReportedAmount? Sum(IEnumerable<TrancheState> tranches, bool funded = false)
    {
        var list = tranches.ToList();
        return list.Count == 0
            ? null
            : new ReportedAmount(list.Sum(t => (funded ? t.FundedAmount ?? t.Amount : t.Amount).Value), list[0].Amount.Currency);
    }
}

/// <summary>Tranche <c>Number</c> (from 1) of the agreement, and when it was funded (with how much, when reported).</summary>
public sealed record TrancheState(int Number, ReportedAmount Amount, string? Condition, DateOnly? FundedOn = null, ReportedAmount? FundedAmount = null);

/// <summary>One regulator's review: open until concluded.</summary>
public sealed record RegulatoryReview(
    string Regulator, string Jurisdiction, DateOnly OpenedOn, ReviewOutcome? Outcome = null, string? Conditions = null, DateOnly? ConcludedOn = null);

/// <summary>A question raised about the deal, with the answer once a report gave one.</summary>
public sealed record DealQuestion(
    Guid Id, QuestionTopic Topic, string Text, DateOnly RaisedOn, Source Source,
    QuestionState State = QuestionState.Open, string? Answer = null, DateOnly? AnsweredOn = null, Source? AnswerSource = null);

/// <summary>The source each current value came from, so a reader can weigh it (see the source-strength rule).</summary>
public sealed record ValueSources(Source? Amount = null, Source? Valuation = null, Source? StakePercent = null);

/// <summary>A party's withdrawal from the deal: when, why (when reported), and the source that reported it.</summary>
public sealed record PartyWithdrawal(string Party, DateOnly WithdrewOn, string? Reason, Source Source);
/// <summary>The round the deal is a piece of: since when, and the report that said so.</summary>
public sealed record RoundMembership(Guid Id, DateOnly JoinedOn, Source Source);
