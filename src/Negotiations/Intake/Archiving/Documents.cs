using System.ComponentModel.DataAnnotations;
using Marten;

namespace Negotiations.Intake.Archiving;

/// <summary>The query of <c>GET /api/intake/documents</c>: a publication (any letter case), a range of publication days, the page.</summary>
public sealed record DocumentQuery(
    string? Publication = null,
    DateOnly? From = null,
    DateOnly? To = null,
    [Range(1, int.MaxValue / Documents.MaxPageSize)] int Page = 1,
    [Range(1, Documents.MaxPageSize)] int PageSize = Documents.DefaultPageSize);

/// <summary>An archived document without its text, as lists show it.</summary>
public sealed record DocumentSummary(Guid Id, string Sha256, string? Url, string? Title, string Publication, DateOnly PublishedOn, DateTimeOffset FetchedAt);

public sealed record DocumentList(IReadOnlyList<DocumentSummary> Items, long Total, int Page, int PageSize);

public static class Documents
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    // Stryker disable all : database reads; the API tests cover them
    public static async Task<DocumentDetail?> ByHashAsync(IQuerySession session, string hash, CancellationToken cancellationToken) =>
        await session.Query<IntakeDocument>().FirstOrDefaultAsync(d => d.Sha256 == hash, cancellationToken) is { } document
            ? await DetailAsync(session, document, cancellationToken)
            : null;

    public static async Task<DocumentDetail> DetailAsync(IQuerySession session, IntakeDocument document, CancellationToken cancellationToken) =>
        new(document, await session.Query<IntakeCandidate>().Where(c => c.DocumentId == document.Id).OrderBy(c => c.Number).ToListAsync(cancellationToken));
    // Stryker restore all
}
