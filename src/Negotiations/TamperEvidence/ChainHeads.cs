using Marten;
using Microsoft.AspNetCore.Authorization;
using Negotiations.Security;
using Wolverine.Http;

namespace Negotiations.TamperEvidence;

public static class ChainHeadsEndpoint
{
    /// <summary>
    /// The last hash of every deal's chain. Anyone with write access to the database can rewrite a stream and recompute
    /// its chain; heads copied somewhere that person cannot reach make such a rewrite show.
    /// </summary>
    [Authorize(Policy = SecurityModule.AuditPolicy)]
    [EndpointSummary("Every deal's last chained version and hash")]
    [WolverineGet("/api/chain-heads")]
    public static Task<IReadOnlyList<ChainHead>> Get(IDocumentStore store, CancellationToken cancellationToken) =>
        EventChainStore.ReadHeadsAsync(store.Storage.Database, cancellationToken);
}
