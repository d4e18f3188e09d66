namespace CarteBlanche.Platform.Web;

/// <summary>French formats for pages: dates in Paris time, numbers with French separators.</summary>
public static class FrenchFormat
{
    public static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    public static string DateTime(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, Calendar.ParisClock.Zone).ToString("dd/MM/yyyy HH:mm:ss", Culture);

    /// <summary>"05/12/2026".</summary>
    /// <summary>« 7 h 42 », « 8 h »: a time of day as French timetables write it.</summary>
    public static string Hour(TimeOnly time) => time.Minute == 0 ? $"{time.Hour} h" : $"{time.Hour} h {time.Minute:D2}";

    public static string Date(DateOnly value) => value.ToString("dd/MM/yyyy", Culture);

    /// <summary>"novembre 2026".</summary>
    public static string MonthYear(DateOnly value) => value.ToString("MMMM yyyy", Culture);

    /// <summary>"1 234 €" (whole euros) or "1 234,56 €".</summary>
    public static string Euros(decimal value, bool cents = false) => value.ToString(cents ? "N2" : "N0", Culture) + " €";

    public static string Number(int value) => value.ToString("N0", Culture);

    /// <summary>The text as it is, or cut to <paramref name="max"/> characters ending with « … »: a text built around the user's, made to fit its column.</summary>
    public static string Cut(string text, int max) => text.Length > max ? text[..(max - 1)] + "…" : text;

    /// <summary>"mardi 10 novembre 2026 à 16:00", Paris time: how a deadline reads.</summary>
    public static string Deadline(DateTimeOffset value) =>
        TimeZoneInfo.ConvertTime(value, Calendar.ParisClock.Zone).ToString("dddd d MMMM yyyy 'à' HH:mm", Culture);
}
