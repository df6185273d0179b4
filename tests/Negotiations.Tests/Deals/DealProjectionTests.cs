using CsCheck;
using Negotiations.Deals;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals;

/// <summary>The projection's in-order fast path must give exactly what folding the whole stream gives.</summary>
public class DealProjectionTests
{
    private static readonly Gen<DateOnly> Date = Gen.Int[0, 120].Select(days => Day("2025-12-01").AddDays(days));

    private static readonly Gen<Source> Sources = Gen.OneOf("Reuters", "WSJ", "Bloomberg", "Amazon")
        .SelectMany(publication => Date.Select(date => new Source(publication, date, Attribution.AnonymousSource)));

    private static readonly Gen<ReportedAmount?> Amounts = Maybe(Gen.Int[1, 60].Select(b => (ReportedAmount?)Usd(b * 1_000_000_000m)));

    private static readonly Gen<Party[]> NewParties = Gen.OneOf("Nvidia", "SoftBank", "openai", "Microsoft")
        .Select(name => new Party(name, PartyRole.CoInvestor)).Array[0, 2];

    private static Gen<T?> Maybe<T>(Gen<T?> gen) => Gen.Bool.SelectMany(present => present ? gen : Gen.Const(default(T)));

    /// <summary>Any later event: a report of each kind, a correction or a retraction of an earlier version.</summary>
    private static Gen<object> Later(int version) => Gen.Int[0, 6].SelectMany(kind => kind switch
    {
        0 => Gen.Select(NewParties, Amounts, Date, Sources, (parties, amount, on, source) =>
            (object)new TalksReported(null, null, parties, null, amount, null, on, source)),
        1 => Gen.Select(Gen.Int[1, 60], Maybe(Gen.Decimal[1m, 100m].Select(d => (decimal?)d)), Date, Sources, (b, stake, on, source) =>
            (object)new TermsProposed(Usd(b * 1_000_000_000m), null, stake, null, null, null, null, on, source)),
        2 => Gen.Select(Amounts, Date, Sources, (amount, on, source) => (object)new StakeRevised(amount ?? Usd(1m), null, "moved", on, source)),
        3 => Gen.Select(Amounts, Date, Sources, (amount, on, source) => (object)new DealClosed(amount, on, null, on, source)),
        4 => Gen.Select(Date, Sources, (on, source) => (object)new DealAbandoned("collapsed", on, source)),
        5 => Gen.Select(Gen.Int[1, version - 1], Amounts, Maybe(Date.Select(d => (DateOnly?)d)), (target, amount, on) =>
            (object)new RecordingCorrected(target, "typo", OccurredOn: on, Amount: amount)),
        _ => Gen.Select(Gen.Int[1, version - 1], Date, Sources, (target, on, source) => (object)new ReportRetracted(target, "denied", on, source)),
    });

    [Fact]
    public void applying_events_one_by_one_as_the_projection_does_equals_folding_the_whole_stream()
    {
        ThenTheProjectionAlwaysEqualsTheFold(Later);
    }
}
