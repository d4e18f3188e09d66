namespace CarteBlanche.Linkage;

/// <summary>
/// Blocking rules: a pair is compared when it agrees on the key of at least one rule, so that a true match survives
/// one noisy field (a typo in the name, a wrong digit of the date, a maiden name) without comparing all pairs.
/// A pair found by several rules (or by two names of one rule) is compared once: by the first rule that finds it.
/// Keys are packed exactly in 64 bits (rule number in the top bits): no hash collision between blocks.
/// </summary>
internal static class Blocking
{
    /// <summary>
    /// NIR hash; birth date and sex; Soundex 2 of the first first name and birth date; Soundex 2 of the usage or
    /// birth name and birth year; the same and the day and month of birth (a wrong year).
    /// </summary>
    public static readonly string[] RuleNames =
    [
        "NIR haché", "date de naissance + sexe", "Soundex 2 du prénom + date de naissance",
        "Soundex 2 du nom (d'usage ou de naissance) + année de naissance", "Soundex 2 du nom (d'usage ou de naissance) + jour et mois de naissance",
    ];

    public const int RuleCount = 5;

    /// <summary>
    /// A rule used only to train the model (EM session, its pairs are not linked): Soundex 2 of the last name and of
    /// the first first name, so that the birth date's m is learnt on pairs not blocked on the date.
    /// </summary>
    public const int TrainingRule = 5;

    /// <summary>Rules whose pairs hold most matches, each an EM session that learns m (see Expectation).</summary>
    public static readonly int[] TrainingSessions = [0, 1, 2, TrainingRule];

    /// <summary>Fields a rule blocks on (a bit per field, as Comparison numbers them): EM leaves them out of that rule's session.</summary>
    public static int BlockedFields(int rule) => rule switch
    {
        0 => 0,
        1 => (1 << Comparison.BirthDate) | (1 << Comparison.Sex),
        2 => (1 << Comparison.FirstName) | (1 << Comparison.BirthDate),
        3 or 4 => (1 << Comparison.LastName) | (1 << Comparison.BirthDate),
        // First names tell the sex: blocked on a first name, the sex says little more.
        _ => (1 << Comparison.LastName) | (1 << Comparison.FirstName) | (1 << Comparison.Sex),
    };

    /// <summary>Keys a record has for a rule: two for the names rules (usage and birth name), one otherwise.</summary>
    public static int Slots(int rule) => rule >= 3 ? 2 : 1;

    /// <summary>The key of a record for a rule and slot; 0 when the record has none (a missing field).</summary>
    public static long Key(int rule, in PreparedPerson p, int slot)
    {
        var tag = (long)(rule + 1) << 58;
        switch (rule)
        {
            case 0:
                return p.NirKey == 0 ? 0 : tag | (uint)p.NirKey;
            case 1:
                return p.DayNumber < 0 || p.Sex == 0 ? 0 : tag | ((long)p.DayNumber << 2) | p.Sex;
            case 2:
                return p.FirstSoundex == 0 || p.DayNumber < 0 ? 0 : tag | ((long)p.FirstSoundex << 24) | (uint)p.DayNumber;
            case TrainingRule:
                var trainingSoundex = slot == 0 ? p.LastSoundex : p.BirthNameSoundex == p.LastSoundex ? 0 : p.BirthNameSoundex;
                return trainingSoundex == 0 || p.FirstSoundex == 0 ? 0 : tag | ((long)trainingSoundex << 20) | (uint)p.FirstSoundex;
            case 3:
                var soundex = slot == 0 ? p.LastSoundex : p.BirthNameSoundex == p.LastSoundex ? 0 : p.BirthNameSoundex;
                return soundex == 0 || p.Year == 0 ? 0 : tag | ((long)soundex << 16) | (uint)p.Year;
            default:
                var nameSoundex = slot == 0 ? p.LastSoundex : p.BirthNameSoundex == p.LastSoundex ? 0 : p.BirthNameSoundex;
                return nameSoundex == 0 || p.Month == 0 ? 0 : tag | ((long)nameSoundex << 16) | (uint)((p.Month * 32) + p.Day);
        }
    }

    /// <summary>Every key of every record, rule by rule: keys[rule][record * Slots(rule) + slot].</summary>
    public static long[][] AllKeys(PreparedPerson[] persons)
    {
        var keys = new long[RuleCount + 1][];
        for (var rule = 0; rule <= TrainingRule; rule++)
        {
            var slots = Slots(rule);
            var ruleKeys = new long[persons.Length * slots];
            for (var i = 0; i < persons.Length; i++)
            {
                for (var s = 0; s < slots; s++)
                {
                    ruleKeys[(i * slots) + s] = Key(rule, persons[i], s);
                }
            }
            keys[rule] = ruleKeys;
        }
        return keys;
    }

    /// <summary>The non-empty keys of a rule and their entries (record * Slots + slot), sorted by key.</summary>
    public static (long[] Keys, int[] Entries) Sorted(long[] ruleKeys)
    {
        var count = 0;
        foreach (var key in ruleKeys)
        {
            if (key != 0)
            {
                count++;
            }
        }
        var keys = new long[count];
        var entries = new int[count];
        var n = 0;
        for (var e = 0; e < ruleKeys.Length; e++)
        {
            if (ruleKeys[e] != 0)
            {
                keys[n] = ruleKeys[e];
                entries[n++] = e;
            }
        }
        Array.Sort(keys, entries);
        return (keys, entries);
    }

    /// <summary>True when an earlier rule, or an earlier pair of slots of this rule, already brings the pair together.</summary>
    public static bool FoundBefore(long[][] leftKeys, long[][] rightKeys, int rule, int left, int right, int leftSlot, int rightSlot)
    {
        // The training rule is a session of its own: only its own slots count.
        for (var r = rule == TrainingRule ? rule : 0; r <= rule; r++)
        {
            var slots = Slots(r);
            var lk = leftKeys[r];
            var rk = rightKeys[r];
            for (var a = 0; a < slots; a++)
            {
                var key = lk[(left * slots) + a];
                if (key == 0)
                {
                    continue;
                }
                for (var b = 0; b < slots; b++)
                {
                    if (r == rule && (a * slots) + b >= (leftSlot * slots) + rightSlot)
                    {
                        return false;
                    }
                    if (key == rk[(right * slots) + b])
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
