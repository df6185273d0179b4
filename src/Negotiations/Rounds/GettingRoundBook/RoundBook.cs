using Negotiations.Deals;
using Negotiations.Infrastructure;

namespace Negotiations.Rounds.GettingRoundBook;

/// <summary>
/// How firm a participant's piece is, from its deal's status: talks are a rumour, proposed terms a proposal, an agreement
/// (announced or signed, under review, or v1's "closed") is agreed, money paid (tranches funded, a completed deal) is
/// funded. An abandoned or blocked deal is out: listed, never counted.
/// </summary>
public enum Firmness { Rumoured, Proposed, Agreed, Funded, Out }

/// <summary>One deal in the round: the investor's piece, how firm it is, and where the amount came from.</summary>
public sealed record RoundParticipant(
    Guid DealId,
    string DealTitle,
    string? Investor,
    DealStatus Status,
    Firmness Firmness,
    ReportedAmount? Amount,
    Source? AmountSource,
    ReportedAmount? Funded,
    ReportedAmount? Conditional,
    DateOnly JoinedOn,
    Source JoinSource);

/// <summary>
/// The round's numbers in one currency (amounts in different currencies are never added). Each is an interval
/// (<see cref="MoneyRange"/>): <c>Committed</c> = agreed + funded; <c>Conditional</c> is the part of <c>Agreed</c>
/// that waits on a condition; <c>Total</c> adds every counted piece; <c>Raised</c> adds the closings' amounts.
/// </summary>
public sealed record RoundTotals(
    string Currency,
    MoneyRange? Target,
    MoneyRange Rumoured,
    MoneyRange Proposed,
    MoneyRange Agreed,
    MoneyRange Funded,
    MoneyRange Committed,
    MoneyRange Conditional,
    MoneyRange Total,
    MoneyRange? Raised);

/// <summary>The round book: the round, its numbers per currency, and every deal in it; how fresh the round's view is.</summary>
public sealed record RoundBook(Round Round, IReadOnlyList<RoundTotals> Totals, IReadOnlyList<RoundParticipant> Participants, ViewFreshness Freshness)
{
    /// <summary>Every status has its firmness; the README's table is this one.</summary>
    public static Firmness FirmnessOf(DealStatus status) => status switch
    {
        DealStatus.InTalks => Firmness.Rumoured,
        DealStatus.TermsProposed => Firmness.Proposed,
        DealStatus.Agreed or DealStatus.UnderReview or DealStatus.Closed => Firmness.Agreed,
        DealStatus.Completed => Firmness.Funded,
        DealStatus.Abandoned or DealStatus.Blocked => Firmness.Out,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A deal status without a firmness."),
    };

    /// <summary>
    /// A participant's firmness: its status's, except that a deal whose investors (Investor, CoInvestor, Acquirer) have all
    /// withdrawn (<c>party_withdrew</c>) is <see cref="Firmness.Out"/>: its piece left the round with them.
    /// </summary>
    public static Firmness FirmnessOf(Deal deal) => InvestorsWithdrew(deal) ? Firmness.Out : FirmnessOf(deal.Status);

    /// <summary>Whether the deal names investors and every one of them has withdrawn.</summary>
    public static bool InvestorsWithdrew(Deal deal) =>
        deal.Parties.Where(p => p.Role is PartyRole.Investor or PartyRole.CoInvestor or PartyRole.Acquirer).ToList() is { Count: > 0 } investors
        && investors.All(p => !deal.Participates(p.Name));

