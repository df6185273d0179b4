using Microsoft.Extensions.DependencyInjection;
using Negotiations.Intake.Archiving;
using Negotiations.Intake.Extraction;
using Negotiations.Intake.Feeds;
using Negotiations.Intake.Fetching;
using Negotiations.Tests.Deals;
using Negotiations.Tests.Infrastructure;
using Xunit;

namespace Negotiations.Tests.Intake;

public sealed class FeedPollingApiTests(ApiFixture fixture) : ApiTest(fixture)
{
    private readonly LoopbackSite _site = new();

    [Fact]
    public async Task a_followed_feeds_new_entries_are_archived_once()
    {
        var url = new Uri(_site.Base, "/feed").ToString();
        var feed = await (await Host.Post("/api/intake/feeds", new { url, publication = "The Wire" }, 201)).ReadAs<IntakeFeed>();
        var again = await (await Host.Post("/api/intake/feeds", new { url, publication = "The Wire" }, 200)).ReadAs<IntakeFeed>();
        Assert.Equal(feed.Id, again.Id);

        // The shared host refuses loopback addresses; this poll's fetcher allows them, as Intake:AllowPrivateNetworks would.
        var fetcher = new PageFetcher(PageFetcher.CreateClient(allowPrivateNetworks: true), allowPrivateNetworks: true);
        var extractor = Host.Services.GetRequiredService<ICandidateExtractor>();
        FeedsPolled first, second;
        await using (var session = Fixture.Store.LightweightSession())
        {
            first = await PollFeedsHandler.Handle(new PollFeeds(), session, fetcher, extractor, TimeProvider.System, CancellationToken.None);
        }

        await using (var session = Fixture.Store.LightweightSession())
        {
            second = await PollFeedsHandler.Handle(new PollFeeds(), session, fetcher, extractor, TimeProvider.System, CancellationToken.None);
        }

        Assert.Equal(new FeedsPolled(1, 1, 0, 0), first);
        Assert.Equal(new FeedsPolled(1, 0, 0, 0), second);
        var documents = await Host.GetAs<DocumentList>("/api/intake/documents?publication=The%20Wire");
        var document = Assert.Single(documents.Items);
        Assert.Equal((new Uri(_site.Base, "/article").ToString(), "Salesforce", new DateOnly(2026, 1, 29)), (document.Url, document.Title, document.PublishedOn));
        var detail = await Host.GetAs<DocumentDetail>($"/api/intake/documents/{document.Id}");
        Assert.Equal("talks_reported", Assert.Single(detail.Candidates).EventType);
        var followed = Assert.Single((await Host.GetAs<FeedList>("/api/intake/feeds")).Items);
        Assert.Equal([document.Url!], followed.Seen);
    }

    [Fact]
    public async Task a_feed_on_a_private_address_is_polled_but_refused_and_says_why()
    {
        await Host.Post("/api/intake/feeds", new { url = new Uri(_site.Base, "/feed").ToString(), publication = "The Wire" }, 201);

        await using var session = Fixture.Store.LightweightSession();
        var polled = await PollFeedsHandler.Handle(new PollFeeds(), session, Host.Services.GetRequiredService<PageFetcher>(),
            Host.Services.GetRequiredService<ICandidateExtractor>(), TimeProvider.System, CancellationToken.None);

        Assert.Equal(new FeedsPolled(1, 0, 0, 1), polled);
        Assert.Contains("private, loopback or link-local", Assert.Single((await Host.GetAs<FeedList>("/api/intake/feeds")).Items).LastProblem, StringComparison.Ordinal);
    }

    public override ValueTask DisposeAsync()
    {
        _site.Dispose();
        return base.DisposeAsync();
    }
}
