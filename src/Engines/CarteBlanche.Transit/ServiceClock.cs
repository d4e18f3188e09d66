namespace CarteBlanche.Transit;

/// <summary>
/// The time line of one search: seconds since the local midnight (in the network's time zone) of the day before the
/// query. GTFS times count from "noon minus 12 h" of their service day in their agency's time zone: that is midnight,
/// except on the days the clocks change (an hour before or after it), and another agency's zone shifts it by the
/// difference. Each (zone, searched day) gets its start on this line once, so the planner only adds.
/// </summary>
public sealed class ServiceClock
{
    private readonly DateTime _originUtc;
    private readonly TimeZoneInfo _display;

    /// <param name="display">The zone the query and the answers are written in.</param>
    /// <param name="zones">The network's agency zones (<see cref="Pattern.Zone"/> indexes them).</param>
    /// <param name="epoch">Service day 0: the day before the query.</param>
    /// <param name="days">Service days 0 to <paramref name="days"/> are searched.</param>
    public ServiceClock(TimeZoneInfo display, IReadOnlyList<TimeZoneInfo> zones, DateOnly epoch, int days)
    {
        _display = display;
        Epoch = epoch;
        _originUtc = ToUtc(epoch.ToDateTime(TimeOnly.MinValue), display);
        DayStart = new int[zones.Count][];
        for (var z = 0; z < zones.Count; z++)
        {
            DayStart[z] = new int[days + 1];
            for (var day = 0; day <= days; day++)
            {
                DayStart[z][day] = (int)(ServiceDayStartUtc(epoch.AddDays(day), zones[z]) - _originUtc).TotalSeconds;
            }
        }
    }

    public DateOnly Epoch { get; }

    /// <summary>Per zone and searched day, where that service day's 00:00:00 falls on the line.</summary>
    public int[][] DayStart { get; }

    /// <summary>A wall-clock time of the display zone on the line.</summary>
    public int Seconds(DateTime local) => (int)(ToUtc(local, _display) - _originUtc).TotalSeconds;

    /// <summary>The wall-clock time of the display zone at a point of the line.</summary>
    public DateTime Local(int seconds) => DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(_originUtc.AddSeconds(seconds), _display), DateTimeKind.Unspecified);

    /// <summary>GTFS's reference instant of a service day: noon local time minus 12 hours.</summary>
    public static DateTime ServiceDayStartUtc(DateOnly date, TimeZoneInfo zone) =>
        ToUtc(date.ToDateTime(new TimeOnly(12, 0)), zone).AddHours(-12);

    /// <summary>
    /// A wall-clock time to an instant. A time the clocks skip (spring) is read an hour later, as a watch not yet put forward; a time that
    /// happens twice (autumn) as its first occurrence, so that no departure is missed.
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        if (zone.IsAmbiguousTime(local))
        {
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
