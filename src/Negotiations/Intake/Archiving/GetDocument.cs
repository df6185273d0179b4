using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Negotiations.Intake.Archiving;

public static class GetDocumentEndpoint
{
    /// <summary>An archived document, its text as stored and its hash, and the candidates read from it.</summary>
    [ProducesResponseType<DocumentDetail>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [EndpointSummary("An archived document and its candidates")]
    [WolverineGet("/api/intake/documents/{id}")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellationToken) =>
        await session.LoadAsync<IntakeDocument>(id, cancellationToken) is { } document
            ? Results.Ok(await Documents.DetailAsync(session, document, cancellationToken))
            : Results.Problem(IntakeProblems.UnknownDocument(id));
}
