using JasperFx.Events.Projections;
using Marten;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Rounds;

/// <summary>
/// Funding rounds: round streams (reported, revised, closings, closed or abandoned) under their stable event names, the
/// async view of the rounds (run by the daemon), and the round book that sums the pieces of the deals in each round.
/// Which deal is in which round is recorded on the deals (Deals/JoiningRounds).
/// </summary>
public sealed class RoundsModule : IServiceModule
{
    public const string Tag = "Rounds";

    private static readonly RouteIdMetadata RoundId = new("round", RoundProblems.NotFound);

    public void AddServices(WebApplicationBuilder builder) =>
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(ApiDocument.Name, options =>
            ApiDocument.AddTag(options, Tag, "Funding rounds: report, revise, closings, close, abandon; the round book (target vs the pieces of the deals in it, by firmness)."));

    public void ConfigureMarten(StoreOptions options)
    {
        foreach (var (type, name) in RoundEventTypes.Names)
        {
            options.Events.MapEventType(type, name);
        }

        options.Projections.Add<RoundProjection>(ProjectionLifecycle.Async);
        options.Schema.For<Round>().Index(x => x.LastActivityOn);
        // The round book reads the deals in a round by this member of their (inline) status documents.
        options.Schema.For<Deal>().Index(x => x.Round!.Id);
    }

    public void ConfigureHttp(WolverineHttpOptions http) => http.ConfigureEndpoints(chain =>
    {
        if (chain.RoutePattern?.RawText?.StartsWith("/api/rounds/{id}", StringComparison.Ordinal) == true)
        {
            chain.Metadata.WithMetadata(RoundId);
        }

        if (chain.Method.HandlerType.Namespace?.StartsWith(typeof(RoundsModule).Namespace!, StringComparison.Ordinal) == true)
        {
            chain.Metadata.WithMetadata(new CapabilityTag(Tag));
        }
    });
}
