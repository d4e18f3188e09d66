namespace CarteBlanche.Transit;

/// <summary>Walking settings for footpaths between stops.</summary>
public sealed record WalkOptions(double MaxMetres = 400, double MetresPerSecond = 1.2, double Detour = 1.3)
{
    public int Seconds(double metres) => (int)Math.Ceiling(metres * Detour / MetresPerSecond);
}

/// <summary>
/// Several feeds merged into one network (ids prefixed by the feed when there are several), with trips grouped into
/// patterns (same stop sequence, no trip overtaking another: RAPTOR's routes) and footpaths (transfers.txt, and
/// stops within walking distance).
/// </summary>
public sealed class TransitNetwork
{
    public required string[] StopIds { get; init; }
    public required string[] StopNames { get; init; }
    public required double[] Latitude { get; init; }
    public required double[] Longitude { get; init; }
    public required byte[] StopWheelchair { get; init; }
    /// <summary>The stop's station (parent_station), or -1.</summary>
    public required int[] StopParent { get; init; }
    public required Agency[] Agencies { get; init; }
    public required Route[] Routes { get; init; }
    public required Trip[] Trips { get; init; }
    public required Service[] Services { get; init; }
    public required int[] StopTimeStop { get; init; }
    public required int[] Arrival { get; init; }
    public required int[] Departure { get; init; }
    public required byte[] Pickup { get; init; }
    public required byte[] DropOff { get; init; }
    /// <summary>The feeds' transfers.txt rows (in-seat types 4 and 5 left out), applied through <see cref="MinChange"/> and <see cref="Footpaths"/>.</summary>
    public required Transfer[] Transfers { get; init; }
    /// <summary>
    /// Per stop, the seconds needed to change from a vehicle to another there (transfers.txt with from_stop_id =
    /// to_stop_id, or its station's row), <see cref="NoChange"/> when transfer_type 3 forbids it; 0 without a rule.
    /// </summary>
    public int[] MinChange { get; private set; } = [];
    public const int NoChange = -1;

    /// <summary>The first and last days any service of the network runs (calendar ranges and added dates).</summary>
    public (DateOnly First, DateOnly Last) CalendarSpan()
    {
        var first = DateOnly.MaxValue;
        var last = DateOnly.MinValue;
        foreach (var service in Services)
        {
            if (service.Start <= service.End)
            {
                first = service.Start < first ? service.Start : first;
                last = service.End > last ? service.End : last;
            }
            foreach (var day in service.Added)
            {
                first = day < first ? day : first;
                last = day > last ? day : last;
            }
        }
        return (first, last);
    }

    /// <summary>Some transfers.txt row names a trip or a route: the planner then checks, as it boards, which trip it comes from.</summary>
    public bool HasTripRules { get; private set; }
    /// <summary>Per stop, the rows naming a trip or route that lead to it (with the stop they come from and their specificity), or null.</summary>
    internal (int From, Transfer Rule, int Rank)[]?[] TripRulesInto { get; private set; } = [];
    /// <summary>Per stop, the trips and routes rows name to come from there, or null: other trips arriving there are alike.</summary>
    internal (HashSet<int> Trips, HashSet<int> Routes)?[] NamedFrom { get; private set; } = [];
    /// <summary>Per stop with rules leading to it: the stops whose arrivals may board there (itself, walks, rows).</summary>
    internal int[]?[] FeedersOf { get; private set; } = [];
    /// <summary>Per stop, the stops with rules it feeds (see <see cref="FeedersOf"/>), or null.</summary>
    internal int[]?[] FeedsRuled { get; private set; } = [];

