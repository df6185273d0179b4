using System.Text.RegularExpressions;

namespace Negotiations.Intake.Extraction;

/// <summary>
/// A proper name in a sentence (offsets in the sentence). <c>Possessor</c> when it is written "X's"; such a name right
/// before another ("Abu Dhabi's MGX") only says where the other is from.
/// </summary>
public sealed record NameSpan(int Start, int End, string Name, bool Possessor);

/// <summary>
/// Names as news writes them: runs of capitalised words ("Texas Pacific Land", "Warner Bros. Discovery", "Seven &amp; i
/// Holdings", "T-Mobile US") and lower-case-first brands ("xAI"). Words that are capitalised for another reason are not
/// names: a sentence's first word when it is a common word, days, months, nationalities and places.
/// </summary>
public static partial class NamePhrases
{
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "in", "on", "at", "under", "after", "before", "talks", "shares", "representatives", "private", "fintech",
        "tech", "analysts", "it", "its", "they", "their", "but", "and", "while", "as", "according", "people", "sources", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december", "indian", "british", "japanese", "chinese", "american",
        "european", "swiss", "german", "french", "gulf", "korean", "saudi", "italian", "spanish", "dutch", "canadian", "australian",
        "israeli", "emirati", "indonesian", "europe", "asia", "africa", "india", "china", "japan", "britain", "germany", "france",
        "tokyo", "london", "new york", "illinois", "united states", "u.s.", "u.k.", "us", "uk", "eu", "wall street", "ai", "ceo",
        "ipo", "chief executive", "chief", "executive", "spokesperson", "spokesman", "spokeswoman", "qatar", "abu dhabi",
        "dubai", "singapore", "korea", "south korea", "brazil", "mexico", "canada", "australia", "switzerland", "italy", "spain",
        "state", "federal", "of", "de", "this", "that", "these", "those", "we", "our", "if", "when", "under", "with", "for", "by", "from",
    };

    /// <summary>Words that end a name with a full stop of their own ("Bros.", "Inc.").</summary>
    private static readonly HashSet<string> DottedWords = new(StringComparer.OrdinalIgnoreCase) { "bros.", "inc.", "corp.", "co.", "ltd.", "jr.", "cos." };

    public static List<NameSpan> Find(string sentence)
    {
        var spans = new List<NameSpan>();
        foreach (Match run in Run().Matches(sentence))
        {
            // "Saudi Arabia's Public Investment Fund": a possessive ends a name.
            var offset = run.Index;
            foreach (var part in Possessive().Split(run.Value))
            {
                var possessor = offset + part.Length < run.Index + run.Length;
                Add(spans, sentence, offset, part, possessor);
                offset += part.Length + (possessor ? PossessiveLength(sentence, offset + part.Length) : 0);
            }
        }

        return spans;
    }

    private static int PossessiveLength(string sentence, int at) => Possessive().Match(sentence, at) is { Success: true } m && m.Index == at ? m.Length : 0;

    private static void Add(List<NameSpan> spans, string sentence, int start, string text, bool possessor)
    {
        start += text.Length - text.TrimStart().Length;
        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var skipped = 0;
        // Leading common words ("A", "Private", "Shares of") are not part of the name; a capital "The" inside a sentence is
        // ("The Information").
        while (words.Count > 0 && NotNames.Contains(words[0].TrimEnd('.', ',')) && !(words[0] == "The" && start + skipped > 0))
        {
            skipped += words[0].Length + 1;
            words.RemoveAt(0);
        }

        if (words.Count == 0)
        {
            return;
        }

        var name = string.Join(' ', words);
        if (name.EndsWith('.') && !DottedWords.Contains(words[^1]) && !DottedInitials().IsMatch(words[^1]))
        {
            name = name[..^1];
        }

        name = name.TrimEnd(',', ';', ':');
        if (name.Length == 0 || NotNames.Contains(name))
        {
            return;
        }

        var at = start + skipped;
        spans.Add(new NameSpan(at, at + name.Length, name, possessor));
    }

    /// <summary>The name nearest before <paramref name="position"/>, with the names listed with it ("Microsoft, Nvidia and Amazon").</summary>
    public static List<NameSpan> ListEndingBefore(string sentence, IReadOnlyList<NameSpan> spans, int position)
    {
        var last = spans.LastOrDefault(s => s.End <= position);
        if (last is null)
        {
            return [];
        }

        var list = new List<NameSpan> { last };
        var index = IndexOf(spans, last);
        var needAnd = true;
        while (index > 0)
        {
            var joint = sentence[spans[index - 1].End..spans[index].Start];
            if (spans[index - 1].Possessor || !(needAnd ? AndJoint().IsMatch(joint) : ListJoint().IsMatch(joint)))
            {
                break;
            }

            list.Insert(0, spans[index - 1]);
            needAnd = false;
            index--;
        }

        return list;
    }

    /// <summary>The first name from <paramref name="position"/> on and the names listed with it ("Sequoia Capital and Accel").</summary>
    public static List<NameSpan> ListStartingAt(string sentence, IReadOnlyList<NameSpan> spans, int position, int limit)
    {
        var first = spans.FirstOrDefault(s => s.Start >= position && s.End <= limit);
        if (first is null)
        {
            return [];
        }

        var index = IndexOf(spans, first);
        var run = new List<NameSpan> { first };
        var listed = 1;
        while (index + 1 < spans.Count && spans[index + 1].End <= limit)
        {
            var joint = sentence[spans[index].End..spans[index + 1].Start];
            if (!ListJoint().IsMatch(joint))
            {
                break;
            }

            run.Add(spans[index + 1]);
            if (AndJoint().IsMatch(joint))
            {
                listed = run.Count;
            }

            index++;
        }

        return run.Take(listed).ToList();
    }

    private static int IndexOf(IReadOnlyList<NameSpan> spans, NameSpan span)
    {
        for (var i = 0; i < spans.Count; i++)
        {
            if (ReferenceEquals(spans[i], span))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A run of name words: capitalised or brand-like, joined by single spaces, "&amp;", "of" or "de".</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?:\p{Lu}[\p{L}\p{M}\d&.'’]*(?:-\p{Lu}[\p{L}\p{M}\d.]*)*|\p{Ll}{1,3}\p{Lu}[\p{L}\d]*)(?:(?:\s(?:&|of|de|du|von|van)\s|\s&\s(?=\p{L}))?\s?(?<=\s)(?:\p{Lu}[\p{L}\p{M}\d&.'’]*(?:-\p{Lu}[\p{L}\p{M}\d.]*)*|\p{Ll}{1,3}\p{Lu}[\p{L}\d]*|(?<=&\s)\p{Ll}+))*(?![\p{L}-])", RegexOptions.CultureInvariant)]
    private static partial Regex Run();

    [GeneratedRegex(@"['’]s?(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Possessive();

    [GeneratedRegex(@"^(?:\p{Lu}\.)+$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedInitials();

    [GeneratedRegex(@"^(?:,?\s+and\s+|\s*&\s*)$", RegexOptions.CultureInvariant)]
    private static partial Regex AndJoint();

    [GeneratedRegex(@"^(?:,\s*|,?\s+and\s+|\s*&\s*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ListJoint();
}
