using Negotiations.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;

namespace Negotiations.Tests.Deals.GettingDeal;

/// <summary>The two clocks: when something was recorded (version, asOf) and when it happened (occurredBy).</summary>
public class AsOfApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_report_published_in_december_but_recorded_later_sorts_into_december_on_the_occurred_axis()
    {
        var deal = await Host.ReportNewDeal(NewDeal(source: Source("Wall Street Journal", "2026-01-29"), amount: Usd(50_000_000_000m, "UpTo")));
        await Host.ReportTalks(deal.Id, new { amount = Usd(10_000_000_000m, "AtLeast"), source = Source("The Information", "2025-12-16") });

        var now = await Host.GetDeal(deal.Id);
        var endOfDecember = await Host.GetDeal(deal.Id, "occurredBy=2025-12-31");
        var beforeTheLateRecord = await Host.GetProblem($"/api/deals/{deal.Id}?version=1&occurredBy=2025-12-31", 404);

        var opened = Expected.NewDeal(
            deal.Id, source: Expected.Source("Wall Street Journal", "2026-01-29"), amount: Expected.Usd(50_000_000_000m, AmountQualifier.UpTo));
        AssertSame(opened with { OpenedOn = Expected.Day("2025-12-16"), Version = 2 }, now);
        AssertSame(opened with
        {
            Amount = Expected.Usd(10_000_000_000m, AmountQualifier.AtLeast),
            OpenedOn = Expected.Day("2025-12-16"),
            LastActivityOn = Expected.Day("2025-12-16"),
            LastSource = Expected.Source("The Information", "2025-12-16"),
            Version = 2,
            LastMoveOn = Expected.Day("2025-12-16"),
            Sources = new ValueSources(Amount: Expected.Source("The Information", "2025-12-16")),
        }, endOfDecember);
        AssertSame(
            Problem.NotFound($"Nothing recorded about deal {deal.Id} up to version 1 had happened by 2025-12-31."), beforeTheLateRecord);
    }

    [Fact]
    public async Task both_axes_together_answer_what_we_believed_then_about_an_earlier_date()
    {
        var deal = await Host.ReportNewDeal(NewDeal(source: Source("The Information", "2025-12-16")));
        await Host.ProposeTerms(deal.Id, new { amount = Usd(50_000_000_000m, "UpTo"), source = Source("Wall Street Journal", "2026-01-29") });
        var recordedAt = await Host.RecordedAt(deal.Id, 2);
        await Host.Post($"/api/deals/{deal.Id}/corrections", new { correctsVersion = 1, amount = Usd(12_000_000_000m, "AtLeast"), reason = "typo" }, 200);

        var believedThen = await Host.GetDeal(deal.Id, $"asOf={Query(recordedAt)}&occurredBy=2026-01-15");
        var believedNow = await Host.GetDeal(deal.Id, "occurredBy=2026-01-15");

        AssertSame(Expected.NewDeal(deal.Id) with { Version = 2 }, believedThen);
        AssertSame(Expected.NewDeal(deal.Id) with { Amount = Expected.Usd(12_000_000_000m, AmountQualifier.AtLeast), Version = 3 }, believedNow);
    }

    [Fact]
    public async Task an_instant_in_any_offset_means_the_same_moment()
    {
        var deal = await Host.ReportNewDeal();
        var recordedAt = await Host.RecordedAt(deal.Id, 1);
        var inNewYork = recordedAt.AddSeconds(-1).ToOffset(TimeSpan.FromHours(-5));

        var inParis = await Host.GetDeal(deal.Id, $"asOf={Query(recordedAt.ToOffset(TimeSpan.FromHours(1)))}");
        var aSecondBefore = await Host.GetProblem($"/api/deals/{deal.Id}?asOf={Query(inNewYork)}", 404);

        AssertSame(Expected.NewDeal(deal.Id), inParis);
        AssertSame(Problem.NotFound($"Deal {deal.Id} had not been recorded yet at {inNewYork.ToUniversalTime():O}."), aSecondBefore);
    }

    [Fact]
    public async Task a_deal_whose_opening_report_was_retracted_is_still_known_on_the_occurred_axis()
    {
        var deal = await Host.ReportNewDeal(NewDeal(source: Source("The Information", "2025-12-16")));
        await Host.Post($"/api/deals/{deal.Id}/retractions", new { retractsVersion = 1, reason = "denied", source = Source("Amazon", "2025-12-17") }, 200);

        var status = await Host.GetDeal(deal.Id, "occurredBy=2026-03-01");

        AssertSame(Expected.NewDeal(deal.Id) with { Amount = null, Version = 2, Sources = new ValueSources() }, status);
    }

    [Fact]
    public async Task the_status_after_a_version_and_its_etag()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ProposeTerms(deal.Id, new { amount = Usd(50_000_000_000m, "UpTo"), source = Source() });
        await Host.Close(deal.Id, new { source = Source("Amazon", "2026-02-27") });

        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{deal.Id}?version=2");
            s.StatusCodeShouldBe(200);
        });

        AssertSame(Expected.NewDeal(deal.Id) with
        {
            Status = DealStatus.TermsProposed,
            Amount = Expected.Usd(50_000_000_000m, AmountQualifier.UpTo),
            LastActivityOn = Expected.Day("2026-01-29"),
            LastSource = Expected.Source(),
            Version = 2,
            LastMoveOn = Expected.Day("2026-01-29"),
            Sources = new ValueSources(Amount: Expected.Source()),
        }, await result.ReadAs<Deal>());
        Assert.Equal("\"2\"", result.Context.Response.Headers.ETag.ToString());
    }

    [Theory]
    [InlineData("asOf=2026-01-01", "asOf")]
    [InlineData("asOf=2026-01-01T10:00:00", "asOf")]
    [InlineData("asOf=yesterday", "asOf")]
    [InlineData("version=0", "version")]
    [InlineData("version=two", "version")]
    [InlineData("occurredBy=2026-13-01", "occurredBy")]
    [InlineData("occurredBy=2026-01-01T00:00:00Z", "occurredBy")]
    [InlineData("version=1&asOf=2026-01-01T00:00:00Z", "asOf")]
    [InlineData("as_of=2026-01-01T00:00:00Z", "as_of")]
    public async Task a_malformed_or_unknown_parameter_is_a_400_naming_it(string query, string field)
    {
        var deal = await Host.ReportNewDeal();

        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{deal.Id}?{query}");
            s.StatusCodeShouldBe(400);
        });

        await result.ShouldBeProblem(400, field);
    }

    [Fact]
    public async Task an_instant_before_the_deal_existed_a_version_not_yet_written_or_an_unknown_deal_are_404s()
    {
        var deal = await Host.ReportNewDeal();

        var beforeIt = await Host.GetProblem($"/api/deals/{deal.Id}?asOf=2020-01-01T00:00:00Z", 404);
        var notYet = await Host.GetProblem($"/api/deals/{deal.Id}?version=5", 404);
        var unknown = await Host.GetProblem($"/api/deals/{UnknownDealId}?version=1", 404);

        AssertSame(Problem.NotFound($"Deal {deal.Id} had not been recorded yet at 2020-01-01T00:00:00.0000000+00:00."), beforeIt);
        AssertSame(Problem.NotFound($"Deal {deal.Id} has no version 5 yet."), notYet);
        AssertSame(Problem.UnknownDeal(UnknownDealId), unknown);
    }
}
