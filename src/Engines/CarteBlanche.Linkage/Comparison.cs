namespace CarteBlanche.Linkage;

/// <summary>A record brought to the forms that are compared: computed once, before blocking.</summary>
internal struct PreparedPerson
{
    // Distinct compact forms of the usage and birth names, with and without particles ("" when absent).
    public string Last1;
    public string Last2;
    public string Last3;
    public string Last4;
    public string FirstAll;
    public string FirstFirst;
    public string FirstPart;
    public int Year;
    public int Month;
    public int Day;
    public int DayNumber;
    public byte Sex;
    public int BirthPlace;
    public int Commune;
    public string? Nir;
    public int NirKey;
    public int LastSoundex;
    public int BirthNameSoundex;
    public int FirstSoundex;

    public readonly string LastForm(int i) => i switch { 0 => Last1, 1 => Last2, 2 => Last3, _ => Last4 };

    public static PreparedPerson From(PersonRecord record)
    {
        var usage = NameNormalizer.Normalize(record.LastName);
        var birth = NameNormalizer.Normalize(record.BirthName);
        Span<string> forms = ["", "", "", ""];
        var count = 0;
        foreach (var form in new[] { NameNormalizer.Compact(usage), NameNormalizer.WithoutParticles(usage), NameNormalizer.Compact(birth), NameNormalizer.WithoutParticles(birth) })
        {
            if (form.Length > 0 && !forms[..count].Contains(form))
            {
                forms[count++] = form;
            }
        }
        var (all, first, part) = NameNormalizer.FirstNameForms(record.FirstNames);
        var date = record.BirthDate;
        return new PreparedPerson
        {
            Last1 = forms[0],
            Last2 = forms[1],
            Last3 = forms[2],
            Last4 = forms[3],
            FirstAll = all,
            FirstFirst = first,
            FirstPart = part,
            Year = date?.Year ?? 0,
            Month = date?.Month ?? 0,
            Day = date?.Day ?? 0,
            DayNumber = date?.DayNumber ?? -1,
            Sex = record.Sex switch { 'M' or 'm' => 1, 'F' or 'f' => 2, _ => 0 },
            BirthPlace = InseeCode(record.BirthPlace),
            Commune = InseeCode(record.Commune),
            Nir = string.IsNullOrWhiteSpace(record.NirHash) ? null : record.NirHash,
            NirKey = string.IsNullOrWhiteSpace(record.NirHash) ? 0 : StringComparer.Ordinal.GetHashCode(record.NirHash) | 1,
            // Without particles: "Le Goff" is also filed as "Goff".
            LastSoundex = Soundex2.Pack(NameNormalizer.WithoutParticles(usage)),
            BirthNameSoundex = Soundex2.Pack(NameNormalizer.WithoutParticles(birth)),
            FirstSoundex = Soundex2.Pack(first),
        };
    }

    // Five letters or digits (46042, 2A004) packed in base 36; 0 when absent or not a code.
    private static int InseeCode(string? code)
    {
        if (code == null)
        {
            return 0;
        }
        var trimmed = code.AsSpan().Trim();
        if (trimmed.Length != 5)
        {
            return 0;
        }
        var packed = 0;
        foreach (var c in trimmed)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                >= 'a' and <= 'z' => c - 'a' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return 0;
            }
            packed = (packed * 36) + digit;
        }
        return packed + 1;
    }
}

/// <summary>
/// The comparison levels of each field, Splink's defaults for names and dates, and the pattern: one number for the
/// levels of all fields of a pair (mixed radix; each field has its levels and then "missing").
/// </summary>
internal static class Comparison
{
    public const int LastName = 0;
    public const int FirstName = 1;
    public const int BirthDate = 2;
    public const int Sex = 3;
    public const int BirthPlace = 4;
    public const int Commune = 5;
    public const int Nir = 6;
    public const int FieldCount = 7;

    public static readonly string[] FieldNames = ["Nom", "Prénoms", "Date de naissance", "Sexe", "Lieu de naissance", "Commune de résidence", "NIR haché"];

    public static readonly string[][] LevelNames =
    [
        ["identique", "très proche (Jaro-Winkler ≥ 0,92)", "proche (Jaro-Winkler ≥ 0,88)", "différent"],
        ["identiques", "très proches (Jaro-Winkler ≥ 0,92) ou prénom composé abrégé", "proches (Jaro-Winkler ≥ 0,88)", "différents"],
        ["identique", "un seul élément différent (jour, mois ou année)", "jour et mois inversés", "différente"],
        ["identique", "différent"],
        ["identique", "différent"],
        ["identique", "différente"],
        ["identique", "différent"],
    ];

    public const string MissingLevelName = "non renseigné (neutre)";

    public static readonly int[] LevelCounts = [4, 4, 4, 2, 2, 2, 2];

    public static readonly int[] Strides = ComputeStrides();

