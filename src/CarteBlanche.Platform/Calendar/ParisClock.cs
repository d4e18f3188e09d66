namespace CarteBlanche.Platform.Calendar;

/// <summary>
/// "Now" and "today" as they are in Paris, whatever the server's time zone (a server on UTC is
/// still on yesterday between midnight and 1 or 2 h in Paris). The only way the app asks for the
/// date: <c>DateTime.Now</c>, <c>DateTime.Today</c> and <c>TimeProvider.GetLocalNow</c> are banned
/// at build (src/BannedSymbols.txt).
/// </summary>
public sealed class ParisClock(TimeProvider timeProvider)
{
    /// <summary>Europe/Paris, the zone of every date and time the product shows or decides on.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The current instant (from the app's <see cref="TimeProvider"/>, which tests move).</summary>
    public DateTimeOffset Now => timeProvider.GetUtcNow();

    /// <summary>The wall-clock time in Paris now.</summary>
    public DateTime LocalNow => LocalTimeOf(Now);

    /// <summary>Today's date in Paris.</summary>
    public DateOnly Today => DayOf(Now);

    /// <summary>The wall-clock time in Paris of an instant.</summary>
    public static DateTime LocalTimeOf(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The date in Paris of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(LocalTimeOf(instant));
}
