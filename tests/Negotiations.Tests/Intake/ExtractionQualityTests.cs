using System.Globalization;
using System.Text;
using Negotiations.Intake.Extraction;
using Xunit;

namespace Negotiations.Tests.Intake;

/// <summary>The rules extractor against the labelled corpus: per field and per phrase family, with the targets it must meet.</summary>
public class ExtractionQualityTests(ITestOutputHelper output)
{
    private static readonly CorpusScore Score = CorpusScore.Of(Corpus.Passages, new RuleExtractor());

    [Fact]
    public void the_corpus_has_at_least_80_passages_and_15_without_a_deal()
    {
        Assert.True(Corpus.Passages.Count >= 80, $"{Corpus.Passages.Count} passages");
        Assert.True(Corpus.Passages.Count(p => p.Tags.Contains("nodeal")) >= 15);
        Assert.All(Corpus.Passages.Where(p => p.Tags.Contains("nodeal")), p => Assert.Empty(p.Candidates));
    }

    [Fact]
    public void the_extractor_meets_the_targets_on_the_corpus()
    {
        output.WriteLine(Table(Score, Corpus.Passages));
        foreach (var miss in Score.Misses)
        {
            output.WriteLine(miss);
        }

        Assert.True(Score.Money.F1 >= 0.95, $"money F1 {Score.Money.F1:0.000}");
        Assert.True(Score.Parties.F1 >= 0.9, $"parties F1 {Score.Parties.F1:0.000}");
        Assert.True(Ratio(Score.Attribution) >= 0.9, $"attribution accuracy {Ratio(Score.Attribution):0.000}");
        Assert.True(Ratio(Score.EventType) >= 0.85, $"event type accuracy {Ratio(Score.EventType):0.000}");
        Assert.Equal(0, Score.NoDealCandidates);
    }

    [Fact]
    public void the_extractor_is_measured_on_passages_written_after_its_rules()
    {
        var heldOut = CorpusScore.Of(Corpus.HeldOut, new RuleExtractor());
        output.WriteLine(Table(heldOut, Corpus.HeldOut));
        foreach (var miss in heldOut.Misses)
        {
            output.WriteLine(miss);
        }

        Assert.True(Corpus.HeldOut.Count >= 25);
    }

    private static double Ratio((int Right, int Of) counts) => counts.Of == 0 ? 1 : (double)counts.Right / counts.Of;

    public static string Table(CorpusScore score, IReadOnlyList<Passage> passages)
    {
        var table = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        table.AppendLine(culture, $"{"measure",-22} {"precision",9} {"recall",7} {"F1",6}");
        foreach (var (name, tally) in new[] { ("candidates", score.Candidates), ("money", score.Money), ("parties", score.Parties) })
        {
            table.AppendLine(culture, $"{name,-22} {tally.Precision,9:0.000} {tally.Recall,7:0.000} {tally.F1,6:0.000}");
        }

        foreach (var (name, counts) in new[] { ("attribution", score.Attribution), ("relays", score.Relays), ("event type", score.EventType), ("response", score.Response) })
        {
            table.AppendLine(culture, $"{name + " accuracy",-22} {Ratio(counts),24:0.000}  ({counts.Right}/{counts.Of})");
        }

        table.AppendLine(culture, $"{"no-deal candidates",-22} {score.NoDealCandidates,24}");
        table.AppendLine();
        table.AppendLine(culture, $"{"family",-14} {"passages",8} {"cand. F1",8} {"money F1",8}");
        foreach (var (family, (candidates, money)) in score.Families.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var count = passages.Count(p => p.Tags.Contains(family));
            table.AppendLine(culture, $"{family,-14} {count,8} {candidates.F1,8:0.000} {money.F1,8:0.000}");
        }

        return table.ToString();
    }
}
