using Alba;
using Negotiations.Intake.Archiving;
using Negotiations.Intake.Reviewing;
using Negotiations.Tests.Deals;

namespace Negotiations.Tests.Intake;

/// <summary>The intake's language over HTTP: archive a document, read it and its candidates, accept or reject one.</summary>
public static class IntakeScenarios
{
    public const string Article =
        "Amazon is in talks to invest as much as $50 billion in OpenAI, according to people familiar with the matter. " +
        "Amazon declined to comment.\nShares of Amazon rose 2% on Tuesday.";

    public static object Document(string text = Article, string publication = "Wall Street Journal", string publishedOn = "2026-01-29",
        string? url = "https://example.com/amazon-openai", string? title = "Amazon in talks to invest in OpenAI") =>
        new { text, publication, publishedOn, url, title };

    public static async Task<DocumentDetail> Archive(this IAlbaHost host, object? document = null, int status = 201) =>
        await (await host.Post("/api/intake/documents", document ?? Document(), status)).ReadAs<DocumentDetail>();

    public static async Task<CandidateAccepted> Accept(this IAlbaHost host, Guid candidate, object? edits = null) =>
        await (await host.Post($"/api/intake/candidates/{candidate}/accept", edits ?? new { }, 200)).ReadAs<CandidateAccepted>();
}
