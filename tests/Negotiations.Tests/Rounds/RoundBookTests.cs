using Negotiations.Deals;
using Negotiations.Infrastructure;
using Negotiations.Rounds;
using Negotiations.Rounds.GettingRoundBook;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;
using static Negotiations.Tests.Rounds.RoundSpecification;

namespace Negotiations.Tests.Rounds;

/// <summary>The round book from a round and the deals in it: firmness per status, tranches split, currencies apart.</summary>
public class RoundBookTests
{
    private const decimal B = 1_000_000_000m;
    private static readonly ViewFreshness Fresh = new(7, null);

    private static Deal Piece(string investor, ReportedAmount amount, DealStatus status, Guid? round = null) =>
        (Given(Opened()) with
        {
            Id = Guid.CreateVersion7(),
            Title = $"{investor} invests in OpenAI",
            Parties = [new Party("OpenAI", PartyRole.Target), new Party(investor, PartyRole.Investor)],
            Amount = amount,
            Status = status,
        }) with { Round = new RoundMembership(round ?? RoundId, Day("2026-01-29"), Wsj()) };

    [Theory]
    [InlineData(DealStatus.InTalks, Firmness.Rumoured)]
    [InlineData(DealStatus.TermsProposed, Firmness.Proposed)]
    [InlineData(DealStatus.Agreed, Firmness.Agreed)]
    [InlineData(DealStatus.UnderReview, Firmness.Agreed)]
    [InlineData(DealStatus.Closed, Firmness.Agreed)]
    [InlineData(DealStatus.Completed, Firmness.Funded)]
    [InlineData(DealStatus.Abandoned, Firmness.Out)]
    [InlineData(DealStatus.Blocked, Firmness.Out)]
    public void every_deal_status_has_its_firmness(DealStatus status, Firmness firmness)
    {
        Assert.Equal(firmness, RoundBook.FirmnessOf(status));
    }

    [Fact]
    public void every_deal_status_is_mapped()
    {
        Assert.All(Enum.GetValues<DealStatus>(), status => RoundBook.FirmnessOf(status));
    }

    [Fact]
    public void pieces_add_up_by_firmness_as_ranges_and_out_deals_are_listed_but_not_counted()
    {
        var deals = new[]
        {
            Piece("Amazon", Usd(50 * B, AmountQualifier.UpTo), DealStatus.TermsProposed),
            Piece("SoftBank", Usd(30 * B, AmountQualifier.About), DealStatus.InTalks),
            Piece("Nvidia", Usd(30 * B), DealStatus.Agreed),
            Piece("Microsoft", Usd(10 * B), DealStatus.Abandoned),
            Piece("Elsewhere", Usd(5 * B), DealStatus.Agreed, round: Guid.CreateVersion7()),
        };

        var book = RoundBook.Of(GivenRound(Reported()), deals, Fresh);

        var usd = Assert.Single(book.Totals);
        Assert.Equal(new MoneyRange("USD", 0m, 100 * B, false), usd.Target);
        Assert.Equal(new MoneyRange("USD", 27 * B, 33 * B, false), usd.Rumoured);
        Assert.Equal(new MoneyRange("USD", 0m, 50 * B, false), usd.Proposed);
        Assert.Equal(new MoneyRange("USD", 30 * B, 30 * B, true), usd.Agreed);
        Assert.Equal(MoneyRange.Zero("USD"), usd.Funded);
        Assert.Equal(new MoneyRange("USD", 30 * B, 30 * B, true), usd.Committed);
        Assert.Equal(new MoneyRange("USD", 57 * B, 113 * B, false), usd.Total);
        Assert.Null(usd.Raised);
        Assert.Equal(["Amazon", "Microsoft", "Nvidia", "SoftBank"], book.Participants.Select(p => p.Investor));
        Assert.Equal(Firmness.Out, book.Participants.Single(p => p.Investor == "Microsoft").Firmness);
        Assert.Equal(Fresh, book.Freshness);
    }

    [Fact]
    public void a_deal_whose_investor_withdrew_is_out_of_the_round_but_listed()
    {
        var microsoft = Piece("Microsoft", Usd(10 * B), DealStatus.InTalks) with
        {
            Withdrawals = [new PartyWithdrawal("microsoft", Day("2026-02-20"), "Not among the announced investors", Wsj())],
        };
        var target = Piece("Nvidia", Usd(30 * B), DealStatus.Agreed) with
        {
            Withdrawals = [new PartyWithdrawal("OpenAI", Day("2026-02-20"), null, Wsj())],
        };

        var book = RoundBook.Of(GivenRound(Reported()), [microsoft, target], Fresh);

        Assert.Equal([("Microsoft", Firmness.Out), ("Nvidia", Firmness.Agreed)], book.Participants.Select(p => (p.Investor, p.Firmness)));
        Assert.Equal(new MoneyRange("USD", 30 * B, 30 * B, true), Assert.Single(book.Totals).Total);
    }

    [Fact]
    public void an_agreement_is_split_by_tranche_funded_up_front_and_conditional()
    {
        var agreement = Agreement.Of(AgreementStage.Announced, Day("2026-02-27"), Usd(50 * B),
            [new TrancheState(1, Usd(15 * B), null, Day("2026-03-02")), new TrancheState(2, Usd(35 * B), "an IPO or an AGI milestone")]);
        var amazon = Piece("Amazon", Usd(50 * B), DealStatus.Agreed) with { Agreement = agreement };

        var book = RoundBook.Of(GivenRound(Reported()), [amazon], Fresh);

        var usd = Assert.Single(book.Totals);
        Assert.Equal((new MoneyRange("USD", 15 * B, 15 * B, true), new MoneyRange("USD", 35 * B, 35 * B, true), new MoneyRange("USD", 35 * B, 35 * B, true)),
            (usd.Funded, usd.Agreed, usd.Conditional));
        Assert.Equal(new MoneyRange("USD", 50 * B, 50 * B, true), usd.Committed);
        var participant = Assert.Single(book.Participants);
        Assert.Equal((Usd(15 * B), Usd(35 * B)), (participant.Funded!, participant.Conditional!));
    }

    [Fact]
    public void a_completed_deal_is_funded_except_its_conditional_tranches_not_yet_paid()
    {
        var agreement = Agreement.Of(AgreementStage.Signed, Day("2026-02-27"), Usd(50 * B),
            [new TrancheState(1, Usd(15 * B), null), new TrancheState(2, Usd(35 * B), "IPO")]);
        var completed = Piece("Amazon", Usd(50 * B), DealStatus.Completed) with { Agreement = agreement };

        var usd = Assert.Single(RoundBook.Of(GivenRound(Reported()), [completed], Fresh).Totals);

        Assert.Equal((15 * B, 35 * B, 35 * B), (usd.Funded.Low, usd.Agreed.Low, usd.Conditional.Low));
    }

    [Fact]
    public void currencies_are_never_added_together()
    {
        var deals = new[] { Piece("Amazon", Usd(50 * B), DealStatus.Agreed), Piece("Mistral", new ReportedAmount(2 * B, "EUR"), DealStatus.InTalks) };

        var book = RoundBook.Of(GivenRound(Reported(), FirstClosing()), deals, Fresh);

        Assert.Equal(["USD", "EUR"], book.Totals.Select(t => t.Currency));
        Assert.Equal((50 * B, (decimal?)40 * B), (book.Totals[0].Total.Low, book.Totals[0].Raised!.High));
        Assert.Equal((2 * B, (MoneyRange?)null), (book.Totals[1].Rumoured.Low, book.Totals[1].Target));
    }
}
