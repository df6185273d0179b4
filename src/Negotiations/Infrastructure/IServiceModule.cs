using Marten;
using Wolverine;
using Wolverine.Http;

namespace Negotiations.Infrastructure;

/// <summary>
/// One capability of the service (deals, security, tamper evidence, …): everything it adds to the host lives in its own
/// folder and is registered through this, so the platform here never names a feature. Every hook is optional.
/// </summary>
public interface IServiceModule
{
    /// <summary>Services, options and start-up checks.</summary>
    void AddServices(WebApplicationBuilder builder)
    {
    }

    /// <summary>Event types (with their stable names), projections, documents and store listeners.</summary>
    void ConfigureMarten(StoreOptions options)
    {
    }

    /// <summary>Marten's registration past its options: subscriptions the daemon runs.</summary>
    void ConfigureStore(MartenServiceCollectionExtensions.MartenConfigurationExpression store)
    {
    }

    /// <summary>Messaging: local queues, routing, error policies.</summary>
    void ConfigureWolverine(WolverineOptions options, IConfiguration configuration)
    {
    }

    /// <summary>Endpoint conventions: policies, middleware, error mapping.</summary>
    void ConfigureHttp(WolverineHttpOptions http)
    {
    }

    /// <summary>Request pipeline steps, after routing and before the endpoints.</summary>
    void UsePipeline(WebApplication app)
    {
    }
}
