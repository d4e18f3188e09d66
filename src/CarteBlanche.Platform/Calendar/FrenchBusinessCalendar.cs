using System.Collections.Concurrent;

namespace CarteBlanche.Platform.Calendar;

/// <summary>
/// The 11 public holidays of metropolitan France (jours fériés, Code du travail L3133-1).
/// Alsace-Moselle's two extra days (Vendredi saint, Saint-Étienne) are not included.
/// Today's rules are applied to every year, past or future.
/// </summary>
public static class FrenchPublicHolidays
{
    // A year's holidays never change: compute once, share between threads.
    private static readonly ConcurrentDictionary<int, YearHolidays> _cache = new();

    /// <summary>The 11 holidays of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> For(int year) => Get(year).List;

    /// <summary>The holidays of the year of <paramref name="start"/> and the next: enough for a planning cycle starting then.</summary>
    public static HashSet<DateOnly> ForCycleFrom(DateOnly start) => For(start.Year).Concat(For(start.Year + 1)).Select(h => h.Date).ToHashSet();

    public static bool IsHoliday(DateOnly date) => Get(date.Year).ByDate.ContainsKey(date);

    /// <summary>The holiday's French name, or null on an ordinary day.</summary>
    public static string? NameOf(DateOnly date) => Get(date.Year).ByDate.GetValueOrDefault(date);

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>Distinct holiday dates of a year (two holidays can share a date).</summary>
    internal static IEnumerable<DateOnly> DatesOf(int year) => Get(year).ByDate.Keys;

    private static YearHolidays Get(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        return _cache.GetOrAdd(year, static y => Build(y));
    }

    private static YearHolidays Build(int year)
    {
        var easter = EasterSunday(year);
        (DateOnly Date, string Name)[] holidays =
        [
            (new DateOnly(year, 1, 1), "Jour de l'an"),
            (easter.AddDays(1), "Lundi de Pâques"),
            (new DateOnly(year, 5, 1), "Fête du Travail"),
            (new DateOnly(year, 5, 8), "Victoire 1945"),
            (easter.AddDays(39), "Ascension"),
            (easter.AddDays(50), "Lundi de Pentecôte"),
            (new DateOnly(year, 7, 14), "Fête nationale"),
            (new DateOnly(year, 8, 15), "Assomption"),
            (new DateOnly(year, 11, 1), "Toussaint"),
            (new DateOnly(year, 11, 11), "Armistice 1918"),
            (new DateOnly(year, 12, 25), "Noël"),
        ];
        var list = holidays.OrderBy(h => h.Date).ToArray();

        // Ascension falls on 1 or 8 May in some years (2008, 1997): one date, both names.
        var byDate = list
            .GroupBy(h => h.Date)
            .ToDictionary(g => g.Key, g => string.Join(" et ", g.Select(h => h.Name)));
        return new YearHolidays(Array.AsReadOnly(list), byDate);
    }

    private sealed record YearHolidays(
        IReadOnlyList<(DateOnly Date, string Name)> List,
        IReadOnlyDictionary<DateOnly, string> ByDate);
}

/// <summary>
/// Working days in France: Monday to Friday, public holidays excluded. Deadlines expressed in
/// hours ("48 heures ouvrées") count 24 hours per working day on the local wall clock, so they
/// are immune to daylight saving changes.
/// </summary>
public sealed class FrenchBusinessCalendar
{
    public FrenchBusinessCalendar(TimeZoneInfo? timeZone = null)
    {
        TimeZone = timeZone ?? ParisClock.Zone;
    }

    /// <summary>The zone whose wall clock decides which day an instant belongs to.</summary>
    public TimeZoneInfo TimeZone { get; }

    public bool IsHoliday(DateOnly date) => FrenchPublicHolidays.IsHoliday(date);

    public bool IsWorkingDay(DateOnly date) =>
        IsWeekday(date) && !FrenchPublicHolidays.IsHoliday(date);

