namespace CarteBlanche.Transit;

public sealed record PlanOptions(int MaxTransfers = 8, int SearchDays = 3, bool WheelchairOnly = false);

/// <summary>A piece of a journey: a ride (trip from a stop to another) or a walk.</summary>
public sealed record Leg(bool Walk, int FromStop, int ToStop, DateTime Departure, DateTime Arrival, int Trip = -1, bool BookingRequired = false);

public sealed record Journey(DateTime Departure, DateTime Arrival, int Transfers, IReadOnlyList<Leg> Legs);

/// <summary>
/// Earliest arrival with RAPTOR (Delling, Pajor, Werneck 2012): rounds of route scans, one more vehicle per round,
/// footpaths relaxed after each round (one walk between two vehicles). Times are seconds from the midnight of the day
/// before the query (trips of the previous service day may still run past midnight); every service day up to
/// <see cref="PlanOptions.SearchDays"/> after the query is searched, so a rural line that runs tomorrow is found.
/// </summary>
public sealed class Planner(TransitNetwork network)
{
    private const int Infinity = int.MaxValue;

    /// <summary>How a stop was reached in a round: by a ride (pattern, trip, day, boarding and alighting positions) or on foot from another stop.</summary>
    private sealed record Label(int Time, bool Walk, int FromStop, int Pattern = -1, int TripIndex = -1, int Day = 0, int BoardPosition = 0, int AlightPosition = 0);

    /// <summary>
    /// Earliest arrival at one of the targets (stop → walking seconds from it), leaving one of the sources (stop →
    /// seconds to reach it) at <paramref name="at"/>. A stop keeps two labels per round: the earliest arrival by any
    /// means (to board) and the earliest by a vehicle or at the start (to walk on from): one walk between vehicles.
    /// </summary>
    public Journey? EarliestArrival(IReadOnlyDictionary<int, int> sources, IReadOnlyDictionary<int, int> targets, DateTime at, PlanOptions? options = null)
    {
        options ??= new PlanOptions();
        var epoch = DateOnly.FromDateTime(at).AddDays(-1);
        var start = (int)(at - epoch.ToDateTime(TimeOnly.MinValue)).TotalSeconds;
        var lastDay = options.SearchDays + 1;
        var rounds = options.MaxTransfers + 2;
        var n = network.StopCount;
        var best = new int[n];
        var bestRide = new int[n];
        Array.Fill(best, Infinity);
        Array.Fill(bestRide, Infinity);
        var time = new int[rounds][];
        var rideTime = new int[rounds][];
        var labels = new Label?[rounds][];
        var rideLabels = new Label?[rounds][];
        for (var k = 0; k < rounds; k++)
        {
            time[k] = new int[n];
            rideTime[k] = new int[n];
            Array.Fill(time[k], Infinity);
            Array.Fill(rideTime[k], Infinity);
            labels[k] = new Label?[n];
            rideLabels[k] = new Label?[n];
        }
        var marked = new bool[n];
        var rode = new bool[n];
        foreach (var (stop, seconds) in sources)
        {
            var t = start + seconds;
            if (t < time[0][stop])
            {
                time[0][stop] = best[stop] = t;
                labels[0][stop] = new Label(t, seconds > 0, -1);
                marked[stop] = true;
                if (seconds == 0)
                {
                    // At the start itself one may walk on, as after a ride.
                    rideTime[0][stop] = bestRide[stop] = t;
                    rideLabels[0][stop] = labels[0][stop];
                    rode[stop] = true;
                }
            }
        }
        var targetBest = Infinity;
        int TargetTime(int k)
        {
            var t = Infinity;
            foreach (var (stop, walk) in targets)
            {
                if (time[k][stop] != Infinity)
                {
                    t = Math.Min(t, time[k][stop] + walk);
                }
            }
            return t;
        }
        RelaxFootpaths(0);
        targetBest = Math.Min(targetBest, TargetTime(0));
        var queue = new Dictionary<int, int>();
        for (var k = 1; k < rounds; k++)
        {
            // Routes to scan: each pattern from the earliest stop on it improved in the previous round.
            queue.Clear();
            for (var s = 0; s < n; s++)
            {
                if (!marked[s])
                {
                    continue;
                }
                foreach (var (p, position) in network.StopPatterns[s])
                {
                    queue[p] = queue.TryGetValue(p, out var q) ? Math.Min(q, position) : position;
                }
                marked[s] = false;
            }
            if (queue.Count == 0)
            {
                break;
            }
            Array.Copy(time[k - 1], time[k], n);
            foreach (var (p, from) in queue)
            {
                var pattern = network.Patterns[p];
                int trip = -1, day = 0, board = -1;
                for (var i = from; i < pattern.Stops.Length; i++)
                {
                    var stop = pattern.Stops[i];
                    if (trip >= 0)
                    {
                        var st = network.Trips[pattern.Trips[trip]].FirstStopTime + i;
                        var arrival = network.Arrival[st] + day * 86400;
                        if (network.DropOff[st] != 1 && arrival < targetBest)
                        {
                            var label = new Label(arrival, false, pattern.Stops[board], p, trip, day, board, i);
                            if (arrival < bestRide[stop])
                            {
                                rideTime[k][stop] = bestRide[stop] = arrival;
                                rideLabels[k][stop] = label;
                                rode[stop] = true;
                            }
                            if (arrival < best[stop])
                            {
                                time[k][stop] = best[stop] = arrival;
                                labels[k][stop] = label;
                                marked[stop] = true;
                            }
                        }
                    }
                    // Can an earlier trip be caught here?
                    var ready = time[k - 1][stop];
                    if (ready == Infinity)
                    {
                        continue;
                    }
                    if (trip >= 0 && ready > network.Departure[network.Trips[pattern.Trips[trip]].FirstStopTime + i] + day * 86400)
                    {
                        continue;
                    }
                    var (t, d) = EarliestTrip(pattern, i, ready, lastDay, options, epoch);
                    if (t >= 0 && (trip < 0 || network.Departure[network.Trips[pattern.Trips[t]].FirstStopTime + i] + d * 86400 < network.Departure[network.Trips[pattern.Trips[trip]].FirstStopTime + i] + day * 86400))
                    {
                        (trip, day, board) = (t, d, i);
                    }
                }
            }
            RelaxFootpaths(k);
            targetBest = Math.Min(targetBest, TargetTime(k));
        }
        // The earliest arrival, with the fewest vehicles.
        var bestRound = -1;
        var bestTime = Infinity;
        for (var k = 0; k < rounds; k++)
        {
            var t = TargetTime(k);
            if (t < bestTime)
            {
                (bestTime, bestRound) = (t, k);
            }
        }
        if (bestRound < 0)
        {
            return null;
        }
        var target = targets.Where(kv => time[bestRound][kv.Key] != Infinity).MinBy(kv => time[bestRound][kv.Key] + kv.Value).Key;
        return Reconstruct(labels, rideLabels, bestRound, target, bestTime, epoch);

        void RelaxFootpaths(int k)
        {
            for (var s = 0; s < n; s++)
            {
                if (!rode[s])
                {
                    continue;
                }
                rode[s] = false;
                foreach (var (to, seconds) in network.Footpaths[s])
                {
                    var t = rideTime[k][s] + seconds;
                    if (t < best[to] && t < targetBest)
                    {
                        time[k][to] = best[to] = t;
                        labels[k][to] = new Label(t, true, s);
                        marked[to] = true;
                    }
                }
            }
        }
    }

