using System.Text.RegularExpressions;
using Negotiations.Deals;

namespace Negotiations.Intake.Extraction;

/// <summary>What a deal verb makes of the names around it.</summary>
public enum FrameKind { Invest, Acquire, Approach, Raise, Sell, Merge }

/// <summary>
/// One deal verb in a clause and the parties it gives roles to (offsets in the sentence): the names before it act (the
/// investor, the buyer, the company raising, the seller, the merging companies), the name after it is acted on; "from",
/// "to", "led by" and "with participation from" name the others. <c>Pairs</c> are "$2 billion from Thrive Capital",
/// one investor's money each.
/// </summary>
public sealed record Frame(
    FrameKind Kind,
    List<NameSpan> Actors,
    NameSpan? ActedOn,
    List<(NameSpan Name, PartyRole Role)> Others,
    bool Stake,
    bool RaisedMoney,
    List<(NameSpan Investor, MoneyMention Money)> Pairs);

public static partial class DealFrames
{
    private static readonly (Regex Cue, FrameKind Kind, bool Nominal)[] Cues =
    [
        (Approach(), FrameKind.Approach, false),
        (RaiseVerb(), FrameKind.Raise, false),
        (RaiseNoun(), FrameKind.Raise, true),
        (SellVerb(), FrameKind.Sell, false),
        (SellNoun(), FrameKind.Sell, true),
        (MergeVerb(), FrameKind.Merge, false),
        (MergeNoun(), FrameKind.Merge, true),
        (AcquireVerb(), FrameKind.Acquire, false),
        (AcquireNoun(), FrameKind.Acquire, true),
        (InvestVerb(), FrameKind.Invest, false),
        (InvestNoun(), FrameKind.Invest, true),
    ];

    /// <summary>The frame of a clause (<paramref name="from"/> to <paramref name="to"/> in the sentence), from its first deal verb; null when it has none.</summary>
    public static Frame? Of(string sentence, int from, int to, IReadOnlyList<NameSpan> names, IReadOnlyList<MoneyMention> money)
    {
        var clause = sentence[from..to];
        var cue = Cues
            .SelectMany(c => c.Cue.Matches(clause).Select(m => (Match: m, c.Kind, c.Nominal)))
            .Where(c => !names.Any(n => n.Start < from + c.Match.Index + c.Match.Length && from + c.Match.Index < n.End))
            .OrderBy(c => c.Match.Index)
            .FirstOrDefault();
        if (cue.Match is null)
        {
            return null;
        }

        var cueStart = from + cue.Match.Index;
        var cueEnd = cueStart + cue.Match.Length;
        var inClause = names.Where(n => n.Start >= from && n.End <= to).ToList();
        var actors = NamePhrases.ListEndingBefore(sentence, inClause, cueStart);
        if (actors is [{ Possessor: true }] && !cue.Nominal)
        {
            // "Qatar's sovereign wealth fund is considering": the one acting is not named.
            actors = [];
        }

        var after = inClause.Where(n => n.Start >= cueEnd).ToList();
        NameSpan? Preceded(string word) => after.FirstOrDefault(n => Before(sentence, n).EndsWith(word, StringComparison.OrdinalIgnoreCase));
        var others = new List<(NameSpan, PartyRole)>();
        NameSpan? target = null;
        var pairs = new List<(NameSpan, MoneyMention)>();
        switch (cue.Kind)
        {
            case FrameKind.Raise:
                foreach (var introducer in new[] { "from", "led by", "including" })
                {
                    foreach (var start in after.Where(n => Before(sentence, n).EndsWith(introducer, StringComparison.OrdinalIgnoreCase)).Take(1))
                    {
                        others.AddRange(NamePhrases.ListStartingAt(sentence, after, start.Start, to)
                            .Where(n => others.All(o => o.Item1 != n)).Select(n => (n, PartyRole.Investor)));
                    }
                }

                others.Sort((a, b) => a.Item1.Start.CompareTo(b.Item1.Start));
                pairs.AddRange(money.Where(m => m.Start >= from && m.End <= to)
                    .Select(m => (Investor: after.FirstOrDefault(n => n.Start > m.End && FromJoint().IsMatch(sentence[m.End..n.Start])), Money: m))
                    .Where(p => p.Investor is not null)!);
                break;
            case FrameKind.Sell:
                target = after.FirstOrDefault(n => !Before(sentence, n).EndsWith("to", StringComparison.OrdinalIgnoreCase));
                if (Preceded("to") is { } buyer)
                {
                    others.Add((buyer, PartyRole.Acquirer));
                }

                break;
            case FrameKind.Merge:
                target = Preceded("with") ?? after.FirstOrDefault();
                break;
            case FrameKind.Acquire:
                target = after.FirstOrDefault(n => !Before(sentence, n).EndsWith("from", StringComparison.OrdinalIgnoreCase));
                if (Preceded("from") is { } seller)
                {
                    others.Add((seller, PartyRole.Seller));
                }

                break;
            default:
                target = after.FirstOrDefault();
                break;
        }

        var stake = target is not null ? StakeWord().IsMatch(sentence[cueStart..target.Start]) : StakeWord().IsMatch(sentence[cueStart..to]);
        var raised = cue.Kind == FrameKind.Raise && RaisedPast().IsMatch(cue.Match.Value);
        return new Frame(cue.Kind, actors, target, others, stake, raised, pairs.Count >= 2 ? pairs : []);
    }