    /// <summary>
    /// Seconds needed between arriving by trip <paramref name="fromTrip"/> at stop <paramref name="from"/> and leaving by
    /// trip <paramref name="toTrip"/> from stop <paramref name="to"/>: the most specific trip or route row, else the
    /// stops' change time or walk; <see cref="NoChange"/> when not possible.
    /// </summary>
    public int ChangeSeconds(int from, int fromTrip, int to, int toTrip, WalkOptions? walk = null)
    {
        if (HasTripRules && TripRulesInto[to] is { } rules)
        {
            Transfer? chosen = null;
            var rank = -1;
            foreach (var (ruleFrom, rule, ruleRank) in rules)
            {
                if (ruleFrom == from && ruleRank > rank && Names(rule.FromTrip, rule.FromRoute, fromTrip) && Names(rule.ToTrip, rule.ToRoute, toTrip))
                {
                    (chosen, rank) = (rule, ruleRank);
                }
            }
            if (chosen != null)
            {
                return RuleSeconds(chosen, from, to, walk ?? new WalkOptions());
            }
        }
        if (from == to)
        {
            return MinChange[to];
        }
        foreach (var (next, seconds) in Footpaths[from])
        {
            if (next == to)
            {
                return seconds;
            }
        }
        return NoChange;
    }

    /// <summary>A row's trip and route (-1: any) cover this trip.</summary>
    private bool Names(int ruleTrip, int ruleRoute, int trip) => (ruleTrip < 0 || ruleTrip == trip) && (ruleRoute < 0 || ruleRoute == Trips[trip].Route);

    /// <summary>Which arrivals at the stop are alike for the rules: the trip when a row names it there, else its route when named, else -1 (any other).</summary>
    internal int ArrivalClass(int stop, int trip)
    {
        if (NamedFrom[stop] is not { } named)
        {
            return -1;
        }
        return named.Trips.Contains(trip) ? trip : named.Routes.Contains(Trips[trip].Route) ? -2 - Trips[trip].Route : -1;
    }

    private void IndexTripRules()
    {
        var n = StopCount;
        TripRulesInto = new (int, Transfer, int)[]?[n];
        NamedFrom = new (HashSet<int>, HashSet<int>)?[n];
        FeedersOf = new int[]?[n];
        FeedsRuled = new int[]?[n];
        var children = StationStops();
        var into = new List<(int, Transfer, int)>?[n];
        foreach (var rule in Transfers)
        {
            if (rule.FromTrip < 0 && rule.ToTrip < 0 && rule.FromRoute < 0 && rule.ToRoute < 0)
            {
                continue;
            }
            HasTripRules = true;
            var (fromStation, toStation) = (children[rule.From] != null, children[rule.To] != null);
            var rank = rule.Specificity(fromStation, toStation);
            foreach (var a in fromStation ? children[rule.From] : [rule.From])
            {
                if (rule.FromTrip >= 0 || rule.FromRoute >= 0)
                {
                    var named = NamedFrom[a] ??= ([], []);
                    (rule.FromTrip >= 0 ? named.Trips : named.Routes).Add(rule.FromTrip >= 0 ? rule.FromTrip : rule.FromRoute);
                }
                foreach (var b in toStation ? children[rule.To] : [rule.To])
                {
                    (into[b] ??= []).Add((a, rule, rank));
                }
            }
        }
        if (!HasTripRules)
        {
            return;
        }
        var walksInto = new List<int>?[n];
        for (var w = 0; w < n; w++)
        {
            foreach (var (to, _) in Footpaths[w])
            {
                (walksInto[to] ??= []).Add(w);
            }
        }
        var feeds = new List<int>?[n];
        for (var s = 0; s < n; s++)
        {
            if (into[s] == null)
            {
                continue;
            }
            TripRulesInto[s] = [.. into[s]!];
            var feeders = new HashSet<int> { s };
            feeders.UnionWith(into[s]!.Select(r => r.Item1));
            feeders.UnionWith(walksInto[s] ?? []);
            FeedersOf[s] = [.. feeders];
            foreach (var w in feeders)
            {
                (feeds[w] ??= []).Add(s);
            }
        }
        for (var w = 0; w < n; w++)
        {
            FeedsRuled[w] = feeds[w]?.ToArray();
        }
    }
    // Derived from the above once the network is merged (see Build).
    public Pattern[] Patterns { get; private set; } = [];
    /// <summary>Per stop, the patterns serving it and the stop's position in each.</summary>
    public (int Pattern, int Position)[][] StopPatterns { get; private set; } = [];
    /// <summary>Per stop, the stops reachable on foot and the seconds it takes.</summary>
    public (int To, int Seconds)[][] Footpaths { get; private set; } = [];
    public int StopCount => StopIds.Length;
    /// <summary>The agencies' time zones, each once (<see cref="Pattern.Zone"/> indexes them).</summary>
    public TimeZoneInfo[] Zones { get; private set; } = [];
    /// <summary>The zone queries and answers are written in: the first agency's (Europe/Paris without agency).</summary>
    public TimeZoneInfo TimeZone => Zones.Length > 0 ? Zones[0] : TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    public Dictionary<string, int> StopIndex { get; } = new(StringComparer.Ordinal);
    /// <summary>Stops on a flat map, in metres (equirectangular around the network's mean latitude): a true distance, for the planner's lower bounds.</summary>
    public double[] X { get; private set; } = [];
    public double[] Y { get; private set; } = [];
    /// <summary>
    /// The fastest any ride between two consecutive stops or any walk goes on that map, in metres per second, leaving
    /// out hops that take no time at all between distinct places (times to the minute often do: see
    /// <see cref="FreeHopDistance"/>); infinite when nothing takes time, and then the planner does without lower bounds.
    /// </summary>
    public double MaxSpeed { get; private set; } = double.PositiveInfinity;

