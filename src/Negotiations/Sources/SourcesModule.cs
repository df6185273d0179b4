using Marten;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Sources;

/// <summary>
/// Sources' track record across all deals: every claim judged (confirmed, contradicted, corrected, retracted) in an async
/// view, added up per publication.
/// </summary>
public sealed class SourcesModule : IServiceModule
{
    private static readonly CapabilityTag Tag = new("Sources");

    public void AddServices(WebApplicationBuilder builder) =>
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(ApiDocument.Name, options =>
            ApiDocument.AddTag(options, Tag.Name, "Publications' track record across all deals: claims confirmed, contradicted, corrected, retracted."));

    public void ConfigureMarten(StoreOptions options) => SourceClaimsProjection.Configure(options);

    public void ConfigureHttp(WolverineHttpOptions http) => http.ConfigureEndpoints(chain =>
    {
        if (chain.Method.HandlerType.Namespace == typeof(SourcesModule).Namespace)
        {
            chain.Metadata.WithMetadata(Tag);
        }
    });
}