    public static readonly int PatternCount = Strides[FieldCount - 1] * (LevelCounts[FieldCount - 1] + 1);

    public static int Level(int pattern, int field) => pattern / Strides[field] % (LevelCounts[field] + 1);

    public static bool IsMissing(int level, int field) => level == LevelCounts[field];

    public static int Compare(in PreparedPerson a, in PreparedPerson b) =>
        (LastNameLevel(a, b) * Strides[LastName])
        + (FirstNameLevel(a, b) * Strides[FirstName])
        + (DateLevel(a, b) * Strides[BirthDate])
        + (CodeLevel(a.Sex, b.Sex) * Strides[Sex])
        + (CodeLevel(a.BirthPlace, b.BirthPlace) * Strides[BirthPlace])
        + (CodeLevel(a.Commune, b.Commune) * Strides[Commune])
        + (NirLevel(a, b) * Strides[Nir]);

    public static bool SameNir(in PreparedPerson a, in PreparedPerson b) => a.Nir != null && a.NirKey == b.NirKey && string.Equals(a.Nir, b.Nir, StringComparison.Ordinal);

    // Best pairing of usage and birth names, each with and without particles.
    private static int LastNameLevel(in PreparedPerson a, in PreparedPerson b)
    {
        if (a.Last1.Length == 0 || b.Last1.Length == 0)
        {
            return 4;
        }
        var aCount = Count(a);
        var bCount = Count(b);
        for (var i = 0; i < aCount; i++)
        {
            for (var j = 0; j < bCount; j++)
            {
                if (string.Equals(a.LastForm(i), b.LastForm(j), StringComparison.Ordinal))
                {
                    return 0;
                }
            }
        }
        var best = 0.0;
        for (var i = 0; i < aCount; i++)
        {
            for (var j = 0; j < bCount; j++)
            {
                best = Math.Max(best, JaroWinkler.Similarity(a.LastForm(i), b.LastForm(j)));
                if (best >= 0.92)
                {
                    return 1;
                }
            }
        }
        return NameLevel(best);
    }

    private static int Count(in PreparedPerson p) => p.Last2.Length == 0 ? 1 : p.Last3.Length == 0 ? 2 : p.Last4.Length == 0 ? 3 : 4;

    private static int FirstNameLevel(in PreparedPerson a, in PreparedPerson b)
    {
        if (a.FirstAll.Length == 0 || b.FirstAll.Length == 0)
        {
            return 4;
        }
        if (a.FirstAll == b.FirstAll || a.FirstFirst == b.FirstFirst)
        {
            return 0;
        }
        // One file lists fewer first names ("JEAN BAPTISTE" for "Jean-Baptiste, Mohamed"): the shorter list begins
        // the longer one and covers at least its first first name.
        var (shorter, longer) = a.FirstAll.Length <= b.FirstAll.Length ? (a, b) : (b, a);
        if (longer.FirstAll.StartsWith(shorter.FirstAll, StringComparison.Ordinal) && shorter.FirstAll.Length >= longer.FirstFirst.Length)
        {
            return 0;
        }
        // "Jean" against "Jean-Pierre": the compound cut to its first part.
        if (a.FirstAll == b.FirstPart || b.FirstAll == a.FirstPart)
        {
            return 1;
        }
        // A typo in a first name that the other file writes with more names: compared on the same length.
        var similarity = Math.Max(
            JaroWinkler.Similarity(a.FirstFirst, b.FirstFirst),
            JaroWinkler.Similarity(shorter.FirstAll, longer.FirstAll.AsSpan(0, shorter.FirstAll.Length)));
        return NameLevel(similarity);
    }

    private static int NameLevel(double similarity) => similarity >= 0.92 ? 1 : similarity >= 0.88 ? 2 : 3;

    private static int DateLevel(in PreparedPerson a, in PreparedPerson b)
    {
        if (a.DayNumber < 0 || b.DayNumber < 0)
        {
            return 4;
        }
        if (a.DayNumber == b.DayNumber)
        {
            return 0;
        }
        if (a.Year == b.Year && a.Day == b.Month && a.Month == b.Day)
        {
            return 2;
        }
        var different = (a.Year != b.Year ? 1 : 0) + (a.Month != b.Month ? 1 : 0) + (a.Day != b.Day ? 1 : 0);
        return different == 1 ? 1 : 3;
    }

    private static int CodeLevel(int a, int b) => a == 0 || b == 0 ? 2 : a == b ? 0 : 1;

    private static int NirLevel(in PreparedPerson a, in PreparedPerson b) => a.Nir == null || b.Nir == null ? 2 : SameNir(a, b) ? 0 : 1;

    private static int[] ComputeStrides()
    {
        var strides = new int[FieldCount];
        var stride = 1;
        for (var k = 0; k < FieldCount; k++)
        {
            strides[k] = stride;
            stride *= LevelCounts[k] + 1;
        }
        return strides;
    }
}
