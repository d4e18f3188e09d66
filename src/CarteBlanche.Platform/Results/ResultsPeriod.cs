using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Platform.Results;

/// <summary>The months a results page covers: the last twelve by default, or « du » and « au » (2026-01) from the address.</summary>
public static class ResultsPeriod
{
    public const int DefaultMonths = 12;
    public const int MaxMonths = 36;

    /// <summary>The period, or a French error saying which field is wrong (then the default period is used).</summary>
    public static (YearMonth From, YearMonth To, string? Error) Read(string? from, string? to, DateOnly today)
    {
        var thisMonth = YearMonth.Of(today);
        var defaultPeriod = (thisMonth.AddMonths(-(DefaultMonths - 1)), thisMonth);
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            return (defaultPeriod.Item1, defaultPeriod.Item2, null);
        }
        // The months the page offers: no period before them (and no arithmetic below year 1).
        var earliest = thisMonth.AddMonths(-(MaxMonths * 2));
        if (!YearMonth.TryParse(to?.Trim(), out var last))
        {
            last = thisMonth;
            if (!string.IsNullOrWhiteSpace(to))
            {
                return (defaultPeriod.Item1, defaultPeriod.Item2, $"« Au » : « {to} » n'est pas un mois (écrivez par exemple {thisMonth}).");
            }
        }
        if (last < earliest)
        {
            return (defaultPeriod.Item1, defaultPeriod.Item2, $"« Au » : les résultats commencent en {earliest}.");
        }
        if (!YearMonth.TryParse(from?.Trim(), out var first))
        {
            if (!string.IsNullOrWhiteSpace(from))
            {
                return (defaultPeriod.Item1, defaultPeriod.Item2, $"« Du » : « {from} » n'est pas un mois (écrivez par exemple {thisMonth.AddMonths(-11)}).");
            }
            first = last.AddMonths(-(DefaultMonths - 1));
        }
        if (first < earliest)
        {
            return (defaultPeriod.Item1, defaultPeriod.Item2, $"« Du » : les résultats commencent en {earliest}.");
        }
        if (last > thisMonth)
        {
            return (defaultPeriod.Item1, defaultPeriod.Item2, "« Au » : le mois ne peut pas être après le mois en cours.");
        }
        if (first > last)
        {
            return (defaultPeriod.Item1, defaultPeriod.Item2, "« Du » doit être avant « Au ».");
        }
        if (first.MonthsUntil(last) >= MaxMonths)
        {
            return (defaultPeriod.Item1, defaultPeriod.Item2, $"La période est de {MaxMonths} mois au plus.");
        }
        return (first, last, null);
    }
}
