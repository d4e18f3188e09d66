using CarteBlanche.Transit;

namespace CarteBlanche.UnitTests.Transit;

/// <summary>
/// The slow, obviously correct planner the engine is checked against: every trip instance of the searched days, and
/// Dijkstra on states (stop, how it was reached) with boarding and walking edges. Same rules as the engine: pickup/drop-off
/// type 1 forbids boarding/alighting, at most one walk between two vehicles, the same days searched, transfers.txt
/// (change times, impossible changes, trip and route rules) read on its own. Times are
/// instants: a trip instance's times count from noon minus 12 h of its service day in its agency's zone.
/// </summary>
internal sealed class ReferencePlanner(TransitNetwork network)
{
    public DateTime? EarliestArrival(IReadOnlyDictionary<int, int> sources, IReadOnlyDictionary<int, int> targets, DateTime at, PlanOptions options)
    {
        var epoch = DateOnly.FromDateTime(at).AddDays(-1);
        var origin = TimeZoneInfo.ConvertTimeToUtc(epoch.ToDateTime(TimeOnly.MinValue), network.TimeZone);
        var start = (long)(TimeZoneInfo.ConvertTimeToUtc(at, network.TimeZone) - origin).TotalSeconds;
        // Trip instances: (trip, seconds from the origin to its service day's noon minus 12 h), indexed by the stops they serve.
        var byStop = new List<(int Trip, long Day, int Position)>[network.StopCount];
        for (var day = 0; day <= options.SearchDays + 1; day++)
        {
            var date = epoch.AddDays(day);
            var dayStarts = new Dictionary<string, long>();
            for (var t = 0; t < network.Trips.Length; t++)
            {
                var trip = network.Trips[t];
                if (!network.Services[trip.Service].RunsOn(date) || (options.WheelchairOnly && trip.WheelchairAccessible != 1))
                {
                    continue;
                }
                var zone = network.Agencies[network.Routes[trip.Route].Agency].TimeZone;
                if (!dayStarts.TryGetValue(zone, out var dayStart))
                {
                    var noon = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(new TimeOnly(12, 0)), TimeZoneInfo.FindSystemTimeZoneById(zone));
                    dayStarts[zone] = dayStart = (long)(noon.AddHours(-12) - origin).TotalSeconds;
                }
                for (var i = 0; i < trip.StopTimeCount; i++)
                {
                    (byStop[network.StopTimeStop[trip.FirstStopTime + i]] ??= []).Add((t, dayStart, i));
                }
            }
        }
        // States: at a stop at the start (may walk on, boards at once), on foot (boards at once when it came from the
        // start), off a vehicle (may walk on, boards after the change transfers.txt asks), on foot off a vehicle at
        // another stop (Time: the arrival there; boards after the rule between the two stops). The arriving trip is
        // kept only at stops where some row names a trip or route to come from.
        var fromMatters = network.Transfers.Where(r => r.FromTrip >= 0 || r.FromRoute >= 0).Select(r => r.From).ToHashSet();
        var best = new Dictionary<State, long>();
        var queue = new PriorityQueue<State, long>();
        var boarded = new Dictionary<(int Trip, long Day), int>();
        void Relax(State state, long time)
        {
            if (!best.TryGetValue(state, out var known) || time < known)
            {
                best[state] = time;
                queue.Enqueue(state, time);
            }
        }
        foreach (var (stop, seconds) in sources)
        {
            Relax(new State(stop, seconds > 0 ? Kind.Walked : Kind.Start, -1, -1), start + seconds);
        }
        while (queue.TryDequeue(out var state, out var time))
        {
            if (best[state] < time)
            {
                continue;
            }
            if (state.Kind is Kind.Start or Kind.Ride)
            {
                foreach (var (to, seconds) in network.Footpaths[state.Stop])
                {
                    if (state.Kind == Kind.Start)
                    {
                        Relax(new State(to, Kind.Walked, -1, -1), time + seconds);
                    }
                    else
                    {
                        Relax(new State(to, Kind.WalkedOffRide, state.Trip, state.Stop), time);
                    }
                }
            }
            foreach (var (t, day, position) in byStop[state.Stop] ?? [])
            {
                var trip = network.Trips[t];
                var st = trip.FirstStopTime + position;
                if (network.Pickup[st] == 1)
                {
                    continue;
                }
                var ready = time;
                if (state.Kind is Kind.Ride or Kind.WalkedOffRide)
                {
                    var from = state.Kind == Kind.Ride ? state.Stop : state.From;
                    if (Needed(from, state.Trip, state.Stop, t) is not { } needed)
                    {
                        continue;
                    }
                    ready = time + needed;
                }
                if (network.Departure[st] + day < ready || (boarded.TryGetValue((t, day), out var earliest) && earliest <= position))
                {
                    continue;
                }
                boarded[(t, day)] = position; // boarded further back already: the same arrivals
                for (var j = position + 1; j < trip.StopTimeCount; j++)
                {
                    if (network.DropOff[trip.FirstStopTime + j] != 1)
                    {
                        var stop = network.StopTimeStop[trip.FirstStopTime + j];
                        Relax(new State(stop, Kind.Ride, fromMatters.Contains(stop) || fromMatters.Contains(network.StopParent[stop]) ? t : -1, -1), network.Arrival[trip.FirstStopTime + j] + day);
                    }
                }
            }
        }
        long? arrival = null;
        foreach (var (state, t) in best)
        {
            if (targets.TryGetValue(state.Stop, out var walk))
            {
                var reached = t + walk + (state.Kind == Kind.WalkedOffRide ? Walk(state.From, state.Stop) : 0);
                if (arrival == null || reached < arrival)
                {
                    arrival = reached;
                }
            }
        }
        return arrival == null ? null : TimeZoneInfo.ConvertTimeFromUtc(origin.AddSeconds(arrival.Value), network.TimeZone);
    }

    private enum Kind { Start, Walked, Ride, WalkedOffRide }

    /// <summary>Trip: the one arrived by (-1 when it does not matter); From: the stop walked from after it.</summary>
    private readonly record struct State(int Stop, Kind Kind, int Trip, int From);

    /// <summary>The rows whose to_stop_id is the stop or its station (only to look fewer rows through).</summary>
    private readonly Dictionary<int, List<Transfer>> _rulesTo = Enumerable.Range(0, network.StopCount)
        .Select(s => (s, Rows: network.Transfers.Where(r => r.To == s || r.To == network.StopParent[s]).ToList()))
        .Where(x => x.Rows.Count > 0).ToDictionary(x => x.s, x => x.Rows);

    private int Walk(int from, int to) => network.Footpaths[from].First(f => f.To == to).Seconds;

    /// <summary>
    /// Seconds from arriving by trip a at stop w to leaving by trip b at stop s, per the GTFS reference read here on
    /// its own: among the transfers.txt rows covering both (a station's row covers its stops), the most specific (both
    /// trips, a trip and a route, one trip, both routes, one route, stops only; then stops over stations); without
    /// one, none at one stop and the walk between two. Null when not possible (type 3, or no walk between them).
    /// </summary>
    private int? Needed(int w, int a, int s, int b)
    {
        Transfer? chosen = null;
        var chosenRank = -1;
        foreach (var r in _rulesTo.GetValueOrDefault(s) ?? [])
        {
            bool Covers(int ruleStop, int stop) => ruleStop == stop || network.StopParent[stop] == ruleStop;
            bool Trip(int ruleTrip, int ruleRoute, int trip) => trip < 0
                ? ruleTrip < 0 && ruleRoute < 0
                : (ruleTrip < 0 || ruleTrip == trip) && (ruleRoute < 0 || ruleRoute == network.Trips[trip].Route);
            if (!Covers(r.From, w) || !Covers(r.To, s) || !Trip(r.FromTrip, r.FromRoute, a) || !Trip(r.ToTrip, r.ToRoute, b))
            {
                continue;
            }
            var trips = (r.FromTrip >= 0 ? 1 : 0) + (r.ToTrip >= 0 ? 1 : 0);
            var fromRouteOnly = r.FromTrip < 0 && r.FromRoute >= 0;
            var toRouteOnly = r.ToTrip < 0 && r.ToRoute >= 0;
            var level = trips == 2 ? 5
                : trips == 1 && (fromRouteOnly || toRouteOnly) ? 4
                : trips == 1 ? 3
                : fromRouteOnly && toRouteOnly ? 2
                : fromRouteOnly || toRouteOnly ? 1
                : 0;
            var rank = level * 3 + (r.From == w ? 1 : 0) + (r.To == s ? 1 : 0);
            if (rank > chosenRank)
            {
                (chosen, chosenRank) = (r, rank);
            }
        }
        if (chosen == null)
        {
            return w == s ? 0 : network.Footpaths[w].Any(f => f.To == s) ? Walk(w, s) : null;
        }
        return chosen.Type switch
        {
            3 => null,
            1 => 0,
            2 when chosen.MinTransferSeconds is { } min => min,
            _ when w == s => 0,
            _ => chosen.MinTransferSeconds ?? new WalkOptions().Seconds(Geo.Metres(network.Latitude[w], network.Longitude[w], network.Latitude[s], network.Longitude[s])),
        };
    }
}