    /// <summary>
    /// Per stop, metres to the nearest stop a hop or walk of 0 s to another place leaves from (infinity without such
    /// hops): a journey covers ground at <see cref="MaxSpeed"/> at most until it reaches one, so the planner's lower
    /// bound holds up to there, and the rest of the network keeps its pruning.
    /// </summary>
    public double[] FreeHopDistance { get; private set; } = [];

    private void ProjectAndBoundSpeed()
    {
        var n = StopCount;
        var meanLatitude = n == 0 ? 0 : Latitude.Average();
        var cos = Math.Cos(meanLatitude * Math.PI / 180);
        const double metresPerDegree = 6_371_000 * Math.PI / 180;
        X = new double[n];
        Y = new double[n];
        for (var s = 0; s < n; s++)
        {
            (X[s], Y[s]) = (Longitude[s] * cos * metresPerDegree, Latitude[s] * metresPerDegree);
        }
        var fastest = 0.0;
        var free = new HashSet<int>();
        void Hop(int from, int to, int seconds)
        {
            var metres = Distance(from, to);
            if (metres <= 0)
            {
                return;
            }
            if (seconds <= 0)
            {
                free.Add(from); // somewhere in no time: bounded apart, not in the speed
                return;
            }
            fastest = Math.Max(fastest, metres / seconds);
        }
        foreach (var trip in Trips)
        {
            for (var i = trip.FirstStopTime; i < trip.FirstStopTime + trip.StopTimeCount - 1; i++)
            {
                Hop(StopTimeStop[i], StopTimeStop[i + 1], Arrival[i + 1] - Departure[i]);
            }
        }
        for (var s = 0; s < n; s++)
        {
            foreach (var (to, seconds) in Footpaths[s])
            {
                Hop(s, to, seconds);
            }
        }
        MaxSpeed = fastest > 0 ? fastest : double.PositiveInfinity;
        FreeHopDistance = new double[n];
        for (var s = 0; s < n; s++)
        {
            var nearest = double.PositiveInfinity;
            foreach (var z in free)
            {
                nearest = Math.Min(nearest, Distance(s, z));
            }
            FreeHopDistance[s] = nearest;
        }
    }

    /// <summary>Straight-line metres between two stops on the flat map.</summary>
    public double Distance(int a, int b) => Math.Sqrt(((X[a] - X[b]) * (X[a] - X[b])) + ((Y[a] - Y[b]) * (Y[a] - Y[b])));

