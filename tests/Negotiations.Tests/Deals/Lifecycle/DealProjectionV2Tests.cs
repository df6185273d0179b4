using CsCheck;
using Negotiations.Deals;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.Lifecycle;

/// <summary>The projection's in-order fast path equals folding the whole stream, with every v2 event in the mix.</summary>
public class DealProjectionV2Tests
{
    private static readonly Gen<DateOnly> Date = Gen.Int[0, 120].Select(days => Day("2025-12-01").AddDays(days));

    private static readonly Gen<Source> Sources = Gen.Select(Gen.OneOf("Reuters", "WSJ", "Amazon"), Gen.Enum<Attribution>(), Date,
        (publication, attribution, date) => new Source(publication, date, attribution));

    private static readonly Gen<ReportedAmount> Amounts = Gen.Select(Gen.Int[1, 60], Gen.Enum<AmountQualifier>().Where(q => q != AmountQualifier.Between),
        (b, qualifier) => Usd(b * 1_000_000_000m, qualifier));

    private static readonly Guid[] QuestionIds = [Guid.Parse("0199a7b6-0000-7000-8000-0000000000a1"), Guid.Parse("0199a7b6-0000-7000-8000-0000000000a2")];

    private static readonly Gen<string> PartyNames = Gen.OneOf("Amazon", "OpenAI", "Microsoft");

    private static Gen<object> Later(int version) => Gen.Int[0, 13].SelectMany(kind => kind switch
    {
        0 => Gen.Select(Amounts, Date, Sources, (amount, on, source) => (object)new TalksReported(null, null, [], null, amount, null, on, source)),
        1 => Gen.Select(Amounts, Date, Sources, (amount, on, source) => (object)new TermsProposed(amount, null, 5m, null, null, null, null, on, source)),
        2 => Gen.Select(Date, Sources, (on, source) => (object)new AgreementAnnounced(
            Usd(50m), [new Tranche(Usd(15m)), new Tranche(Usd(35m), "IPO")], null, on, source)),
        3 => Gen.Select(Date, Sources, (on, source) => (object)new AgreementSigned(null, [], null, on, source)),
        4 => Gen.Select(Date, Sources, (on, source) => (object)new RegulatoryReviewOpened("FTC", "US", null, on, source)),
        5 => Gen.Select(Gen.Enum<ReviewOutcome>(), Date, Sources, (outcome, on, source) => (object)new RegulatoryReviewConcluded("FTC", outcome, null, on, source)),
        6 => Gen.Select(Gen.Int[1, 2], Date, Sources, (tranche, on, source) => (object)new TrancheFunded(tranche, null, on, source)),
        7 => Gen.Select(Date, Sources, (on, source) => (object)new DealCompleted(Usd(50m), on, null, on, source)),
        8 => Gen.Select(Gen.Int[0, 1], Date, Sources, (q, on, source) => (object)new QuestionRaised(QuestionIds[q], QuestionTopic.Governance, "?", on, source)),
        9 => Gen.Select(Gen.Int[0, 1], Date, Sources, (q, on, source) => (object)new QuestionAnswered(QuestionIds[q], "no", on, source)),
        10 => Gen.Select(Date, Sources, (on, source) => (object)new DealAbandoned("collapsed", on, source)),
        12 => Gen.Select(PartyNames, Date, Sources, (party, on, source) => (object)new PartyWithdrew(party, null, on, source)),
        13 => Gen.Select(PartyNames, Date, Sources, (party, on, source) => (object)new TalksReported(null, null, [new Party(party, PartyRole.CoInvestor)], null, null, null, on, source)),
        _ => Gen.Select(Gen.Int[1, version - 1], Date, Sources, (target, on, source) => (object)new ReportRetracted(target, "denied", on, source)),
    });

    [Fact]
    public void applying_v2_events_one_by_one_as_the_projection_does_equals_folding_the_whole_stream()
    {
        ThenTheProjectionAlwaysEqualsTheFold(Later);
    }
}
