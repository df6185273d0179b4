using System.Globalization;
using Negotiations.Deals;
using Negotiations.Intake.Extraction;
using Negotiations.Parties;

namespace Negotiations.Tests.Intake;

/// <summary>Counts of one measure: true and false positives and false negatives, and what they give.</summary>
public sealed class Tally
{
    public int TruePositives { get; set; }
    public int FalsePositives { get; set; }
    public int FalseNegatives { get; set; }

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(Tally other)
    {
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        FalseNegatives += other.FalseNegatives;
    }
}

/// <summary>
/// Scores the extractor's candidates against the corpus's: candidates are paired within a passage by the parties they
/// share (then the event type); each pair is compared field by field. A figure matches on value within 1%, currency,
/// qualifier and high; parties on name (as <see cref="PartyNames.Key"/> matches them) and role.
/// </summary>
public sealed class CorpusScore
{
    public Tally Candidates { get; } = new();
    public Tally Money { get; } = new();
    public Tally Parties { get; } = new();
    public (int Right, int Of) Attribution { get; private set; }
    public (int Right, int Of) Relays { get; private set; }
    public (int Right, int Of) EventType { get; private set; }
    public (int Right, int Of) Response { get; private set; }
    public int NoDealCandidates { get; private set; }
    public Dictionary<string, (Tally Candidates, Tally Money)> Families { get; } = new(StringComparer.Ordinal);
    public List<string> Misses { get; } = [];

    public static CorpusScore Of(IEnumerable<Passage> passages, ICandidateExtractor extractor)
    {
        var score = new CorpusScore();
        foreach (var passage in passages)
        {
            var found = extractor.Extract(new ExtractionRequest(passage.Text, "Test Wire", new DateOnly(2026, 1, 29))).ToList();
            score.Add(passage, found);
        }

        return score;
    }

    private void Add(Passage passage, List<Candidate> found)
    {
        var candidates = new Tally();
        var money = new Tally();
        if (passage.Tags.Contains("nodeal"))
        {
            NoDealCandidates += found.Count;
        }

        var unmatched = found.ToList();
        foreach (var expected in passage.Candidates)
        {
            var wanted = ExpectedParties(expected);
            var best = unmatched
                .Select(c => (Candidate: c, Score: c.Parties.Count(p => wanted.Any(w => w.Key == PartyNames.Key(p.Name))) * 2 + (c.EventType == expected.EventType ? 1 : 0)))
                .Where(x => x.Score >= 2)
                .OrderByDescending(x => x.Score)
                .Select(x => x.Candidate)
                .FirstOrDefault();
            Attribution = (Attribution.Right + (best?.Source.Attribution.ToString() == expected.Attribution ? 1 : 0), Attribution.Of + 1);
            Relays = (Relays.Right + (best is not null && best.Source.Relays == expected.Relays ? 1 : 0), Relays.Of + 1);
            EventType = (EventType.Right + (best?.EventType == expected.EventType ? 1 : 0), EventType.Of + 1);
            if (expected.Response is not null)
            {
                Response = (Response.Right + (best?.Response?.ToString() == expected.Response ? 1 : 0), Response.Of + 1);
            }

            if (best is null)
            {
                candidates.FalseNegatives++;
                Misses.Add($"MISSED {expected.EventType} {expected.Parties} in: {passage.Text}");
                CompareParties(wanted, [], Parties);
                CompareMoney(expected, null, money);
                continue;
            }

            unmatched.Remove(best);
            candidates.TruePositives++;
            CompareParties(wanted, best.Parties, Parties);
            CompareMoney(expected, best, money);
            var differences = Differences(expected, best);
            if (differences.Length > 0)
            {
                Misses.Add($"WRONG {expected.EventType} {expected.Parties}: {differences} in: {passage.Text}");
            }
        }

        foreach (var extra in unmatched)
        {
            candidates.FalsePositives++;
            CompareParties([], extra.Parties, Parties);
            CompareMoney(null, extra, money);
            Misses.Add($"EXTRA {extra.EventType} {string.Join("|", extra.Parties.Select(p => $"{p.Name}:{p.Role}"))} {Show(extra.Amount)} in: {passage.Text}");
        }

        Candidates.Add(candidates);
        Money.Add(money);
        foreach (var tag in passage.Tags)
        {
            if (!Families.TryGetValue(tag, out var family))
            {
                Families[tag] = family = (new Tally(), new Tally());
            }

            family.Candidates.Add(candidates);
            family.Money.Add(money);
        }
    }

