using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using CloudNative.CloudEvents.SystemTextJson;
using Negotiations.Alerts;
using Negotiations.Alerts.Delivering;
using Negotiations.Alerts.Watching;
using Negotiations.Tests.Infrastructure;
using Negotiations.Tests.Security;
using StandardWebhooks;
using Wolverine;
using Xunit;
using static Negotiations.Tests.Deals.DealScenarios;

namespace Negotiations.Tests.Alerts;

/// <summary>Watches over HTTP: alerts raised from committed events, signed CloudEvents at a real receiver, retries, dead letters, replays, feeds.</summary>
public class WatchesApiTests(ApiFixture fixture, KeyedHost keyed) : ApiTest(fixture), IClassFixture<KeyedHost>, IAsyncLifetime
{
    private static readonly string[] AmazonAliases = ["Amazon.com"];
    private static readonly string[] AnyChange = ["AnyChange"];

    private WebhookReceiver _receiver = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        GC.SuppressFinalize(this);
        await base.DisposeAsync();
    }

    private async Task<WatchView> WatchAsync(object subject, string[] triggers, bool webhook = true, string? secret = null, int? quietDays = null)
    {
        var created = await Host.Post("/api/watches", new
        {
            name = "Amazon's moves",
            subject,
            triggers,
            delivery = new { webhook = webhook ? new { url = _receiver.Url, secret } : null, feed = true },
            quietDays,
        }, 201);
        return (await created.ReadAs<WatchCreated>()).Watch;
    }

    private async Task<Guid> RegisterAmazonWithAwsAsync()
    {
        var amazon = (await (await Host.Post("/api/parties", new { name = "Amazon", kind = "Company", aliases = AmazonAliases }, 201)).ReadAs<JsonElement>()).GetProperty("id").GetGuid();
        var aws = (await (await Host.Post("/api/parties", new { name = "AWS", kind = "Company" }, 201)).ReadAs<JsonElement>()).GetProperty("id").GetGuid();
        await Host.Post($"/api/parties/{aws}/relations", new { kind = "PartOf", otherPartyId = amazon, source = Source() }, 200);
        return amazon;
    }

    private static object DealNaming(string investor) => NewDeal(investor: investor);

    [Fact]
    public async Task a_watch_on_a_party_gets_a_signed_cloudevent_for_a_deal_naming_a_part_of_it_verified_by_standard_webhooks()
    {
        var amazon = await RegisterAmazonWithAwsAsync();
        var watch = await WatchAsync(new { partyId = amazon }, ["AnyChange"]);
        Assert.StartsWith("whsec_", watch.Secret, StringComparison.Ordinal);

        var deal = (await Host.ReportNewDeal(DealNaming("AWS"))).Id;

        var received = Assert.Single(await _receiver.WaitForAsync(r => r.Count >= 1));
        new StandardWebhook(watch.Secret!).Verify(received.Body, received.Headers);
        var cloudEvent = new JsonEventFormatter().DecodeStructuredModeMessage(Encoding.UTF8.GetBytes(received.Body), null, null);
        Assert.Equal(DeliverAlertHandler.CloudEventType, cloudEvent.Type);
        Assert.Equal(received.Headers["webhook-id"].ToString(), cloudEvent.Id);
        var data = JsonSerializer.SerializeToElement(cloudEvent.Data);
        Assert.Equal("talks_reported", data.GetProperty("eventType").GetString());
        Assert.Equal(deal, data.GetProperty("streamId").GetGuid());

        var alerts = await Host.GetAs<AlertList>($"/api/watches/{watch.Id}/alerts");
        Assert.Equal(cloudEvent.Id, Assert.Single(alerts.Items).Id.ToString());
        var deliveries = await WaitForDeliveryAsync(watch.Id, d => d.State == DeliveryState.Delivered);
        Assert.Equal(200, Assert.Single(deliveries.Attempts).StatusCode);
        Assert.Null((await Host.GetAs<WatchView>($"/api/watches/{watch.Id}")).Secret);
    }

    [Fact]
    public async Task a_receiver_that_fails_gets_the_alert_again_with_the_same_webhook_id_and_each_attempt_is_shown()
    {
        var deal = (await Host.ReportNewDeal()).Id;
        var watch = await WatchAsync(new { dealId = deal }, ["AmountChanged"]);
        _receiver.Status = 503;

        await Host.ProposeTerms(deal, new { amount = Usd(50_000_000_000m, "UpTo"), source = Source() });
        await _receiver.WaitForAsync(r => r.Count >= 1);
        var failing = await WaitForDeliveryAsync(watch.Id, d => d.Attempts.Count >= 1);
        Assert.Equal(DeliveryState.Pending, failing.State);
        Assert.Equal(503, failing.Attempts[0].StatusCode);
        Assert.NotNull(failing.Attempts[0].NextTryAt);
        _receiver.Status = 200;

        var delivered = await WaitForDeliveryAsync(watch.Id, d => d.State == DeliveryState.Delivered);
        var ids = _receiver.Received.Select(r => r.Headers["webhook-id"].ToString()).Distinct().ToList();
        Assert.Equal(delivered.Id.ToString(), Assert.Single(ids));
        Assert.True(delivered.Attempts.Count >= 2);
    }

    [Fact]
    public async Task a_delivery_that_fails_every_retry_is_dead_lettered_and_a_replay_sends_it_again()
    {
        var deal = (await Host.ReportNewDeal()).Id;
        var watch = await WatchAsync(new { dealId = deal }, ["ReportRetracted"]);
        _receiver.Status = 500;
        await Host.Retract(deal, new { retractsVersion = 1, reason = "The paper withdrew it", source = Source() });

        // Three attempts in the tests (retries after 1 s and 1 s), then the dead letter.
        var dead = await WaitForDeliveryAsync(watch.Id, d => d.State == DeliveryState.DeadLettered);
        Assert.Equal(3, dead.Attempts.Count);
        Assert.Null(dead.Attempts[^1].NextTryAt);

        _receiver.Status = 200;
        await Host.Post($"/api/watches/{watch.Id}/deliveries/{dead.Id}/replay", new { }, 202);
        var replayed = await WaitForDeliveryAsync(watch.Id, d => d.State == DeliveryState.Delivered);
        Assert.Equal(4, replayed.Attempts.Count);
        Assert.Equal(200, replayed.Attempts[^1].StatusCode);
    }

    [Fact]
    public async Task triggers_filter_what_alerts_a_deleted_watch_sends_nothing_more_and_the_feed_is_atom()
    {
        var deal = (await Host.ReportNewDeal()).Id;
        var amounts = await WatchAsync(new { dealId = deal }, ["AmountChanged"]);
        var questions = await WatchAsync(new { dealId = deal }, ["QuestionAnswered"], webhook: false);

        await Host.Post($"/api/deals/{deal}/questions", new { topic = "Governance", text = "A board seat?", source = Source() }, 200);
        await Host.ProposeTerms(deal, new { amount = Usd(50_000_000_000m, "UpTo"), source = Source() });
        await _receiver.WaitForAsync(r => r.Count >= 1);
        await WaitForViewsAsync();
        var alerts = await Host.GetAs<AlertList>($"/api/watches/{amounts.Id}/alerts");
        Assert.Equal("terms_proposed", Assert.Single(alerts.Items).EventType);
        Assert.Empty((await Host.GetAs<AlertList>($"/api/watches/{questions.Id}/alerts")).Items);

        var feed = XDocument.Parse(await Host.Server.CreateClient().GetStringAsync(new Uri($"/api/watches/{amounts.Id}/feed.atom", UriKind.Relative), TestContext.Current.CancellationToken));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal($"urn:uuid:{alerts.Items[0].Id}", Assert.Single(feed.Root!.Elements(atom + "entry")).Element(atom + "id")!.Value);

        await Host.Scenario(s =>
        {
            s.Delete.Url($"/api/watches/{amounts.Id}");
            s.StatusCodeShouldBe(204);
        });
        await Host.ProposeTerms(deal, new { amount = Usd(60_000_000_000m, "UpTo"), source = Source() });
        await WaitForViewsAsync();
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        Assert.Single(_receiver.Received);
        await Host.GetProblem($"/api/watches/{amounts.Id}", 404);
    }

    [Fact]
    public async Task a_quiet_check_raises_one_went_quiet_alert_only_when_nothing_happened_since()
    {
        var deal = (await Host.ReportNewDeal()).Id;
        var watch = await WatchAsync(new { dealId = deal }, ["WentQuiet"], webhook: false, quietDays: 30);
        await Host.ProposeTerms(deal, new { amount = Usd(50_000_000_000m, "UpTo"), source = Source() });
        await WaitForViewsAsync();
        var activity = await WaitForActivityAsync(watch.Id);
        using var scope = Host.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();

        await bus.InvokeAsync(new CheckQuiet(watch.Id, activity.Sequence - 1), TestContext.Current.CancellationToken);
        Assert.Empty((await Host.GetAs<AlertList>($"/api/watches/{watch.Id}/alerts")).Items);
        await bus.InvokeAsync(new CheckQuiet(watch.Id, activity.Sequence), TestContext.Current.CancellationToken);
        await bus.InvokeAsync(new CheckQuiet(watch.Id, activity.Sequence), TestContext.Current.CancellationToken);

        var quiet = Assert.Single((await Host.GetAs<AlertList>($"/api/watches/{watch.Id}/alerts")).Items);
        Assert.Equal(AlertTrigger.WentQuiet, quiet.Trigger);
    }

    [Fact]
    public async Task another_key_neither_sees_nor_deletes_a_watch_and_an_admin_sees_all()
    {
        var client = keyed.Host.Server.CreateClient();
        var deal = (await Host.ReportNewDeal()).Id;
        using var create = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/watches", UriKind.Relative))
        {
            Content = JsonContent(new { name = "mine", subject = new { dealId = deal }, triggers = AnyChange, delivery = new { feed = true } }),
        };
        create.Headers.Add(ApiKeys.Header, ApiKeys.Recorder);
        using var created = await client.SendAsync(create, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var id = TestJson.Read<WatchCreated>(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Id;

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await SendAsync(client, HttpMethod.Get, $"/api/watches/{id}", ApiKeys.Auditor)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Get, $"/api/watches/{id}", ApiKeys.Admin)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Get, $"/api/watches/{id}", ApiKeys.Recorder)).StatusCode);
        var listed = TestJson.Read<WatchList>(await (await SendAsync(client, HttpMethod.Get, "/api/watches", ApiKeys.Auditor)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Empty(listed.Items);
    }

    [Theory]
    [InlineData("""{"name":"x","subject":{},"triggers":["AnyChange"],"delivery":{"feed":true}}""", "subject")]
    [InlineData("""{"name":"x","subject":{"dealId":"0199a7b6-ffff-7000-8000-00000000ffff","roundId":"0199a7b6-ffff-7000-8000-00000000ffff"},"triggers":["AnyChange"],"delivery":{"feed":true}}""", "subject")]
    [InlineData("""{"name":"x","subject":{"dealId":"0199a7b6-ffff-7000-8000-00000000ffff"},"triggers":["AnyChange"],"delivery":{"feed":true}}""", "subject")]
    [InlineData("""{"name":"x","subject":{"search":{"q":"x"}},"triggers":["AnyChange"],"delivery":{"feed":true}}""", "subject.search")]
    [InlineData("""{"name":"","subject":{"dealId":"DEAL"},"triggers":[],"delivery":{}}""", "name", "triggers", "delivery")]
    [InlineData("""{"name":"x","subject":{"dealId":"DEAL"},"triggers":["Sometimes"],"delivery":{"feed":true}}""", "triggers[0]")]
    [InlineData("""{"name":"x","subject":{"dealId":"DEAL"},"triggers":["WentQuiet"],"delivery":{"feed":true}}""", "quietDays")]
    [InlineData("""{"name":"x","subject":{"dealId":"DEAL"},"triggers":["AnyChange"],"delivery":{"webhook":{"url":"ftp://example.com/x"}}}""", "delivery.webhook.url")]
    [InlineData("""{"name":"x","subject":{"dealId":"DEAL"},"triggers":["AnyChange"],"delivery":{"webhook":{"url":"https://example.com/x","secret":"plain"}}}""", "delivery.webhook.secret")]
    public async Task a_malformed_watch_is_a_400_naming_the_field(string body, params string[] fields)
    {
        var deal = (await Host.ReportNewDeal()).Id;

        var result = await Host.PostRaw("/api/watches", body.Replace("DEAL", deal.ToString(), StringComparison.Ordinal), 400);

        await result.ShouldBeProblem(400, fields);
    }

    [Fact]
    public void webhook_addresses_on_private_loopback_or_link_local_networks_are_refused_unless_allowed()
    {
        foreach (var url in new[] { "http://127.0.0.1/x", "http://localhost/x", "http://10.1.2.3/x", "http://172.16.0.1/x", "http://192.168.1.1/x", "http://169.254.169.254/x", "http://[::1]/x", "http://[fe80::1]/x" })
        {
            Assert.NotNull(WebhookAddress.Refusal(new Uri(url), allowPrivate: false));
            Assert.Null(WebhookAddress.Refusal(new Uri(url), allowPrivate: true));
        }

        Assert.Null(WebhookAddress.Refusal(new Uri("https://hooks.example.com/x"), allowPrivate: false));
        Assert.Null(WebhookAddress.Refusal(new Uri("http://8.8.8.8/x"), allowPrivate: false));
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body, TestJson.Options), Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string key)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        request.Headers.Add(ApiKeys.Header, key);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<AlertDelivery> WaitForDeliveryAsync(Guid watch, Func<AlertDelivery, bool> condition)
    {
        for (var tries = 0; tries < 300; tries++)
        {
            var deliveries = await Host.GetAs<DeliveryList>($"/api/watches/{watch}/deliveries");
            if (deliveries.Items.FirstOrDefault(condition) is { } found)
            {
                return found;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var last = await Host.GetAs<DeliveryList>($"/api/watches/{watch}/deliveries");
        throw new TimeoutException($"No delivery of watch {watch} reached the state the test waits for: {TestJson.Serialize(last)}");
    }

    private async Task<WatchActivity> WaitForActivityAsync(Guid watch)
    {
        for (var tries = 0; tries < 300; tries++)
        {
            await using var session = Fixture.Store.QuerySession();
            if (await session.LoadAsync<WatchActivity>(watch, TestContext.Current.CancellationToken) is { Sequence: > 0 } activity && tries > 5)
            {
                return activity;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The watch saw no activity.");
    }
}
