using Marten;
using Negotiations.Alerts.Delivering;
using Negotiations.Alerts.Watching;
using Negotiations.Infrastructure;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;
using Wolverine.Marten;

namespace Negotiations.Alerts;

/// <summary>
/// The tracker speaks first: a change feed of every event in commit order, watches on deals, rounds, parties and
/// questions, alerts raised from committed events (a daemon subscription), signed webhooks delivered through Wolverine's
/// durable local queue with retries for a day and a dead letter, quiet-subject checks as scheduled messages, Atom feeds.
/// </summary>
public sealed class AlertsModule : IServiceModule
{
    public const string Tag = "Alerts";
    public const string WebhookQueue = "webhooks";
    public const string QuietQueue = "quiet-checks";

    private static readonly RouteIdMetadata WatchId = new("watch", WatchEndpoints.NotFound);

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.Configure<AlertsOptions>(builder.Configuration.GetSection(AlertsOptions.Section));
        builder.Services.AddSingleton(provider => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AlertsOptions>>().Value);
        DeliverAlertHandler.AddClient(builder.Services);
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(ApiDocument.Name, options =>
            ApiDocument.AddTag(options, Tag, "The change feed; watches and their alerts, signed webhooks (CloudEvents, Standard Webhooks) and Atom feeds."));
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Schema.For<Watch>().Index(x => x.SubjectKey).Index(x => x.Owner);
        options.Schema.For<Alert>().Index(x => x.WatchId);
        options.Schema.For<AlertDelivery>().Index(x => x.WatchId);
        options.Schema.For<WatchActivity>();
    }

    public void ConfigureStore(MartenServiceCollectionExtensions.MartenConfigurationExpression store) =>
        store.SubscribeToEvents(new AlertsSubscription());

    public void ConfigureWolverine(WolverineOptions options, IConfiguration configuration)
    {
        var delays = (configuration.GetSection(AlertsOptions.Section).Get<AlertsOptions>() ?? new AlertsOptions()).RetryDelays;
        // A slow or absent receiver holds one of these slots for its timeout, never a command or the other watches' queue.
        options.PublishMessage<DeliverAlert>().ToLocalQueue(WebhookQueue).UseDurableInbox().MaximumParallelMessages(8);
        options.PublishMessage<CheckQuiet>().ToLocalQueue(QuietQueue).UseDurableInbox();
        options.Policies.OnException<WebhookNotDeliveredException>().ScheduleRetry([.. delays.Select(s => TimeSpan.FromSeconds(s))]);
    }

    public void ConfigureHttp(WolverineHttpOptions http) => http.ConfigureEndpoints(chain =>
    {
        if (chain.RoutePattern?.RawText?.StartsWith("/api/watches/{id}", StringComparison.Ordinal) == true)
        {
            chain.Metadata.WithMetadata(WatchId);
        }

        if (chain.Method.HandlerType.Namespace?.StartsWith(typeof(AlertsModule).Namespace!, StringComparison.Ordinal) == true)
        {
            chain.Metadata.WithMetadata(new CapabilityTag(Tag));
        }
    });
}
