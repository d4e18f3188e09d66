using System.Globalization;

namespace CarteBlanche.Linkage;

/// <summary>
/// Synthetic files for tests and benchmarks, with their ground truth: <see cref="PersonOf"/>[source][record] is the
/// person a record stands for.
/// </summary>
public sealed record SyntheticLinkageData(IReadOnlyList<IReadOnlyList<PersonRecord>> Sources, IReadOnlyList<int[]> PersonOf, int Persons)
{
    /// <summary>Precision and recall of the accepted links (status Match) between two of the files.</summary>
    public LinkageQuality Evaluate(LinkResult result, int leftSource, int rightSource)
    {
        var inLeft = new HashSet<int>(PersonOf[leftSource]);
        var truePairs = PersonOf[rightSource].Count(inLeft.Contains);
        var accepted = result.Links.Where(l => l.Status == LinkStatus.Match).ToList();
        var correct = accepted.Count(l => PersonOf[leftSource][l.Left] == PersonOf[rightSource][l.Right]);
        var review = result.Links.Count(l => l.Status == LinkStatus.Review);
        return new LinkageQuality(
            accepted.Count == 0 ? 1.0 : correct / (double)accepted.Count,
            truePairs == 0 ? 1.0 : correct / (double)truePairs,
            truePairs, accepted.Count, review);
    }
}

/// <summary>A synthetic person as civil status knows her (the truth the files' noisy copies come from).</summary>
public sealed record SyntheticIdentity(char Sex, string[] FirstNames, string BirthName, string? UsageName, DateOnly BirthDate, string BirthPlace, string Commune, string Nir);

/// <summary>What a user notices of a linkage: of the accepted links, how many are right; of the persons in both files, how many were linked.</summary>
public sealed record LinkageQuality(double Precision, double Recall, int TruePairs, int AcceptedLinks, int ReviewLinks);

/// <summary>
/// A seeded population of French persons (Lot: birth places and communes of the Cahors bassin de vie) and noisy
/// copies of it as operators' files hold them. Deterministic: the same arguments give the same files, whatever the
/// number of cores.
/// </summary>
public static class SyntheticPopulation
{
    private const int Chunk = 8192;
    private static readonly string[] Male = FrenchNames.MaleFirstNames.Distinct().ToArray();
    private static readonly string[] Female = FrenchNames.FemaleFirstNames.Distinct().ToArray();
    private static readonly int CommunePopulation = FrenchNames.LotCommunes.Sum(c => c.Population);

    // Share of persons whose NIR hash each file holds: the CAF often, France Travail seldom, the CPAM nearly always.
    private static readonly double[] NirPresence = [0.6, 0.35, 0.9];


    /// <summary>
    /// <paramref name="persons"/> persons, each in each of the <paramref name="sources"/> files with probability
    /// <paramref name="presence"/> (so some are in one file only), records in random order.
    /// </summary>
    public static SyntheticLinkageData Generate(int persons, int sources, int seed, double presence = 0.85, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(persons);
        ArgumentOutOfRangeException.ThrowIfLessThan(sources, 1);
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        var population = new SyntheticIdentity[persons];
        var chunks = (persons + Chunk - 1) / Chunk;
        Parallel.For(0, chunks, options, c =>
        {
            var random = new Random(Mix(seed, c, 1));
            for (var p = c * Chunk; p < Math.Min(persons, (c + 1) * Chunk); p++)
            {
                population[p] = NewPerson(random, seed, p);
            }
        });

        var files = new List<IReadOnlyList<PersonRecord>>();
        var truth = new List<int[]>();
        for (var s = 0; s < sources; s++)
        {
            var perChunk = new List<(PersonRecord Record, int Person)>[chunks];
            var source = s;
            Parallel.For(0, chunks, options, c =>
            {
                var random = new Random(Mix(seed, c, 100 + source));
                var list = new List<(PersonRecord, int)>();
                for (var p = c * Chunk; p < Math.Min(persons, (c + 1) * Chunk); p++)
                {
                    if (random.NextDouble() < presence)
                    {
                        list.Add((Copy(population[p], source, random), p));
                    }
                }
                perChunk[c] = list;
            });
            var all = perChunk.SelectMany(l => l).ToArray();
            new Random(Mix(seed, source, 2)).Shuffle(all);
            files.Add(all.Select((r, i) => r.Record with { Id = string.Create(CultureInfo.InvariantCulture, $"S{source}-{i:D7}") }).ToArray());
            truth.Add(all.Select(r => r.Person).ToArray());
        }
        return new SyntheticLinkageData(files, truth, persons);
    }

