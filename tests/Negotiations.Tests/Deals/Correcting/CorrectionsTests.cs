using Negotiations.Deals;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.Correcting;

/// <summary>
/// What a correction changes in the report it corrects (<see cref="Corrections.Apply"/>): each member the report has,
/// when the correction gives it, and nothing else — so a correction cannot silently rewrite another part of history.
/// </summary>
public class CorrectionsTests
{
    private static readonly DateOnly On = Day("2026-01-10");
    private static readonly Source Recorded = Wsj("2026-01-10");

    private static readonly DateOnly FixedOn = Day("2026-01-02");
    private static readonly Source FixedSource = new("Reuters", Day("2026-01-02"), Attribution.NamedSource);
    private static readonly Party[] FixedParties = [new("Nvidia", PartyRole.CoInvestor), new("OpenAI", PartyRole.Target)];
    private static readonly Valuation FixedValuation = new(2m, "USD");

    /// <summary>A correction that gives every member there is.</summary>
    private static readonly RecordingCorrected Everything = new(
        2, "all of it was wrong", FixedOn, FixedSource, "Fixed title", DealKind.Merger, FixedParties, "fixed summary", Usd(1m), FixedValuation,
        3m, "fixed instrument", "fixed governance", "fixed commitments", "fixed reason", Usd(4m), Day("2026-01-03"));

    public static TheoryData<string, IDealEvent, IDealEvent> EveryReport() => new()
    {
        {
            "talks",
            new TalksReported("Title", DealKind.Investment, [new Party("Amazon", PartyRole.Investor)], "summary", Usd(7m), new Valuation(8m, "USD"), On, Recorded),
            new TalksReported("Fixed title", DealKind.Merger, FixedParties, "fixed summary", Usd(1m), FixedValuation, FixedOn, FixedSource)
        },
        {
            "terms",
            new TermsProposed(Usd(7m), new Valuation(8m, "USD"), 9m, "notes", "a seat", "compute", "summary", On, Recorded),
            new TermsProposed(Usd(1m), FixedValuation, 3m, "fixed instrument", "fixed governance", "fixed commitments", "fixed summary", FixedOn, FixedSource)
        },
        {
            "stake",
            new StakeRevised(Usd(7m), 9m, "reason", On, Recorded),
            new StakeRevised(Usd(1m), 3m, "fixed reason", FixedOn, FixedSource)
        },
        {
            "closing",
            new DealClosed(Usd(7m), On, "summary", On, Recorded),
            new DealClosed(Usd(4m), Day("2026-01-03"), "fixed summary", FixedOn, FixedSource)
        },
        {
            "abandonment",
            new DealAbandoned("reason", On, Recorded),
            new DealAbandoned("fixed reason", FixedOn, FixedSource)
        },
        {
            "retraction",
            new ReportRetracted(1, "reason", On, Recorded, RetractionKind.Denied),
            new ReportRetracted(1, "fixed reason", FixedOn, FixedSource, RetractionKind.Denied)
        },
        {
            "announcement",
            new AgreementAnnounced(Usd(7m), [new Tranche(Usd(7m))], "summary", On, Recorded),
            new AgreementAnnounced(Usd(1m), [new Tranche(Usd(7m))], "fixed summary", FixedOn, FixedSource)
        },
        {
            "signing",
            new AgreementSigned(Usd(7m), [new Tranche(Usd(7m))], "summary", On, Recorded),
            new AgreementSigned(Usd(1m), [new Tranche(Usd(7m))], "fixed summary", FixedOn, FixedSource)
        },
        {
            "review",
            new RegulatoryReviewOpened("FTC", "US", "summary", On, Recorded),
            new RegulatoryReviewOpened("FTC", "US", "fixed summary", FixedOn, FixedSource)
        },
        {
            "conclusion",
            new RegulatoryReviewConcluded("FTC", ReviewOutcome.Cleared, "conditions", On, Recorded),
            new RegulatoryReviewConcluded("FTC", ReviewOutcome.Cleared, "conditions", FixedOn, FixedSource)
        },
        {
            "funding",
            new TrancheFunded(2, Usd(7m), On, Recorded),
            new TrancheFunded(2, Usd(1m), FixedOn, FixedSource)
        },
        {
            "completion",
            new DealCompleted(Usd(7m), On, "summary", On, Recorded),
            new DealCompleted(Usd(4m), On, "fixed summary", FixedOn, FixedSource)
        },
        {
            "question",
            new QuestionRaised(Guid.Empty, QuestionTopic.Governance, "text", On, Recorded),
            new QuestionRaised(Guid.Empty, QuestionTopic.Governance, "text", FixedOn, FixedSource)
        },
        {
            "answer",
            new QuestionAnswered(Guid.Empty, "answer", On, Recorded),
            new QuestionAnswered(Guid.Empty, "answer", FixedOn, FixedSource)
        },
        {
            "response",
            new PartyResponded("Amazon", PartyResponse.Denied, 1, "statement", On, Recorded),
            new PartyResponded("Amazon", PartyResponse.Denied, 1, "statement", FixedOn, FixedSource)
        },
    };

