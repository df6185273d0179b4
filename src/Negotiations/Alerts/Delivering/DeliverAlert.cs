using System.Net;
using System.Net.Sockets;
using System.Text;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Marten;
using Microsoft.Extensions.Options;
using Negotiations.Alerts.Watching;
using StandardWebhooks;
using Wolverine;

namespace Negotiations.Alerts.Delivering;

/// <summary>Deliver one alert to its watch's webhook (a durable Wolverine message: it outlives a crash and is retried).</summary>
public sealed record DeliverAlert(Guid AlertId);

/// <summary>The receiver did not take the alert (a non-2xx answer, a timeout, a refused connection): Wolverine retries it later.</summary>
public sealed class WebhookNotDeliveredException(string message) : Exception(message);

public static class DeliverAlertHandler
{
    public const string HttpClientName = "webhooks";
    public const string CloudEventType = "io.negotiations.alert";

    /// <summary>
    /// Posts the alert as a CloudEvents 1.0 JSON message, signed per Standard Webhooks (<c>webhook-id</c> = the alert's id,
    /// the same on every attempt, so receivers deduplicate), and records the attempt whatever happens. A deleted watch
    /// sends nothing more. A failure is thrown after it is recorded: Wolverine schedules the next try.
    /// </summary>
    public static async Task Handle(DeliverAlert message, Envelope envelope, IDocumentStore store, IHttpClientFactory clients,
        IOptions<AlertsOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var alert = await session.LoadAsync<Alert>(message.AlertId, cancellationToken);
        var watch = alert is null ? null : await session.LoadAsync<Watch>(alert.WatchId, cancellationToken);
        if (alert is null || watch is not { Delivery.Webhook: { } webhook, Secret: { } secret })
        {
            return;
        }

        var now = clock.GetUtcNow();
        var body = Body(alert, watch, now);
        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new StringContent(body, Encoding.UTF8, "application/cloudevents+json") };
            var id = alert.Id.ToString();
            request.Headers.Add("webhook-id", id);
            request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", new StandardWebhook(secret).Sign(id, now, body));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
            error = response.IsSuccessStatusCode ? null : $"The receiver answered {status}.";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException or SocketException)
        {
            error = cancellationToken.IsCancellationRequested ? "The service stopped during the call." : $"{e.GetType().Name}: {e.Message}";
        }

        var delays = options.Value.RetryDelays;
        var attempt = Math.Max(envelope.Attempts, 1);
        var last = attempt > delays.Count;
        DateTimeOffset? next = error is null || last ? null : now.AddSeconds(delays[attempt - 1]);
        var known = await session.LoadAsync<AlertDelivery>(alert.Id, cancellationToken) ?? new AlertDelivery(alert.Id, watch.Id, DeliveryState.Pending, []);
        var state = error is null ? DeliveryState.Delivered : last ? DeliveryState.DeadLettered : DeliveryState.Pending;
        session.Store(known with { State = state, Attempts = [.. known.Attempts, new DeliveryAttempt(known.Attempts.Count + 1, now, status, error, next)] });
        await session.SaveChangesAsync(cancellationToken);
        if (error is not null)
        {
            throw new WebhookNotDeliveredException($"Alert {alert.Id} to {webhook.Url}: {error}");
        }
    }

    /// <summary>The CloudEvents 1.0 structured JSON message of an alert.</summary>
    public static string Body(Alert alert, Watch watch, DateTimeOffset now)
    {
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = alert.Id.ToString(),
            Source = new Uri($"/api/watches/{watch.Id}", UriKind.Relative),
            Type = CloudEventType,
            Subject = alert.Href,
            Time = now,
            DataContentType = "application/json",
            Data = new
            {
                watchId = watch.Id,
                watch = watch.Name,
                trigger = alert.Trigger.ToString(),
                streamKind = alert.StreamKind,
                streamId = alert.StreamId,
                eventType = alert.EventType,
                version = alert.Version,
                cursor = alert.Sequence,
                recordedAt = alert.RecordedAt,
                href = alert.Href,
            },
        };
        var bytes = new JsonEventFormatter().EncodeStructuredModeMessage(cloudEvent, out _);
        return Encoding.UTF8.GetString(bytes.Span);
    }

    /// <summary>The webhooks' HTTP client: a clear User-Agent, no redirects followed, and no private address reached unless allowed (checked at connect time, so a name that resolves to one is refused too).</summary>
    public static void AddClient(IServiceCollection services) =>
        services.AddHttpClient(HttpClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("Negotiations-Webhooks/1.0"))
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var allowPrivate = provider.GetRequiredService<IOptions<AlertsOptions>>().Value.AllowPrivateNetworks;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    ConnectCallback = async (context, cancellationToken) =>
                    {
                        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
                        var address = addresses.FirstOrDefault(a => allowPrivate || !WebhookAddress.IsPrivate(a))
                            ?? throw new HttpRequestException($"'{context.DnsEndPoint.Host}' resolves only to private, loopback or link-local addresses.");
                        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                        try
                        {
                            await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                            return new NetworkStream(socket, ownsSocket: true);
                        }
                        catch
                        {
                            socket.Dispose();
                            throw;
                        }
                    },
                };
            });
}

/// <summary>Send an alert's webhook again (after it was dead-lettered, or to a receiver that lost it): the same webhook-id.</summary>
public static class ReplayDeliveryEndpoint
{
    [Microsoft.AspNetCore.Mvc.ProducesResponseType(StatusCodes.Status202Accepted)]
    [Microsoft.AspNetCore.Mvc.ProducesResponseType<Microsoft.AspNetCore.Mvc.ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Microsoft.AspNetCore.Http.EndpointSummary("Send an alert's webhook again")]
    [Infrastructure.ResponseHeader(StatusCodes.Status202Accepted, "Location", "The watch's deliveries, where the new attempt will show.")]
    [Wolverine.Http.WolverinePost("/api/watches/{id}/deliveries/{alertId}/replay")]
    public static async Task<IResult> Post(Guid id, Guid alertId, HttpContext context, IDocumentSession session, IMessageBus bus, CancellationToken cancellationToken)
    {
        if (await WatchEndpoints.FindAsync(id, context, session, cancellationToken) is not { Delivery.Webhook: not null })
        {
            return Results.Problem(WatchEndpoints.NotFound(id));
        }

        if (await session.LoadAsync<Alert>(alertId, cancellationToken) is not { } alert || alert.WatchId != id)
        {
            return Results.Problem(Infrastructure.Problems.NotFound($"Watch {id} has no alert {alertId}."));
        }

        await bus.PublishAsync(new DeliverAlert(alert.Id));
        return Results.Accepted($"/api/watches/{id}/deliveries");
    }
}
