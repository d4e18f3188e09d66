using System.Globalization;

namespace CarteBlanche.Platform.Calendar;

/// <summary>
/// A calendar month (année et mois), for figures and anything counted "by month".
/// Written "2026-03" (ISO 8601) in addresses and files; "mars 2026" in pages.
/// </summary>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    public YearMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public YearMonth AddMonths(int months) => Of(FirstDay.AddMonths(months));

    /// <summary>Months from this one to <paramref name="other"/>: 0 for the same month, negative when <paramref name="other"/> is earlier.</summary>
    public int MonthsUntil(YearMonth other) => (other.Year * 12) + other.Month - ((Year * 12) + Month);

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    /// <summary>The months from <paramref name="from"/> to <paramref name="to"/>, both included; none if <paramref name="to"/> is earlier.</summary>
    public static IEnumerable<YearMonth> Range(YearMonth from, YearMonth to)
    {
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    /// <summary>Reads "2026-03" (four-digit year, two-digit month), nothing else.</summary>
    public static bool TryParse(string? text, out YearMonth value)
    {
        value = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year < 1 || month is < 1 or > 12)
        {
            return false;
        }
        value = new YearMonth(year, month);
        return true;
    }

    public int CompareTo(YearMonth other) => ((Year * 12) + Month).CompareTo((other.Year * 12) + other.Month);

    public static bool operator <(YearMonth left, YearMonth right) => left.CompareTo(right) < 0;
    public static bool operator >(YearMonth left, YearMonth right) => left.CompareTo(right) > 0;
    public static bool operator <=(YearMonth left, YearMonth right) => left.CompareTo(right) <= 0;
    public static bool operator >=(YearMonth left, YearMonth right) => left.CompareTo(right) >= 0;

    /// <summary>"2026-03", whatever the culture.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>The month with a date format of <paramref name="culture"/>, e.g. "MMMM yyyy" in fr-FR: "mars 2026".</summary>
    public string ToString(string format, IFormatProvider culture) => FirstDay.ToString(format, culture);
}
