using Marten;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.TamperEvidence;

/// <summary>
/// Tamper evidence for every event stream: a SHA-256 hash chain written in the same transaction as the events (its table
/// migrated with the rest), verification per deal and for all streams, and the chain heads to keep elsewhere.
/// </summary>
public sealed class TamperEvidenceModule : IServiceModule
{
    private static readonly CapabilityTag Tag = new("Tamper evidence");

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(ApiDocument.Name, options =>
            ApiDocument.AddTag(options, Tag.Name, "The hash chain over every event (Auditor, Admin)."));
        builder.Services.AddSingleton<IFailureRecogniser, StaleChainHead>();
    }

    public void ConfigureHttp(WolverineHttpOptions http) => http.ConfigureEndpoints(chain =>
    {
        if (chain.Method.HandlerType.Namespace == typeof(TamperEvidenceModule).Namespace)
        {
            chain.Metadata.WithMetadata(Tag);
        }
    });

    public void ConfigureMarten(StoreOptions options)
    {
        options.Storage.ExtendedSchemaObjects.Add(EventChainStore.Table());
        options.Listeners.Add(new EventChainListener());
    }
}
