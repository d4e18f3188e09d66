namespace CarteBlanche.Linkage;

/// <summary>
/// Soundex 2, the French phonetic code of Frédéric Brouard ("L'art des Soundex", sqlpro.developpez.com), in the
/// steps of the published algorithm:
/// 1. upper case, no accents, letters only;
/// 2. primary sounds: GUI → KI, GUE → KE, GA → KA, GO → KO, GU → K, CA → KA, CO → KO, CU → KU, Q → K, CC → K, CK → K;
/// 3. every vowel but Y (E, I, O, U), the first letter excepted, becomes A;
/// 4. prefixes: MAC → MCC, SCH → SSS, ASA → AZA, KN → NN, PH → FF, PF → FF;
/// 5. H dropped unless after C or S (a leading H stays);
/// 6. Y dropped unless after A (a leading Y stays);
/// 7. a final A, D, T or S dropped;
/// 8. every A dropped but the first letter;
/// 9. repeated letters made one; the first four letters kept.
/// Martin → MRTN, Bernard → BRNR, Gauthier → KTR, Rousseau → RS.
/// </summary>
public static class Soundex2
{
    private static readonly (string From, string To)[] PrimarySounds =
    [
        ("GUI", "KI"), ("GUE", "KE"), ("GA", "KA"), ("GO", "KO"), ("GU", "K"), ("CA", "KA"), ("CO", "KO"), ("CU", "KU"),
        ("Q", "K"), ("CC", "K"), ("CK", "K"),
    ];

    private static readonly (string From, string To)[] Prefixes = [("MAC", "MCC"), ("SCH", "SSS"), ("ASA", "AZA"), ("KN", "NN"), ("PH", "FF"), ("PF", "FF")];

    /// <summary>The code (one to four letters, "" for no letter) of a name in any form.</summary>
    public static string Encode(string? name)
    {
        Span<char> code = stackalloc char[4];
        var length = Encode(name, code);
        return new string(code[..length]);
    }

    /// <summary>The code packed in an int (5 bits a letter), 0 for no letter: a blocking key part.</summary>
    internal static int Pack(string? name)
    {
        Span<char> code = stackalloc char[4];
        var length = Encode(name, code);
        var packed = 0;
        for (var i = 0; i < length; i++)
        {
            packed = (packed << 5) | (code[i] - 'A' + 1);
        }
        return packed;
    }

    private static int Encode(string? name, Span<char> code)
    {
        var normalized = NameNormalizer.Normalize(name);
        Span<char> s = normalized.Length <= 64 ? stackalloc char[normalized.Length] : new char[normalized.Length];
        var n = 0;
        foreach (var c in normalized)
        {
            if (c != ' ')
            {
                s[n++] = c;
            }
        }
        if (n == 0)
        {
            return 0;
        }
        if (n == 1)
        {
            code[0] = s[0];
            return 1;
        }
        foreach (var (from, to) in PrimarySounds)
        {
            n = ReplaceAll(s, n, from, to);
        }
        for (var i = 1; i < n; i++)
        {
            if (s[i] is 'E' or 'I' or 'O' or 'U')
            {
                s[i] = 'A';
            }
        }
        foreach (var (from, to) in Prefixes)
        {
            if (s[..n].StartsWith(from))
            {
                to.AsSpan().CopyTo(s);
            }
        }
        // H and Y: the letter before is read as it was before this step.
        var written = 1;
        var previous = s[0];
        for (var i = 1; i < n; i++)
        {
            var c = s[i];
            var drop = (c == 'H' && previous is not ('C' or 'S')) || (c == 'Y' && previous != 'A');
            previous = c;
            if (!drop)
            {
                s[written++] = c;
            }
        }
        n = written;
        if (n > 1 && s[n - 1] is 'A' or 'D' or 'T' or 'S')
        {
            n--;
        }
        var length = 0;
        for (var i = 0; i < n && length < 4; i++)
        {
            var c = s[i];
            if (i > 0 && c == 'A')
            {
                continue;
            }
            if (length > 0 && code[length - 1] == c)
            {
                continue;
            }
            code[length++] = c;
        }
        return length;
    }

    // Every occurrence, left to right, without overlap (as PHP's str_replace); never lengthens.
    private static int ReplaceAll(Span<char> s, int n, string from, string to)
    {
        if (s[..n].IndexOf(from) < 0)
        {
            return n;
        }
        var read = 0;
        var write = 0;
        while (read < n)
        {
            if (read + from.Length <= n && s.Slice(read, from.Length).SequenceEqual(from))
            {
                to.AsSpan().CopyTo(s[write..]);
                write += to.Length;
                read += from.Length;
            }
            else
            {
                s[write++] = s[read++];
            }
        }
        return write;
    }
}