    private static string Before(string sentence, NameSpan name) => sentence[Math.Max(0, name.Start - 30)..name.Start].TrimEnd();

    /// <summary>The role of the names before the verb, and of the name after it.</summary>
    public static (PartyRole Actor, PartyRole ActedOn) Roles(Frame frame) => frame.Kind switch
    {
        FrameKind.Invest => (PartyRole.Investor, PartyRole.Target),
        FrameKind.Acquire or FrameKind.Approach => (frame.Stake ? PartyRole.Investor : PartyRole.Acquirer, PartyRole.Target),
        FrameKind.Raise => (PartyRole.Target, PartyRole.Investor),
        FrameKind.Sell => (PartyRole.Seller, PartyRole.Target),
        _ => (PartyRole.Other, PartyRole.Other),
    };

    [GeneratedRegex(@"\bapproach(?:ed|es)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Approach();

    [GeneratedRegex(@"\brais(?:e|es|ed|ing)\b(?!\s+(?:its|their|his|her|the|prices?|rates?|fees?|guidance|forecasts?|outlook|concerns?|questions?|doubts?|dividends?|stakes?|offer|bid)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RaiseVerb();

    [GeneratedRegex(@"\b(?:funding|fundraising)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RaiseNoun();

    [GeneratedRegex(@"\b(?:sell|sells|selling|sold|divest(?:s|ed|ing)?|offload(?:s|ed|ing)?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SellVerb();

    [GeneratedRegex(@"\bsale\s+of\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SellNoun();

    [GeneratedRegex(@"\b(?:merg(?:e|es|ed|ing)|combine with)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MergeVerb();

    [GeneratedRegex(@"\bmergers?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MergeNoun();

    [GeneratedRegex(@"\b(?:acquir(?:e|es|ed|ing)|buy|buys|buying|bought|purchas(?:e|es|ed|ing)|take over|taking over|pay|pays|paying)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AcquireVerb();

    [GeneratedRegex(@"\b(?:acquisition|takeover|buyout|offer(?:ed|s)?(?!\s+to\b)|bid|bids)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AcquireNoun();

    [GeneratedRegex(@"\b(?:invest(?:s|ed|ing)?|put(?:ting)?\s+in|putting|pour(?:s|ed|ing)?|inject(?:s|ed|ing)?|contribut(?:e|es|ed|ing)|commit(?:s|ted|ting)?|lead(?:s|ing)?(?=\s+(?:a|the|an)\s+(?:\S+\s+){0,3}?round))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InvestVerb();

    [GeneratedRegex(@"\b(?:investments?|stakes?|commitments?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InvestNoun();

    [GeneratedRegex(@"\bstake\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StakeWord();

    [GeneratedRegex(@"^raised$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RaisedPast();

    [GeneratedRegex(@"^\s+from\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromJoint();
}