    public static TransitNetwork Build(IReadOnlyList<GtfsFeed> feeds, WalkOptions? walk = null)
    {
        walk ??= new WalkOptions();
        var prefix = feeds.Count > 1;
        var stopIds = new List<string>();
        var names = new List<string>();
        var lat = new List<double>();
        var lon = new List<double>();
        var wheel = new List<byte>();
        var parent = new List<int>();
        var agencies = new List<Agency>();
        var routes = new List<Route>();
        var trips = new List<Trip>();
        var services = new List<Service>();
        var stStop = new List<int>();
        var arrival = new List<int>();
        var departure = new List<int>();
        var pickup = new List<byte>();
        var dropOff = new List<byte>();
        var transfers = new List<Transfer>();
        var pathways = new List<Pathway>();
        foreach (var feed in feeds)
        {
            var (stopBase, agencyBase, routeBase, serviceBase, stBase, tripBase) = (stopIds.Count, agencies.Count, routes.Count, services.Count, stStop.Count, trips.Count);
            static int Shift(int index, int shift) => index < 0 ? index : index + shift;
            string Id(string id) => prefix ? $"{feed.Id}:{id}" : id;
            foreach (var s in feed.Stops)
            {
                stopIds.Add(Id(s.Id));
                names.Add(s.Name);
                lat.Add(s.Latitude);
                lon.Add(s.Longitude);
                wheel.Add(s.WheelchairBoarding);
                parent.Add(s.Parent < 0 ? -1 : s.Parent + stopBase);
            }
            agencies.AddRange(feed.Agencies.Select(a => a with { Id = Id(a.Id) }));
            routes.AddRange(feed.Routes.Select(r => r with { Id = Id(r.Id), Agency = r.Agency + agencyBase }));
            services.AddRange(feed.Services);
            trips.AddRange(feed.Trips.Select(t => t with { Id = Id(t.Id), Route = t.Route + routeBase, Service = t.Service + serviceBase, FirstStopTime = t.FirstStopTime + stBase }));
            stStop.AddRange(feed.StopTimeStop.Select(s => s + stopBase));
            arrival.AddRange(feed.Arrival);
            departure.AddRange(feed.Departure);
            pickup.AddRange(feed.Pickup);
            dropOff.AddRange(feed.DropOff);
            transfers.AddRange(feed.Transfers.Select(t => t with
            {
                From = t.From + stopBase, To = t.To + stopBase,
                FromTrip = Shift(t.FromTrip, tripBase), ToTrip = Shift(t.ToTrip, tripBase), FromRoute = Shift(t.FromRoute, routeBase), ToRoute = Shift(t.ToRoute, routeBase),
            }));
            pathways.AddRange(feed.Pathways.Select(p => p with { From = p.From + stopBase, To = p.To + stopBase }));
        }
        var network = new TransitNetwork
        {
            StopIds = [.. stopIds],
            StopNames = [.. names],
            Latitude = [.. lat],
            Longitude = [.. lon],
            StopWheelchair = [.. wheel],
            StopParent = [.. parent],
            Agencies = [.. agencies],
            Routes = [.. routes],
            Trips = [.. trips],
            Services = [.. services],
            StopTimeStop = [.. stStop],
            Arrival = [.. arrival],
            Departure = [.. departure],
            Pickup = [.. pickup],
            DropOff = [.. dropOff],
            Transfers = [.. transfers],
        };
        for (var i = 0; i < network.StopIds.Length; i++)
        {
            network.StopIndex.TryAdd(network.StopIds[i], i);
        }
        var zoneIds = network.Agencies.Select(a => a.TimeZone).Distinct(StringComparer.Ordinal).ToList();
        network.Zones = [.. zoneIds.Select(TimeZoneInfo.FindSystemTimeZoneById)];
        var agencyZone = network.Agencies.Select(a => zoneIds.IndexOf(a.TimeZone)).ToArray();
        network.Patterns = BuildPatterns(network, agencyZone);
        var stopPatterns = new List<(int, int)>[network.StopCount];
        for (var p = 0; p < network.Patterns.Length; p++)
        {
            for (var i = 0; i < network.Patterns[p].Stops.Length; i++)
            {
                (stopPatterns[network.Patterns[p].Stops[i]] ??= []).Add((p, i));
            }
        }
        network.StopPatterns = stopPatterns.Select(l => l?.ToArray() ?? []).ToArray();
        network.Footpaths = BuildFootpaths(network, pathways, walk);
        network.ProjectAndBoundSpeed();
        network.IndexTripRules();
        return network;
    }

