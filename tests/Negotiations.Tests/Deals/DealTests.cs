using Negotiations.Deals;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals;

public class DealTests
{
    private static readonly Source TheInformation =
        new("The Information", Day("2025-12-16"), Attribution.AnonymousSource, "https://www.theinformation.com/articles/amazon-openai");

    private static readonly Source AmazonStatement =
        new("Amazon", Day("2026-02-27"), Attribution.CompanyStatement, "https://www.aboutamazon.com/news/company-news/openai");

    private static readonly Party Amazon = new("Amazon", PartyRole.Investor);
    private static readonly Party OpenAi = new("OpenAI", PartyRole.Target);

    /// <summary>The whole document, compared as the JSON it is stored and served as (lists are not record-equal).</summary>
    private static void ThenDeal(Deal expected, Deal actual) => Assert.Equal(Json(expected), Json(actual));

    /// <summary>The Amazon–OpenAI story, one event at a time.</summary>
    private static readonly object[] Story =
    [
        new TalksReported(
            "Amazon invests in OpenAI", DealKind.Investment, [Amazon, OpenAi], "Amazon in talks to invest at least $10B",
            Usd(10_000_000_000m, AmountQualifier.AtLeast), null, Day("2025-12-16"), TheInformation),
        new TermsProposed(
            Usd(50_000_000_000m, AmountQualifier.UpTo), new Valuation(830_000_000_000m, "USD", AmountQualifier.About),
            null, null, null, null, "Amazon proposes up to $50B", Day("2026-01-29"), Wsj()),
        new StakeRevised(Usd(50_000_000_000m), null, "announced: $15B up front, $35B on conditions", Day("2026-02-27"), AmazonStatement),
        new DealClosed(null, Day("2026-02-27"), "Announced by both companies", Day("2026-02-27"), AmazonStatement),
    ];

    /// <summary>
    /// The deal after the first <paramref name="version"/> reports of the <see cref="Story"/>. Every report in it moves the
    /// negotiation, so its latest move is its latest activity.
    /// </summary>
    private static Deal Expected(
        DealStatus status, ReportedAmount amount, DateOnly lastActivityOn, Source lastSource, long version,
        Valuation? valuation = null, DateOnly? closedOn = null,
        Source? amountSource = null, Source? valuationSource = null, Source? stakeSource = null) => new(
        DealId, "Amazon invests in OpenAI", DealKind.Investment, status, [Amazon, OpenAi], amount, valuation,
        null, null, null, null, Day("2025-12-16"), lastActivityOn, closedOn, null, lastSource, version)
    {
        LastMoveOn = lastActivityOn,
        Sources = new ValueSources(amountSource, valuationSource, stakeSource),
    };

    [Fact]
    public void the_first_report_of_talks_gives_the_deal_its_identity()
    {
        ThenDeal(
            Expected(DealStatus.InTalks, Usd(10_000_000_000m, AmountQualifier.AtLeast), Day("2025-12-16"), TheInformation, 1,
                amountSource: TheInformation),
            Given(Story[..1]));
    }

    [Fact]
    public void proposed_terms_set_the_amount_up_to_50_billion_at_an_830_billion_valuation()
    {
        ThenDeal(
            Expected(DealStatus.TermsProposed, Usd(50_000_000_000m, AmountQualifier.UpTo), Day("2026-01-29"), Wsj(), 2,
                new Valuation(830_000_000_000m, "USD", AmountQualifier.About), amountSource: Wsj(), valuationSource: Wsj()),
            Given(Story[..2]));
    }

    [Fact]
    public void the_revised_stake_sets_the_exact_amount_and_keeps_the_valuation()
    {
        ThenDeal(
            Expected(DealStatus.TermsProposed, Usd(50_000_000_000m), Day("2026-02-27"), AmazonStatement, 3,
                new Valuation(830_000_000_000m, "USD", AmountQualifier.About), amountSource: AmazonStatement, valuationSource: Wsj()),
            Given(Story[..3]));
    }

    [Fact]
    public void the_closed_amazon_openai_deal_shows_the_whole_story()
    {
        ThenDeal(
            Expected(DealStatus.Closed, Usd(50_000_000_000m), Day("2026-02-27"), AmazonStatement, 4,
                new Valuation(830_000_000_000m, "USD", AmountQualifier.About), closedOn: Day("2026-02-27"),
                amountSource: AmazonStatement, valuationSource: Wsj()),
            Given(Story));
    }

    [Fact]
    public void a_deal_opened_without_title_or_kind_gets_an_empty_title_and_kind_other()
    {
        var opened = new TalksReported(null, null, [Amazon, OpenAi], null, null, null, Day("2025-12-16"), Wsj("2025-12-16"));

        ThenDeal(
            new Deal(DealId, "", DealKind.Other, DealStatus.InTalks, [Amazon, OpenAi], null, null, null, null, null, null,
                Day("2025-12-16"), Day("2025-12-16"), null, null, Wsj("2025-12-16"), 1)
            {
                LastMoveOn = Day("2025-12-16"),
                Sources = new ValueSources(),
            },
            Given(opened));
    }