    // The draws in this order (the benchmark's figures and the tests' seeds depend on it).
    private static SyntheticIdentity NewPerson(Random random, int seed, int index)
    {
        var sex = random.NextDouble() < 0.5 ? 'M' : 'F';
        var given = FirstNames(random, sex);
        var birthName = Surname(random);
        var birth = new DateOnly(1935, 1, 1).AddDays(random.Next(0, (new DateOnly(2007, 12, 31).DayNumber - new DateOnly(1935, 1, 1).DayNumber) + 1));
        // Married women often use their husband's name (nom d'usage); the files know one name, the other or both.
        var usage = sex == 'F' && birth.Year <= 2000 && random.NextDouble() < 0.55 ? Surname(random) : null;
        var birthPlace = BirthPlace(random);
        var nir = string.Create(CultureInfo.InvariantCulture, $"{SplitMix((ulong)(uint)seed << 32 | (uint)index):x16}");
        return new SyntheticIdentity(sex, given, birthName, usage, birth, birthPlace, Commune(random), nir);
    }

    private static string[] FirstNames(Random random, char sex)
    {
        var names = sex == 'M' ? Male : Female;
        var given = new string[1 + (random.NextDouble() < 0.6 ? 1 : 0) + (random.NextDouble() < 0.3 ? 1 : 0)];
        for (var g = 0; g < given.Length; g++)
        {
            given[g] = names[Skewed(random, names.Length, 1.5)];
        }
        return given;
    }

    private static string BirthPlace(Random random) =>
        random.NextDouble() < 0.65 ? Commune(random) : FrenchNames.OtherBirthPlaces[random.Next(FrenchNames.OtherBirthPlaces.Length)];

    /// <summary>
    /// A person born on <paramref name="birthDate"/>: first names of her sex, the <paramref name="familyName"/> given
    /// (a household's) or a drawn one, a usage name for some married women, a birth place, a commune of the Lot
    /// (<paramref name="commune"/> when given).
    /// </summary>
    public static SyntheticIdentity NewIdentity(Random random, char sex, DateOnly birthDate, string? familyName, string? commune, string nir)
    {
        var given = FirstNames(random, sex);
        var birthName = familyName ?? Surname(random);
        var usage = familyName == null && sex == 'F' && birthDate.Year <= 2000 && random.NextDouble() < 0.55 ? Surname(random) : null;
        return new SyntheticIdentity(sex, given, birthName, usage, birthDate, BirthPlace(random), commune ?? Commune(random), nir);
    }

    /// <summary>
    /// A surname with France's spread: a quarter of people carry one of the commonest names listed (Martin then about
    /// 0.2 %, 0.35 % in France), the others one of about 19,000 rarer names made of French and Occitan name parts.
    /// France has over a million surnames: a population drawn from the commonest few hundred only would have homonyms
    /// born the same day a hundred times more often than a real one, and would test the linkage on a world that is not.
    /// </summary>
    public static string Surname(Random random) => random.NextDouble() < 0.25
        ? FrenchNames.Surnames[Skewed(random, FrenchNames.Surnames.Length, 1.2)]
        : RareSurnames[Skewed(random, RareSurnames.Length, 1.1)];

    private static readonly string[] RareSurnames = BuildRareSurnames();