    /// <summary>Trips with the same stops, split so that no trip overtakes another (first-in, first-out at every stop).</summary>
    private static Pattern[] BuildPatterns(TransitNetwork n, int[] agencyZone)
    {
        var bySequence = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        int Zone(int trip) => agencyZone[n.Routes[n.Trips[trip].Route].Agency];
        for (var t = 0; t < n.Trips.Length; t++)
        {
            var trip = n.Trips[t];
            // Trips of different time zones never share a pattern: their service days start at different instants.
            var key = Zone(t) + ":" + string.Join(',', n.StopTimeStop.AsSpan(trip.FirstStopTime, trip.StopTimeCount).ToArray());
            if (!bySequence.TryGetValue(key, out var list))
            {
                bySequence[key] = list = [];
            }
            list.Add(t);
        }
        var patterns = new List<Pattern>();
        foreach (var trips in bySequence.Values)
        {
            trips.Sort((a, b) => n.Departure[n.Trips[a].FirstStopTime].CompareTo(n.Departure[n.Trips[b].FirstStopTime]));
            var groups = new List<List<int>>();
            foreach (var t in trips)
            {
                var group = groups.FirstOrDefault(g => !Overtakes(n, g[^1], t));
                if (group == null)
                {
                    groups.Add(group = []);
                }
                group.Add(t);
            }
            foreach (var group in groups)
            {
                var first = n.Trips[group[0]];
                var service = group.All(t => n.Trips[t].Service == first.Service) ? first.Service : -1;
                var length = first.StopTimeCount;
                if (length > 1023 || group.Count > 200_000)
                {
                    throw new InvalidOperationException($"Course de plus de 1 023 arrêts ou itinéraire de plus de 200 000 courses ({n.Trips[group[0]].Id}) : non pris en charge par le calculateur.");
                }
                var departures = new int[group.Count * length];
                var arrivals = new int[group.Count * length];
                var pickups = new byte[group.Count * length];
                var dropOffs = new byte[group.Count * length];
                for (var t = 0; t < group.Count; t++)
                {
                    Array.Copy(n.Departure, n.Trips[group[t]].FirstStopTime, departures, t * length, length);
                    Array.Copy(n.Arrival, n.Trips[group[t]].FirstStopTime, arrivals, t * length, length);
                    Array.Copy(n.Pickup, n.Trips[group[t]].FirstStopTime, pickups, t * length, length);
                    Array.Copy(n.DropOff, n.Trips[group[t]].FirstStopTime, dropOffs, t * length, length);
                }
                patterns.Add(new Pattern([.. n.StopTimeStop.AsSpan(first.FirstStopTime, length)], [.. group], service, Zone(group[0]), departures, arrivals, pickups, dropOffs));
            }
        }
        return [.. patterns];
    }

