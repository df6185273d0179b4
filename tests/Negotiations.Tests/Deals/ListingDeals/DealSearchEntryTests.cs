using Negotiations.Deals;
using Negotiations.Deals.ListingDeals;
using Xunit;
using static Negotiations.Tests.Deals.DealSpecification;

namespace Negotiations.Tests.Deals.ListingDeals;

public class DealSearchEntryTests
{
    private static readonly Source Reuters = new("Reuters", Day("2026-01-20"), Attribution.NamedSource, Relays: "Financial Times");

    private static readonly TalksReported Opening = new(
        "Nestlé buys Blue Bottle", DealKind.Acquisition, [new Party("Nestlé  S.A.", PartyRole.Acquirer), new Party("Blue Bottle", PartyRole.Target)],
        "Nestlé in talks for Blue Bottle", new ReportedAmount(500_000_000m, "USD", AmountQualifier.About), null, Day("2026-01-20"), Reuters);

    private static DealSearchEntry Entry(params object[] events) =>
        DealSearchEntry.From(DealId, events.Select((data, index) => Wrap(data, index + 1)).ToList())!;

    [Fact]
    public void the_entry_stores_party_keys_role_keys_the_amount_range_and_the_dates()
    {
        var entry = Entry(Opening);

        Assert.Equal(["nestle s.a.", "blue bottle"], entry.PartyKeys);
        Assert.Equal(["acquirer", "acquirer:nestle s.a.", "target", "target:blue bottle"], entry.PartyRoles);
        Assert.Equal(("USD", 450_000_000m, 550_000_000m), (entry.Currency, entry.AmountLow, entry.AmountHigh));
        Assert.Equal((Day("2026-01-20"), Day("2026-01-20"), "InTalks", "Acquisition"), (entry.OpenedOn, entry.LastActivityOn, entry.Status, entry.Kind));
    }

    [Fact]
    public void the_searched_text_holds_title_parties_summaries_and_publications_also_relayed_ones()
    {
        var terms = new TermsProposed(null, null, 100, null, null, null, "All of it, for cash", Day("2026-02-01"), Wsj("2026-02-01"));

        var entry = Entry(Opening, terms);

        Assert.Equal(
            "Nestlé buys Blue Bottle\nNestlé  S.A.\nBlue Bottle\nNestlé in talks for Blue Bottle\nAll of it, for cash\nReuters\nWall Street Journal\nFinancial Times",
            entry.SearchText);
    }

    [Fact]
    public void the_summary_line_is_the_latest_counting_reports_summary_in_the_order_things_happened()
    {
        var later = new TermsProposed(null, null, 100, null, null, null, "All of it, for cash", Day("2026-02-01"), Wsj("2026-02-01"));
        var backfilled = new TermsProposed(null, null, 60, null, null, null, "A majority stake first", Day("2026-01-25"), Wsj("2026-01-25"));

        Assert.Equal("All of it, for cash", Entry(Opening, later, backfilled).SummaryLine);
        Assert.Equal("A majority stake first", Entry(Opening, later, backfilled, new ReportRetracted(2, "Withdrawn", Day("2026-02-02"), Wsj("2026-02-02"))).SummaryLine);
    }

    [Fact]
    public void a_deal_whose_reports_have_no_summary_shows_its_amount_claims_line()
    {
        Assert.Equal("Reuters (citing Financial Times) about $500M (2026-01-20)", Entry(Opening with { Summary = null }).SummaryLine);
        Assert.Null(Entry(Opening with { Summary = null, Amount = null }).SummaryLine);
    }
}
