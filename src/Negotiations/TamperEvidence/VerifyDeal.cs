using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Security;
using Wolverine.Http;

namespace Negotiations.TamperEvidence;

public static class VerifyDealEndpoint
{
    /// <summary>Whether the deal's stored events still match their hash chain, and if not, the first version that does not.</summary>
    [Authorize(Policy = SecurityModule.AuditPolicy)]
    [ProducesResponseType<ChainVerdict>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("Verify a deal's tamper-evidence chain")]
    [WolverineGet("/api/deals/{id}/verify")]
    public static async Task<IResult> Get(Guid id, IDocumentStore store, CancellationToken cancellationToken) =>
        await ChainVerification.VerifyAsync(store.Storage.Database, id, cancellationToken) is { } verdict
            ? Results.Ok(verdict)
            : Results.Problem(DealProblems.NotFound(id));
}