    /// <summary>The book of <paramref name="round"/> from the deals in it (any order; sorted here by title, then id).</summary>
    public static RoundBook Of(Round round, IEnumerable<Deal> deals, ViewFreshness freshness)
    {
        var inRound = deals.Where(d => d.Round?.Id == round.Id).OrderBy(d => d.Title, StringComparer.Ordinal).ThenBy(d => d.Id).ToList();
        var pieces = inRound.SelectMany(Pieces).ToList();
        var currencies = new[] { round.Target?.Currency }
            .Concat(round.Closings.Select(c => c.Amount?.Currency))
            .Concat(pieces.Select(p => (string?)p.Amount.Currency))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var totals = currencies.Select(currency =>
        {
            MoneyRange Sum(Func<Piece, bool> which) => MoneyRange.Sum(currency, pieces.Where(p => p.Amount.Currency == currency && which(p)).Select(p => p.Amount));
            var agreed = Sum(p => p.Firmness == Firmness.Agreed);
            var funded = Sum(p => p.Firmness == Firmness.Funded);
            var raised = round.Closings.Select(c => c.Amount).OfType<ReportedAmount>().Where(a => a.Currency == currency).ToList();
            return new RoundTotals(
                currency,
                round.Target?.Currency == currency ? MoneyRange.Of(round.Target) : null,
                Sum(p => p.Firmness == Firmness.Rumoured),
                Sum(p => p.Firmness == Firmness.Proposed),
                agreed,
                funded,
                agreed.Plus(funded),
                Sum(p => p.Conditional),
                Sum(_ => true),
                raised.Count == 0 ? null : MoneyRange.Sum(currency, raised));
        }).ToList();
        return new RoundBook(round, totals, [.. inRound.Select(Participant)], freshness);
    }

    /// <summary>One part of a participant's piece: an amount at a firmness, and whether it waits on a condition.</summary>
    public sealed record Piece(Firmness Firmness, ReportedAmount Amount, bool Conditional = false);

    /// <summary>
    /// What a deal puts in the round. Out: nothing. An agreement with tranches that make up the deal's current (exact)
    /// amount is split by tranche: funded tranches are funded; on a completed deal the unconditional ones are too; the
    /// rest is agreed, conditional tranches marked. Otherwise the deal's current amount at its firmness.
    /// </summary>
    public static IReadOnlyList<Piece> Pieces(Deal deal)
    {
        var firmness = FirmnessOf(deal);
        if (firmness == Firmness.Out || deal.Amount is not { } amount)
        {
            return [];
        }

        var tranches = deal.Agreement?.Tranches ?? [];
        var split = firmness is Firmness.Agreed or Firmness.Funded && tranches.Count > 0 && amount.Qualifier == AmountQualifier.Exact
            && tranches.All(t => t.Amount.Currency == amount.Currency) && tranches.Sum(t => t.Amount.Value) == amount.Value;
        if (!split)
        {
            return [new Piece(firmness, amount)];
        }

        return [.. tranches.Select(t =>
            t.FundedOn is not null ? new Piece(Firmness.Funded, t.FundedAmount is { } paid && paid.Currency == amount.Currency ? paid : t.Amount)
            : deal.Status == DealStatus.Completed && t.Condition is null ? new Piece(Firmness.Funded, t.Amount)
            : new Piece(Firmness.Agreed, t.Amount, Conditional: t.Condition is not null))];
    }

    private static RoundParticipant Participant(Deal deal)
    {
        var pieces = Pieces(deal);
        ReportedAmount? Part(Func<Piece, bool> which) =>
            pieces.Where(which).ToList() is { Count: > 0 } parts && parts.All(p => p.Amount.Qualifier == AmountQualifier.Exact)
                ? new ReportedAmount(parts.Sum(p => p.Amount.Value), parts[0].Amount.Currency)
                : null;
        var investor = deal.Parties.FirstOrDefault(p => p.Role is PartyRole.Investor or PartyRole.CoInvestor or PartyRole.Acquirer)?.Name;
        return new RoundParticipant(
            deal.Id, deal.Title, investor, deal.Status, FirmnessOf(deal), deal.Amount, deal.Sources.Amount,
            Part(p => p.Firmness == Firmness.Funded), Part(p => p.Conditional), deal.Round!.JoinedOn, deal.Round.Source);
    }
}
