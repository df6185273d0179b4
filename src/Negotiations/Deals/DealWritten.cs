using System.Reflection;
using Wolverine.Http;

namespace Negotiations.Deals;

/// <summary>The answer to every successful write: the deal and the version it is now at.</summary>
public sealed record DealWritten(Guid Id, long Version);

/// <summary>The answer to opening a deal: 201 with the new deal's location.</summary>
public sealed record DealOpened(Guid Id, long Version) : IHttpAware
{
    public void Apply(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.Headers.Location = $"/api/deals/{Id}";
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(DealOpened), ["application/json"]));
}
