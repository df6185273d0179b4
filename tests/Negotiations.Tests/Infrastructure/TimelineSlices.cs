using CsCheck;
using JasperFx.Events;
using Negotiations.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Infrastructure;

/// <summary>
/// Drives a <see cref="TimelineProjection{TDoc}"/> as Marten does: the stream handed over in slices (a whole stream at once
/// for a live aggregation, one event per inline write, a batch for the daemon), the earlier events read only when the
/// projection asks for them. After every slice the document must equal the fold of everything known.
/// </summary>
public static class TimelineSlices
{
    /// <summary>Cut points for a stream of <paramref name="count"/> events: ascending slice ends, the last one the stream's end.</summary>
    public static Gen<int[]> Cuts(int count) =>
        Gen.Bool.Array[count].Select(ends => Enumerable.Range(1, count).Where(i => i == count || ends[i - 1]).ToArray());

    public static void ThenEverySliceEqualsTheFold<TDoc>(TimelineProjection<TDoc> projection, Guid id, IReadOnlyList<IEvent> events, int[] cuts, Func<TDoc, string> json)
        where TDoc : class
    {
        TDoc? document = null;
        var start = 0;
        foreach (var end in cuts)
        {
            var slice = events.Skip(start).Take(end - start).ToList();
            var (advanced, earlier) = projection.Advance(document, id, slice);
            if (earlier is { } before)
            {
                Assert.True(slice[0].Version > 1, "A slice that starts at version 1 holds every event it needs: it must never read.");
                Assert.Equal(slice[0].Version - 1, before);
                advanced = projection.Fold(id, [.. events.Where(e => e.Version <= before), .. slice]) ?? document;
            }

            document = advanced;
            start = end;
            Assert.Equal(json(projection.Fold(id, events.Take(end).ToList())!), json(document!));
        }
    }
}
