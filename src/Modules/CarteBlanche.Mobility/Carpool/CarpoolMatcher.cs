namespace CarteBlanche.Mobility.Carpool;

/// <summary>The detour a driver accepts, in Lot'ôcar's words: absolute minutes, not a share of the trip.</summary>
public enum DetourTolerance
{
    /// <summary>« Détour mineur » : 5 minutes at most.</summary>
    Minor = 5,
    /// <summary>« Détour moyen » : 15 minutes at most.</summary>
    Medium = 15,
}

/// <summary>A driver's regular trip: on these days (bit 0 = Monday … bit 6 = Sunday), leaving at this time give or take the flexibility.</summary>
public sealed record DriverTrip(Guid Id, RoadPoint From, RoadPoint To, byte Days, TimeOnly Departure, int FlexibilityMinutes, DetourTolerance Tolerance, DateOnly? Expires = null);

/// <summary>A passenger's trip on a day: leaving from a time, or arriving by it (an appointment).</summary>
public sealed record RideRequest(Guid Id, RoadPoint From, RoadPoint To, DateOnly Day, TimeOnly Time, bool ArriveBy);

/// <summary>A driver who can take the passenger: the detour, when they meet and part, the shared distance.</summary>
public sealed record CarpoolMatch(DriverTrip Trip, RideRequest Request, double DetourMinutes, DateTime DriverLeaves, DateTime PickUp, DateTime DropOff, double SharedKilometres)
{
    /// <summary>« mineur » (≤ 5 min) or « moyen » (≤ 15 min).</summary>
    public DetourTolerance Level => DetourMinutes <= (int)DetourTolerance.Minor ? DetourTolerance.Minor : DetourTolerance.Medium;
}

/// <summary>
/// Matches passengers' requests with drivers' regular trips by detour (Lot'ôcar): the driver goes A → B; taking the
/// passenger from O to D makes A → O → D → B, and the detour is the difference with A → B. A match keeps the detour
/// within the driver's tolerance, runs on the request's weekday before the trip expires, and fits the times: the driver
/// may leave up to their flexibility earlier or later; the passenger is picked up within <see cref="MaxWaitMinutes"/>
/// after the time they leave from, or dropped off at most that long before their appointment.
/// </summary>
public sealed class CarpoolMatcher(IRoadTimes roads)
{
    public const int MaxWaitMinutes = 60;

    /// <summary>Every driver for each request, the smallest detour first.</summary>
    public IReadOnlyList<IReadOnlyList<CarpoolMatch>> Match(IReadOnlyList<DriverTrip> trips, IReadOnlyList<RideRequest> requests)
    {
        // A → B once per trip: the same for every request.
        var direct = trips.Select(t => roads.Minutes(t.From, t.To)).ToArray();
        var result = new IReadOnlyList<CarpoolMatch>[requests.Count];
        Parallel.For(0, requests.Count, r =>
        {
            var request = requests[r];
            var day = (int)request.Day.DayOfWeek is var d && d == 0 ? 6 : d - 1; // Monday = 0
            var ride = roads.Minutes(request.From, request.To);
            var found = new List<CarpoolMatch>();
            for (var t = 0; t < trips.Count; t++)
            {
                var trip = trips[t];
                if ((trip.Days & (1 << day)) == 0 || trip.Expires < request.Day)
                {
                    continue;
                }
                var toPickUp = roads.Minutes(trip.From, request.From);
                // D → B is never negative: a trip already too long up to the drop-off is left without its last road time.
                if (toPickUp + ride - direct[t] > (int)trip.Tolerance)
                {
                    continue;
                }
                var detour = toPickUp + ride + roads.Minutes(request.To, trip.To) - direct[t];
                if (detour > (int)trip.Tolerance)
                {
                    continue;
                }
                if (Times(trip, request, toPickUp, ride) is { } times)
                {
                    found.Add(new CarpoolMatch(trip, request, Math.Max(0, detour), times.Leaves, times.PickUp, times.DropOff, ride * StraightLineRoadTimes.KilometresPerHour / 60));
                }
            }
            result[r] = found.OrderBy(m => m.DetourMinutes).ThenBy(m => m.Trip.Id).ToList();
        });
        return result;
    }

    /// <summary>When the driver leaves, picks up and drops off, or null when the times do not fit.</summary>
    private static (DateTime Leaves, DateTime PickUp, DateTime DropOff)? Times(DriverTrip trip, RideRequest request, double toPickUp, double ride)
    {
        var usual = request.Day.ToDateTime(trip.Departure);
        var earliest = usual.AddMinutes(-trip.FlexibilityMinutes);
        var latest = usual.AddMinutes(trip.FlexibilityMinutes);
        var asked = request.Day.ToDateTime(request.Time);
        DateTime leaves;
        if (request.ArriveBy)
        {
            // As late as the driver can, the passenger at the appointment in time.
            var latestForAppointment = asked.AddMinutes(-(toPickUp + ride));
            leaves = latestForAppointment < latest ? latestForAppointment : latest;
            if (leaves < earliest || leaves.AddMinutes(toPickUp + ride) < asked.AddMinutes(-MaxWaitMinutes))
            {
                return null;
            }
        }
        else
        {
            // As early as the driver can, not before the passenger is ready.
            var earliestForPassenger = asked.AddMinutes(-toPickUp);
            leaves = earliestForPassenger > earliest ? earliestForPassenger : earliest;
            if (leaves > latest || leaves.AddMinutes(toPickUp) > asked.AddMinutes(MaxWaitMinutes))
            {
                return null;
            }
        }
        var pickUp = leaves.AddMinutes(toPickUp);
        return (leaves, pickUp, pickUp.AddMinutes(ride));
    }
}
