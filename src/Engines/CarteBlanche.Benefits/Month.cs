using System.Globalization;

namespace CarteBlanche.Benefits;

/// <summary>A calendar month as a number (year × 12 + month − 1): cheap to compare, add and use as an index.</summary>
public readonly record struct Month(int Index) : IComparable<Month>
{
    public static Month Of(int year, int month) => new(year * 12 + month - 1);

    public int Year => Index / 12;

    public int Number => Index % 12 + 1;

    public DateOnly FirstDay => new(Year, Number, 1);

    public Month AddMonths(int months) => new(Index + months);

    public int CompareTo(Month other) => Index.CompareTo(other.Index);

    public static bool operator <(Month a, Month b) => a.Index < b.Index;

    public static bool operator >(Month a, Month b) => a.Index > b.Index;

    public static bool operator <=(Month a, Month b) => a.Index <= b.Index;

    public static bool operator >=(Month a, Month b) => a.Index >= b.Index;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}");

    /// <summary>"2025-06" (a month). Years and other forms are read by <see cref="Period"/>.</summary>
    public static bool TryParse(string text, out Month month)
    {
        month = default;
        if (text.Length == 7 && text[4] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12)
        {
            month = Of(y, m);
            return true;
        }
        return false;
    }

    /// <summary>Age in whole years on the first day of this month, for a birth date packed as yyyymmdd.</summary>
    public int AgeOf(int birthPacked)
    {
        var by = birthPacked / 10000;
        var bm = birthPacked / 100 % 100;
        var bd = birthPacked % 100;
        var m = Number;
        return Year - by - (m < bm || (m == bm && bd > 1) ? 1 : 0);
    }
}

/// <summary>An OpenFisca period: a month ("2025-06"), a year ("2025") or "month:2025-01:3" style spans.</summary>
public readonly record struct Period(Month Start, int Months)
{
    /// <summary>
    /// Periods read lie within these months (<c>ETERNITY</c> is 1900-01): a year 0 or « month:2025-01:999999999 »
    /// would make a date that cannot be, or months by the billion to compute.
    /// </summary>
    public static readonly Month First = Month.Of(1900, 1);
    public static readonly Month Last = Month.Of(2199, 12);

    public bool IsYear => Months == 12 && Start.Number == 1;

    public IEnumerable<Month> EachMonth()
    {
        for (var i = 0; i < Months; i++)
        {
            yield return Start.AddMonths(i);
        }
    }

    public override string ToString() => Months == 1 ? Start.ToString() : IsYear ? Start.Year.ToString(CultureInfo.InvariantCulture) : $"month:{Start}:{Months}";

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        text = text.Trim();
        if (Month.TryParse(text, out var month))
        {
            period = new Period(month, 1);
            return InRange(ref period);
        }
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            period = new Period(Month.Of(year, 1), 12);
            return InRange(ref period);
        }
        // "month:2025-01:3", "year:2025", "year:2025-04" (a rolling year).
        var parts = text.Split(':');
        if (parts.Length is 2 or 3 && (parts[0] is "month" or "year"))
        {
            var count = parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 1;
            if (parts.Length == 3 && count < 1)
            {
                return false;
            }
            Month start;
            if (Month.TryParse(parts[1], out var m))
            {
                start = m;
            }
            else if (parts[1].Length == 4 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                start = Month.Of(y, 1);
            }
            else
            {
                return false;
            }
            var months = parts[0] == "year" ? 12L * count : count;
            period = new Period(start, (int)Math.Min(months, int.MaxValue));
            return InRange(ref period);
        }
        return false;
    }

    private static bool InRange(ref Period period)
    {
        if (period.Start >= First && (long)period.Start.Index + period.Months - 1 <= Last.Index)
        {
            return true;
        }
        period = default;
        return false;
    }
}
