namespace CarteBlanche.Transit;

public sealed record PlanOptions(int MaxTransfers = 8, int SearchDays = 3, bool WheelchairOnly = false);

/// <summary>
/// A piece of a journey: a ride (trip from a stop to another) or a walk. A walk from or to a position asked for (not a
/// stop) has -1 as that stop.
/// </summary>
public sealed record Leg(bool Walk, int FromStop, int ToStop, DateTime Departure, DateTime Arrival, int Trip = -1, bool BookingRequired = false)
{
    /// <summary>For a ride, the stops it calls at from boarding to alighting, with the time it leaves each (arrives, at the last).</summary>
    public IReadOnlyList<(int Stop, DateTime Time)> Calls { get; init; } = [];
}

public sealed record Journey(DateTime Departure, DateTime Arrival, int Transfers, IReadOnlyList<Leg> Legs)
{
    /// <summary>Time spent waiting between legs (not before the first: the journey leaves when it must).</summary>
    public TimeSpan Waiting => Legs.Zip(Legs.Skip(1), (a, b) => b.Departure - a.Arrival).Aggregate(TimeSpan.Zero, (sum, wait) => sum + wait);

    public TimeSpan Walking => Legs.Where(l => l.Walk).Aggregate(TimeSpan.Zero, (sum, l) => sum + (l.Arrival - l.Departure));
}

/// <summary>
/// Earliest arrival with RAPTOR (Delling, Pajor, Werneck 2012): rounds of route scans, one more vehicle per round,
/// footpaths relaxed after each round (one walk between two vehicles). Times are seconds on a <see cref="ServiceClock"/>
/// starting the day before the query (trips of the previous service day may still run past midnight); every service
/// day up to <see cref="PlanOptions.SearchDays"/> after the query is searched, so a rural line that runs tomorrow is
/// found. Queries and answers are wall-clock times of the network's time zone.
/// </summary>
public sealed class Planner(TransitNetwork network)
{
    private const int Infinity = int.MaxValue;

    /// <summary>How a stop was reached in a round: by a ride (pattern, trip, day, boarding and alighting positions) or on foot from another stop.</summary>
    private readonly record struct Label(int Time, bool Walk, int FromStop, int Pattern = -1, int TripIndex = -1, int Day = 0, int BoardPosition = 0, int AlightPosition = 0)
    {
        /// <summary>Packed in two longs for the planner's arrays (cheap to copy): time and from-stop; pattern, trip, day, positions.</summary>
        public (long A, long B) Pack() => (((long)Time << 32) | (uint)(FromStop + 1) | (Walk ? 1L << 31 : 0),
            ((long)(Pattern + 1) << 41) | ((long)(TripIndex + 1) << 23) | ((long)Day << 20) | ((long)BoardPosition << 10) | (uint)AlightPosition);

        public static Label? Unpack(long a, long b) => a == 0 ? null : new Label((int)(a >> 32), (a & (1L << 31)) != 0, (int)(a & 0x7FFFFFFF) - 1,
            (int)(b >> 41) - 1, (int)((b >> 23) & 0x3FFFF) - 1, (int)((b >> 20) & 0x7), (int)((b >> 10) & 0x3FF), (int)(b & 0x3FF));
    }

    // Buffers reused from query to query (a planner serves one query at a time): per round and stop, flattened as
    // [round × stops + stop]; only the entries a query touched are reset after it.
    private int[] _time = [];
    private int[] _rideTime = [];
    // Labels packed in two longs each (0 = none): any arrival, and arrival by a ride or at the start.
    private long[] _labelA = [];
    private long[] _labelB = [];
    private long[] _rideA = [];
    private long[] _rideB = [];
    private int[] _best = [];
    private int[] _bestRide = [];
    private ServiceClock? _clock;
    private readonly List<int> _touched = [];
    private readonly List<int> _touchedStops = [];
    private readonly List<int> _marked = [];
    private readonly List<int> _rode = [];
    private readonly List<int> _boardList = [];
    private readonly List<int> _queue = [];
    private int[] _queueFrom = [];
    private bool[] _isMarked = [];
    /// <summary>Per stop, the walk from it to the destination when it is a target, else -1.</summary>
    private int[] _egress = [];
    /// <summary>
    /// Per stop, seconds it takes at least to reach the destination from there: straight-line metres at the network's
    /// top speed, plus the walk at the end (all zero when the network has no finite top speed). A label that cannot
    /// beat the best arrival found even so is not kept: the search stays near the way to the destination.
    /// </summary>
    private int[] _lowerBound = [];
    private bool[] _boardable = [];

    /// <summary>For tests: false searches without lower bounds (the result must be the same, only slower).</summary>
    internal bool Bounded { get; init; } = true;

    /// <summary>For tests: arrivals recorded at stops since the planner was made (labels the lower bounds did not rule out).</summary>
    internal long Labels { get; private set; }

    private void Prepare(int rounds, int n)
    {
        if (_time.Length < rounds * n)
        {
            _time = new int[rounds * n];
            _rideTime = new int[rounds * n];
            Array.Fill(_time, Infinity);
            Array.Fill(_rideTime, Infinity);
            (_labelA, _labelB, _rideA, _rideB) = (new long[rounds * n], new long[rounds * n], new long[rounds * n], new long[rounds * n]);
            _best = new int[n];
            _bestRide = new int[n];
            _isMarked = new bool[n];
            _egress = new int[n];
            _lowerBound = new int[n];
            Array.Fill(_egress, -1);
            _queueFrom = new int[network.Patterns.Length];
            Array.Fill(_queueFrom, -1);
            _boardable = new bool[n];
            Array.Fill(_best, Infinity);
            Array.Fill(_bestRide, Infinity);
        }
    }

