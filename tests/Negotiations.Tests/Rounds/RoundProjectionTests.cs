using CsCheck;
using Negotiations.Deals;
using Negotiations.Rounds;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;
using static Negotiations.Tests.Rounds.RoundSpecification;

namespace Negotiations.Tests.Rounds;

/// <summary>The rounds' async projection applies a report on top only when that equals folding the whole stream.</summary>
public class RoundProjectionTests
{
    private static readonly Gen<DateOnly> Date = Gen.Int[0, 90].Select(days => Day("2026-01-01").AddDays(days));

    private static readonly Gen<Source> Sources = Gen.Select(Gen.OneOf("Reuters", "WSJ", "OpenAI"), Gen.Enum<Attribution>(), Date,
        (publication, attribution, date) => new Source(publication, date, attribution));

    private static readonly Gen<ReportedAmount> Amounts = Gen.Select(Gen.Int[1, 120], Gen.Enum<AmountQualifier>().Where(q => q != AmountQualifier.Between),
        (b, qualifier) => Usd(b * 1_000_000_000m, qualifier));

    private static readonly Gen<object> Later = Gen.Int[0, 3].SelectMany(kind => kind switch
    {
        0 => Gen.Select(Amounts, Date, Sources, (amount, on, source) => (object)new RoundRevised(amount, null, null, on, source)),
        1 => Gen.Select(Amounts, Date, Sources, (amount, on, source) => (object)new RoundClosingHeld(amount, null, on, source)),
        2 => Gen.Select(Amounts, Date, Sources, (amount, on, source) => (object)new RoundClosed(amount, null, on, source)),
        _ => Gen.Select(Date, Sources, (on, source) => (object)new RoundAbandoned("gone", on, source)),
    });

    [Fact]
    public void the_projection_given_the_stream_in_any_slices_equals_folding_the_whole_stream()
    {
        var streams = Gen.Select(Date, Later.List[0, 10], (opened, later) => new List<object> { Reported() with { OccurredOn = opened } }.Concat(later).ToList());
        streams.SelectMany(stream => TimelineSlices.Cuts(stream.Count).Select(cuts => (stream, cuts))).Sample(sample =>
        {
            var events = sample.stream.Select((data, index) => WrapRound(data, index + 1)).ToList();
            TimelineSlices.ThenEverySliceEqualsTheFold(new RoundProjection(), RoundId, events, sample.cuts, TestJson.Serialize);
        }, iter: 2000);
    }

    [Fact]
    public void a_deal_streams_events_handed_to_the_rounds_view_are_not_read_or_folded()
    {
        // The daemon hands the view every stream's events: a deal's slice past version 1 must not cost a read of its stream.
        var (document, earlier) = new RoundProjection().Advance(null, DealId, [Wrap(Opened(), 3), Wrap(Opened(), 4)]);

        Assert.Null(document);
        Assert.Null(earlier);
    }
}
