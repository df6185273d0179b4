using System.Diagnostics;
using System.Globalization;
using System.Text;
using Negotiations.Intake.Extraction;
using Xunit;

namespace Negotiations.Tests.Intake;

/// <summary>How long a ~1,000-word article takes to read, reported, not asserted (a timed assertion would flake on a busy machine).</summary>
public class ExtractionTimingTests(ITestOutputHelper output)
{
    [Fact]
    public void a_thousand_word_article_is_read_and_the_time_reported()
    {
        var article = new StringBuilder();
        foreach (var passage in Corpus.Passages)
        {
            if (article.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 1000)
            {
                break;
            }

            article.AppendLine(passage.Text);
        }

        var text = article.ToString();
        var extractor = new RuleExtractor();
        var request = new ExtractionRequest(text, "Test Wire", new DateOnly(2026, 1, 29));
        var candidates = extractor.Extract(request);
        const int runs = 50;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            extractor.Extract(request);
        }

        watch.Stop();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{words} words, {candidates.Count} candidates: {watch.Elapsed.TotalMilliseconds / runs:0.00} ms per article (mean of {runs}, after one warm-up)"));
        Assert.NotEmpty(candidates);
    }
}
