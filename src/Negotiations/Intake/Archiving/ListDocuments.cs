using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Infrastructure;
using Wolverine.Http;

namespace Negotiations.Intake.Archiving;

public static class ListDocumentsEndpoint
{
    /// <summary>Archived documents, latest publication day first, by publication and publication days (inclusive).</summary>
    [ProducesResponseType<DocumentList>(StatusCodes.Status200OK, "application/json")]
    [EndpointSummary("Archived documents")]
    [QueryRecord(typeof(DocumentQuery))]
    [WolverineGet("/api/intake/documents")]
    public static async Task<IResult> Get(HttpContext context, IQuerySession session, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var query = QueryParameters.Bind<DocumentQuery>(context.Request.Query, errors);
        if (query is null)
        {
            return Results.Problem(errors.ToProblem());
        }

        var documents = session.Query<IntakeDocument>().AsQueryable();
        if (query.Publication is { } publication)
        {
            documents = documents.Where(d => d.Publication.Equals(publication.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        if (query.From is { } from)
        {
            documents = documents.Where(d => d.PublishedOn >= from);
        }

        if (query.To is { } to)
        {
            documents = documents.Where(d => d.PublishedOn <= to);
        }

        var total = await documents.CountAsync(cancellationToken);
        var page = await documents.OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        var items = page.Select(d => new DocumentSummary(d.Id, d.Sha256, d.Url, d.Title, d.Publication, d.PublishedOn, d.FetchedAt)).ToList();
        return Results.Ok(new DocumentList(items, total, query.Page, query.PageSize));
    }
}
