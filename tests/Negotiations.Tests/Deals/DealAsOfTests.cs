using Negotiations.Deals;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals;

/// <summary>
/// The deal as known at a point of either time axis (<see cref="DealAsOf.Fold"/>): after a version, as recorded by an
/// instant (each event is recorded <see cref="Wrap"/>'s minute after <see cref="Now"/>), and what nothing was known at.
/// </summary>
public class DealAsOfTests
{
    private static readonly List<JasperFx.Events.IEvent> Stream = [Wrap(Opened(), 1), Wrap(Proposed(), 2), Wrap(Closed(), 3)];

    [Fact]
    public void after_a_version_the_deal_is_what_that_version_and_the_ones_before_made_it()
    {
        ThenState(DealStatus.TermsProposed, 2, DealAsOf.Fold(DealId, Stream, 2, null, null)!);
        ThenState(DealStatus.Closed, 3, DealAsOf.Fold(DealId, Stream, 3, null, null)!);
    }

    [Fact]
    public void a_version_not_recorded_yet_is_not_known()
    {
        Assert.Null(DealAsOf.Fold(DealId, Stream, 4, null, null));
    }

    [Fact]
    public void as_recorded_by_an_instant_the_deal_includes_what_was_recorded_at_that_very_instant_and_no_later_version()
    {
        ThenState(DealStatus.TermsProposed, 2, DealAsOf.Fold(DealId, Stream, null, Now.AddMinutes(2), null)!);
        Assert.Null(DealAsOf.Fold(DealId, Stream, 3, Now.AddMinutes(2.5), null));
    }

    [Fact]
    public void before_the_first_recording_nothing_is_known_whether_or_not_a_version_is_asked_for()
    {
        Assert.Null(DealAsOf.Fold(DealId, Stream, null, Now, null));
        Assert.Null(DealAsOf.Fold(DealId, Stream, 2, Now, null));
    }

    [Fact]
    public void not_known_yet_says_which_point_was_asked_for()
    {
        var at = Now;

        Assert.Equal($"Deal {DealId} has no version 4 yet.", DealAsOf.NotKnownYet(DealId, 4, null, null));
        Assert.Equal($"Deal {DealId} had not been recorded yet at {at:O}.", DealAsOf.NotKnownYet(DealId, null, at, null));
        Assert.Equal($"Nothing recorded about deal {DealId} by {at:O} up to version 4 had happened by 2025-01-01.",
            DealAsOf.NotKnownYet(DealId, 4, at, Day("2025-01-01")));
        Assert.Equal($"Nothing recorded about deal {DealId} had happened by 2025-01-01.", DealAsOf.NotKnownYet(DealId, null, null, Day("2025-01-01")));
    }
}
