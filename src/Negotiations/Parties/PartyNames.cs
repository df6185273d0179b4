using System.Globalization;
using System.Text;

namespace Negotiations.Parties;

/// <summary>
/// When two names are the same party's name: compared by their key — trimmed, inner white space collapsed to one space,
/// diacritics stripped, lower-cased (invariant). "  Nestlé   S.A. " and "nestle s.a." have one key.
/// </summary>
public static class PartyNames
{
    public static string Key(string name)
    {
        var decomposed = string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }

        return kept.ToString().Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }
}