    private static string Differences(Expected expected, Candidate found)
    {
        var notes = new List<string>();
        var wanted = ExpectedParties(expected).Select(p => $"{p.Key}:{p.Role}").Order(StringComparer.Ordinal);
        var got = found.Parties.Select(p => $"{PartyNames.Key(p.Name)}:{p.Role}").Order(StringComparer.Ordinal);
        if (!wanted.SequenceEqual(got))
        {
            notes.Add($"parties {string.Join("|", got)}");
        }

        if (found.EventType != expected.EventType)
        {
            notes.Add($"type {found.EventType}");
        }

        if (found.Source.Attribution.ToString() != expected.Attribution)
        {
            notes.Add($"attribution {found.Source.Attribution}");
        }

        if (found.Source.Relays != expected.Relays)
        {
            notes.Add($"relays {found.Source.Relays}");
        }

        foreach (var (field, want, have) in Figures(expected, found))
        {
            if (!Same(want, have))
            {
                notes.Add($"{field} {Show(have)} (want {Show(want)})");
            }
        }

        return string.Join("; ", notes);
    }

    private static IEnumerable<(string Field, ReportedAmount? Want, ReportedAmount? Have)> Figures(Expected? expected, Candidate? found)
    {
        yield return ("amount", Figure(expected?.Amount), found?.Amount);
        yield return ("valuation", Figure(expected?.Valuation), found?.Valuation is { } v ? new ReportedAmount(v.Value, v.Currency, v.Qualifier, v.High) : null);
        yield return ("roundSize", Figure(expected?.Round), found?.RoundSize);
        yield return ("basis", null, null);
        if (expected?.Valuation is { } valuation && found?.Valuation is { } got && Basis(valuation) != got.Basis)
        {
            yield return ("basis", new ReportedAmount(1, "USD"), null);
        }
    }

    private static void CompareMoney(Expected? expected, Candidate? found, Tally tally)
    {
        foreach (var (_, want, have) in Figures(expected, found))
        {
            if (want is not null && have is not null && Same(want, have))
            {
                tally.TruePositives++;
                continue;
            }

            tally.FalsePositives += have is not null ? 1 : 0;
            tally.FalseNegatives += want is not null ? 1 : 0;
        }
    }

    private void CompareParties(List<(string Key, PartyRole Role)> wanted, IReadOnlyList<CandidateParty> found, Tally tally)
    {
        var got = found.Select(p => (Key: PartyNames.Key(p.Name), p.Role)).ToList();
        var matched = got.Count(g => wanted.Contains(g));
        tally.TruePositives += matched;
        tally.FalsePositives += got.Count - matched;
        tally.FalseNegatives += wanted.Count - matched;
        _ = this;
    }

    private static bool Same(ReportedAmount? want, ReportedAmount? have) =>
        (want, have) switch
        {
            (null, null) => true,
            ({ } w, { } h) => Near(w.Value, h.Value) && w.Currency == h.Currency && w.Qualifier == h.Qualifier
                && (w.High is null ? h.High is null : h.High is { } high && Near(w.High.Value, high)),
            _ => false,
        };

    private static bool Near(decimal want, decimal have) => Math.Abs(want - have) <= Math.Abs(want) * 0.01m;

    private static List<(string Key, PartyRole Role)> ExpectedParties(Expected expected) =>
        [.. expected.Parties.Split('|').Select(p => p.Split(':')).Select(p => (PartyNames.Key(p[0]), Enum.Parse<PartyRole>(p[1])))];

    /// <summary>"UpTo 50e9 USD", "Between 5e9-7e9 USD", or for a valuation "PostMoney Exact 183e9 USD".</summary>
    private static ReportedAmount? Figure(string? spec)
    {
        if (spec is null)
        {
            return null;
        }

        var words = spec.Split(' ');
        if (Enum.TryParse<ValuationBasis>(words[0], out _))
        {
            words = words[1..];
        }

        var qualifier = Enum.Parse<AmountQualifier>(words[0]);
        var values = words[1].Split('-').Select(v => decimal.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        return new ReportedAmount(values[0], words[2], qualifier, values.Length > 1 ? values[1] : null);
    }

    private static ValuationBasis Basis(string spec) => Enum.Parse<ValuationBasis>(spec.Split(' ')[0]);

    private static string Show(ReportedAmount? amount) =>
        amount is null ? "none" : string.Create(CultureInfo.InvariantCulture, $"{amount.Qualifier} {amount.Value:0.###}{(amount.High is { } h ? $"-{h:0.###}" : "")} {amount.Currency}");
}
