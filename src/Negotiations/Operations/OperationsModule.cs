using Marten;
using Negotiations.Infrastructure;
using Wolverine;
using Wolverine.Http;

namespace Negotiations.Operations;

/// <summary>
/// Operating the async views: how operators see them: how far each has applied the events and on which node it runs
/// (<c>GET /api/views</c>), and a rebuild from the events that runs on that node while the service goes on
/// (<c>POST /api/views/{name}/rebuild</c>).
/// </summary>
public sealed class OperationsModule : IServiceModule
{
    private static readonly CapabilityTag Tag = new("Views");

    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>(ApiDocument.Name, options =>
            ApiDocument.AddTag(options, Tag.Name, "The async views (rounds, parties, sources, search): their progress, and rebuilds (Admin)."));
        // A rebuild travels to the node running the view as an agent command: that node must know its type by name.
        builder.Services.ConfigureWolverine(options => options.RegisterMessageType(typeof(RebuildView)));
    }

    public void ConfigureMarten(StoreOptions options) => options.Schema.For<ViewRebuild>();

    public void ConfigureHttp(WolverineHttpOptions http) => http.ConfigureEndpoints(chain =>
    {
        if (chain.Method.HandlerType.Namespace == typeof(OperationsModule).Namespace)
        {
            chain.Metadata.WithMetadata(Tag);
        }
    });
}
