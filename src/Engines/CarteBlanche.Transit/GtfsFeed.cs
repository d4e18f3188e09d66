namespace CarteBlanche.Transit;

public sealed record Agency(string Id, string Name, string TimeZone, string? Phone);

/// <summary>location_type: 0 stop, 1 station, 2 entrance, 3 generic node, 4 boarding area. Parent: index of the station or -1.</summary>
public sealed record Stop(string Id, string Name, double Latitude, double Longitude, int LocationType, int Parent, byte WheelchairBoarding);

public sealed record Route(string Id, int Agency, string ShortName, string LongName, int Type)
{
    public string Name => ShortName.Length > 0 ? ShortName : LongName;
}

/// <summary>A trip and the range of its stop times in the feed's stop-time columns.</summary>
public sealed record Trip(string Id, int Route, int Service, string? Headsign, byte WheelchairAccessible, int FirstStopTime, int StopTimeCount);

/// <summary>A service calendar: weekdays between two dates, plus dates added and removed (calendar_dates).</summary>
public sealed class Service(string id)
{
    public string Id { get; } = id;
    /// <summary>Bit 0 = Monday … bit 6 = Sunday.</summary>
    public byte Weekdays { get; set; }
    public DateOnly Start { get; set; } = DateOnly.MaxValue;
    public DateOnly End { get; set; } = DateOnly.MinValue;
    public HashSet<DateOnly> Added { get; } = [];
    public HashSet<DateOnly> Removed { get; } = [];

    public bool RunsOn(DateOnly date)
    {
        if (Removed.Contains(date))
        {
            return false;
        }
        if (Added.Contains(date))
        {
            return true;
        }
        var bit = ((int)date.DayOfWeek + 6) % 7;
        return date >= Start && date <= End && (Weekdays & (1 << bit)) != 0;
    }

    /// <summary>First and last dates it may run on.</summary>
    public (DateOnly First, DateOnly Last) Span()
    {
        var first = Added.Count > 0 ? Added.Min() : DateOnly.MaxValue;
        var last = Added.Count > 0 ? Added.Max() : DateOnly.MinValue;
        if (Weekdays != 0 && Start <= End)
        {
            first = first < Start ? first : Start;
            last = last > End ? last : End;
        }
        return (first, last);
    }
}

/// <summary>
/// A transfers.txt row: transfer_type 0 (recommended), 1 (timed), 2 (minimum time), 3 (impossible); From and To are
/// stops or stations (then every stop of the station); trips and routes -1 when the row does not name them.
/// </summary>
public sealed record Transfer(int From, int To, int Type, int? MinTransferSeconds, int FromTrip = -1, int ToTrip = -1, int FromRoute = -1, int ToRoute = -1)
{
    /// <summary>
    /// GTFS's order when several rows match one change: both trips, a trip and a route, one trip, both routes, one
    /// route, stops only (higher wins); within a level, a row naming stops wins over one naming their station.
    /// </summary>
    public int Specificity(bool fromIsStation, bool toIsStation)
    {
        var trips = (FromTrip >= 0 ? 1 : 0) + (ToTrip >= 0 ? 1 : 0);
        var routes = (FromRoute >= 0 && FromTrip < 0 ? 1 : 0) + (ToRoute >= 0 && ToTrip < 0 ? 1 : 0);
        var level = (trips, routes) switch { (2, _) => 5, (1, 1) => 4, (1, _) => 3, (0, 2) => 2, (0, 1) => 1, _ => 0 };
        return level * 3 + (fromIsStation ? 0 : 1) + (toIsStation ? 0 : 1);
    }
}

/// <summary>A pathways.txt row with its traversal_time: a walk inside a station (platforms, corridors, entrances).</summary>
public sealed record Pathway(int From, int To, int Seconds, bool Bidirectional);

/// <summary>
/// One GTFS feed as loaded: objects keyed by their position, stop times in columns (seconds since the service day's
/// noon minus 12 h; past 24:00 allowed). pickup/drop-off: 0 regular, 1 none, 2 phone the agency, 3 arrange with the driver.
/// </summary>
public sealed class GtfsFeed(string id)
{
    public string Id { get; } = id;
    public List<Agency> Agencies { get; } = [];
    public List<Stop> Stops { get; } = [];
    public List<Route> Routes { get; } = [];
    public List<Trip> Trips { get; } = [];
    public List<Service> Services { get; } = [];
    public List<Transfer> Transfers { get; } = [];
    public List<Pathway> Pathways { get; } = [];
    public int[] StopTimeStop { get; set; } = [];
    public int[] Arrival { get; set; } = [];
    public int[] Departure { get; set; } = [];
    public byte[] Pickup { get; set; } = [];
    public byte[] DropOff { get; set; } = [];
    public int StopTimeCount => StopTimeStop.Length;
}