    private static string[] BuildRareSurnames()
    {
        string[] roots =
        [
            "Alb", "Arn", "Bal", "Barr", "Bast", "Bel", "Berg", "Bess", "Bord", "Bouss", "Brug", "Cab", "Cal", "Camp", "Carr", "Cast",
            "Caz", "Char", "Chast", "Clav", "Coll", "Coust", "Dalb", "Daum", "Delm", "Esp", "Fab", "Fau", "Ferr", "Font", "Four", "Gal",
            "Garr", "Gaub", "Gir", "Gran", "Guill", "Jal", "Lab", "Lacr", "Lagr", "Lamb", "Laur", "Lav", "Lem", "Loub", "Malv", "Marc",
            "Mas", "Maz", "Mont", "Mour", "Pag", "Pel", "Perr", "Pey", "Pons", "Pouj", "Rab", "Ram", "Rig", "Roqu", "Roum", "Sab",
            "Salv", "Sarr", "Sern", "Soul", "Tal", "Teyss", "Tour", "Trém", "Vab", "Vaill", "Val", "Verd", "Vial", "Vign", "Vill", "Vinc",
        ];
        string[] endings = ["ac", "ade", "and", "ard", "as", "at", "aud", "eau", "ès", "et", "ier", "ière", "in", "iol", "on", "ou", "oux", "y", "ié", "ergue"];
        string[] prefixes = ["", "La", "Del", "Des", "Du", "Mon", "Bel", "Puy", "Roc", "Saint-", "Le ", "Mas"];
        // Names without a prefix first: the skewed draw makes them the commoner ones.
        return prefixes
            .SelectMany(p => roots.SelectMany(r => endings.Select(e => p.Length == 0 || p.EndsWith(' ') || p.EndsWith('-') ? p + r + e : p + char.ToLowerInvariant(r[0]) + r[1..] + e)))
            .Distinct(StringComparer.Ordinal).ToArray();
    }

    // HashCode is salted per process: the seeds are mixed by hand so that a seed gives the same files every run.
    private static int Mix(int seed, int a, int b) => (int)SplitMix(((ulong)(uint)seed << 32) ^ ((ulong)(uint)a << 8) ^ (uint)b);

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    // Frequent names more often, as in a real population: the commonest surname about 1 % (Martin is 0.35 % in
    // France), the commonest first name a few per cent.
    private static int Skewed(Random random, int count, double power)
    {
        var x = random.NextDouble();
        return Math.Min(count - 1, (int)(count * Math.Pow(x, power)));
    }

    /// <summary>An INSEE code of a commune of the Lot's bassin de vie, drawn by population.</summary>
    public static string Commune(Random random)
    {
        var n = random.Next(CommunePopulation);
        foreach (var (code, population) in FrenchNames.LotCommunes)
        {
            if (n < population)
            {
                return code;
            }
            n -= population;
        }
        return FrenchNames.LotCommunes[0].Code;
    }

    /// <summary>
    /// One file's copy of a person, with the noise files have: names cut, mistyped, upper-cased (odd sources), usage or
    /// birth name, particles dropped or glued; birth date transposed or one field wrong; birth place or commune missing
    /// or other; sex unknown; the NIR (as given) only for the share of records this source usually has it.
    /// </summary>
    public static PersonRecord NoisyCopy(SyntheticIdentity person, int source, Random random) => Copy(person, source, random);

