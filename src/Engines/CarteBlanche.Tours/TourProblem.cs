namespace CarteBlanche.Tours;

public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    public bool IsValid => double.IsFinite(Latitude) && double.IsFinite(Longitude) && Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;

    /// <summary>Great-circle distance in kilometres (haversine, mean Earth radius).</summary>
    public double KilometresTo(GeoPoint other)
    {
        const double radius = 6371.0088;
        var dLat = (other.Latitude - Latitude) * Math.PI / 180;
        var dLon = (other.Longitude - Longitude) * Math.PI / 180;
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Latitude * Math.PI / 180) * Math.Cos(other.Latitude * Math.PI / 180) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * radius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

public enum HalfDay
{
    Morning,
    Afternoon,
}

public enum Frequency
{
    /// <summary>Once a cycle (every two weeks with the default 10-day cycle).</summary>
    EveryCycle,
    /// <summary>Twice a cycle, same weekday and half-day in each half (every week with the default cycle).</summary>
    EveryWeek,
}

/// <summary>A commune the bus may serve: its stop (a place with coordinates) and its population.</summary>
public sealed record CandidateCommune(string Code, string Name, int Population, GeoPoint Stop, string? PlaceName = null);

/// <summary>Travel times: great-circle distance × detour factor ÷ average speed, unless a matrix is given.</summary>
public sealed record TravelModel(double DetourFactor = 1.3, double AverageSpeedKmh = 50)
{
    public double Kilometres(GeoPoint from, GeoPoint to) => from.KilometresTo(to) * DetourFactor;

    public double Minutes(GeoPoint from, GeoPoint to) => Kilometres(from, to) / AverageSpeedKmh * 60;
}

/// <summary>Isolation: travel minutes to the nearest permanent service point; weight = population × (minutes ÷ reference)^exponent.</summary>
public sealed record IsolationFormula(double ReferenceMinutes = 20, double Exponent = 1, double MinimumMinutes = 10)
{
    public double Weight(int population, double minutes) =>
        minutes < MinimumMinutes ? 0 : population * Math.Pow(minutes / ReferenceMinutes, Exponent);
}

/// <summary>The crew's day: the two half-day stops at fixed hours, the working day around them, the lunch break between.</summary>
public sealed record CrewDay(
    TimeOnly DayStart,
    TimeOnly MorningStart,
    TimeOnly MorningEnd,
    TimeOnly AfternoonStart,
    TimeOnly AfternoonEnd,
    TimeOnly DayEnd,
    int LunchMinutes = 45)
{
    public static CrewDay Default { get; } = new(new(8, 0), new(9, 0), new(12, 0), new(14, 0), new(17, 0), new(18, 0));

    public int StopMinutes => (int)(MorningEnd - MorningStart).TotalMinutes;

    /// <summary>When a stop of that half-day starts and ends.</summary>
    public (TimeOnly Start, TimeOnly End) Hours(HalfDay halfDay) =>
        halfDay == HalfDay.Morning ? (MorningStart, MorningEnd) : (AfternoonStart, AfternoonEnd);
}

/// <summary>A specialist (the tax office during the income-tax season...) who joins passages between two dates.</summary>
public sealed record Permanence(string Specialist, DateOnly From, DateOnly To, int MaxPassages = int.MaxValue);

/// <summary>Everything the planner needs. Dates: the cycle's working days are computed from <see cref="CycleStart"/>, skipping weekends and <see cref="ClosedDates"/>.</summary>
public sealed record TourProblem
{
    public required GeoPoint Depot { get; init; }
    public string DepotName { get; init; } = "Cahors";
    public required IReadOnlyList<CandidateCommune> Communes { get; init; }
    /// <summary>Permanent service points (France Services...): the nearer one is, the less isolated a commune.</summary>
    public required IReadOnlyList<GeoPoint> ServicePoints { get; init; }
    public required DateOnly CycleStart { get; init; }
    public int CycleDays { get; init; } = 10;
    public int Buses { get; init; } = 1;
    public Frequency Frequency { get; init; } = Frequency.EveryCycle;
    public IReadOnlyDictionary<string, Frequency> FrequencyByCommune { get; init; } = new Dictionary<string, Frequency>();
    public TravelModel Travel { get; init; } = new();
    /// <summary>Minutes by [from, to] over (depot, communes in order), replacing <see cref="Travel"/> when given.</summary>
    public double[,]? TravelMinutes { get; init; }
    public IsolationFormula Isolation { get; init; } = new();
    public CrewDay Day { get; init; } = CrewDay.Default;
    /// <summary>Weekdays the crew does not work (e.g. Wednesday).</summary>
    public IReadOnlySet<DayOfWeek> CrewDaysOff { get; init; } = new HashSet<DayOfWeek>();
    /// <summary>Public holidays and other closed days, skipped when the cycle's days are counted.</summary>
    public IReadOnlySet<DateOnly> ClosedDates { get; init; } = new HashSet<DateOnly>();
    public IReadOnlySet<string> Pinned { get; init; } = new HashSet<string>();
    public IReadOnlySet<string> Excluded { get; init; } = new HashSet<string>();
    public IReadOnlyList<Permanence> Permanences { get; init; } = [];
    public int Seed { get; init; } = 1;
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(5);

    public Frequency FrequencyOf(string code) => FrequencyByCommune.TryGetValue(code, out var f) ? f : Frequency;
}