    /// <summary>The time line from <paramref name="epoch"/> over <paramref name="days"/> service days (kept for the next query of the same days).</summary>
    private ServiceClock Clock(DateOnly epoch, int days)
    {
        if (_clock is not { } clock || clock.Epoch != epoch || clock.DayStart[0].Length != days + 1)
        {
            _clock = clock = new ServiceClock(network.TimeZone, network.Zones.Length > 0 ? network.Zones : [network.TimeZone], epoch, days);
        }
        return clock;
    }

    /// <summary>Fills <see cref="_lowerBound"/> for these targets (see there).</summary>
    private void BoundTowards(IReadOnlyDictionary<int, int> targets)
    {
        var speed = network.MaxSpeed;
        if (double.IsPositiveInfinity(speed) || !Bounded)
        {
            Array.Clear(_lowerBound);
            return;
        }
        for (var s = 0; s < network.StopCount; s++)
        {
            var bound = int.MaxValue;
            foreach (var (target, walk) in targets)
            {
                // A second less than the exact quotient: rounding can never make the bound overshoot.
                bound = Math.Min(bound, Math.Max(0, (int)(network.Distance(s, target) / speed) - 1) + walk);
            }
            // Past a hop of no time, anywhere may be reached at once: bound only the way to the nearest one.
            var free = network.FreeHopDistance[s];
            if (free < double.PositiveInfinity)
            {
                bound = Math.Min(bound, Math.Max(0, (int)(free / speed) - 1));
            }
            _lowerBound[s] = bound;
        }
    }

    // Trip and route rules (only when the network has some): arrivals by a vehicle at stops where rows name trips or
    // routes to come from, one per kind of arrival (see TransitNetwork.ArrivalClass) and round; the best of each.
    private readonly Dictionary<(int Round, int Stop, int Class), (int Time, long A, long B)> _classRides = [];
    private readonly Dictionary<(int Stop, int Class), int> _bestClass = [];
    /// <summary>The arrivals a boarding under trip rules may come from: time off the vehicle, its stop and trip.</summary>
    private readonly List<(int Time, int From, int Trip)> _candidates = [];

    private void Reset()
    {
        _classRides.Clear();
        _bestClass.Clear();
        foreach (var i in _touched)
        {
            (_time[i], _rideTime[i], _labelA[i], _labelB[i], _rideA[i], _rideB[i]) = (Infinity, Infinity, 0, 0, 0, 0);
        }
        foreach (var s in _touchedStops)
        {
            (_best[s], _bestRide[s]) = (Infinity, Infinity);
        }
        _touched.Clear();
        _touchedStops.Clear();
        Array.Fill(_egress, -1);
        _targetImprovements.Clear();
        ClearMarks();
    }

    /// <summary>
    /// Earliest arrival at one of the targets (stop → walking seconds from it), leaving one of the sources (stop →
    /// seconds to reach it) at <paramref name="at"/>. A stop keeps two labels per round: the earliest time one is
    /// ready to board there (on foot or at the start: on arrival; off a vehicle: after the stop's change time from
    /// transfers.txt) and the earliest arrival by a vehicle or at the start (to walk on from): one walk between vehicles.
    /// Under trip or route rules, arrivals at the stops they name are also kept by kind of trip, and boarding there is
    /// checked trip by trip (see <see cref="TransitNetwork.ChangeSeconds"/>).
    /// </summary>
    public Journey? EarliestArrival(IReadOnlyDictionary<int, int> sources, IReadOnlyDictionary<int, int> targets, DateTime at, PlanOptions? options = null) =>
        ByTransfers(sources, targets, at, options) is { Count: > 0 } pareto ? pareto[^1] : null;

