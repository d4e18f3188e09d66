using System.Globalization;
using System.Text;

namespace CarteBlanche.Platform.Territory;

/// <summary>Folds French text for search: no accents, lower case, single spaces
/// ("Saint-Géry" → "saint-gery"). Stored next to names so every database can search it.</summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }
                lastWasSpace = true;
                continue;
            }
            lastWasSpace = false;
            sb.Append(c switch
            {
                'œ' or 'Œ' => "oe",
                'æ' or 'Æ' => "ae",
                '’' => "'",
                _ => char.ToLowerInvariant(c).ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>For a file name: "France Services du Grand Cahors" → "france-services-du-grand-cahors".</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in Fold(name))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        return slug.ToString().TrimEnd('-');
    }
}
