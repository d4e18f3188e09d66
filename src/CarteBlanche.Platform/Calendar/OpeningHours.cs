using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CarteBlanche.Platform.Calendar;

/// <summary>One opening slot within a day, from <see cref="Start"/> included to <see cref="End"/> excluded.</summary>
public readonly record struct OpeningSlot(TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly time) => time >= Start && time < End;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Start:HH:mm}-{End:HH:mm}");
}

/// <summary>
/// Weekly opening hours written in a compact French form, e.g.
/// "lun-ven 09:00-12:00 13:30-17:00; sam 09:00-12:00". Groups are separated by ';', each is a list
/// of days (ranges with '-', lists with ',') followed by one or more slots. Public holidays are closed.
/// </summary>
public sealed partial record OpeningHours
{
    // Index 0 is Monday: the French week, and the order ranges such as "lun-ven" are read in.
    private static readonly string[] _abbreviations = ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"];
    private static readonly string[] _fullNames = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
    private static readonly Dictionary<string, int> _dayIndex = BuildDayIndex();

    private const int LookAheadDays = 14;

    // One sorted, non-overlapping slot list per day, Monday first. Never mutated after parsing.
    private readonly IReadOnlyList<OpeningSlot>[] _slots;

    private OpeningHours(IReadOnlyList<OpeningSlot>[] slots)
    {
        _slots = slots;
    }

    /// <summary>Usual hours of a public counter.</summary>
    public static OpeningHours Default { get; } = Parse("lun-ven 09:00-12:00 14:00-17:00");

    /// <summary>Slots of <paramref name="day"/>, in time order (empty when closed).</summary>
    public IReadOnlyList<OpeningSlot> SlotsOn(DayOfWeek day) => _slots[IndexOf(day)];

