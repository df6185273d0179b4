using System.Text.RegularExpressions;

namespace Negotiations.Intake.Extraction;

/// <summary>A stretch of the document's text: UTF-16 offset and length, and the words themselves.</summary>
public readonly record struct TextPiece(int Start, string Text)
{
    public int End => Start + Text.Length;
}

/// <summary>
/// Paragraphs (one a line) and their sentences. A full stop ends a sentence unless it ends an abbreviation a company
/// name or a title carries ("Inc.", "Bros.", "U.S.", an initial), so "Warner Bros. Discovery" stays one sentence.
/// </summary>
public static partial class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "inc", "corp", "co", "ltd", "bros", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "vs", "gov", "sen", "rep",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "plc", "cos",
    };

    public static IEnumerable<TextPiece> Paragraphs(string text)
    {
        foreach (Match line in Line().Matches(text))
        {
            var trimmed = line.Value.TrimEnd('\r');
            if (!string.IsNullOrWhiteSpace(trimmed))
            {
                yield return new TextPiece(line.Index, trimmed);
            }
        }
    }

    public static IEnumerable<TextPiece> Of(TextPiece paragraph)
    {
        var start = 0;
        var text = paragraph.Text;
        foreach (Match end in SentenceEnd().Matches(text))
        {
            if (text[end.Index] == '.' && EndsAbbreviation(text, end.Index))
            {
                continue;
            }

            var stop = end.Index + end.Length;
            if (Piece(paragraph, start, stop) is { } sentence)
            {
                yield return sentence;
            }

            start = stop;
        }

        if (Piece(paragraph, start, text.Length) is { } last)
        {
            yield return last;
        }
    }

    private static TextPiece? Piece(TextPiece paragraph, int from, int to)
    {
        var text = paragraph.Text;
        while (from < to && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        while (to > from && char.IsWhiteSpace(text[to - 1]))
        {
            to--;
        }

        return to > from ? new TextPiece(paragraph.Start + from, text[from..to]) : null;
    }

    private static bool EndsAbbreviation(string text, int period)
    {
        var wordStart = period;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..period];
        // "U.S." and initials ("J. Smith"); a lone capital or dotted capitals is never a sentence's last word.
        return Abbreviations.Contains(word) || word.Contains('.', StringComparison.Ordinal)
            || (word.Length == 1 && char.IsUpper(word[0]));
    }

    [GeneratedRegex(@"[^\n]+")]
    private static partial Regex Line();

    /// <summary>A sentence's end: its mark and any closing quote, before blanks and a capital, a digit or an opening quote.</summary>
    [GeneratedRegex(@"[.!?][""”’']?(?=\s+[""“‘']?[\p{Lu}\d$€£¥])")]
    private static partial Regex SentenceEnd();
}
