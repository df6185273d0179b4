using Negotiations.Deals;
using Negotiations.Deals.GettingHistory;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;

namespace Negotiations.Tests.Deals.Correcting;

public class CorrectRecordingApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    /// <summary>The terms these tests propose: up to $5B, a typing error for the $50B the WSJ reported.</summary>
    private static readonly TermsProposed FiveBillionProposed = new(
        Expected.Usd(5_000_000_000m, AmountQualifier.UpTo), null, null, null, null, null, null, Expected.Day("2026-01-29"), Expected.Source());

    /// <summary>The status after those terms, with the amount they count at.</summary>
    private static Deal Proposed(Guid id, decimal upTo) => Expected.NewDeal(id) with
    {
        Status = DealStatus.TermsProposed,
        Amount = Expected.Usd(upTo, AmountQualifier.UpTo),
        LastActivityOn = Expected.Day("2026-01-29"),
        LastSource = Expected.Source(),
        Version = 2,
        LastMoveOn = Expected.Day("2026-01-29"),
        Sources = new ValueSources(Amount: Expected.Source()),
    };

    [Fact]
    public async Task a_correction_changes_the_status_and_the_history_keeps_the_original_and_who_corrected_it_and_why()
    {
        var deal = await Host.ReportNewDeal(recordedBy: "alice");
        await Host.ProposeTerms(deal.Id, new { amount = Usd(5_000_000_000m, "UpTo"), source = Source() });

        await Host.Post($"/api/deals/{deal.Id}/corrections",
            new { correctsVersion = 2, amount = Usd(50_000_000_000m, "UpTo"), reason = "Typed $5B for the WSJ's $50B" }, 200, recordedBy: "carol");

        AssertSame(Proposed(deal.Id, 50_000_000_000m) with { Version = 3 }, await Host.GetDeal(deal.Id));
        var history = await Host.GetHistory(deal.Id);
        var events = history.Events;
        AssertSame(new DealHistory(deal.Id, [
            Expected.Entry(events[0], 1, "talks_reported", Expected.Opening(), recordedBy: "alice"),
            Expected.Entry(events[1], 2, "terms_proposed", FiveBillionProposed, correctedBy: [3]),
            Expected.Entry(events[2], 3, "recording_corrected",
                new RecordingCorrected(2, "Typed $5B for the WSJ's $50B", Amount: Expected.Usd(50_000_000_000m, AmountQualifier.UpTo)),
                recordedBy: "carol"),
        ], null), history);
    }

    [Fact]
    public async Task an_as_of_query_before_the_correction_shows_what_was_believed_then_and_after_it_the_corrected_value()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ProposeTerms(deal.Id, new { amount = Usd(5_000_000_000m, "UpTo"), source = Source() });
        var beforeCorrection = await Host.RecordedAt(deal.Id, 2);
        await Host.Post($"/api/deals/{deal.Id}/corrections", new { correctsVersion = 2, amount = Usd(50_000_000_000m, "UpTo"), reason = "typo" }, 200);
        var correctedAt = await Host.RecordedAt(deal.Id, 3);

        var then = await Host.GetDeal(deal.Id, $"asOf={Query(beforeCorrection)}");
        var now = await Host.GetDeal(deal.Id, $"asOf={Query(correctedAt)}");
        var atVersion2 = await Host.GetDeal(deal.Id, "version=2");

        AssertSame(Proposed(deal.Id, 5_000_000_000m), then);
        AssertSame(Proposed(deal.Id, 50_000_000_000m) with { Version = 3 }, now);
        AssertSame(Proposed(deal.Id, 5_000_000_000m), atVersion2);
    }

    [Fact]
    public async Task correcting_the_same_event_twice_keeps_both_and_the_latest_wins()
    {
        var deal = await Host.ReportNewDeal();
        await Host.Post($"/api/deals/{deal.Id}/corrections", new { correctsVersion = 1, amount = Usd(11_000_000_000m, "AtLeast"), reason = "first fix" }, 200);
        await Host.Post($"/api/deals/{deal.Id}/corrections", new { correctsVersion = 1, amount = Usd(12_000_000_000m, "AtLeast"), reason = "second fix" }, 200);

        AssertSame(
            Expected.NewDeal(deal.Id) with { Amount = Expected.Usd(12_000_000_000m, AmountQualifier.AtLeast), Version = 3 },
            await Host.GetDeal(deal.Id));
        Assert.Equal([2L, 3L], (await Host.GetHistory(deal.Id)).Events[0].CorrectedBy);
    }

    [Fact]
    public async Task a_closed_deal_can_still_be_corrected()
    {
        var deal = await Host.ReportNewDeal();
        await Host.Close(deal.Id, new { finalAmount = Usd(5_000_000_000m), source = Source("Amazon", "2026-02-27", "CompanyStatement") });

        await Host.Post($"/api/deals/{deal.Id}/corrections", new { correctsVersion = 2, finalAmount = Usd(50_000_000_000m), reason = "typo" }, 200);

        AssertSame(Expected.NewDeal(deal.Id) with
        {
            Status = DealStatus.Closed,
            Amount = Expected.Usd(50_000_000_000m),
            LastActivityOn = Expected.Day("2026-02-27"),
            ClosedOn = Expected.Day("2026-02-27"),
            LastSource = Expected.Source("Amazon", "2026-02-27", Attribution.CompanyStatement),
            Version = 3,
            LastMoveOn = Expected.Day("2026-02-27"),
            Sources = new ValueSources(Amount: Expected.Source("Amazon", "2026-02-27", Attribution.CompanyStatement)),
        }, await Host.GetDeal(deal.Id));
    }

    [Theory]
    [InlineData("""{"correctsVersion":7,"amount":{"value":1,"currency":"USD"},"reason":"typo"}""", "correctsVersion")]
    [InlineData("""{"correctsVersion":1,"reason":"typo"}""", "correctsVersion")]
    [InlineData("""{"correctsVersion":1,"finalAmount":{"value":1,"currency":"USD"},"reason":"typo"}""", "finalAmount")]
    [InlineData("""{"correctsVersion":1,"amount":{"value":1,"currency":"USD"}}""", "reason")]
    [InlineData("""{"amount":{"value":1,"currency":"USD"},"reason":"typo"}""", "correctsVersion")]
    public async Task a_correction_that_cannot_apply_is_a_400_naming_the_member_and_records_nothing(string body, string field)
    {
        var deal = await Host.ReportNewDeal();

        var result = await Host.PostRaw($"/api/deals/{deal.Id}/corrections", body, 400);

        await result.ShouldBeProblem(400, field);
        AssertSame(Expected.NewDeal(deal.Id), await Host.GetDeal(deal.Id));
    }
}