    /// <summary>True when trip b, leaving after a, is earlier than a somewhere.</summary>
    private static bool Overtakes(TransitNetwork n, int a, int b)
    {
        var (ta, tb) = (n.Trips[a], n.Trips[b]);
        for (var i = 0; i < ta.StopTimeCount; i++)
        {
            if (n.Departure[tb.FirstStopTime + i] < n.Departure[ta.FirstStopTime + i] || n.Arrival[tb.FirstStopTime + i] < n.Arrival[ta.FirstStopTime + i])
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The stop and its station's other stops, or a station's stops.</summary>
    internal List<int>[] StationStops()
    {
        var children = new List<int>[StopCount];
        for (var s = 0; s < StopCount; s++)
        {
            if (StopParent[s] >= 0)
            {
                (children[StopParent[s]] ??= []).Add(s);
            }
        }
        return children;
    }

    /// <summary>
    /// Seconds a transfers.txt row asks between arriving at one stop and leaving another (<see cref="NoChange"/>: not
    /// possible): type 1 timed (the vehicle waits: none), 2 its min_transfer_time, 0 recommended (none at one stop;
    /// between two, min_transfer_time if given, else the walk).
    /// </summary>
    public int RuleSeconds(Transfer rule, int from, int to, WalkOptions walk) => rule.Type switch
    {
        3 => NoChange,
        1 => 0,
        _ when rule.Type == 2 && rule.MinTransferSeconds is { } min => min,
        _ when from == to => 0,
        _ => rule.MinTransferSeconds ?? walk.Seconds(Geo.Metres(Latitude[from], Longitude[from], Latitude[to], Longitude[to])),
    };

    /// <summary>The rows naming no trip nor route, for each pair of stops they cover: the most specific row's seconds.</summary>
    private static Dictionary<(int, int), int> StopRules(TransitNetwork n, WalkOptions walk)
    {
        var children = n.StationStops();
        var best = new Dictionary<(int, int), (int Rank, int Seconds)>();
        foreach (var rule in n.Transfers)
        {
            if (rule.FromTrip >= 0 || rule.ToTrip >= 0 || rule.FromRoute >= 0 || rule.ToRoute >= 0)
            {
                continue; // trip and route rules: applied by the planner as it boards
            }
            var (fromStation, toStation) = (children[rule.From] != null, children[rule.To] != null);
            var rank = rule.Specificity(fromStation, toStation);
            foreach (var a in fromStation ? children[rule.From] : [rule.From])
            {
                foreach (var b in toStation ? children[rule.To] : [rule.To])
                {
                    if (!best.TryGetValue((a, b), out var known) || rank > known.Rank)
                    {
                        best[(a, b)] = (rank, n.RuleSeconds(rule, a, b, walk));
                    }
                }
            }
        }
        return best.ToDictionary(kv => kv.Key, kv => kv.Value.Seconds);
    }

    private static (int, int)[][] BuildFootpaths(TransitNetwork n, List<Pathway> pathways, WalkOptions walk)
    {
        var paths = new Dictionary<int, int>[n.StopCount];
        void Add(int from, int to, int seconds)
        {
            if (from == to)
            {
                return;
            }
            var d = paths[from] ??= [];
            d[to] = d.TryGetValue(to, out var s) ? Math.Min(s, seconds) : seconds;
        }
        // Stops within walking distance: a grid of cells about the walking distance wide.
        var cell = walk.MaxMetres / 111_000.0;
        var grid = new Dictionary<(int, int), List<int>>();
        for (var s = 0; s < n.StopCount; s++)
        {
            var key = ((int)Math.Floor(n.Latitude[s] / cell), (int)Math.Floor(n.Longitude[s] / cell));
            (grid.TryGetValue(key, out var list) ? list : grid[key] = []).Add(s);
        }
        foreach (var ((y, x), list) in grid)
        {
            foreach (var s in list)
            {
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -2; dx <= 2; dx++)
                    {
                        if (!grid.TryGetValue((y + dy, x + dx), out var near))
                        {
                            continue;
                        }
                        foreach (var t in near)
                        {
                            var metres = Geo.Metres(n.Latitude[s], n.Longitude[s], n.Latitude[t], n.Longitude[t]);
                            if (t != s && metres <= walk.MaxMetres)
                            {
                                Add(s, t, walk.Seconds(metres));
                            }
                        }
                    }
                }
            }
        }
        // Walks inside a station along pathways.txt: the shortest sum of traversal times between two served stops.
        if (pathways.Count > 0)
        {
            var edges = new List<(int To, int Seconds)>[n.StopCount];
            foreach (var p in pathways)
            {
                (edges[p.From] ??= []).Add((p.To, p.Seconds));
                if (p.Bidirectional)
                {
                    (edges[p.To] ??= []).Add((p.From, p.Seconds));
                }
            }
            for (var s = 0; s < n.StopCount; s++)
            {
                if (edges[s] == null || n.StopPatterns[s].Length == 0)
                {
                    continue;
                }
                var reached = new Dictionary<int, int> { [s] = 0 };
                var queue = new PriorityQueue<int, int>();
                queue.Enqueue(s, 0);
                while (queue.TryDequeue(out var at, out var seconds))
                {
                    if (seconds > reached[at])
                    {
                        continue;
                    }
                    if (at != s && n.StopPatterns[at].Length > 0)
                    {
                        (paths[s] ??= [])[at] = seconds; // the feed's walking time wins over the straight line
                    }
                    foreach (var (to, walkSeconds) in edges[at] ?? [])
                    {
                        if (!reached.TryGetValue(to, out var known) || seconds + walkSeconds < known)
                        {
                            reached[to] = seconds + walkSeconds;
                            queue.Enqueue(to, seconds + walkSeconds);
                        }
                    }
                }
            }
        }
        // transfers.txt rows naming stops only (a station's row stands for each of its stops; a stop's row wins over
        // its station's): the change at a stop, and the walk between two, whatever the straight line says.
        n.MinChange = new int[n.StopCount];
        foreach (var ((from, to), seconds) in StopRules(n, walk))
        {
            if (from == to)
            {
                n.MinChange[from] = seconds;
            }
            else if (seconds == NoChange)
            {
                paths[from]?.Remove(to);
            }
            else
            {
                (paths[from] ??= [])[to] = seconds;
            }
        }
        return paths.Select(d => d?.Select(kv => (kv.Key, kv.Value)).OrderBy(p => p.Key).ToArray() ?? []).ToArray();
    }
}