    /// <summary>The first trip of the pattern leaving position i at or after <paramref name="ready"/>, over every searched service day.</summary>
    private (int Trip, int Day) EarliestTrip(Pattern pattern, int i, int ready, int lastDay, PlanOptions options, DateOnly epoch)
    {
        int bestTrip = -1, bestDay = 0;
        var bestDeparture = Infinity;
        for (var day = 0; day <= lastDay; day++)
        {
            var local = ready - day * 86400;
            // Trips leave position i in order (no overtaking): binary search the first leaving at or after local.
            int lo = 0, hi = pattern.Trips.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (network.Departure[network.Trips[pattern.Trips[mid]].FirstStopTime + i] < local)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
            var date = epoch.AddDays(day);
            for (var t = lo; t < pattern.Trips.Length; t++)
            {
                var trip = network.Trips[pattern.Trips[t]];
                var departure = network.Departure[trip.FirstStopTime + i] + day * 86400;
                if (departure >= bestDeparture)
                {
                    break;
                }
                if (network.Pickup[trip.FirstStopTime + i] != 1 && network.Services[trip.Service].RunsOn(date) && (!options.WheelchairOnly || trip.WheelchairAccessible == 1))
                {
                    (bestTrip, bestDay, bestDeparture) = (t, day, departure);
                    break;
                }
            }
        }
        return (bestTrip, bestDay);
    }

    /// <summary>Follows the labels back from the target: a walk leads to the ride (or start) label of its stop in the same round; a ride to the boarding stop's label of an earlier round.</summary>
    private Journey Reconstruct(Label?[][] labels, Label?[][] rideLabels, int round, int target, int arrival, DateOnly epoch)
    {
        var legs = new List<Leg>();
        DateTime At(int seconds) => epoch.ToDateTime(TimeOnly.MinValue).AddSeconds(seconds);
        var stop = target;
        var k = round;
        var label = Latest(labels, k, stop);
        while (label is { FromStop: >= 0 })
        {
            if (label.Walk)
            {
                var from = Latest(rideLabels, k, label.FromStop)!;
                legs.Add(new Leg(true, label.FromStop, stop, At(from.Time), At(label.Time)));
                (stop, label) = (label.FromStop, from);
                continue;
            }
            var pattern = network.Patterns[label.Pattern];
            var tripIndex = pattern.Trips[label.TripIndex];
            var trip = network.Trips[tripIndex];
            var boardSt = trip.FirstStopTime + label.BoardPosition;
            var alightSt = trip.FirstStopTime + label.AlightPosition;
            legs.Add(new Leg(false, label.FromStop, stop, At(network.Departure[boardSt] + label.Day * 86400), At(network.Arrival[alightSt] + label.Day * 86400), tripIndex,
                network.Pickup[boardSt] is 2 or 3 || network.DropOff[alightSt] is 2 or 3));
            stop = label.FromStop;
            // Boarded from the stop's earliest label of the previous rounds.
            k = RoundOf(labels, k - 1, stop);
            label = labels[k][stop];
        }
        legs.Reverse();
        var rides = legs.Count(l => !l.Walk);
        var departure = legs.Count > 0 ? legs[0].Departure : At(arrival);
        return new Journey(departure, At(arrival), Math.Max(0, rides - 1), legs);
    }

    /// <summary>The label of a stop in round k or, when it did not change then, in the latest round before.</summary>
    private static Label? Latest(Label?[][] labels, int k, int stop)
    {
        for (; k >= 0; k--)
        {
            if (labels[k][stop] is { } label)
            {
                return label;
            }
        }
        return null;
    }

    private static int RoundOf(Label?[][] labels, int k, int stop)
    {
        for (; k > 0 && labels[k][stop] == null; k--)
        {
        }
        return k;
    }
}