    [Fact]
    public void parties_named_again_in_any_letter_case_take_their_latest_role_and_new_ones_join()
    {
        var talks = new TalksReported(
            null, null, [new Party("amazon", PartyRole.CoInvestor), new Party("Microsoft", PartyRole.CoInvestor), new Party("OPENAI", PartyRole.Seller)],
            null, null, null, Day("2026-01-05"), Wsj("2026-01-05"));

        ThenDeal(
            AfterOpening(1) with
            {
                Parties = [new Party("Amazon", PartyRole.CoInvestor), new Party("OpenAI", PartyRole.Seller), new Party("Microsoft", PartyRole.CoInvestor)],
                LastActivityOn = Day("2026-01-05"),
                LastSource = Wsj("2026-01-05"),
                Version = 2,
                LastMoveOn = Day("2026-01-05"),
            },
            Given(Opened(), talks));
    }

    [Fact]
    public void parties_merge_across_several_reports_in_the_order_first_named()
    {
        var first = new TalksReported(null, null, [new Party("Nvidia", PartyRole.CoInvestor)], null, null, null, Day("2026-01-05"), Wsj("2026-01-05"));
        var second = new TalksReported(
            null, null, [new Party("NVIDIA", PartyRole.Advisor), new Party("SoftBank", PartyRole.CoInvestor)], null, null, null, Day("2026-01-06"), Wsj("2026-01-06"));

        var overview = Given(Opened(), first, second);

        Assert.Equal(
            [Amazon, OpenAi, new Party("Nvidia", PartyRole.Advisor), new Party("SoftBank", PartyRole.CoInvestor)],
            overview.Parties);
    }

    [Fact]
    public void an_older_report_recorded_later_sorts_into_its_place_and_does_not_override_newer_terms()
    {
        var olderNews = new StakeRevised(Usd(45_000_000_000m, AmountQualifier.About), null, "early January figure", Day("2026-01-05"), Wsj("2026-02-02"));

        ThenDeal(
            AfterOpening(1) with
            {
                Status = DealStatus.TermsProposed,
                Amount = Usd(50_000_000_000m, AmountQualifier.UpTo),
                LastActivityOn = Day("2026-01-29"),
                LastSource = Wsj(),
                Version = 3,
                LastMoveOn = Day("2026-01-29"),
                Sources = new ValueSources(Amount: Wsj()),
            },
            Given(Opened(), Proposed(), olderNews));
    }

    [Fact]
    public void an_event_dated_before_the_opening_moves_opened_on_back_and_leaves_last_activity_and_status_alone()
    {
        var backdated = new DealAbandoned("Talks had already collapsed once", Day("2025-12-01"), Wsj("2026-01-02"));

        var overview = Given(Opened(), backdated);

        Assert.Equal(Day("2025-12-01"), overview.OpenedOn);
        Assert.Equal(Day("2025-12-16"), overview.LastActivityOn);
        Assert.Equal(DealStatus.InTalks, overview.Status);
        Assert.Null(overview.AbandonedReason);
    }

    [Fact]
    public void an_abandoned_deal_shows_why()
    {
        ThenDeal(
            AfterOpening(1) with
            {
                Status = DealStatus.Abandoned,
                AbandonedReason = "Talks collapsed",
                LastActivityOn = Day("2026-02-01"),
                LastSource = Wsj("2026-02-01"),
                Version = 2,
                LastMoveOn = Day("2026-02-01"),
            },
            Given(Opened(), Abandoned()));
    }

    [Fact]
    public void a_revived_deal_is_in_talks_again_and_forgets_why_it_was_abandoned()
    {
        ThenDeal(
            AfterOpening(1) with
            {
                Status = DealStatus.InTalks,
                Amount = Usd(50_000_000_000m, AmountQualifier.UpTo),
                AbandonedReason = null,
                LastActivityOn = Day("2026-02-10"),
                LastSource = Wsj("2026-02-10"),
                Version = 4,
                LastMoveOn = Day("2026-02-10"),
                Sources = new ValueSources(Amount: Wsj()),
            },
            Given(Opened(), Proposed(), Abandoned(), TalksAgain()));
    }

    [Fact]
    public void the_final_amount_of_a_closing_overrides_the_proposed_amount()
    {
        ThenDeal(
            AfterOpening(1) with
            {
                Status = DealStatus.Closed,
                Amount = Usd(50_000_000_000m),
                ClosedOn = Day("2026-02-27"),
                LastActivityOn = Day("2026-02-27"),
                LastSource = Wsj("2026-02-27"),
                Version = 3,
                LastMoveOn = Day("2026-02-27"),
                Sources = new ValueSources(Amount: Wsj("2026-02-27")),
            },
            Given(Opened(), Proposed(), Closed()));
    }

