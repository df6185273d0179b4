using Negotiations.Deals;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals;

public class DealStatusTests
{
    [Fact]
    public void the_first_report_of_talks_opens_the_deal_in_talks_at_version_1()
    {
        ThenState(DealStatus.InTalks, 1, Given(Opened()));
    }

    [Fact]
    public void proposed_terms_move_the_deal_to_terms_proposed()
    {
        ThenState(DealStatus.TermsProposed, 2, Given(Opened(), Proposed()));
    }

    [Fact]
    public void a_revised_stake_keeps_the_deal_in_terms_proposed()
    {
        ThenState(DealStatus.TermsProposed, 3, Given(Opened(), Proposed(), Revised()));
    }

    [Fact]
    public void a_revised_stake_on_a_deal_in_talks_moves_it_to_terms_proposed()
    {
        ThenState(DealStatus.TermsProposed, 2, Given(Opened(), Revised()));
    }

    [Fact]
    public void closing_moves_the_deal_to_closed()
    {
        ThenState(DealStatus.Closed, 4, Given(Opened(), Proposed(), Revised(), Closed()));
        ThenState(DealStatus.Closed, 2, Given(Opened(), Closed()));
    }

    [Fact]
    public void abandoning_moves_the_deal_to_abandoned()
    {
        ThenState(DealStatus.Abandoned, 2, Given(Opened(), Abandoned()));
        ThenState(DealStatus.Abandoned, 3, Given(Opened(), Proposed(), Abandoned()));
    }

    [Fact]
    public void talks_reported_on_an_abandoned_deal_revive_it_in_talks()
    {
        ThenState(DealStatus.InTalks, 3, Given(Opened(), Abandoned(), TalksAgain()));
    }

    [Fact]
    public void more_talks_on_a_deal_in_talks_keep_it_in_talks()
    {
        ThenState(DealStatus.InTalks, 3, Given(Opened(), TalksAgain(), TalksAgain()));
    }

    [Fact]
    public void new_talks_reported_after_terms_put_the_deal_back_in_talks()
    {
        // The documented transition: talks reported → InTalks (a renegotiation), whatever came before.
        ThenState(DealStatus.InTalks, 3, Given(Opened(), Proposed(), TalksAgain()));
    }

    [Fact]
    public void a_revived_deal_follows_the_whole_life_cycle_again()
    {
        var events = new object[] { Opened(), Proposed(), Abandoned(), TalksAgain(), Proposed(), Revised(), Closed() };

        ThenState(DealStatus.Closed, 7, Given(events));
    }

    [Fact]
    public void the_version_is_the_number_of_events_folded()
    {
        object[] events = [Opened(), Proposed(), Revised(), Revised(), Revised(), Abandoned(), TalksAgain()];

        for (var count = 1; count <= events.Length; count++)
        {
            Assert.Equal(count, Given(events[..count]).Version);
        }
    }

    [Fact]
    public void the_deal_keeps_the_stream_id()
    {
        Assert.Equal(DealId, Given(Opened(), Proposed(), Closed()).Id);
    }
}
