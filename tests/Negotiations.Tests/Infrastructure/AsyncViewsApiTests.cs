using System.Globalization;
using Alba;
using Negotiations.Infrastructure;
using Negotiations.Operations;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Infrastructure;

public class AsyncViewsApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private static long EventSequence(IScenarioResult result) =>
        long.Parse(result.Context.Response.Headers[AsyncViews.EventSequenceHeader].ToString(), CultureInfo.InvariantCulture);

    private static long ViewSequence(IScenarioResult result) =>
        long.Parse(result.Context.Response.Headers[AsyncViews.ViewSequenceHeader].ToString(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task every_write_answers_with_the_global_sequence_of_its_last_event()
    {
        var opened = await Host.Post("/api/deals", NewDeal(), 201);
        var id = (await opened.ReadAs<Negotiations.Deals.DealOpened>()).Id;
        var proposed = await Host.Post($"/api/deals/{id}/terms", new { amount = Usd(50_000_000_000m, "UpTo"), occurredOn = "2026-01-29", source = Source() }, 200);
        var second = await Host.Post("/api/deals", NewDeal("SoftBank adds up to $30B to OpenAI", "SoftBank"), 201);

        var sequences = new[] { EventSequence(opened), EventSequence(proposed), EventSequence(second) };
        Assert.True(sequences[0] > 0);
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(3, sequences.Distinct().Count());
    }

    [Fact]
    public async Task a_read_can_wait_for_a_write_and_says_what_the_views_reflect()
    {
        var written = EventSequence(await Host.Post("/api/deals", NewDeal(), 201));

        var read = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/views?waitFor={written}");
            s.StatusCodeShouldBe(200);
        });
        var progress = await read.ReadAs<ViewsProgress>();

        Assert.True(ViewSequence(read) >= written);
        Assert.Equal(written, progress.LastEvent);
        Assert.True(progress.Freshness.Sequence >= written);
        Assert.All(progress.Views, view => Assert.True(view.Sequence >= written, $"{view.Name} is at {view.Sequence}"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("soon")]
    public async Task a_wait_for_no_possible_sequence_is_a_400_naming_it(string waitFor)
    {
        var problem = await Host.GetProblem($"/api/views?waitFor={waitFor}", 400);

        Assert.Equal(["waitFor"], problem.Errors!.Keys);
    }

    [Fact]
    public async Task a_wait_for_an_event_not_written_yet_is_a_400_at_once()
    {
        var written = EventSequence(await Host.Post("/api/deals", NewDeal(), 201));

        var problem = await Host.GetProblem($"/api/views?waitFor={written + 1000}", 400);

        Assert.Equal([$"No event has sequence {written + 1000} yet (the latest is {written})."], problem.Errors!["waitFor"]);
    }
}
