using Negotiations.Intake.Extraction;
using Xunit;

namespace Negotiations.Tests.Intake;

/// <summary>The unit tier's language for the extractor: given a text, the candidates it yields.</summary>
public static class Given
{
    public static readonly DateOnly PublishedOn = new(2026, 1, 29);

    public static IReadOnlyList<Candidate> Text(string text, string publication = "Test Wire", string? url = null) =>
        new RuleExtractor().Extract(new ExtractionRequest(text, publication, PublishedOn, url));

    public static Candidate One(string text) => Assert.Single(Text(text));
}
