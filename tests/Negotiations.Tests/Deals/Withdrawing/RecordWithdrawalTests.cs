using Negotiations.Deals;
using Negotiations.Deals.Withdrawing;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.Withdrawing;

public class RecordWithdrawalTests
{
    private static RecordWithdrawal Valid() => new("amazon", Wsj("2026-02-01"), "Talks ended");

    private static PartyWithdrew Withdrew(string party = "Amazon") => new(party, "Talks ended", Day("2026-02-01"), Wsj("2026-02-01"));

    [Fact]
    public void a_party_of_the_deal_withdrawing_is_recorded_under_the_deals_own_spelling_of_its_name()
    {
        ThenAccepted(RecordWithdrawalEndpoint.Validate(Valid(), Given(Opened()), Now));
        ThenEvent(Withdrew(), RecordWithdrawalEndpoint.Decide(Valid(), Given(Opened())));
    }

    [Fact]
    public void a_withdrawn_party_stays_in_the_parties_and_no_longer_participates()
    {
        var deal = Given(Opened(), Withdrew());

        Assert.Equal(["Amazon", "OpenAI"], deal.Parties.Select(p => p.Name));
        Assert.Equal([new PartyWithdrawal("Amazon", Day("2026-02-01"), "Talks ended", Wsj("2026-02-01"))], deal.Withdrawals);
        Assert.False(deal.Participates("AMAZON"));
        Assert.True(deal.Participates("OpenAI"));
        Assert.Equal((DealStatus.InTalks, Day("2026-02-01")), (deal.Status, deal.LastActivityOn));
    }

    [Fact]
    public void a_later_report_of_talks_naming_the_party_again_brings_it_back()
    {
        var again = new TalksReported(null, null, [new Party("AMAZON", PartyRole.Investor)], "Amazon back at the table", null, null, Day("2026-02-10"), Wsj("2026-02-10"));

        var deal = Given(Opened(), Withdrew(), again);

        Assert.Empty(deal.Withdrawals);
        Assert.True(deal.Participates("Amazon"));
    }

    [Fact]
    public void a_report_of_talks_dated_before_the_withdrawal_sorts_before_it_and_leaves_the_party_withdrawn()
    {
        var earlier = new TalksReported(null, null, [new Party("Amazon", PartyRole.Investor)], null, null, null, Day("2026-01-20"), Wsj("2026-01-20"));

        Assert.False(Given(Opened(), Withdrew(), earlier).Participates("Amazon"));
    }

    [Fact]
    public void a_retracted_withdrawal_no_longer_counts()
    {
        var retraction = new ReportRetracted(2, "Amazon denied leaving", Day("2026-02-02"), Wsj("2026-02-02"), RetractionKind.Denied);

        Assert.True(Given(Opened(), Withdrew(), retraction).Participates("Amazon"));
    }

    [Fact]
    public void a_name_that_is_not_a_party_of_the_deal_is_refused_naming_the_field()
    {
        var problem = ThenRefused(RecordWithdrawalEndpoint.Validate(Valid() with { Party = "Microsoft" }, Given(Opened()), Now), 400, "party");

        Assert.Equal(["'party' must be one of the deal's parties: Amazon, OpenAI."], problem.Errors!["party"]);
        ThenRefused(RecordWithdrawalEndpoint.Validate(Valid() with { Party = " " }, Given(Opened()), Now), 400, "party");
        ThenRefused(RecordWithdrawalEndpoint.Validate(Valid() with { Reason = Text(TextLimits.Paragraphs + 1) }, Given(Opened()), Now), 400, "reason");
        ThenRefused(RecordWithdrawalEndpoint.Validate(Valid() with { Source = null! }, Given(Opened()), Now), 400, "source");
    }

    [Fact]
    public void a_party_that_already_withdrew_cannot_withdraw_again()
    {
        ThenConflict(RecordWithdrawalEndpoint.Validate(Valid(), Given(Opened(), Withdrew()), Now), 2,
            $"Amazon already withdrew from deal {DealId} on 2026-02-01; a report of talks naming it again brings it back.");
    }

    [Fact]
    public void a_stale_expected_version_is_a_conflict()
    {
        TestJson.AssertSame(Problem.StaleVersion(DealId, 1, 3),
            ThenRefused(RecordWithdrawalEndpoint.Validate(Valid() with { ExpectedVersion = 3 }, Given(Opened()), Now), 409));
    }

    [Fact]
    public void a_withdrawal_after_an_abandonment_waits_for_talks_to_be_reported_again()
    {
        ThenConflict(RecordWithdrawalEndpoint.Validate(Valid() with { Source = Wsj("2026-02-05") }, Given(Opened(), Abandoned()), Now), 2,
            AfterAbandonment("record a withdrawal"));
    }

    [Fact]
    public void the_reason_of_a_withdrawal_can_be_corrected()
    {
        var fix = new RecordingCorrected(2, "typo", EventReason: "Talks ended in February");

        Assert.Equal("Talks ended in February", Given(Opened(), Withdrew(), fix).Withdrawals.Single().Reason);
    }
}
