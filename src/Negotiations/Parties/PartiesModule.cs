using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.OpenApi;
using Negotiations.Deals;
using Negotiations.Deals.ListingDeals;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Parties;

/// <summary>
/// Parties across deals: party streams (registration, aliases, relations, merges) under their stable names, the inline
/// write state and name ownership, the async party view, and the reads that join it with the deals: search, a party's
/// exposure, conflicts of interest.
/// </summary>
public sealed class PartiesModule : IServiceModule
{
    public const string Tag = "Parties";

    private static readonly RouteIdMetadata PartyId = new("party", PartyProblems.NotFound);

    public void AddServices(WebApplicationBuilder builder)
    {
        // The deal list's `party` parameter: any name or alias of a party, or its id, stands for all its names.
        builder.Services.AddSingleton<IPartyNameKeys, PartySearchKeys>();
        builder.Services.Configure<OpenApiOptions>(ApiDocument.Name, options => ApiDocument.AddTag(options, Tag,
            "Parties across deals: names and aliases, relations with their sources, merges, exposure and conflicts of interest."));
    }

    public void ConfigureMarten(StoreOptions options)
    {
        foreach (var (type, name) in PartyEventTypes.Names)
        {
            options.Events.MapEventType(type, name);
        }

        options.Projections.Add<PartyStateProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<PartyViewProjection>(ProjectionLifecycle.Async);
        options.Schema.For<PartyName>().DocumentAlias("party_name");
        // The deals of a party are found by its name keys: a GIN index on the deal documents' party keys (containment).
        options.Schema.For<Deal>().GinIndexJsonDataMember(d => d.PartyKeys);
    }

    public void ConfigureHttp(WolverineHttpOptions http) => http.ConfigureEndpoints(chain =>
    {
        if (chain.RoutePattern?.RawText?.StartsWith("/api/parties/{id}", StringComparison.Ordinal) == true)
        {
            chain.Metadata.WithMetadata(PartyId);
        }

        if (chain.Method.HandlerType.Namespace?.StartsWith(typeof(PartiesModule).Namespace!, StringComparison.Ordinal) == true)
        {
            chain.Metadata.WithMetadata(new CapabilityTag(Tag));
        }
    });

    /// <summary>Two requests racing for one party or name: the one whose insert lost gets a 409, and nothing of it was recorded.</summary>
    public void UsePipeline(WebApplication app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.Request.Path.StartsWithSegments("/api/parties") && !context.Response.HasStarted && IsLostRace(e))
        {
            context.Response.StatusCode = StatusCodes.Status409Conflict;
            await context.WriteProblemAsync(PartyProblems.ConcurrentChange());
        }
    });

    private static bool IsLostRace(Exception? e) =>
        e is DocumentAlreadyExistsException or ExistingStreamIdCollisionException || (e?.InnerException is { } inner && IsLostRace(inner));
}
