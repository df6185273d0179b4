using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Negotiations.Deals.ListingDeals;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Deals;

/// <summary>
/// Deal streams: the events (under their stable names), the inline status document and its projection, the commands
/// that record reports, and the views of a deal (status now or as of any point, history, claims, diff).
/// </summary>
public sealed class DealsModule : IServiceModule
{
    private static readonly RouteIdMetadata DealId = new("deal", DealProblems.NotFound);

    /// <summary>The views' cache size read at start (<see cref="DealEventCache.CapacitySetting"/>), given to the store it configures.</summary>
    private int _cachedEvents = DealEventCache.DefaultCapacity;

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(ApiDocument.Name, DealsDocument.Configure);
        // Names only, unless a module that knows parties (Parties) says more.
        builder.Services.TryAddSingleton<IPartyNameKeys, NameKeyOnly>();
        _cachedEvents = DealEventCache.CapacityFrom(builder.Configuration);
    }

    public void ConfigureMarten(StoreOptions options)
    {
        DealEventCache.Configure(options, _cachedEvents);
        foreach (var (type, name) in DealEventTypes.Names)
        {
            options.Events.MapEventType(type, name);
        }

        options.Projections.Add<DealProjection>(ProjectionLifecycle.Inline);
        // Stored as "dealoverview" since the first release, when the type had that name: existing status documents stay.
        options.Schema.For<Deal>().DocumentAlias("dealoverview").Index(x => x.LastActivityOn);
        ListingDeals.DealSearchProjection.Configure(options);
    }

    public void ConfigureHttp(WolverineHttpOptions http)
    {
        http.ConfigureEndpoints(chain =>
        {
            if (chain.RoutePattern?.RawText?.StartsWith("/api/deals/{id}", StringComparison.Ordinal) == true)
            {
                chain.Metadata.WithMetadata(DealId);
            }

            if (chain.Method.HandlerType.Namespace?.StartsWith(typeof(DealsModule).Namespace!, StringComparison.Ordinal) == true)
            {
                var questions = chain.Method.HandlerType.Namespace.EndsWith(".Questions", StringComparison.Ordinal);
                chain.Metadata.WithMetadata(new CapabilityTag(questions ? DealsDocument.QuestionsTag : DealsDocument.DealsTag));
            }
        });
        http.MapConcurrencyFailuresToConflict(toProblemDetails: _ => DealProblems.ConcurrentChange());
    }
}