    /// <exception cref="FormatException">The text is not valid; the message says which part, in French.</exception>
    public static OpeningHours Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var hours, out var error) ? hours : throw new FormatException(error);
    }

    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out OpeningHours? hours,
        [NotNullWhen(false)] out string? error)
    {
        hours = null;
        var days = new List<OpeningSlot>[7];
        for (var i = 0; i < days.Length; i++)
        {
            days[i] = [];
        }

        var anyGroup = false;
        foreach (var rawGroup in (text ?? string.Empty).Split(';'))
        {
            var group = rawGroup.Trim();

            // Tolerates a trailing ';' or a doubled one.
            if (group.Length == 0)
            {
                continue;
            }

            anyGroup = true;
            if (!TryParseGroup(group, days, out error))
            {
                return false;
            }
        }

        if (!anyGroup)
        {
            error = "Horaires vides : indiquez au moins des jours et un créneau, par exemple « lun-ven 09:00-12:00 ».";
            return false;
        }

        var slots = new IReadOnlyList<OpeningSlot>[7];
        for (var day = 0; day < days.Length; day++)
        {
            var sorted = days[day].OrderBy(s => s.Start).ToArray();
            for (var i = 1; i < sorted.Length; i++)
            {
                if (sorted[i].Start < sorted[i - 1].End)
                {
                    error = $"Créneaux qui se chevauchent le {_fullNames[day]} : « {sorted[i - 1]} » et « {sorted[i]} ».";
                    return false;
                }
            }

            slots[day] = Array.AsReadOnly(sorted);
        }

        hours = new OpeningHours(slots);
        error = null;
        return true;
    }

    /// <summary>Whether the place is open at a wall-clock time of the calendar's zone; closed on public holidays.</summary>
    public bool IsOpenAt(DateTime localTime, FrenchBusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RequireWallClock(localTime);

        var date = DateOnly.FromDateTime(localTime);
        if (calendar.IsHoliday(date))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(localTime);
        return SlotsOn(date.DayOfWeek).Any(s => s.Contains(time));
    }

    /// <summary>
    /// The first wall-clock time at or after <paramref name="localTime"/> when the place is open
    /// (<paramref name="localTime"/> itself when open now), looking 14 days ahead; null if none.
    /// </summary>
    public DateTime? NextOpening(DateTime localTime, FrenchBusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RequireWallClock(localTime);

        var today = DateOnly.FromDateTime(localTime);
        var now = TimeOnly.FromDateTime(localTime);
        for (var offset = 0; offset <= LookAheadDays; offset++)
        {
            var date = today.AddDays(offset);
            if (calendar.IsHoliday(date))
            {
                continue;
            }

            foreach (var slot in SlotsOn(date.DayOfWeek))
            {
                if (offset == 0 && slot.Contains(now))
                {
                    return localTime;
                }

                if (offset > 0 || slot.Start > now)
                {
                    return date.ToDateTime(slot.Start, localTime.Kind);
                }
            }
        }

        return null;
    }

    /// <summary>The canonical text, which <see cref="Parse"/> reads back to an equal value.</summary>
    public override string ToString()
    {
        // Days sharing the same slots are written once, in the order of their first day.
        var groups = new List<(string Slots, List<int> Days)>();
        for (var day = 0; day < _slots.Length; day++)
        {
            if (_slots[day].Count == 0)
            {
                continue;
            }

            var slotsText = string.Join(' ', _slots[day]);
            var index = groups.FindIndex(g => g.Slots == slotsText);
            if (index < 0)
            {
                groups.Add((slotsText, [day]));
            }
            else
            {
                groups[index].Days.Add(day);
            }
        }

        return string.Join("; ", groups.Select(g => DaysToText(g.Days) + " " + g.Slots));
    }

    public bool Equals(OpeningHours? other)
    {
        if (other is null)
        {
            return false;
        }

        for (var day = 0; day < _slots.Length; day++)
        {
            if (!_slots[day].SequenceEqual(other._slots[day]))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var day = 0; day < _slots.Length; day++)
        {
            hash.Add(day);
            foreach (var slot in _slots[day])
            {
                hash.Add(slot);
            }
        }

        return hash.ToHashCode();
    }

    private static bool TryParseGroup(string group, List<OpeningSlot>[] days, [NotNullWhen(false)] out string? error)
    {
        var tokens = Normalize(group).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (!char.IsLetter(tokens[0][0]))
        {
            error = $"Jours manquants avant « {tokens[0]} » dans « {group} » : commencez par les jours, par exemple « lun-ven ».";
            return false;
        }

        if (!TryParseDays(tokens[0], group, out var selected, out error))
        {
            return false;
        }

        if (tokens.Length == 1)
        {
            error = $"Aucun créneau horaire après « {tokens[0]} » dans « {group} » : ajoutez par exemple « 09:00-12:00 ».";
            return false;
        }

        foreach (var token in tokens.Skip(1))
        {
            if (!TryParseSlot(token, group, out var slot, out error))
            {
                return false;
            }

            foreach (var day in selected)
            {
                days[day].Add(slot);
            }
        }

        return true;
    }

    private static bool TryParseDays(string spec, string group, out SortedSet<int> selected, [NotNullWhen(false)] out string? error)
    {
        // A set, so "lun-ven,mer" does not add Wednesday's slots twice and report a false overlap.
        selected = [];
        foreach (var item in spec.Split(','))
        {
            if (item.Length == 0)
            {
                error = $"Jour manquant autour d'une virgule dans « {group} ».";
                return false;
            }

            var dash = item.IndexOf('-', StringComparison.Ordinal);
            var firstText = dash < 0 ? item : item[..dash];
            var lastText = dash < 0 ? item : item[(dash + 1)..];
            if (firstText.Length == 0 || lastText.Length == 0)
            {
                error = $"Plage de jours incomplète « {item} » dans « {group} » : attendu par exemple « lun-ven ».";
                return false;
            }

            if (!TryParseDay(firstText, group, out var first, out error)
                || !TryParseDay(lastText, group, out var last, out error))
            {
                return false;
            }

            if (last < first)
            {
                error = $"Plage de jours inversée « {item} » dans « {group} » : écrivez-la du lundi vers le dimanche, par exemple « {_abbreviations[last]}-{_abbreviations[first]} ».";
                return false;
            }

            for (var day = first; day <= last; day++)
            {
                selected.Add(day);
            }
        }

        error = null;
        return true;
    }

    private static bool TryParseDay(string text, string group, out int day, [NotNullWhen(false)] out string? error)
    {
        if (_dayIndex.TryGetValue(text.TrimEnd('.'), out day))
        {
            error = null;
            return true;
        }

        error = $"Jour inconnu « {text} » dans « {group} » (jours acceptés : {string.Join(", ", _abbreviations)}).";
        return false;
    }

    private static bool TryParseSlot(string token, string group, out OpeningSlot slot, [NotNullWhen(false)] out string? error)
    {
        slot = default;
        var parts = token.Split('-');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            error = $"Créneau invalide « {token} » dans « {group} » : attendu début-fin, par exemple « 09:00-12:00 ».";
            return false;
        }

        if (!TryParseTime(parts[0], group, out var start, out error)
            || !TryParseTime(parts[1], group, out var end, out error))
        {
            return false;
        }

        if (start >= end)
        {
            error = $"Créneau « {token} » dans « {group} » : l'heure de début doit précéder l'heure de fin.";
            return false;
        }

        slot = new OpeningSlot(start, end);
        error = null;
        return true;
    }

    private static bool TryParseTime(string text, string group, out TimeOnly time, [NotNullWhen(false)] out string? error)
    {
        // French notation "9h", "9h30" is accepted alongside "09:30".
        var normalized = text.Replace('h', ':').Replace('H', ':');
        if (normalized.EndsWith(':'))
        {
            normalized += "00";
        }

        if (TimeOnly.TryParseExact(normalized, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            error = null;
            return true;
        }

        error = $"Heure invalide « {text} » dans « {group} » : attendu HH:MM, de 00:00 à 23:59.";
        return false;
    }

    /// <summary>
    /// Removes spaces around ',' and around dashes between two days or two times, so "lun - ven 9h - 12h"
    /// reads like "lun-ven 9h-12h" while "lun- 9h-12h" still shows its missing day.
    /// </summary>
    private static string Normalize(string group)
    {
        var text = group.Replace('–', '-').Replace('—', '-');
        text = SpacedDayDash().Replace(text, "-");
        text = SpacedTimeDash().Replace(text, "-");
        return SpacedComma().Replace(text, ",");
    }

    [GeneratedRegex(@"(?<=\p{L}\.?)\s*-\s*(?=\p{L})")]
    private static partial Regex SpacedDayDash();

    [GeneratedRegex(@"(?<=[\dhH])\s*-\s*(?=\d)")]
    private static partial Regex SpacedTimeDash();

    [GeneratedRegex(@"\s*,\s*")]
    private static partial Regex SpacedComma();

    private static string DaysToText(List<int> days)
    {
        // Consecutive days become a range ("lun-ven"); the rest are listed ("lun,mer").
        var parts = new List<string>();
        var i = 0;
        while (i < days.Count)
        {
            var j = i;
            while (j + 1 < days.Count && days[j + 1] == days[j] + 1)
            {
                j++;
            }

            parts.Add(i == j ? _abbreviations[days[i]] : $"{_abbreviations[days[i]]}-{_abbreviations[days[j]]}");
            i = j + 1;
        }

        return string.Join(',', parts);
    }

    private static int IndexOf(DayOfWeek day) => ((int)day + 6) % 7;

    private static void RequireWallClock(DateTime localTime)
    {
        if (localTime.Kind == DateTimeKind.Utc)
        {
            throw new ArgumentException(
                "Heure murale locale attendue (fuseau du calendrier) ; convertissez d'abord avec FrenchBusinessCalendar.ToLocalTime.",
                nameof(localTime));
        }
    }

    private static Dictionary<string, int> BuildDayIndex()
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var day = 0; day < 7; day++)
        {
            index[_abbreviations[day]] = day;
            index[_fullNames[day]] = day;
        }

        return index;
    }
}
