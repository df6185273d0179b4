using System.Text.Json;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Deals.Correcting;

public class CorrectRecordingApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_correction_changes_the_status_and_the_history_keeps_the_original_and_who_corrected_it_and_why()
    {
        var deal = await Host.ReportNewDeal(recordedBy: "alice");
        await Host.ProposeTerms(deal.Id, new { amount = Usd(5_000_000_000m, "UpTo"), source = Source() });

        await Host.Post($"/api/deals/{deal.Id}/corrections",
            new { correctsVersion = 2, amount = Usd(50_000_000_000m, "UpTo"), reason = "Typed $5B for the WSJ's $50B" }, 200, recordedBy: "carol");

        var status = await Host.GetJson($"/api/deals/{deal.Id}");
        Assert.Equal(50_000_000_000m, status.GetProperty("amount").GetProperty("value").GetDecimal());
        Assert.Equal(3, status.GetProperty("version").GetInt64());
        var events = (await Host.GetJson($"/api/deals/{deal.Id}/history")).GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(5_000_000_000m, events[1].GetProperty("data").GetProperty("amount").GetProperty("value").GetDecimal());
        Assert.Equal([3L], events[1].GetProperty("correctedBy").EnumerateArray().Select(v => v.GetInt64()));
        Assert.Equal("recording_corrected", events[2].GetProperty("type").GetString());
        Assert.Equal("carol", events[2].GetProperty("recordedBy").GetString());
        Assert.Equal("Typed $5B for the WSJ's $50B", events[2].GetProperty("data").GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, events[2].GetProperty("occurredOn").ValueKind);
    }

    [Fact]
    public async Task an_as_of_query_before_the_correction_shows_what_was_believed_then_and_after_it_the_corrected_value()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ProposeTerms(deal.Id, new { amount = Usd(5_000_000_000m, "UpTo"), source = Source() });
        var beforeCorrection = (await Host.GetJson($"/api/deals/{deal.Id}/history")).GetProperty("events")[1].GetProperty("recordedAt").GetDateTimeOffset();
        await Host.Post($"/api/deals/{deal.Id}/corrections", new { correctsVersion = 2, amount = Usd(50_000_000_000m, "UpTo"), reason = "typo" }, 200);
        var correctedAt = (await Host.GetJson($"/api/deals/{deal.Id}/history")).GetProperty("events")[2].GetProperty("recordedAt").GetDateTimeOffset();

        var then = await Host.GetJson($"/api/deals/{deal.Id}?asOf={Uri.EscapeDataString(beforeCorrection.ToString("O"))}");
        var now = await Host.GetJson($"/api/deals/{deal.Id}?asOf={Uri.EscapeDataString(correctedAt.ToString("O"))}");
        var atVersion2 = await Host.GetJson($"/api/deals/{deal.Id}?version=2");

        Assert.Equal(5_000_000_000m, then.GetProperty("amount").GetProperty("value").GetDecimal());
        Assert.Equal(2, then.GetProperty("version").GetInt64());
        Assert.Equal(50_000_000_000m, now.GetProperty("amount").GetProperty("value").GetDecimal());
        Assert.Equal(3, now.GetProperty("version").GetInt64());
        Assert.Equal(5_000_000_000m, atVersion2.GetProperty("amount").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task correcting_the_same_event_twice_keeps_both_and_the_latest_wins()
    {
        var deal = await Host.ReportNewDeal();
        await Host.Post($"/api/deals/{deal.Id}/corrections", new { correctsVersion = 1, amount = Usd(11_000_000_000m, "AtLeast"), reason = "first fix" }, 200);
        await Host.Post($"/api/deals/{deal.Id}/corrections", new { correctsVersion = 1, amount = Usd(12_000_000_000m, "AtLeast"), reason = "second fix" }, 200);

        Assert.Equal(12_000_000_000m, (await Host.GetJson($"/api/deals/{deal.Id}")).GetProperty("amount").GetProperty("value").GetDecimal());
        var history = await Host.GetJson($"/api/deals/{deal.Id}/history");
        Assert.Equal([2L, 3L], history.GetProperty("events")[0].GetProperty("correctedBy").EnumerateArray().Select(v => v.GetInt64()));
    }

    [Fact]
    public async Task a_closed_deal_can_still_be_corrected()
    {
        var deal = await Host.ReportNewDeal();
        await Host.Close(deal.Id, new { finalAmount = Usd(5_000_000_000m), source = Source("Amazon", "2026-02-27", "CompanyStatement") });

        await Host.Post($"/api/deals/{deal.Id}/corrections", new { correctsVersion = 2, finalAmount = Usd(50_000_000_000m), reason = "typo" }, 200);

        var status = await Host.GetJson($"/api/deals/{deal.Id}");
        Assert.Equal("Closed", status.GetProperty("status").GetString());
        Assert.Equal(50_000_000_000m, status.GetProperty("amount").GetProperty("value").GetDecimal());
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
        Assert.Equal(1, (await Host.GetJson($"/api/deals/{deal.Id}")).GetProperty("version").GetInt64());
    }
}
