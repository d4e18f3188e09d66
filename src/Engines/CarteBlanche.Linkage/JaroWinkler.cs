using System.Buffers;

namespace CarteBlanche.Linkage;

/// <summary>
/// Jaro-Winkler similarity (Winkler 1990): Jaro's matches within half the longer length, transpositions halved, then
/// a bonus of 0.1 a common prefix letter (at most 4) when Jaro is above 0.7. No allocation for names up to 128 letters.
/// MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.840, DIXON/DICKSONX 0.813.
/// </summary>
public static class JaroWinkler
{
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1.0 : 0.0;
        }
        if (a.SequenceEqual(b))
        {
            return 1.0;
        }
        var total = a.Length + b.Length;
        bool[]? rented = null;
        Span<bool> flags = total <= 256 ? stackalloc bool[256] : (rented = ArrayPool<bool>.Shared.Rent(total));
        flags = flags[..total];
        flags.Clear();
        try
        {
            return Compute(a, b, flags[..a.Length], flags[a.Length..]);
        }
        finally
        {
            if (rented != null)
            {
                ArrayPool<bool>.Shared.Return(rented);
            }
        }
    }

    private static double Compute(ReadOnlySpan<char> a, ReadOnlySpan<char> b, Span<bool> aMatched, Span<bool> bMatched)
    {
        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            var c = a[i];
            for (var j = from; j <= to; j++)
            {
                if (!bMatched[j] && b[j] == c)
                {
                    aMatched[i] = true;
                    bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0)
        {
            return 0.0;
        }
        var halfTranspositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
            {
                continue;
            }
            while (!bMatched[k])
            {
                k++;
            }
            if (a[i] != b[k])
            {
                halfTranspositions++;
            }
            k++;
        }
        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (halfTranspositions / 2)) / m)) / 3.0;
        if (jaro <= 0.7)
        {
            return jaro;
        }
        var prefix = 0;
        var maxPrefix = Math.Min(4, Math.Min(a.Length, b.Length));
        while (prefix < maxPrefix && a[prefix] == b[prefix])
        {
            prefix++;
        }
        return jaro + (prefix * 0.1 * (1.0 - jaro));
    }
}