    /// <summary>
    /// The working day <paramref name="days"/> working days after <paramref name="start"/>
    /// (Friday + 1 = Monday). With 0, <paramref name="start"/> itself if it is a working day,
    /// otherwise the next one.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return IsWorkingDay(start) ? start : NextWorkingDayAfter(start);
        }

        var date = start;
        for (var i = 0; i < days; i++)
        {
            date = NextWorkingDayAfter(date);
        }

        return date;
    }

    /// <summary>
    /// Working days in (<paramref name="from"/>, <paramref name="to"/>]: the inverse of
    /// <see cref="AddWorkingDays"/> for n &gt; 0. Negative when <paramref name="to"/> is earlier.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        // Whole weeks hold five weekdays each; only the remainder is walked, so long spans stay cheap.
        var span = to.DayNumber - from.DayNumber;
        var count = span / 7 * 5;
        for (var n = from.DayNumber + (span / 7 * 7) + 1; n <= to.DayNumber; n++)
        {
            if (IsWeekday(DateOnly.FromDayNumber(n)))
            {
                count++;
            }
        }

        for (var year = from.Year; year <= to.Year; year++)
        {
            foreach (var holiday in FrenchPublicHolidays.DatesOf(year))
            {
                if (holiday > from && holiday <= to && IsWeekday(holiday))
                {
                    count--;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// The instant <paramref name="hours"/> working hours after <paramref name="start"/>. Only time
    /// on working days counts, 24 hours per day on the local wall clock; a start outside a working
    /// day counts from the next working day's midnight.
    /// </summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, double hours)
    {
        if (!double.IsFinite(hours) || hours < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(hours), hours, "Le nombre d'heures doit être positif ou nul.");
        }

        var remaining = TimeSpan.FromHours(hours);
        var local = ToLocalTime(start);
        var date = DateOnly.FromDateTime(local);
        if (!IsWorkingDay(date))
        {
            date = NextWorkingDayAfter(date);
            local = date.ToDateTime(TimeOnly.MinValue);
        }

        while (true)
        {
            var available = date.AddDays(1).ToDateTime(TimeOnly.MinValue) - local;

            // "<=" so a deadline ending exactly at midnight stays on its last working day's end.
            if (remaining <= available)
            {
                return FromLocalTime(local + remaining);
            }

            remaining -= available;
            date = NextWorkingDayAfter(date);
            local = date.ToDateTime(TimeOnly.MinValue);
        }
    }

    /// <summary>
    /// Working time between two instants, counted like <see cref="AddWorkingHours"/> (for
    /// countdowns). Negative when <paramref name="to"/> is earlier than <paramref name="from"/>.
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -WorkingTimeBetween(to, from);
        }

        var a = ToLocalTime(from);
        var b = ToLocalTime(to);

        // Inside a repeated autumn hour the wall clock can run backwards; nothing is owed then.
        if (b <= a)
        {
            return TimeSpan.Zero;
        }

        var dateA = DateOnly.FromDateTime(a);
        var dateB = DateOnly.FromDateTime(b);
        if (dateA == dateB)
        {
            return IsWorkingDay(dateA) ? b - a : TimeSpan.Zero;
        }

        var first = IsWorkingDay(dateA) ? dateA.AddDays(1).ToDateTime(TimeOnly.MinValue) - a : TimeSpan.Zero;
        var last = IsWorkingDay(dateB) ? b - dateB.ToDateTime(TimeOnly.MinValue) : TimeSpan.Zero;
        var fullDays = WorkingDaysBetween(dateA, dateB) - (IsWorkingDay(dateB) ? 1 : 0);
        return first + TimeSpan.FromDays(fullDays) + last;
    }

    /// <summary>The wall-clock time of <paramref name="instant"/> in <see cref="TimeZone"/>.</summary>
    public DateTime ToLocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    /// <summary>The instant a wall-clock time in <see cref="TimeZone"/> stands for, with its offset.</summary>
    public DateTimeOffset FromLocalTime(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(local))
        {
            // Skipped by a spring-forward: read it with the offset in force before the jump,
            // which lands as far past the jump as the time was past the gap's start.
            var before = TimeZone.GetUtcOffset(local.AddDays(-1));
            var utc = new DateTimeOffset(local - before, TimeSpan.Zero);
            return TimeZoneInfo.ConvertTime(utc, TimeZone);
        }

        if (TimeZone.IsAmbiguousTime(local))
        {
            // Repeated by a fall-back: take the second occurrence so nobody loses the extra hour.
            return new DateTimeOffset(local, TimeZone.GetAmbiguousTimeOffsets(local).Min());
        }

        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    private static bool IsWeekday(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private DateOnly NextWorkingDayAfter(DateOnly date)
    {
        do
        {
            date = date.AddDays(1);
        }
        while (!IsWorkingDay(date));

        return date;
    }
}
