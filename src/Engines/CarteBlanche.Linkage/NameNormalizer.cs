namespace CarteBlanche.Linkage;

/// <summary>
/// French names as civil-status files write them, brought to one form: upper case, no accents (É → E, Œ → OE),
/// hyphens, apostrophes and repeated spaces made one space, anything else that is not a letter dropped.
/// </summary>
public static class NameNormalizer
{
    // Particles of French (and neighbouring) surnames: "DE LA FONTAINE", "D'ARTAGNAN", "LE GALL" are also written
    // without them, so a name is compared with and without.
    private static readonly HashSet<string> Particles = ["DE", "DU", "DES", "D", "LE", "LA", "LES", "L", "DEL", "DELA", "VAN", "VON", "DI", "DA"];

    /// <summary>"  Jean-Pierre  d’Arçy " → "JEAN PIERRE D ARCY".</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }
        Span<char> buffer = name.Length <= 128 ? stackalloc char[name.Length * 2] : new char[name.Length * 2];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in name)
        {
            var (first, second) = Fold(c);
            if (first == ' ')
            {
                pendingSpace = length > 0;
                continue;
            }
            if (first == '\0')
            {
                continue;
            }
            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }
            buffer[length++] = first;
            if (second != '\0')
            {
                buffer[length++] = second;
            }
        }
        return new string(buffer[..length]);
    }

    /// <summary>The normalised name without spaces: "DE LA FONTAINE" and "DELAFONTAINE" compare equal.</summary>
    public static string Compact(string normalized) => normalized.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The compact name without its particle words ("DE LA FONTAINE" → "FONTAINE"); the compact name when all words are particles.</summary>
    public static string WithoutParticles(string normalized)
    {
        if (normalized.IndexOf(' ', StringComparison.Ordinal) < 0)
        {
            return normalized;
        }
        var kept = normalized.Split(' ').Where(w => !Particles.Contains(w)).ToArray();
        return kept.Length == 0 ? Compact(normalized) : string.Concat(kept);
    }

    /// <summary>
    /// First names: all of them run together ("JEANPIERREMARIE" for "Jean-Pierre, Marie"), the first first name
    /// ("JEANPIERRE") and its first part ("JEAN"), so that "Jean-Pierre", "Jean Pierre" and "Jean" can be told apart
    /// from "Jean-Marc".
    /// </summary>
    public static (string All, string First, string FirstPart) FirstNameForms(string? firstNames)
    {
        if (string.IsNullOrWhiteSpace(firstNames))
        {
            return ("", "", "");
        }
        // Spaces and commas separate first names; a hyphen stays inside a compound one ("Jean-Pierre").
        var words = firstNames.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        var first = words.Length == 0 ? "" : Normalize(words[0]);
        var firstPart = first.Split(' ')[0];
        var all = Compact(Normalize(firstNames));
        return (all, Compact(first), firstPart);
    }

    private static (char First, char Second) Fold(char c)
    {
        if (c is >= 'A' and <= 'Z')
        {
            return (c, '\0');
        }
        if (c is >= 'a' and <= 'z')
        {
            return ((char)(c - 32), '\0');
        }
        return c switch
        {
            ' ' or '-' or '\'' or '\u2019' or '\u2010' or '\u2011' or '\u2013' or '\t' or '.' or ',' or '_' => (' ', '\0'),
            'à' or 'â' or 'ä' or 'á' or 'ã' or 'å' or 'À' or 'Â' or 'Ä' or 'Á' or 'Ã' or 'Å' => ('A', '\0'),
            'ç' or 'Ç' => ('C', '\0'),
            'é' or 'è' or 'ê' or 'ë' or 'É' or 'È' or 'Ê' or 'Ë' => ('E', '\0'),
            'î' or 'ï' or 'í' or 'ì' or 'Î' or 'Ï' or 'Í' or 'Ì' => ('I', '\0'),
            'ô' or 'ö' or 'ó' or 'ò' or 'õ' or 'ø' or 'Ô' or 'Ö' or 'Ó' or 'Ò' or 'Õ' or 'Ø' => ('O', '\0'),
            'ù' or 'û' or 'ü' or 'ú' or 'Ù' or 'Û' or 'Ü' or 'Ú' => ('U', '\0'),
            'ÿ' or 'ý' or 'Ÿ' or 'Ý' => ('Y', '\0'),
            'ñ' or 'Ñ' => ('N', '\0'),
            'œ' or 'Œ' => ('O', 'E'),
            'æ' or 'Æ' => ('A', 'E'),
            'ß' => ('S', 'S'),
            _ => FoldOther(c),
        };
    }

    // Rare letters (other Latin accents): decomposed, the base letter kept; anything else is dropped.
    private static (char, char) FoldOther(char c)
    {
        if (c < 128 || !char.IsLetter(c))
        {
            return ('\0', '\0');
        }
        var decomposed = c.ToString().Normalize(System.Text.NormalizationForm.FormD);
        var baseLetter = char.ToUpperInvariant(decomposed[0]);
        return baseLetter is >= 'A' and <= 'Z' ? (baseLetter, '\0') : ('\0', '\0');
    }
}