    /// <summary>At one departure time, the journeys that are best for their number of vehicles (fewest first, each arriving earlier).</summary>
    public IReadOnlyList<Journey> ByTransfers(IReadOnlyDictionary<int, int> sources, IReadOnlyDictionary<int, int> targets, DateTime at, PlanOptions? options = null)
    {
        options ??= new PlanOptions();
        var clock = Clock(DateOnly.FromDateTime(at).AddDays(-1), options.SearchDays + 1);
        var rounds = options.MaxTransfers + 2;
        Prepare(rounds, network.StopCount);
        BoundTowards(targets);
        try
        {
            return Search(sources, targets, options, clock, clock.Seconds(at), options.SearchDays + 1, rounds, network.StopCount);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>
    /// Range query: every journey leaving within <paramref name="window"/> after <paramref name="from"/> that no other
    /// beats on all of departure (later), arrival (earlier) and vehicles (fewer). One search per departure time from
    /// the sources (or a stop within walking reach of them) in the window, latest first.
    /// </summary>
    public IReadOnlyList<Journey> Range(IReadOnlyDictionary<int, int> sources, IReadOnlyDictionary<int, int> targets, DateTime from, TimeSpan window, PlanOptions? options = null)
    {
        options ??= new PlanOptions();
        var found = new List<Journey>();
        var rounds = options.MaxTransfers + 2;
        var n = network.StopCount;
        // rRAPTOR: departures latest first, keeping the labels between them (leaving earlier, one can always wait for
        // a later journey, so its arrivals bound the earlier ones); each search reports only what it improves.
        var lastDay = options.SearchDays + 1 + (DateOnly.FromDateTime(from + window).DayNumber - DateOnly.FromDateTime(from).DayNumber);
        var clock = Clock(DateOnly.FromDateTime(from).AddDays(-1), lastDay);
        Prepare(rounds, n);
        BoundTowards(targets);
        try
        {
            foreach (var start in DeparturesFrom(sources, clock, clock.Seconds(from), clock.Seconds(from + window), lastDay).Reverse())
            {
                foreach (var journey in Search(sources, targets, options, clock, start, lastDay, rounds, n))
                {
                    // A search from a departure time in the window may find a journey whose vehicles leave after the
                    // window (waiting is allowed): kept, it is the best answer for those ready to leave by then.
                    if (!found.Any(f => Dominates(f, journey)))
                    {
                        found.RemoveAll(f => Dominates(journey, f));
                        found.Add(journey);
                    }
                }
                ClearMarks();
            }
        }
        finally
        {
            Reset();
        }
        return [.. found.OrderBy(j => j.Departure).ThenBy(j => j.Transfers)];
    }

    private void ClearMarks()
    {
        foreach (var s in _marked)
        {
            _isMarked[s] = false;
        }
        foreach (var s in _boardList)
        {
            _boardable[s] = false;
        }
        _marked.Clear();
        _rode.Clear();
        _boardList.Clear();
        foreach (var p in _queue)
        {
            _queueFrom[p] = -1;
        }
        _queue.Clear();
    }

    /// <summary>
    /// Arrive-by: the journey leaving latest that arrives by <paramref name="deadline"/> (fewest vehicles among those),
    /// looked for in the <paramref name="window"/> before the deadline, then day by day further back.
    /// </summary>
    public Journey? LatestDeparture(IReadOnlyDictionary<int, int> sources, IReadOnlyDictionary<int, int> targets, DateTime deadline, TimeSpan window, PlanOptions? options = null)
    {
        options ??= new PlanOptions();
        var walkOnly = WalkOnly(sources, targets, deadline);
        // The window before the deadline, then the day before that window, and so on: contiguous, latest first.
        for (var back = 0; back <= options.SearchDays; back++)
        {
            var end = back == 0 ? deadline : deadline - window - TimeSpan.FromDays(back - 1);
            var start = back == 0 ? deadline - window : end - TimeSpan.FromDays(1);
            var best = Range(sources, targets, start, end - start, options)
                .Where(j => j.Arrival <= deadline)
                .OrderByDescending(j => j.Departure).ThenBy(j => j.Transfers).FirstOrDefault();
            if (walkOnly != null && (best == null || walkOnly.Departure > best.Departure))
            {
                return walkOnly;
            }
            if (best != null)
            {
                return best;
            }
        }
        return walkOnly;
    }

    /// <summary>The journey on foot only, leaving as late as possible to arrive at <paramref name="deadline"/>, when a target is within a walk.</summary>
    private Journey? WalkOnly(IReadOnlyDictionary<int, int> sources, IReadOnlyDictionary<int, int> targets, DateTime deadline)
    {
        (int Seconds, int From, int To)? best = null;
        foreach (var (source, access) in sources)
        {
            if (targets.TryGetValue(source, out var egress) && (best == null || access + egress < best.Value.Seconds))
            {
                best = (access + egress, source, source);
            }
            if (access > 0)
            {
                continue; // one walk: reaching a stop on foot, one may not walk on
            }
            foreach (var (to, walk) in network.Footpaths[source])
            {
                if (targets.TryGetValue(to, out var e) && (best == null || walk + e < best.Value.Seconds))
                {
                    best = (walk + e, source, to);
                }
            }
        }
        if (best is not { } b)
        {
            return null;
        }
        var clock = Clock(DateOnly.FromDateTime(deadline).AddDays(-1), 1);
        var leave = clock.Local(clock.Seconds(deadline) - b.Seconds);
        var legs = new List<Leg>();
        var (toFirstStop, fromLastStop) = (sources[b.From], targets[b.To]);
        var at = leave;
        if (toFirstStop > 0)
        {
            legs.Add(new Leg(true, -1, b.From, at, at = clock.Local(clock.Seconds(at) + toFirstStop)));
        }
        if (b.From != b.To)
        {
            legs.Add(new Leg(true, b.From, b.To, at, at = clock.Local(clock.Seconds(deadline) - fromLastStop)));
        }
        if (fromLastStop > 0)
        {
            legs.Add(new Leg(true, b.To, -1, at, deadline));
        }
        return new Journey(leave, deadline, 0, legs);
    }

    private static bool Dominates(Journey a, Journey b) =>
        a.Departure >= b.Departure && a.Arrival <= b.Arrival && a.Transfers <= b.Transfers;

    /// <summary>Times at which a vehicle leaves the sources (or a stop a walk away) within [from, to], shifted back by the walk, on the clock's line.</summary>
    private SortedSet<int> DeparturesFrom(IReadOnlyDictionary<int, int> sources, ServiceClock clock, int from, int to, int lastDay)
    {
        var times = new SortedSet<int>();
        var reach = new Dictionary<int, int>(sources);
        foreach (var (stop, seconds) in sources)
        {
            foreach (var (next, walk) in network.Footpaths[stop])
            {
                reach[next] = Math.Min(reach.GetValueOrDefault(next, int.MaxValue), seconds + walk);
            }
        }
        var active = ActiveServices(clock);
        for (var day = 0; day <= lastDay; day++)
        {
            foreach (var (stop, seconds) in reach)
            {
                foreach (var (p, position) in network.StopPatterns[stop])
                {
                    var pattern = network.Patterns[p];
                    if (position == pattern.Stops.Length - 1)
                    {
                        continue; // the end of the line: nothing leaves from there
                    }
                    var dayStart = clock.DayStart[pattern.Zone][day];
                    for (var t = 0; t < pattern.Trips.Length; t++)
                    {
                        var trip = network.Trips[pattern.Trips[t]];
                        var leave = dayStart + pattern.Departure[t * pattern.Stops.Length + position] - seconds;
                        if (leave >= from && leave <= to && pattern.CanBoard(t, position) && active[day][trip.Service])
                        {
                            times.Add(leave);
                        }
                    }
                }
            }
        }
        times.Add(from);
        return times;
    }

    // State of the search under way, shared by the scan and its helpers (fields, not captured locals, so that the
    // scan loop's own locals stay in registers).
    private int _n;
    private int _targetBest;
    private readonly List<(int Round, int Stop)> _targetImprovements = [];

    /// <summary>
    /// A stop where one is ready to board earlier in round k (t: on arrival on foot or at the start, after the stop's
    /// change time by a vehicle; the label holds the arrival): it may board in the next round.
    /// </summary>
    private void Improve(int k, int stop, int t, in Label label)
    {
        var at = k * _n + stop;
        Labels++;
        ReachTarget(k, stop, label.Time);
        if (_best[stop] == Infinity)
        {
            _touchedStops.Add(stop);
        }
        if (_time[at] == Infinity && _rideTime[at] == Infinity)
        {
            _touched.Add(at);
        }
        _time[at] = _best[stop] = t;
        (_labelA[at], _labelB[at]) = label.Pack();
        if (!_isMarked[stop])
        {
            _isMarked[stop] = true;
            _marked.Add(stop);
        }
    }

    /// <summary>A stop reached earlier by a ride (or at the start) in round k: one may walk on from it.</summary>
    private void ImproveRide(int k, int stop, int t, in Label label)
    {
        var at = k * _n + stop;
        Labels++;
        ReachTarget(k, stop, t);
        if (_best[stop] == Infinity && _bestRide[stop] == Infinity)
        {
            _touchedStops.Add(stop);
        }
        if (_time[at] == Infinity && _rideTime[at] == Infinity)
        {
            _touched.Add(at);
        }
        _rideTime[at] = _bestRide[stop] = t;
        (_rideA[at], _rideB[at]) = label.Pack();
        _rode.Add(stop);
        if (network.HasTripRules && network.FeedsRuled[stop] is { } ruled)
        {
            foreach (var s in ruled)
            {
                Mark(s);
            }
        }
    }

    private void ReachTarget(int k, int stop, int arrival)
    {
        if (_egress[stop] >= 0)
        {
            // The destination reached: later scans of this round already prune against it.
            _targetImprovements.Add((k, stop));
            _targetBest = Math.Min(_targetBest, arrival + _egress[stop]);
        }
    }

    /// <summary>Arrival at the stop in the round (the ready label holds its arrival, earlier than the ready time after a ride).</summary>
    private int ArrivalAt(int at) => Math.Min(_rideTime[at], _labelA[at] == 0 ? Infinity : (int)(_labelA[at] >> 32));

    private void Mark(int stop)
    {
        if (!_isMarked[stop])
        {
            _isMarked[stop] = true;
            _marked.Add(stop);
        }
    }

    /// <summary>An arrival by trip <paramref name="trip"/> at a stop where rows name trips or routes to come from: kept when the best of its kind.</summary>
    private void ArriveByClass(int k, int stop, int arrival, in Label label, int trip)
    {
        var kind = network.ArrivalClass(stop, trip);
        if (_bestClass.TryGetValue((stop, kind), out var known) && known <= arrival)
        {
            return;
        }
        _bestClass[(stop, kind)] = arrival;
        var (a, b) = label.Pack();
        _classRides[(k, stop, kind)] = (arrival, a, b);
        foreach (var ruled in network.FeedsRuled[stop] ?? [])
        {
            Mark(ruled);
        }
    }

    /// <summary>The network's trip of a packed ride label.</summary>
    private int TripOf(long b) => network.Patterns[(int)(b >> 41) - 1].Trips[(int)((b >> 23) & 0x3FFFF) - 1];

    /// <summary>The arrivals by a vehicle in round j that may lead to boarding at the stop (itself, a walk, a row away).</summary>
    private void Candidates(int stop, int j, List<(int Time, int From, int Trip, long A, long B)> into)
    {
        foreach (var w in network.FeedersOf[stop]!)
        {
            if (network.NamedFrom[w] is { } named)
            {
                foreach (var kind in named.Trips.Concat(named.Routes.Select(r => -2 - r)).Append(-1))
                {
                    if (_classRides.TryGetValue((j, w, kind), out var ride))
                    {
                        into.Add((ride.Time, w, TripOf(ride.B), ride.A, ride.B));
                    }
                }
            }
            else if (_rideA[j * _n + w] != 0 && (_rideA[j * _n + w] & (1L << 31)) == 0 && (int)(_rideA[j * _n + w] & 0x7FFFFFFF) > 0)
            {
                into.Add((_rideTime[j * _n + w], w, TripOf(_rideB[j * _n + w]), _rideA[j * _n + w], _rideB[j * _n + w]));
            }
        }
    }

    private readonly List<(int Time, int From, int Trip, long A, long B)> _found = [];

    /// <summary>The first trip of the pattern at position i that an arrival of round j may change to under the rules.</summary>
    private (int Trip, int Day) EarliestTripUnderRules(Pattern pattern, int i, int stop, int j, int lastDay, PlanOptions options, bool[][] active, int[] starts)
    {
        _found.Clear();
        Candidates(stop, j, _found);
        _candidates.Clear();
        var earliest = Infinity;
        foreach (var (time, from, trip, _, _) in _found)
        {
            _candidates.Add((time, from, trip));
            earliest = Math.Min(earliest, time);
        }
        return earliest == Infinity ? (-1, 0) : EarliestTrip(pattern, i, earliest, lastDay, options, active, starts, stop);
    }

    /// <summary>Some candidate arrival may change to this trip leaving the stop at that time.</summary>
    private bool Allowed(int trip, int stop, int departure)
    {
        foreach (var (time, from, fromTrip) in _candidates)
        {
            var seconds = network.ChangeSeconds(from, fromTrip, stop, trip);
            if (seconds != TransitNetwork.NoChange && time + seconds <= departure)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The walks from the stops reached by a ride in round k.</summary>
    private void RelaxFootpaths(int k)
    {
        var (n, best, rideTime, footpaths, targetBest, lowerBound) = (_n, _best, _rideTime, network.Footpaths, _targetBest, _lowerBound);
        foreach (var s in _rode)
        {
            var ride = rideTime[k * n + s];
            foreach (var (to, seconds) in footpaths[s])
            {
                var t = ride + seconds;
                if (t < best[to] && t + lowerBound[to] < targetBest)
                {
                    Improve(k, to, t, new Label(t, true, s));
                }
            }
        }
        _rode.Clear();
    }

    private void UpdateTarget(IReadOnlyDictionary<int, int> targets)
    {
        foreach (var (stop, walk) in targets)
        {
            // The best ready time is no earlier than the arrival it comes from: with the best ride arrival, the earliest arrival.
            var arrival = Math.Min(_best[stop], _bestRide[stop]);
            if (arrival != Infinity)
            {
                _targetBest = Math.Min(_targetBest, arrival + walk);
            }
        }
    }

    /// <summary>Which calendars run on each searched day: looked up once per clock, not per trip.</summary>
    private bool[][] ActiveServices(ServiceClock clock)
    {
        if (_activeFor != clock)
        {
            var days = clock.DayStart[0].Length;
            _active = new bool[days][];
            for (var day = 0; day < days; day++)
            {
                _active[day] = new bool[network.Services.Length];
                for (var sv = 0; sv < network.Services.Length; sv++)
                {
                    _active[day][sv] = network.Services[sv].RunsOn(clock.Epoch.AddDays(day));
                }
            }
            _activeFor = clock;
        }
        return _active;
    }

    private bool[][] _active = [];
    private ServiceClock? _activeFor;

    private List<Journey> Search(IReadOnlyDictionary<int, int> sources, IReadOnlyDictionary<int, int> targets, PlanOptions options, ServiceClock clock, int start, int lastDay, int rounds, int n)
    {
        _n = n;
        var active = ActiveServices(clock);
        var (time, best, bestRide, lowerBound, minChange) = (_time, _best, _bestRide, _lowerBound, network.MinChange);
        var tripRules = network.HasTripRules;

        var (marked, isMarked, queue, queueFrom, boardable, boardList) = (_marked, _isMarked, _queue, _queueFrom, _boardable, _boardList);
        _targetImprovements.Clear();
        _targetBest = Infinity;
        foreach (var (stop, walk) in targets)
        {
            _egress[stop] = walk;
        }
        foreach (var (stop, seconds) in sources)
        {
            var t = start + seconds;
            if (t < best[stop])
            {
                var label = new Label(t, seconds > 0, -1);
                if (seconds == 0)
                {
                    // At the start itself one may walk on, as after a ride.
                    ImproveRide(0, stop, t, label);
                }
                Improve(0, stop, t, label);
            }
        }
        RelaxFootpaths(0);
        UpdateTarget(targets); // a range query's later departures already reached the destination: their arrival bounds this search
        for (var k = 1; k < rounds; k++)
        {
            // Routes to scan: each pattern from the earliest stop on it improved in the previous round. Boarding is
            // tried only at those stops: elsewhere it was tried a round earlier, with the same result.
            queue.Clear();
            foreach (var s in boardList)
            {
                boardable[s] = false;
            }
            boardList.Clear();
            foreach (var s in marked)
            {
                isMarked[s] = false;
                boardable[s] = true;
                boardList.Add(s);
                foreach (var (p, position) in network.StopPatterns[s])
                {
                    if (queueFrom[p] < 0)
                    {
                        queue.Add(p);
                        queueFrom[p] = position;
                    }
                    else if (position < queueFrom[p])
                    {
                        queueFrom[p] = position;
                    }
                }
            }
            marked.Clear();
            if (queue.Count == 0)
            {
                break;
            }
            var previous = (k - 1) * n;
            foreach (var p in queue)
            {
                var targetBest = _targetBest; // tightened as soon as a target is reached
                var from = queueFrom[p];
                queueFrom[p] = -1;
                var pattern = network.Patterns[p];
                var (stops, arrivals, departures, departureAt) = (pattern.Stops, pattern.Arrival, pattern.Departure, pattern.DepartureAt);
                var length = stops.Length;
                var trips = pattern.Trips.Length;
                var starts = clock.DayStart[pattern.Zone];
                int trip = -1, day = 0, board = -1, dayStart = 0, row = 0;

                for (var i = from; i < length; i++)
                {
                    var stop = stops[i];
                    if (trip >= 0)
                    {
                        var arrival = arrivals[row + i] + dayStart;
                        // best ≤ bestRide at every stop: no earlier ride arrival, no improvement at all.
                        if (arrival + lowerBound[stop] < targetBest && arrival < bestRide[stop] && pattern.CanAlight(row + i))
                        {
                            var label = new Label(arrival, false, stops[board], p, trip, day, board, i);
                            ImproveRide(k, stop, arrival, label);
                            // Ready to board another vehicle there once the stop's change time has passed.
                            var change = minChange[stop];
                            if (change != TransitNetwork.NoChange && arrival + change < best[stop])
                            {
                                Improve(k, stop, arrival + change, label);
                            }
                        }
                        if (tripRules && network.NamedFrom[stop] != null && arrival + lowerBound[stop] < targetBest && pattern.CanAlight(row + i))
                        {
                            ArriveByClass(k, stop, arrival, new Label(arrival, false, stops[board], p, trip, day, board, i), pattern.Trips[trip]);
                        }
                    }
                    if (!boardable[stop])
                    {
                        continue;
                    }
                    if (tripRules && k >= 2 && network.FeedersOf[stop] != null)
                    {
                        // Rows name trips or routes into this stop: which trip one comes from matters, trip by trip.
                        var (ruled, ruledDay) = EarliestTripUnderRules(pattern, i, stop, k - 1, lastDay, options, active, starts);
                        if (ruled >= 0 && (trip < 0 || departures[ruled * length + i] + starts[ruledDay] < departures[row + i] + dayStart))
                        {
                            (trip, day, board, dayStart, row) = (ruled, ruledDay, i, starts[ruledDay], ruled * length);
                        }
                        continue;
                    }
                    var ready = time[previous + stop];
                    if (trip >= 0)
                    {
                        var current = departures[row + i] + dayStart;
                        if (ready > current)
                        {
                            continue;
                        }
                        // Usually the earlier trip, if any, is a few places back on the same day: walk back instead of
                        // searching, when no other day can hold one (trips past midnight make that check necessary).
                        if ((day == 0 || starts[day - 1] + departureAt[i * trips + trips - 1] < ready) && (day == lastDay || starts[day + 1] + departureAt[i * trips] >= current))
                        {
                            var earlier = -1;
                            for (var back = trip - 1; back >= 0 && departureAt[i * trips + back] + dayStart >= ready; back--)
                            {
                                if (pattern.CanBoard(back, i) && Runs(pattern, back, active[day], options))
                                {
                                    earlier = back;
                                }
                            }
                            if (earlier >= 0)
                            {
                                (trip, board, row) = (earlier, i, earlier * length);
                            }
                            continue;
                        }
                    }
                    var (t, d) = EarliestTrip(pattern, i, ready, lastDay, options, active, starts, -1);
                    if (t >= 0 && (trip < 0 || departures[t * length + i] + starts[d] < departures[row + i] + dayStart))
                    {
                        (trip, day, board, dayStart, row) = (t, d, i, starts[d], t * length);
                    }
                }
            }
            RelaxFootpaths(k);
        }

        // One journey per round where this search improved the arrival: fewer vehicles, or an earlier arrival with
        // more. (A range query keeps the labels of its later departures: only this search's improvements count.)
        var pareto = new List<Journey>();
        var running = Infinity;
        foreach (var group in _targetImprovements.GroupBy(x => x.Round).OrderBy(g => g.Key))
        {
            var (arrival, target) = group.Select(x => (Time: ArrivalAt(group.Key * n + x.Stop) + targets[x.Stop], x.Stop)).Min();
            if (arrival < running)
            {
                running = arrival;
                pareto.Add(Reconstruct(n, group.Key, target, arrival, clock, sources, targets, options, lastDay));
            }
        }
        return pareto;
    }

    /// <summary>Trip t of the pattern runs that day (its calendar) and meets the wheelchair filter; a pattern of one calendar was checked for the day already.</summary>
    private bool Runs(Pattern pattern, int t, bool[] activeToday, PlanOptions options)
    {
        if (pattern.Service >= 0 && !options.WheelchairOnly)
        {
            return true;
        }
        var trip = network.Trips[pattern.Trips[t]];
        return activeToday[trip.Service] && (!options.WheelchairOnly || trip.WheelchairAccessible == 1);
    }

    /// <summary>The first trip of the pattern leaving position i at or after <paramref name="ready"/>, over every searched service day.</summary>
    private (int Trip, int Day) EarliestTrip(Pattern pattern, int i, int ready, int lastDay, PlanOptions options, bool[][] active, int[] starts, int ruledStop)
    {
        int bestTrip = -1, bestDay = 0;
        var bestDeparture = Infinity;
        var length = pattern.Stops.Length;
        // The departures from position i of every trip, side by side (a binary search reads few cache lines).
        var trips = pattern.Trips.Length;
        var column = pattern.DepartureAt.AsSpan(i * trips, trips);
        var firstDeparture = column[0];
        var lastDeparture = column[^1];
        // Days whose last departure here is before ready cannot help; nor days whose first one is after the best found.
        var first = 0;
        while (first <= lastDay && starts[first] + lastDeparture < ready)
        {
            first++;
        }
        for (var day = first; day <= lastDay; day++)
        {
            if (starts[day] + firstDeparture >= bestDeparture)
            {
                break;
            }
            if (pattern.Service >= 0 && !active[day][pattern.Service])
            {
                continue;
            }
            var local = ready - starts[day];
            // Trips leave position i in order (no overtaking): binary search the first leaving at or after local.
            int lo = 0, hi = trips;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (column[mid] < local)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
            for (var t = lo; t < trips; t++)
            {
                var departure = column[t] + starts[day];
                if (departure >= bestDeparture)
                {
                    break;
                }
                if (pattern.CanBoard(t, i) && Runs(pattern, t, active[day], options) && (ruledStop < 0 || Allowed(pattern.Trips[t], ruledStop, departure)))
                {
                    (bestTrip, bestDay, bestDeparture) = (t, day, departure);
                    break;
                }
            }
        }
        return (bestTrip, bestDay);
    }

    /// <summary>A piece of a journey while it is put together, in seconds on the clock; a ride keeps its pattern, trip position, day and positions.</summary>
    private record struct Piece(bool Walk, int From, int To, int Departure, int Arrival, int Pattern = -1, int TripIndex = -1, int Day = 0, int Board = 0, int Alight = 0);

    /// <summary>
    /// Follows the labels back from the target (a walk leads to the ride or start label of its stop in the same round; a
    /// ride to the boarding stop's label of an earlier round), then leaves as late as the arrival allows: from the
    /// last piece back, each ride becomes the latest trip of its pattern that still makes the next piece. Same stops,
    /// same arrival, no needless wait (a twice-weekly coach is not reached a day early). The walk to the first vehicle
    /// ends when it leaves; a walk after a vehicle starts when it arrives.
    /// </summary>
    private Journey Reconstruct(int n, int round, int target, int arrival, ServiceClock clock, IReadOnlyDictionary<int, int> sources, IReadOnlyDictionary<int, int> targets, PlanOptions options, int lastDay)
    {
        var pieces = new List<Piece>();
        if (targets[target] > 0)
        {
            pieces.Add(new Piece(true, target, -1, arrival - targets[target], arrival));
        }
        var stop = target;
        var k = round;
        // Arrived by the ride label when it is the earlier arrival, else by the other (a walk).
        var at0 = k * n + stop;
        var label = _rideA[at0] != 0 && _rideTime[at0] <= ArrivalAt(at0) ? Label.Unpack(_rideA[at0], _rideB[at0]) : Label.Unpack(_labelA[at0], _labelB[at0]);
        while (label is { FromStop: >= 0 } current)
        {
            if (current.Walk)
            {
                var at = RoundOf(_rideA, n, k, current.FromStop) * n + current.FromStop;
                var from = Label.Unpack(_rideA[at], _rideB[at])!.Value;
                pieces.Add(new Piece(true, current.FromStop, stop, from.Time, current.Time));
                (stop, label) = (current.FromStop, from);
                continue;
            }
            var pattern = network.Patterns[current.Pattern];
            var start = clock.DayStart[pattern.Zone][current.Day];
            var row = current.TripIndex * pattern.Stops.Length;
            pieces.Add(new Piece(false, current.FromStop, stop, pattern.Departure[row + current.BoardPosition] + start, pattern.Arrival[row + current.AlightPosition] + start,
                current.Pattern, current.TripIndex, current.Day, current.BoardPosition, current.AlightPosition));
            stop = current.FromStop;
            if (network.HasTripRules && k >= 2 && network.FeedersOf[stop] != null && FeederOf(pieces[^1], k) is { } feeder)
            {
                // Boarded under trip rules: from an arrival of an earlier round that may change to this trip.
                if (feeder.From != stop)
                {
                    pieces.Add(new Piece(true, feeder.From, stop, feeder.Time, feeder.Time + feeder.Seconds));
                }
                (stop, k, label) = (feeder.From, feeder.Round, Label.Unpack(feeder.A, feeder.B));
                continue;
            }
            // Boarded from the stop's label of the previous round (it was improved then).
            k = RoundOf(_labelA, n, k - 1, stop);
            label = Label.Unpack(_labelA[k * n + stop], _labelB[k * n + stop]);
        }
        if (label is { } origin && sources.TryGetValue(stop, out var access) && access > 0)
        {
            pieces.Add(new Piece(true, -1, stop, origin.Time - access, origin.Time));
        }
        pieces.Reverse();
        var limit = arrival;
        for (var i = pieces.Count - 1; i >= 0; i--)
        {
            var piece = pieces[i];
            if (!piece.Walk && i + 1 < pieces.Count && !pieces[i + 1].Walk)
            {
                limit -= Math.Max(0, network.MinChange[piece.To]); // two vehicles at one stop: its change time between them
            }
            Func<int, int, int, bool>? fits = null;
            if (network.HasTripRules && !piece.Walk)
            {
                // Under trip rules a later trip must still be allowed to change to the next vehicle and from the previous one.
                Piece? Ride(int at) => at >= 0 && at < pieces.Count && !pieces[at].Walk ? pieces[at] : null;
                var next = Ride(i + 1) ?? (i + 1 < pieces.Count && pieces[i + 1].Walk ? Ride(i + 2) : null);
                var previous = Ride(i - 1) ?? (i >= 1 && pieces[i - 1].Walk ? Ride(i - 2) : null);
                var at = piece;
                fits = (trip, leave, arrive) =>
                    (next is not { } n1 || network.ChangeSeconds(at.To, trip, n1.From, TripOf(n1)) is var after && after != TransitNetwork.NoChange && arrive + after <= n1.Departure)
                    && (previous is not { } p1 || network.ChangeSeconds(p1.To, TripOf(p1), at.From, trip) is var before && before != TransitNetwork.NoChange && p1.Arrival + before <= leave);
            }
            pieces[i] = piece = piece.Walk
                ? piece with { Departure = limit - (piece.Arrival - piece.Departure), Arrival = limit }
                : LatestTrip(piece, limit, clock, options, lastDay, fits);
            limit = piece.Departure;
        }
        // Between two vehicles, walk as soon as the first one arrives and wait at the stop of the next one.
        for (var i = 1; i < pieces.Count; i++)
        {
            if (pieces[i].Walk && !pieces[i - 1].Walk)
            {
                var walk = pieces[i].Arrival - pieces[i].Departure;
                pieces[i] = pieces[i] with { Departure = pieces[i - 1].Arrival, Arrival = pieces[i - 1].Arrival + walk };
            }
        }
        var legs = pieces.Select(p => Leg(p, clock)).ToList();
        var rides = legs.Count(l => !l.Walk);
        var departure = legs.Count > 0 ? legs[0].Departure : clock.Local(arrival);
        return new Journey(departure, clock.Local(arrival), Math.Max(0, rides - 1), legs);
    }

    private int TripOf(Piece ride) => network.Patterns[ride.Pattern].Trips[ride.TripIndex];

    /// <summary>An arrival of a round before k that may change to the ride (its boarding stop ruled by trip rows), with the change's seconds.</summary>
    private (int Round, int From, int Time, int Seconds, long A, long B)? FeederOf(Piece ride, int k)
    {
        var trip = network.Patterns[ride.Pattern].Trips[ride.TripIndex];
        for (var j = k - 1; j >= 1; j--)
        {
            _found.Clear();
            Candidates(ride.From, j, _found);
            foreach (var (time, from, fromTrip, a, b) in _found)
            {
                var seconds = network.ChangeSeconds(from, fromTrip, ride.From, trip);
                if (seconds != TransitNetwork.NoChange && time + seconds <= ride.Departure)
                {
                    return (j, from, time, seconds, a, b);
                }
            }
        }
        return null;
    }

    /// <summary>The latest trip of the ride's pattern, on any searched day, arriving by <paramref name="limit"/> and leaving no earlier than the ride found.</summary>
    private Piece LatestTrip(Piece ride, int limit, ServiceClock clock, PlanOptions options, int lastDay, Func<int, int, int, bool>? fits)
    {
        var pattern = network.Patterns[ride.Pattern];
        var starts = clock.DayStart[pattern.Zone];
        var active = ActiveServices(clock);
        var length = pattern.Stops.Length;
        for (var day = lastDay; day >= ride.Day; day--)
        {
            if (pattern.Service >= 0 && !active[day][pattern.Service])
            {
                continue;
            }
            for (var t = pattern.Trips.Length - 1; t >= 0; t--)
            {
                if (day == ride.Day && t == ride.TripIndex)
                {
                    return ride; // nothing later on this pattern makes it
                }
                var (leave, arrive) = (pattern.Departure[t * length + ride.Board] + starts[day], pattern.Arrival[t * length + ride.Alight] + starts[day]);
                if (leave >= ride.Departure && arrive <= limit && pattern.CanBoard(t, ride.Board) && pattern.CanAlight(t * length + ride.Alight) && Runs(pattern, t, active[day], options)
                    && (fits == null || fits(pattern.Trips[t], leave, arrive)))
                {
                    return ride with { Departure = leave, Arrival = arrive, TripIndex = t, Day = day };
                }
            }
        }
        return ride;
    }

    private Leg Leg(Piece piece, ServiceClock clock)
    {
        if (piece.Walk)
        {
            return new Leg(true, piece.From, piece.To, clock.Local(piece.Departure), clock.Local(piece.Arrival));
        }
        var pattern = network.Patterns[piece.Pattern];
        var tripIndex = pattern.Trips[piece.TripIndex];
        var trip = network.Trips[tripIndex];
        var (boardSt, alightSt) = (trip.FirstStopTime + piece.Board, trip.FirstStopTime + piece.Alight);
        var dayStart = clock.DayStart[pattern.Zone][piece.Day];
        var calls = new List<(int, DateTime)>();
        for (var st = boardSt; st <= alightSt; st++)
        {
            calls.Add((network.StopTimeStop[st], clock.Local((st == alightSt ? network.Arrival[st] : network.Departure[st]) + dayStart)));
        }
        return new Leg(false, piece.From, piece.To, clock.Local(piece.Departure), clock.Local(piece.Arrival), tripIndex,
            network.Pickup[boardSt] is 2 or 3 || network.DropOff[alightSt] is 2 or 3) { Calls = calls };
    }

    /// <summary>The latest round, at most k, where the stop has a label.</summary>
    private static int RoundOf(long[] labels, int n, int k, int stop)
    {
        for (; k > 0 && labels[k * n + stop] == 0; k--)
        {
        }
        return k;
    }
}
