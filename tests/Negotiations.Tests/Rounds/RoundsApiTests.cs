using Negotiations.Deals;
using Negotiations.Tests.Deals;
using Negotiations.Rounds;
using Negotiations.Rounds.ListingRounds;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Rounds.RoundScenarios;

namespace Negotiations.Tests.Rounds;

/// <summary>The round routes over HTTP: 201/200, and 400 naming the field, 404, 409 — nothing recorded when refused.</summary>
public class RoundsApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_reported_round_answers_201_with_its_location_and_its_book_from_the_async_view()
    {
        var result = await Host.Post("/api/rounds", NewRound(), 201);
        var opened = await result.ReadAs<RoundOpened>();
        Assert.Equal($"/api/rounds/{opened.Id}", result.Context.Response.Headers.Location.ToString());
        Assert.Equal(1, opened.Version);

        await Fixture.WaitForViewsAsync();
        var answer = await Host.Scenario(s => s.Get.Url($"/api/rounds/{opened.Id}"));
        var book = await answer.ReadAs<Negotiations.Rounds.GettingRoundBook.RoundBook>();

        Assert.Equal((opened.Id, "OpenAI", RoundStatus.Raising, 1L), (book.Round.Id, book.Round.Company, book.Round.Status, book.Round.Version));
        Assert.Equal(Expected.Usd(100_000_000_000m, AmountQualifier.About), book.Round.Target);
        Assert.Equal(new MoneyRange("USD", 90_000_000_000m, 110_000_000_000m, false), Assert.Single(book.Totals).Target);
        Assert.Empty(book.Participants);
        Assert.True(book.Freshness.Sequence >= 1);
        Assert.Equal(book.Freshness.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Context.Response.Headers["X-View-Sequence"].ToString());
    }

    [Fact]
    public async Task a_bad_round_report_is_a_400_naming_each_field_and_records_nothing()
    {
        var result = await Host.Post("/api/rounds", new
        {
            company = " ",
            target = new { value = 0, currency = "usd" },
            source = Source(),
        }, 400);
        await result.ShouldBeProblem(400, "company", "target.value", "target.currency");
        await (await Host.Post("/api/rounds", new { company = "OpenAI", source = Source(), size = 1 }, 400)).ShouldBeProblem(400, "size");

        // Nothing was recorded, so even a view that lags has nothing to show.
        Assert.Equal(0, (await Host.GetAs<RoundList>("/api/rounds")).Total);
    }

    [Theory]
    [InlineData("revisions")]
    [InlineData("closings")]
    [InlineData("close")]
    [InlineData("abandon")]
    public async Task a_write_to_an_unknown_round_is_a_404(string route)
    {
        object body = route switch
        {
            "revisions" => new { target = Usd(1m), source = Source() },
            "abandon" => new { reason = "x", source = Source() },
            _ => new { source = Source() },
        };
        var problem = await (await Host.Post($"/api/rounds/{UnknownRoundId}/{route}", body, 404)).ShouldBeProblem(404);

        Assert.Equal($"No round with id {UnknownRoundId} exists.", problem.Detail);
    }

    [Fact]
    public async Task an_unknown_round_a_deal_id_and_a_malformed_id_are_404_404_and_400()
    {
        var deal = (await Host.ReportNewDeal()).Id;

        TestJson.AssertSame(Problem.NotFound($"No round with id {UnknownRoundId} exists."), await Host.GetProblem($"/api/rounds/{UnknownRoundId}", 404));
        TestJson.AssertSame(Problem.NotFound($"No round with id {deal} exists."), await Host.GetProblem($"/api/rounds/{deal}?occurredBy=2026-02-01", 404));
        await (await Host.Post($"/api/rounds/{deal}/revisions", new { target = Usd(1m), source = Source() }, 404)).ShouldBeProblem(404);
        Assert.Contains("id", (await Host.GetProblem("/api/rounds/not-a-guid", 400)).Errors!.Keys);
    }

    [Fact]
    public async Task revisions_closings_and_the_close_move_the_round_then_a_second_ending_is_a_409()
    {
        var id = (await Host.ReportRound()).Id;

        await Host.Post($"/api/rounds/{id}/revisions", new
        {
            target = Usd(110_000_000_000m),
            valuation = new { value = 730_000_000_000m, currency = "USD", basis = "PreMoney" },
            source = Source("OpenAI press release", "2026-02-27", "CompanyStatement"),
            expectedVersion = 1,
        }, 200);
        await Host.Post($"/api/rounds/{id}/closings", new { amount = Usd(40_000_000_000m), source = Source("Reuters", "2026-02-28") }, 200);
        var closed = await (await Host.Post($"/api/rounds/{id}/close", new { finalAmount = Usd(110_000_000_000m), source = Source("Reuters", "2026-03-01") }, 200))
            .ReadAs<RoundWritten>();
        Assert.Equal(new RoundWritten(id, 4), closed);

        var again = await (await Host.Post($"/api/rounds/{id}/abandon", new { reason = "x", source = Source("Reuters", "2026-03-01") }, 409)).ShouldBeProblem(409);
        Assert.Equal((4L, $"Round {id} is closed; it cannot be abandoned."), (again.CurrentVersion!.Value, again.Detail));

        await Fixture.WaitForViewsAsync();
        var round = (await Host.GetRoundBook(id)).Round;
        Assert.Equal((RoundStatus.Closed, 4L, Expected.Usd(110_000_000_000m), 1), (round.Status, round.Version, round.Target!, round.Closings.Count));
    }

    [Fact]
    public async Task a_stale_expected_version_is_a_409_with_the_current_version()
    {
        var id = (await Host.ReportRound()).Id;
        await Host.Post($"/api/rounds/{id}/revisions", new { target = Usd(1m), source = Source(), expectedVersion = 1 }, 200);

        var stale = await (await Host.Post($"/api/rounds/{id}/revisions", new { target = Usd(2m), source = Source(), expectedVersion = 1 }, 409)).ShouldBeProblem(409);

        TestJson.AssertSame(new Problem(Problem.ConflictType, RoundProblems.ConflictTitle, 409,
            $"Round {id} is at version 2, not the expected version 1: reload it and decide again.", CurrentVersion: 2), stale);
    }

    [Fact]
    public async Task racing_writers_to_one_round_each_get_200_or_409_and_every_200_is_recorded()
    {
        var id = (await Host.ReportRound()).Id;

        var answers = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Host.Scenario(s =>
        {
            s.Post.Json(new { target = Usd(i * 1_000_000_000m), source = Source() }).ToUrl($"/api/rounds/{id}/revisions");
            s.IgnoreStatusCode();
        })));

        var statuses = answers.Select(a => a.Context.Response.StatusCode).ToList();
        Assert.All(statuses, status => Assert.True(status is 200 or 409, $"{status}"));
        await Fixture.WaitForViewsAsync();
        Assert.Equal(1 + statuses.Count(status => status == 200), (await Host.GetRoundBook(id)).Round.Version);
    }

    [Fact]
    public async Task a_revision_without_anything_revised_is_a_400_naming_target()
    {
        var id = (await Host.ReportRound()).Id;

        await (await Host.Post($"/api/rounds/{id}/revisions", new { source = Source() }, 400)).ShouldBeProblem(400, "target");
    }

    [Fact]
    public async Task rounds_are_listed_newest_first_filtered_by_company_in_any_letter_case_and_by_status()
    {
        var openAi = (await Host.ReportRound()).Id;
        var anthropic = (await Host.ReportRound(NewRound("Anthropic", Source("Reuters", "2026-02-10")))).Id;
        await Host.Post($"/api/rounds/{anthropic}/abandon", new { reason = "merged", source = Source("Reuters", "2026-02-11") }, 200);
        await Fixture.WaitForViewsAsync();

        Assert.Equal([anthropic, openAi], (await Host.GetAs<RoundList>("/api/rounds")).Items.Select(r => r.Id));
        Assert.Equal([openAi], (await Host.GetAs<RoundList>("/api/rounds?company=openai")).Items.Select(r => r.Id));
        var abandoned = await Host.GetAs<RoundList>("/api/rounds?status=Abandoned&pageSize=1");
        Assert.Equal([anthropic], abandoned.Items.Select(r => r.Id));
        Assert.Equal((1L, 1), (abandoned.Total, abandoned.PageSize));
        Assert.Equal(2L, (await Host.GetAs<RoundList>("/api/rounds?page=3&pageSize=1")).Total);
    }

    [Theory]
    [InlineData("/api/rounds?status=Open", "status")]
    [InlineData("/api/rounds?pageSize=0", "pageSize")]
    [InlineData("/api/rounds?waitFor=0", "waitFor")]
    [InlineData("/api/rounds?size=1", "size")]
    public async Task a_bad_list_parameter_is_a_400_naming_it(string url, string field)
    {
        Assert.Equal([field], (await Host.GetProblem(url, 400)).Errors!.Keys);
    }

    [Theory]
    [InlineData("asOf=2026-02-01", "asOf")]
    [InlineData("occurredBy=yesterday", "occurredBy")]
    [InlineData("version=1", "version")]
    public async Task a_bad_book_parameter_is_a_400_naming_it(string query, string field)
    {
        var id = (await Host.ReportRound()).Id;

        Assert.Equal([field], (await Host.GetProblem($"/api/rounds/{id}?{query}", 400)).Errors!.Keys);
    }

    [Fact]
    public async Task the_book_before_anything_happened_is_a_404_saying_so()
    {
        var id = (await Host.ReportRound()).Id;

        var problem = await Host.GetProblem($"/api/rounds/{id}?occurredBy=2026-01-01", 404);

        Assert.Equal($"Nothing recorded about round {id} had happened by 2026-01-01.", problem.Detail);
    }
}
