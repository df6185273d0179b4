using Negotiations.Deals;
using Negotiations.Deals.Comparing;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Infrastructure.TestJson;

namespace Negotiations.Tests.Deals.Comparing;

public class GetDealDiffApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    /// <summary>Opened (1), terms proposed (2), closed (3).</summary>
    private async Task<Guid> ProposedAndClosed()
    {
        var deal = await Host.ReportNewDeal();
        await Host.ProposeTerms(deal.Id, new
        {
            amount = Usd(50_000_000_000m, "UpTo"),
            valuation = new { value = 830_000_000_000m, currency = "USD", qualifier = "About" },
            source = Source("Wall Street Journal", "2026-01-29"),
        });
        await Host.Close(deal.Id, new { finalAmount = Usd(50_000_000_000m), source = Source("OpenAI press release", "2026-02-27", "CompanyStatement") });
        return deal.Id;
    }

    private static readonly Valuation Valuation = new(830_000_000_000m, "USD", AmountQualifier.About);

    private static readonly Source Announcement = Expected.Source("OpenAI press release", "2026-02-27", Attribution.CompanyStatement);

    /// <summary>A member that changed, from one value to another, as the JSON the status serves it as.</summary>
    private static FieldChange Change(string field, object? from, object? to) => new(field, Element(from), Element(to));

    [Fact]
    public async Task between_two_versions_it_lists_the_members_of_the_status_that_changed_with_both_values()
    {
        var id = await ProposedAndClosed();

        var diff = await Host.GetJson($"/api/deals/{id}/diff?from=1&to=2");

        Assert.Equal("""{"version":1,"asOf":null}""", diff.GetProperty("from").GetRawText());
        Assert.Equal("""{"version":2,"asOf":null}""", diff.GetProperty("to").GetRawText());
        var amount = diff.GetProperty("changes")[1];
        Assert.Equal("""{"field":"amount","from":{"value":10000000000,"currency":"USD","qualifier":"AtLeast","high":null},"to":{"value":50000000000,"currency":"USD","qualifier":"UpTo","high":null},"note":null}""",
            amount.GetRawText());
        AssertSame(new DealDiff(id, new DiffPoint(1, null), new DiffPoint(2, null), [
            Change("status", DealStatus.InTalks, DealStatus.TermsProposed),
            Change("amount", Expected.Usd(10_000_000_000m, AmountQualifier.AtLeast), Expected.Usd(50_000_000_000m, AmountQualifier.UpTo)),
            Change("valuation", null, Valuation),
            Change("lastActivityOn", Expected.Day("2025-12-16"), Expected.Day("2026-01-29")),
            Change("lastSource", Expected.Source("The Information", "2025-12-16"), Expected.Source()),
            Change("lastMoveOn", Expected.Day("2025-12-16"), Expected.Day("2026-01-29")),
            Change("sources",
                new ValueSources(Amount: Expected.Source("The Information", "2025-12-16")),
                new ValueSources(Amount: Expected.Source(), Valuation: Expected.Source())),
        ]), TestJson.Read<DealDiff>(diff.GetRawText()));
    }

    [Fact]
    public async Task between_two_instants_it_compares_what_was_known_at_each()
    {
        var id = await ProposedAndClosed();
        var first = await Host.RecordedAt(id, 1);
        var last = await Host.RecordedAt(id, 3);

        var diff = await Host.GetAs<DealDiff>($"/api/deals/{id}/diff?from={Query(first)}&to={Query(last)}");

        AssertSame(new DealDiff(id, new DiffPoint(1, first), new DiffPoint(3, last), [
            Change("status", DealStatus.InTalks, DealStatus.Closed),
            Change("amount", Expected.Usd(10_000_000_000m, AmountQualifier.AtLeast), Expected.Usd(50_000_000_000m)),
            Change("valuation", null, Valuation),
            Change("lastActivityOn", Expected.Day("2025-12-16"), Expected.Day("2026-02-27")),
            Change("closedOn", null, Expected.Day("2026-02-27")),
            Change("lastSource", Expected.Source("The Information", "2025-12-16"), Announcement),
            Change("lastMoveOn", Expected.Day("2025-12-16"), Expected.Day("2026-02-27")),
            Change("sources",
                new ValueSources(Amount: Expected.Source("The Information", "2025-12-16")),
                new ValueSources(Amount: Announcement, Valuation: Expected.Source())),
            Change("isFinal", false, true),
        ]), diff);
    }

    [Fact]
    public async Task a_version_and_an_instant_can_be_compared_and_a_correction_shows_as_a_change()
    {
        var id = await ProposedAndClosed();
        var beforeCorrection = await Host.RecordedAt(id, 3);
        await Host.Correct(id, new { correctsVersion = 3, finalAmount = Usd(45_000_000_000m), reason = "typed $50B for $45B" });

        var diff = await Host.GetAs<DealDiff>($"/api/deals/{id}/diff?from={Query(beforeCorrection)}&to=4");

        AssertSame(new DealDiff(id, new DiffPoint(3, beforeCorrection), new DiffPoint(4, null), [
            Change("amount", Expected.Usd(50_000_000_000m), Expected.Usd(45_000_000_000m)),
        ]), diff);
    }

    [Fact]
    public async Task the_same_point_twice_has_no_changes()
    {
        var id = await ProposedAndClosed();

        var diff = await Host.GetAs<DealDiff>($"/api/deals/{id}/diff?from=2&to=2");

        AssertSame(new DealDiff(id, new DiffPoint(2, null), new DiffPoint(2, null), []), diff);
    }

    [Theory]
    [InlineData("to=2", "from")]
    [InlineData("from=1", "to")]
    [InlineData("", "from", "to")]
    [InlineData("from=0&to=2", "from")]
    [InlineData("from=one&to=2", "from")]
    [InlineData("from=-1&to=2", "from")]
    [InlineData("from=1&to=2026-01-01", "to")]
    [InlineData("from=1&to=2026-01-01T10:00:00", "to")]
    [InlineData("from=3&to=2", "from")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    [InlineData("from=1&to=2&format=csv", "format")]
    public async Task a_missing_malformed_or_unknown_parameter_or_from_after_to_is_a_400_naming_it(string query, params string[] fields)
    {
        var id = await ProposedAndClosed();

        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{id}/diff?{query}");
            s.StatusCodeShouldBe(400);
        });

        await result.ShouldBeProblem(400, fields);
    }

    [Fact]
    public async Task from_after_to_is_refused_also_when_a_version_is_compared_with_an_instant()
    {
        var id = await ProposedAndClosed();
        var first = await Host.RecordedAt(id, 1);

        var result = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/deals/{id}/diff?from=3&to={Query(first)}");
            s.StatusCodeShouldBe(400);
        });

        AssertSame(Problem.Invalid(("from", "'from' (version 3) must not be after 'to' (version 1).")), await result.ShouldBeProblem(400, "from"));
    }

    [Fact]
    public async Task a_point_before_the_deal_existed_a_version_not_yet_written_or_an_unknown_deal_are_404s()
    {
        var id = await ProposedAndClosed();

        var beforeIt = await Host.GetProblem($"/api/deals/{id}/diff?from=2020-01-01T00:00:00Z&to=3", 404);
        var notYet = await Host.GetProblem($"/api/deals/{id}/diff?from=1&to=9", 404);
        var unknown = await Host.GetProblem($"/api/deals/{UnknownDealId}/diff?from=1&to=2", 404);

        AssertSame(
            Problem.NotFound($"'from': Deal {id} had not been recorded yet at 2020-01-01T00:00:00.0000000+00:00. It is now at version 3."),
            beforeIt);
        AssertSame(Problem.NotFound($"'to': Deal {id} has no version 9 yet. It is now at version 3."), notYet);
        AssertSame(Problem.NotFound($"No deal with id {UnknownDealId} exists."), unknown);
    }
}
