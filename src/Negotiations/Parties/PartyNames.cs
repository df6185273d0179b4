using System.Globalization;
using System.Text;

namespace Negotiations.Parties;

/// <summary>
/// How party names are matched: case- and accent-insensitively, ignoring surrounding and repeated inner spaces. Nothing
/// else is guessed ("Amazon.com" and "Amazon" are different names until someone records one as the other's alias).
/// </summary>
public static class PartyNames
{
    /// <summary>The matching key of a name: trimmed, inner whitespace collapsed to one space, diacritics removed, lower case.</summary>
    public static string Key(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = key.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                key.Append(' ');
                pendingSpace = false;
            }

            key.Append(char.ToLowerInvariant(c));
        }

        return key.ToString().Normalize(NormalizationForm.FormC);
    }
}
