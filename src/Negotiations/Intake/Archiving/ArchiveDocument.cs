using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Negotiations.Deals;
using Negotiations.Infrastructure;
using Negotiations.Intake.Extraction;
using Negotiations.Intake.Fetching;
using Negotiations.Parties;
using Npgsql;
using Wolverine.Http;

namespace Negotiations.Intake.Archiving;

/// <summary>
/// A document to archive: its text and where it was published (the URL and title when known); or only a <c>url</c>, whose
/// page is fetched and reduced to its readable text (publication, day and title then default to what the page says,
/// else its host, today and none).
/// </summary>
public sealed record ArchiveDocument(string? Text = null, string? Publication = null, DateOnly? PublishedOn = null, string? Url = null, string? Title = null);

/// <summary>An archived document and the candidates read from it.</summary>
public sealed record DocumentDetail(IntakeDocument Document, IReadOnlyList<IntakeCandidate> Candidates);

public static class ArchiveDocumentEndpoint
{
    public static ProblemDetails Validate(ArchiveDocument command, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var fetches = command.Text is null;
        errors.Require(!fetches || command.Url is not null, "text", "'text' is required, or a 'url' whose page is fetched.");
        if (!fetches)
        {
            errors.RequireText(command.Text, "text", IntakeLimits.MaxTextLength);
            errors.Require(command.PublishedOn is not null, "publishedOn", "'publishedOn' is required with 'text'.");
        }

        errors.RequireText(command.Publication, "publication", TextLimits.Name, required: !fetches);
        errors.RequireText(command.Title, "title", TextLimits.Name, required: false);
        if (command.PublishedOn is { } day)
        {
            Dates.Check(day, "publishedOn", Dates.LatestAllowed(now), errors);
        }

        errors.Require(command.Url is null || Source.IsValidUrl(command.Url), "url",
            $"'url' must be an absolute http or https URL of at most {Source.MaxUrlLength} characters, without control characters.");
        return errors.ToProblem();
    }

    /// <summary>The hex SHA-256 of the text's UTF-8 bytes: the document's identity for deduplication.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// The document as archived and its candidates, each pending, its source naming the document and the quoted words,
    /// its parties linked to the registered parties whose names or aliases they are (<paramref name="known"/>: name key → party).
    /// </summary>
    public static DocumentDetail Archive(Page command, Guid id, DateTimeOffset now, IReadOnlyList<Candidate> read,
        IReadOnlyDictionary<string, Guid> known, Func<Guid> newId)
    {
        var document = new IntakeDocument(id, Hash(command.Text), command.Text, command.Url, command.Title, command.Publication, command.PublishedOn, now);
        var candidates = read.Select((c, i) => new IntakeCandidate(
            newId(), id, i + 1, CandidateStatus.Pending, c.EventType,
            [.. c.Parties.Select(p => known.TryGetValue(PartyNames.Key(p.Name), out var party) ? p with { PartyId = party } : p)],
            c.Amount, c.Valuation, c.RoundSize, c.Source with { DocumentId = id, Quote = c.Quote }, c.Response, c.Quote,
            command.Text.Substring(c.Quote.Start, c.Quote.Length))).ToList();
        return new DocumentDetail(document, candidates);
    }

    /// <summary>
    /// Archives a document once: the same text again answers 200 with the document already archived; a new one 201, with
    /// the candidates read from it (pending review).
    /// </summary>
    [ProducesResponseType<DocumentDetail>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<DocumentDetail>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status502BadGateway, "application/problem+json")]
    [EndpointSummary("Archive a document and read its candidates")]
    [WolverinePost("/api/intake/documents")]
    public static async Task<IResult> Post(ArchiveDocument given, IDocumentSession session, ICandidateExtractor extractor, PageFetcher fetcher,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (command, problem) = given.Text is { } text
            ? (new Page(text, given.Publication!.Trim(), given.PublishedOn!.Value, given.Url, given.Title), null)
            : await FetchAsync(given.Url!, given.Publication, given.PublishedOn, given.Title, fetcher, now, cancellationToken);
        if (command is null)
        {
            return Results.Problem(problem!);
        }

        var (detail, created) = await StoreAsync(command, session, extractor, now, cancellationToken);
        return created ? Results.Created($"/api/intake/documents/{detail.Document.Id}", detail) : Results.Ok(detail);
    }

    /// <summary>Stores the document and its candidates, unless its text is archived already (then that document, not created).</summary>
    public static async Task<(DocumentDetail Detail, bool Created)> StoreAsync(Page command, IDocumentSession session, ICandidateExtractor extractor,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hash = Hash(command.Text);
        if (await Documents.ByHashAsync(session, hash, cancellationToken) is { } archived)
        {
            return (archived, false);
        }

        var read = extractor.Extract(new ExtractionRequest(command.Text, command.Publication, command.PublishedOn, command.Url));
        var keys = read.SelectMany(c => c.Parties).Select(p => PartyNames.Key(p.Name)).Distinct().ToArray();
        var known = (await session.LoadManyAsync<PartyName>(cancellationToken, keys)).ToDictionary(n => n.Id, n => n.PartyId);
        var detail = Archive(command, Guid.CreateVersion7(), now, read, known, Guid.CreateVersion7);
        session.Insert(detail.Document);
        session.Insert<IntakeCandidate>(detail.Candidates);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same text archived meanwhile by another request: its document is the one.
            session.EjectAllPendingChanges();
            return ((await Documents.ByHashAsync(session, hash, cancellationToken))!, false);
        }

        return (detail, true);
    }

    /// <summary>The document as archived: the text given, or the fetched page's.</summary>
    public sealed record Page(string Text, string Publication, DateOnly PublishedOn, string? Url, string? Title);

    /// <summary>A fetched page as archived; what is given (publication, day, title) stands before what the page says.</summary>
    public static async Task<(Page?, ProblemDetails?)> FetchAsync(string address, string? publication, DateOnly? publishedOn, string? title,
        PageFetcher fetcher, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (page, url, problem) = await fetcher.FetchAsync(new Uri(address), cancellationToken);
        if (page is null || url is null)
        {
            return (null, problem);
        }

        // A page's text may hold what a text member may not (controls, bidi overrides): they are dropped, not refused.
        var text = string.Concat(page.Text.EnumerateRunes().Where(r => !Infrastructure.Text.IsUnsafe(r)).Select(r => r.ToString()));
        if (Infrastructure.Text.ShowsNothing(text) || text.Length > IntakeLimits.MaxTextLength)
        {
            return (null, Problems.Validation("url", $"The page at '{url}' has no readable text, or more than {IntakeLimits.MaxTextLength} characters of it."));
        }

        var name = publication?.Trim() ?? Short(page.SiteName) ?? url.Host;
        var heading = title ?? Short(page.Title);
        var day = publishedOn ?? (page.PublishedOn is { } published && published <= Dates.LatestAllowed(now) && published >= Dates.Earliest
            ? published
            : DateOnly.FromDateTime(now.UtcDateTime));
        return (new Page(text, name, day, Source.IsValidUrl(url.ToString()) ? url.ToString() : address, heading), null);
    }

    private static string? Short(string? text) => text is null ? null : text.Length <= TextLimits.Name ? text : text[..TextLimits.Name];
}