    [Fact]
    public void a_closing_without_a_final_amount_keeps_the_last_amount()
    {
        var closed = new DealClosed(null, Day("2026-02-20"), null, Day("2026-02-21"), Wsj("2026-02-21"));

        ThenDeal(
            AfterOpening(1) with
            {
                Status = DealStatus.Closed,
                Amount = Usd(50_000_000_000m, AmountQualifier.UpTo),
                ClosedOn = Day("2026-02-20"),
                LastActivityOn = Day("2026-02-21"),
                LastSource = Wsj("2026-02-21"),
                Version = 3,
                LastMoveOn = Day("2026-02-21"),
                Sources = new ValueSources(Amount: Wsj()),
            },
            Given(Opened(), Proposed(), closed));
    }

    [Fact]
    public void terms_proposed_later_keep_earlier_details_they_do_not_mention_but_replace_the_amount()
    {
        var detailed = new TermsProposed(
            Usd(40_000_000_000m, AmountQualifier.About), new Valuation(800_000_000_000m, "USD", Basis: ValuationBasis.PostMoney), 5m,
            "convertible notes", "observer seat", "cloud spend", "first terms", Day("2026-01-20"), Wsj("2026-01-20"));

        ThenDeal(
            AfterOpening(1) with
            {
                Status = DealStatus.TermsProposed,
                Amount = Usd(50_000_000_000m, AmountQualifier.UpTo),
                Valuation = new Valuation(800_000_000_000m, "USD", Basis: ValuationBasis.PostMoney),
                StakePercent = 5m,
                Instrument = "convertible notes",
                Governance = "observer seat",
                Commitments = "cloud spend",
                LastActivityOn = Day("2026-01-29"),
                LastSource = Wsj(),
                Version = 3,
                LastMoveOn = Day("2026-01-29"),
                Sources = new ValueSources(Amount: Wsj(), Valuation: Wsj("2026-01-20"), StakePercent: Wsj("2026-01-20")),
            },
            Given(Opened(), detailed, Proposed()));
    }

    [Fact]
    public void a_stake_percent_revised_alone_keeps_the_amount()
    {
        var revised = new StakeRevised(null, 7.5m, "bigger share", Day("2026-02-05"), Wsj("2026-02-05"));

        ThenDeal(
            AfterOpening(1) with
            {
                Status = DealStatus.TermsProposed,
                Amount = Usd(50_000_000_000m, AmountQualifier.UpTo),
                StakePercent = 7.5m,
                LastActivityOn = Day("2026-02-05"),
                LastSource = Wsj("2026-02-05"),
                Version = 3,
                LastMoveOn = Day("2026-02-05"),
                Sources = new ValueSources(Amount: Wsj(), StakePercent: Wsj("2026-02-05")),
            },
            Given(Opened(), Proposed(), revised));
    }

    [Fact]
    public void an_amount_revised_alone_keeps_the_proposed_stake_percent()
    {
        var proposed = Proposed() with { StakePercent = 5m };

        ThenDeal(
            AfterOpening(1) with
            {
                Status = DealStatus.TermsProposed,
                Amount = Usd(50_000_000_000m),
                StakePercent = 5m,
                LastActivityOn = Day("2026-02-27"),
                LastSource = Wsj("2026-02-27"),
                Version = 3,
                LastMoveOn = Day("2026-02-27"),
                Sources = new ValueSources(Amount: Wsj("2026-02-27"), StakePercent: Wsj()),
            },
            Given(Opened(), proposed, Revised()));
    }

    [Fact]
    public void talks_reporting_an_amount_and_valuation_replace_them_and_talks_without_keep_them()
    {
        var valuation = new Valuation(830_000_000_000m, "USD", AmountQualifier.About);
        var withNumbers = new TalksReported(null, null, [], null, Usd(20_000_000_000m, AmountQualifier.About), valuation, Day("2026-01-10"), Wsj("2026-01-10"));

        ThenDeal(
            AfterOpening(1) with
            {
                Amount = Usd(20_000_000_000m, AmountQualifier.About),
                Valuation = valuation,
                LastActivityOn = Day("2026-02-10"),
                LastSource = Wsj("2026-02-10"),
                Version = 3,
                LastMoveOn = Day("2026-02-10"),
                Sources = new ValueSources(Amount: Wsj("2026-01-10"), Valuation: Wsj("2026-01-10")),
            },
            Given(Opened(), withNumbers, TalksAgain()));
    }

    /// <summary>The overview right after <see cref="DealSpecification.Opened"/>, at the given version.</summary>
    private static Deal AfterOpening(long version) => new(
        DealId, "Amazon invests in OpenAI", DealKind.Investment, DealStatus.InTalks, [Amazon, OpenAi],
        Usd(10_000_000_000m, AmountQualifier.AtLeast), null, null, null, null, null,
        Day("2025-12-16"), Day("2025-12-16"), null, null, Wsj("2025-12-16"), version)
    {
        LastMoveOn = Day("2025-12-16"),
        Sources = new ValueSources(Amount: Wsj("2025-12-16")),
    };
}
