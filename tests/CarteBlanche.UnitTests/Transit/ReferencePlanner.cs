using CarteBlanche.Transit;

namespace CarteBlanche.UnitTests.Transit;

/// <summary>
/// The slow, obviously correct planner the engine is checked against: every trip instance of the searched days, and
/// Dijkstra on (stop, arrived on foot?) with boarding and walking edges. Same rules as the engine: pickup/drop-off
/// type 1 forbids boarding/alighting, at most one walk between two vehicles, the same days searched. Times are
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
        var best = new Dictionary<(int Stop, bool Walked), long>();
        var queue = new PriorityQueue<(int Stop, bool Walked), long>();
        void Relax(int stop, bool walked, long time)
        {
            if (!best.TryGetValue((stop, walked), out var known) || time < known)
            {
                best[(stop, walked)] = time;
                queue.Enqueue((stop, walked), time);
            }
        }
        foreach (var (stop, seconds) in sources)
        {
            Relax(stop, seconds > 0, start + seconds);
        }
        while (queue.TryDequeue(out var state, out var time))
        {
            if (best[state] < time)
            {
                continue;
            }
            if (!state.Walked)
            {
                foreach (var (to, seconds) in network.Footpaths[state.Stop])
                {
                    Relax(to, true, time + seconds);
                }
            }
            foreach (var (t, day, position) in byStop[state.Stop] ?? [])
            {
                var trip = network.Trips[t];
                var st = trip.FirstStopTime + position;
                if (network.Pickup[st] == 1 || network.Departure[st] + day < time)
                {
                    continue;
                }
                for (var j = position + 1; j < trip.StopTimeCount; j++)
                {
                    if (network.DropOff[trip.FirstStopTime + j] != 1)
                    {
                        Relax(network.StopTimeStop[trip.FirstStopTime + j], false, network.Arrival[trip.FirstStopTime + j] + day);
                    }
                }
            }
        }
        long? arrival = null;
        foreach (var (stop, walk) in targets)
        {
            foreach (var walked in new[] { false, true })
            {
                if (best.TryGetValue((stop, walked), out var t) && (arrival == null || t + walk < arrival))
                {
                    arrival = t + walk;
                }
            }
        }
        return arrival == null ? null : TimeZoneInfo.ConvertTimeFromUtc(origin.AddSeconds(arrival.Value), network.TimeZone);
    }
}