    [Theory]
    [MemberData(nameof(EveryReport))]
    public void a_correction_replaces_every_member_the_report_has_and_nothing_else(string kind, IDealEvent report, IDealEvent corrected)
    {
        Assert.NotNull(kind);
        ThenEvent(corrected, Corrections.Apply(report, Everything));
    }

    [Theory]
    [MemberData(nameof(EveryReport))]
    public void a_correction_that_gives_one_member_leaves_the_others_as_recorded(string kind, IDealEvent report, IDealEvent corrected)
    {
        Assert.NotNull(kind);
        var dated = Corrections.Apply(report, new RecordingCorrected(2, "date", OccurredOn: FixedOn));

        Assert.Equal(FixedOn, dated.OccurredOn);
        Assert.Equal(Recorded, dated.Source);
        ThenEvent(report, Corrections.Apply(dated, new RecordingCorrected(2, "date", OccurredOn: On)));
        Assert.NotEqual(Json(corrected), Json(dated));
    }

    [Fact]
    public void a_correction_names_the_members_it_gives_but_not_what_it_corrects_or_why()
    {
        Assert.Equal(["occurredOn", "amount"], Corrections.GivenIn(new RecordingCorrected(2, "typo", OccurredOn: FixedOn, Amount: Usd(1m))));
    }

    [Fact]
    public void a_correction_changes_a_claim_when_it_gives_its_value_its_date_or_its_source()
    {
        Assert.True(Corrections.ChangesClaim(new RecordingCorrected(2, "typo", Amount: Usd(1m)), ClaimField.Amount));
        Assert.True(Corrections.ChangesClaim(new RecordingCorrected(2, "typo", FinalAmount: Usd(1m)), ClaimField.Amount));
        Assert.True(Corrections.ChangesClaim(new RecordingCorrected(2, "typo", Valuation: FixedValuation), ClaimField.Valuation));
        Assert.True(Corrections.ChangesClaim(new RecordingCorrected(2, "typo", StakePercent: 1m), ClaimField.StakePercent));
        Assert.True(Corrections.ChangesClaim(new RecordingCorrected(2, "typo", OccurredOn: FixedOn), ClaimField.StakePercent));
        Assert.True(Corrections.ChangesClaim(new RecordingCorrected(2, "typo", Source: FixedSource), ClaimField.Status));
        Assert.False(Corrections.ChangesClaim(new RecordingCorrected(2, "typo", Amount: Usd(1m)), ClaimField.Valuation));
        Assert.False(Corrections.ChangesClaim(new RecordingCorrected(2, "typo", Summary: "typo"), ClaimField.Amount));
        Assert.False(Corrections.ChangesClaim(new RecordingCorrected(2, "typo", Valuation: FixedValuation), ClaimField.StakePercent));
    }

    [Fact]
    public void only_reports_can_be_corrected()
    {
        Assert.Null(Corrections.MembersOf(typeof(RecordingCorrected)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Corrections.Apply(new FakeReport(On, Recorded), Everything));
    }

    private sealed record FakeReport(DateOnly OccurredOn, Source Source) : IDealEvent;
}
