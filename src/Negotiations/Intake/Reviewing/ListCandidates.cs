using System.ComponentModel.DataAnnotations;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Intake.Reviewing;

/// <summary>The query of <c>GET /api/intake/candidates</c>: a document, a status, the page.</summary>
public sealed record CandidateQuery(
    Guid? DocumentId = null,
    CandidateStatus? Status = null,
    [Range(1, int.MaxValue / ListCandidatesEndpoint.MaxPageSize)] int Page = 1,
    [Range(1, ListCandidatesEndpoint.MaxPageSize)] int PageSize = ListCandidatesEndpoint.DefaultPageSize);

public sealed record CandidateList(IReadOnlyList<IntakeCandidate> Items, long Total, int Page, int PageSize);

public static class ListCandidatesEndpoint
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Candidates read from archived documents, in the order they were read, by document and status.</summary>
    [ProducesResponseType<CandidateList>(StatusCodes.Status200OK, "application/json")]
    [EndpointSummary("Candidates read from archived documents")]
    [QueryRecord(typeof(CandidateQuery))]
    [WolverineGet("/api/intake/candidates")]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = QueryParameters.Bind<CandidateQuery>(context.Request.Query, errors);
        if (query is null)
        {
            return Results.Problem(errors.ToProblem());
        }

        var candidates = session.Query<IntakeCandidate>().AsQueryable();
        if (query.DocumentId is { } document)
        {
            candidates = candidates.Where(c => c.DocumentId == document);
        }

        if (query.Status is { } status)
        {
            candidates = candidates.Where(c => c.Status == status);
        }

        var total = await candidates.CountAsync(cancellationToken);
        var page = await candidates.OrderBy(c => c.DocumentId).ThenBy(c => c.Number)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return Results.Ok(new CandidateList(page, total, query.Page, query.PageSize));
    }
}
