using System.Net.Http.Headers;
using Negotiations.Alerts.Changes;
using Negotiations.Tests.Infrastructure;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;
using static Negotiations.Tests.Rounds.RoundScenarios;

namespace Negotiations.Tests.Alerts;

/// <summary>The change feed: every event of every stream in commit order, paged by cursor, long-polled, and as Server-Sent Events.</summary>
public class ChangeFeedApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    /// <summary>The feed after <paramref name="after"/> once it holds at least <paramref name="count"/> items (the high-water mark moves on its own pace).</summary>
    private async Task<ChangePage> ReadAsync(long after, int count, string more = "")
    {
        for (var tries = 0; ; tries++)
        {
            var page = await Host.GetAs<ChangePage>($"/api/changes?after={after}{more}");
            if (page.Items.Count >= count || tries > 100)
            {
                return page;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task every_event_of_every_kind_of_stream_comes_once_in_commit_order_page_by_page()
    {
        var deal = (await Host.ReportNewDeal()).Id;
        await Host.ProposeTerms(deal, new { amount = Usd(50_000_000_000m, "UpTo"), source = Source() });
        var round = (await Host.ReportRound()).Id;
        await Host.Post("/api/parties", new { name = "Feed Party", kind = "Company" }, 201);

        var all = await ReadAsync(0, 4);
        Assert.Equal(["deal", "deal", "round", "party"], all.Items.Select(i => i.StreamKind));
        Assert.Equal(["talks_reported", "terms_proposed", "round_reported", "party_registered"], all.Items.Select(i => i.EventType));
        Assert.Equal([deal, deal, round], all.Items.Take(3).Select(i => i.StreamId));
        Assert.Equal([1L, 2L, 1L, 1L], all.Items.Select(i => i.Version));
        Assert.Equal($"/api/deals/{deal}", all.Items[0].Href);
        Assert.Equal($"/api/rounds/{round}", all.Items[2].Href);
        Assert.True(all.Items.Zip(all.Items.Skip(1)).All(p => p.First.Cursor < p.Second.Cursor));
        Assert.Equal(all.Items[^1].Cursor, all.Next);

        var first = await Host.GetAs<ChangePage>("/api/changes?after=0&limit=3");
        var rest = await Host.GetAs<ChangePage>($"/api/changes?after={first.Next}&limit=3");
        Assert.Equal(all.Items, [.. first.Items, .. rest.Items]);
        var none = await Host.GetAs<ChangePage>($"/api/changes?after={all.Next}");
        Assert.Empty(none.Items);
        Assert.Equal(all.Next, none.Next);
    }

    [Fact]
    public async Task a_long_poll_answers_as_soon_as_an_event_arrives()
    {
        await Host.ReportNewDeal();
        var start = (await ReadAsync(0, 1)).Next;

        var waiting = Host.GetAs<ChangePage>($"/api/changes?after={start}&wait=20");
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Host.ReportNewDeal();
        var page = await waiting;

        Assert.Equal("talks_reported", Assert.Single(page.Items).EventType);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"The long poll answered after {clock.Elapsed}.");
    }

    [Fact]
    public async Task server_sent_events_stream_the_feed_and_resume_after_last_event_id()
    {
        await Host.ReportNewDeal();
        await Host.ReportRound();
        var known = await ReadAsync(0, 2);

        var client = Host.Server.CreateClient();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/changes", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("Last-Event-ID", known.Items[0].Cursor.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        Assert.Equal($"id: {known.Items[1].Cursor}", await reader.ReadLineAsync(cancel.Token));
        Assert.Equal("event: change", await reader.ReadLineAsync(cancel.Token));
        var data = (await reader.ReadLineAsync(cancel.Token))!;
        Assert.Equal(known.Items[1], TestJson.Read<Change>(data["data: ".Length..]));
        await cancel.CancelAsync();
    }

    [Theory]
    [InlineData("after=-1", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("wait=31", "wait")]
    [InlineData("after=abc", "after")]
    public async Task a_bad_cursor_limit_or_wait_is_a_400_naming_it(string query, string field)
    {
        var problem = await Host.GetProblem($"/api/changes?{query}", 400);

        Assert.Contains(field, problem.Errors!.Keys);
    }
}