    private static PersonRecord Copy(SyntheticIdentity person, int source, Random random)
    {
        var upperCaseFile = source % 2 == 1;
        string Write(string name) => upperCaseFile ? NameNormalizer.Normalize(name) : name;

        // First names: some files keep all of them, others the first; a compound one cut to its first part.
        var first = person.FirstNames[0];
        if (first.Contains('-', StringComparison.Ordinal) && random.NextDouble() < 0.15)
        {
            first = first.Split('-')[0];
        }
        var firstNames = upperCaseFile ? first : string.Join(", ", [first, .. person.FirstNames.Skip(1)]);
        if (random.NextDouble() < 0.03)
        {
            firstNames = Typo(firstNames, random);
        }

        string lastName;
        string? birthName = null;
        if (person.UsageName != null)
        {
            var roll = random.NextDouble();
            (lastName, birthName) = roll < 0.7 ? (person.UsageName, person.BirthName) : roll < 0.9 ? (person.UsageName, null) : (person.BirthName, (string?)null);
        }
        else
        {
            lastName = person.BirthName;
            birthName = random.NextDouble() < 0.3 ? person.BirthName : null;
        }
        lastName = Particles(lastName, random);
        if (random.NextDouble() < 0.03)
        {
            lastName = Typo(lastName, random);
        }

        var date = person.BirthDate;
        var dateRoll = random.NextDouble();
        if (dateRoll < 0.01 && date.Day <= 12 && date.Day != date.Month)
        {
            date = new DateOnly(date.Year, date.Day, date.Month);
        }
        else if (dateRoll < 0.025)
        {
            date = OneFieldWrong(date, random);
        }
        var birthPlaceRoll = random.NextDouble();
        var birthPlace = birthPlaceRoll < 0.10 ? null : birthPlaceRoll < 0.11 ? Commune(random) : person.BirthPlace;
        var communeRoll = random.NextDouble();
        var commune = communeRoll < 0.03 ? null : communeRoll < 0.11 ? Commune(random) : person.Commune;
        var sexRoll = random.NextDouble();
        var sex = sexRoll < 0.01 ? '?' : sexRoll < 0.013 ? (person.Sex == 'M' ? 'F' : 'M') : person.Sex;
        var nir = random.NextDouble() < NirPresence[source % NirPresence.Length] ? person.Nir : null;
        return new PersonRecord("", nir, Write(lastName), birthName == null ? null : Write(birthName), Write(firstNames), sex, date, birthPlace, commune);
    }

    // "de La Fontaine" is also written "La Fontaine", "Fontaine" or "DELAFONTAINE".
    private static string Particles(string name, Random random)
    {
        var words = name.Split(' ');
        if (words.Length < 2 || !(words[0] is "de" or "du" or "des" or "d'Andurain" or "Le" or "Da" or "Dos"))
        {
            return name;
        }
        var roll = random.NextDouble();
        return roll < 0.2 ? string.Join(' ', words.Skip(1)) : roll < 0.4 ? string.Concat(words) : name;
    }

    // One keying error: a letter replaced, dropped, added, or two letters swapped.
    private static string Typo(string text, Random random)
    {
        if (text.Length < 3)
        {
            return text;
        }
        var chars = text.ToList();
        var at = random.Next(1, chars.Count - 1);
        var letter = (char)(char.IsUpper(chars[at]) ? 'A' + random.Next(26) : 'a' + random.Next(26));
        switch (random.Next(4))
        {
            case 0:
                chars[at] = letter;
                break;
            case 1:
                chars.RemoveAt(at);
                break;
            case 2:
                chars.Insert(at, letter);
                break;
            default:
                (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                break;
        }
        return new string([.. chars]);
    }

    // One digit of the day, the month or the year keyed wrong.
    private static DateOnly OneFieldWrong(DateOnly date, Random random)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var (year, month, day) = (date.Year, date.Month, date.Day);
            switch (random.Next(3))
            {
                case 0:
                    day = (day / 10 * 10) + random.Next(10);
                    break;
                case 1:
                    month = month < 10 ? random.Next(1, 10) : 10 + random.Next(3);
                    break;
                default:
                    year = (year / 10 * 10) + random.Next(10);
                    break;
            }
            if (day >= 1 && month is >= 1 and <= 12 && day <= DateTime.DaysInMonth(year, month) && (year, month, day) != (date.Year, date.Month, date.Day))
            {
                return new DateOnly(year, month, day);
            }
        }
        return date.AddDays(1);
    }
}