/// <summary>RAPTOR's route: stops in order and the trips that run along them, earliest first, none overtaking another.</summary>
public sealed class Pattern(int[] stops, int[] trips, int service, int zone, int[] departure, int[] arrival, byte[] pickup, byte[] dropOff)
{
    /// <summary>pickup_type and drop_off_type of trip t at stop i, like <see cref="Departure"/>.</summary>
    public byte[] Pickup { get; } = pickup;
    public byte[] DropOff { get; } = dropOff;
    public int[] Stops { get; } = stops;
    public int[] Trips { get; } = trips;
    /// <summary>Departure of trip t (its position in <see cref="Trips"/>) at stop i: <c>Departure[t × Stops.Length + i]</c>, read in order by the planner.</summary>
    public int[] Departure { get; } = departure;
    /// <summary>The same departures by stop: trip t at stop i is <c>DepartureAt[i × Trips.Length + t]</c>, for the binary search of the first trip.</summary>
    public int[] DepartureAt { get; } = Transpose(departure, stops.Length, trips.Length);
    public int[] Arrival { get; } = arrival;
    /// <summary>The service calendar all its trips share, or -1 when they differ (a day it does not run is skipped at once).</summary>
    public int Service { get; } = service;
    private static int[] Transpose(int[] byTrip, int stops, int trips)
    {
        var byStop = new int[byTrip.Length];
        for (var t = 0; t < trips; t++)
        {
            for (var i = 0; i < stops; i++)
            {
                byStop[i * trips + t] = byTrip[t * stops + i];
            }
        }
        return byStop;
    }

    /// <summary>False when some trip forbids boarding or alighting somewhere (pickup/drop_off_type 1): most patterns never do, and skip the lookups.</summary>
    private readonly bool _allowsAll = !pickup.Contains((byte)1) && !dropOff.Contains((byte)1);

    /// <summary>Trip t may be boarded at stop i.</summary>
    public bool CanBoard(int t, int i) => _allowsAll || Pickup[t * Stops.Length + i] != 1;

    /// <summary>One may alight at this stop time (trip × stops + stop).</summary>
    public bool CanAlight(int index) => _allowsAll || DropOff[index] != 1;

    /// <summary>The time zone of its trips' agency, in <see cref="TransitNetwork.Zones"/>.</summary>
    public int Zone { get; } = zone;
}
