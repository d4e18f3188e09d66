using System.Globalization;
using System.Text;
using CarteBlanche.Transit;
using Xunit;

namespace CarteBlanche.UnitTests.Transit;

/// <summary>transfers.txt (change times, impossible changes, station, route and trip rules), pathways.txt and hops of 0 s.</summary>
public sealed class TransferTests
{
    /// <summary>
    /// A small weekday network around a station HUB with two platforms, H1 and H2, 30 m apart: line R1 from A arrives at
    /// H1 at 8:00 (trip T1); line R2 leaves H1 for B at 8:03 (T2, arriving 8:20) and 8:15 (T3, 8:32); line R4 leaves H2
    /// for B at 8:30 (T4, 8:50). Extra files (transfers.txt, pathways.txt) as given.
    /// </summary>
    private static TransitNetwork Hub(string? transfers = null, string? pathways = null, string extraStopTimes = "", string extraTrips = "")
    {
        var folder = Directory.CreateTempSubdirectory("gtfs-hub-").FullName;
        try
        {
            void Write(string name, string text) => File.WriteAllText(Path.Combine(folder, name), text);
            Write("agency.txt", "agency_id,agency_name,agency_url,agency_timezone\nX,Réseau,https://example.org,Europe/Paris\n");
            Write("stops.txt", "stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station\n" +
                "A,A,44.40000,1.40000,0,\nHUB,Pôle,44.45000,1.45000,1,\nH1,Pôle quai 1,44.45000,1.45000,0,HUB\nH2,Pôle quai 2,44.45027,1.45000,0,HUB\n" +
                "N,Couloir,44.45010,1.45000,3,HUB\nB,B,44.50000,1.50000,0,\n");
            Write("routes.txt", "route_id,agency_id,route_short_name,route_long_name,route_type\nR1,X,1,,3\nR2,X,2,,3\nR4,X,4,,3\nR5,X,5,,3\n");
            Write("calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nS,1,1,1,1,1,0,0,20260101,20261231\n");
            Write("trips.txt", "route_id,service_id,trip_id\nR1,S,T1\nR2,S,T2\nR2,S,T3\nR4,S,T4\n" + extraTrips);
            Write("stop_times.txt", "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n" +
                "T1,07:40:00,07:40:00,A,1\nT1,08:00:00,08:00:00,H1,2\n" +
                "T2,08:03:00,08:03:00,H1,1\nT2,08:20:00,08:20:00,B,2\n" +
                "T3,08:15:00,08:15:00,H1,1\nT3,08:32:00,08:32:00,B,2\n" +
                "T4,08:30:00,08:30:00,H2,1\nT4,08:50:00,08:50:00,B,2\n" + extraStopTimes);
            if (transfers != null)
            {
                Write("transfers.txt", transfers);
            }
            if (pathways != null)
            {
                Write("pathways.txt", pathways);
            }
            var report = new ValidationReport("hub");
            return TransitNetwork.Build([GtfsReader.Read(folder, "hub", report) ?? throw new InvalidOperationException(report.ToJson())]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static readonly DateTime Tuesday = new(2026, 12, 1, 7, 30, 0);

    private static Journey FromAToB(TransitNetwork n)
    {
        var journey = new Planner(n).EarliestArrival(new Dictionary<int, int> { [n.StopIndex["A"]] = 0 }, new Dictionary<int, int> { [n.StopIndex["B"]] = 0 }, Tuesday)!;
        // The reference planner agrees.
        Assert.Equal(new ReferencePlanner(n).EarliestArrival(new Dictionary<int, int> { [n.StopIndex["A"]] = 0 }, new Dictionary<int, int> { [n.StopIndex["B"]] = 0 }, Tuesday, new PlanOptions()), journey.Arrival);
        return journey;
    }

    private static DateTime At(int hour, int minute) => new(2026, 12, 1, hour, minute, 0);

    [Fact]
    public void Without_transfers_txt_the_change_at_a_stop_takes_no_time()
    {
        Assert.Equal(At(8, 20), FromAToB(Hub()).Arrival);
    }

    [Fact]
    public void A_change_time_of_five_minutes_at_a_stop_misses_the_bus_three_minutes_later()
    {
        var journey = FromAToB(Hub("from_stop_id,to_stop_id,transfer_type,min_transfer_time\nH1,H1,2,300\n"));
        Assert.Equal(At(8, 32), journey.Arrival);
        // The change: off at 8:00, on the 8:15 bus.
        Assert.Equal((At(8, 0), At(8, 15)), (journey.Legs[0].Arrival, journey.Legs[1].Departure));
    }

    [Fact]
    public void A_station_wide_change_time_applies_to_its_platforms_unless_a_platform_has_its_own()
    {
        const string station = "from_stop_id,to_stop_id,transfer_type,min_transfer_time\nHUB,HUB,2,600\n";
        Assert.Equal(At(8, 32), FromAToB(Hub(station)).Arrival);
        // A timed transfer at the platform (the bus waits): the 8:03 is caught.
        Assert.Equal(At(8, 20), FromAToB(Hub(station + "H1,H1,1,\n")).Arrival);
        // No change at platform 1: 10 minutes' walk to platform 2 by the station's rule, for the 8:30.
        var n = Hub(station + "H1,H1,3,\n");
        var journey = FromAToB(n);
        Assert.Equal(At(8, 50), journey.Arrival);
        Assert.Contains(journey.Legs, l => l.Walk && l.FromStop == n.StopIndex["H1"] && l.ToStop == n.StopIndex["H2"] && l.Arrival - l.Departure == TimeSpan.FromMinutes(10));
    }

    [Fact]
    public void A_change_the_feed_forbids_gives_the_next_best_journey()
    {
        var n = Hub("from_stop_id,to_stop_id,transfer_type,min_transfer_time\nH1,H1,3,\n");
        var journey = FromAToB(n);
        // No change at platform 1: walk to platform 2 for the 8:30.
        Assert.Equal(At(8, 50), journey.Arrival);
        Assert.Equal(n.StopIndex["H2"], journey.Legs[^1].FromStop);
    }

    [Fact]
    public void A_timed_transfer_allows_a_bus_leaving_the_minute_the_other_arrives()
    {
        // T5 leaves H1 at 8:00 exactly, when T1 arrives; a station rule of 5 minutes would miss it, the timed one does not.
        const string extra = "T5,08:00:00,08:00:00,H1,1\nT5,08:10:00,08:10:00,B,2\n";
        Assert.Equal(At(8, 32), FromAToB(Hub("from_stop_id,to_stop_id,transfer_type,min_transfer_time\nHUB,HUB,2,300\n", extraStopTimes: extra, extraTrips: "R5,S,T5\n")).Arrival);
        Assert.Equal(At(8, 10), FromAToB(Hub("from_stop_id,to_stop_id,transfer_type,min_transfer_time\nHUB,HUB,2,300\nH1,H1,1,\n", extraStopTimes: extra, extraTrips: "R5,S,T5\n")).Arrival);
    }

    [Fact]
    public void The_walk_between_two_platforms_takes_the_pathways_time_not_the_straight_line()
    {
        // 30 m apart (about 33 s in a straight line), but 3 min 10 s along the corridor: the 8:03 from H2 is missed.
        const string extra = "T6,08:03:00,08:03:00,H2,1\nT6,08:12:00,08:12:00,B,2\nT7,08:04:00,08:04:00,H2,1\nT7,08:14:00,08:14:00,B,2\n";
        var straight = FromAToB(Hub("from_stop_id,to_stop_id,transfer_type,min_transfer_time\nH1,H1,3,\n", extraStopTimes: extra, extraTrips: "R5,S,T6\nR5,S,T7\n"));
        Assert.Equal(At(8, 12), straight.Arrival);
        var n = Hub("from_stop_id,to_stop_id,transfer_type,min_transfer_time\nH1,H1,3,\n",
            "pathway_id,from_stop_id,to_stop_id,pathway_mode,is_bidirectional,traversal_time\nP1,H1,N,1,1,100\nP2,N,H2,1,1,90\n", extra, "R5,S,T6\nR5,S,T7\n");
        var journey = FromAToB(n);
        Assert.Equal(At(8, 14), journey.Arrival);
        Assert.Equal(TimeSpan.FromSeconds(190), journey.Walking);
        // A transfers.txt row between the two platforms wins over the pathways.
        var ruled = FromAToB(Hub("from_stop_id,to_stop_id,transfer_type,min_transfer_time\nH1,H1,3,\nH1,H2,2,120\n",
            "pathway_id,from_stop_id,to_stop_id,pathway_mode,is_bidirectional,traversal_time\nP1,H1,N,1,1,100\nP2,N,H2,1,1,90\n", extra, "R5,S,T6\nR5,S,T7\n"));
        Assert.Equal((At(8, 12), TimeSpan.FromMinutes(2)), (ruled.Arrival, ruled.Walking));
    }

    /// <summary>
    /// The synthetic network with stations around each town's hub (the hub and two nearby stops) and random
    /// transfers.txt rows: change times at stops and stations, impossible changes, timed transfers, and, when asked,
    /// route-to-route and trip-to-trip rules.
    /// </summary>
    internal static TransitNetwork SyntheticWithTransfers(int seed, bool tripRules, Action<string>? edit = null)
    {
        var folder = Directory.CreateTempSubdirectory("gtfs-").FullName;
        try
        {
            const int stops = 300;
            SyntheticNetwork.Write(folder, stops, lines: 30, tripsPerLine: 8, seed: seed);
            var towns = stops / 40;
            var random = new Random(seed);
            var invariant = CultureInfo.InvariantCulture;
            var lines = File.ReadAllLines(Path.Combine(folder, "stops.txt"));
            var text = new StringBuilder("stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station\n");
            for (var s = 0; s < stops; s++)
            {
                var station = s < 3 * towns ? $"ST{s % towns}" : ""; // a town's hub and two stops of the town
                text.Append(invariant, $"{lines[s + 1]},0,{station}\n");
            }
            var transfers = new StringBuilder("from_stop_id,to_stop_id,transfer_type,min_transfer_time,from_route_id,to_route_id,from_trip_id,to_trip_id\n");
            for (var t = 0; t < towns; t++)
            {
                var parts = lines[t + 1].Split(',');
                text.Append(invariant, $"ST{t},Pôle {t},{parts[2]},{parts[3]},1,\n");
                transfers.Append(invariant, $"ST{t},ST{t},2,{random.Next(1, 10) * 60},,,,\n");
                foreach (var s in new[] { t, t + towns, t + 2 * towns })
                {
                    switch (random.Next(5))
                    {
                        case 0: transfers.Append(invariant, $"S{s},S{s},2,{random.Next(0, 8) * 60},,,,\n"); break;
                        case 1: transfers.Append(invariant, $"S{s},S{s},3,,,,,\n"); break;
                        case 2: transfers.Append(invariant, $"S{s},S{s},1,,,,,\n"); break;
                        case 3: transfers.Append(invariant, $"S{s},S{t},2,{random.Next(0, 8) * 60},,,,\n"); break;
                        default: break;
                    }
                }
                if (tripRules)
                {
                    // Lines meet at the hubs: rules between random lines there, and between trips of them.
                    for (var r = 0; r < 6; r++)
                    {
                        var (a, b) = (random.Next(30), random.Next(30));
                        var type = random.Next(4);
                        var min = type == 2 ? (random.Next(0, 12) * 60).ToString(invariant) : "";
                        transfers.Append(random.Next(3) switch
                        {
                            0 => $"S{t},S{t},{type},{min},L{a},L{b},,\n",
                            1 => $"ST{t},ST{t},{type},{min},L{a},,,\n",
                            _ => $"S{t},S{t},{type},{min},,,L{a}_{random.Next(2)}_{random.Next(8)},L{b}_{random.Next(2)}_{random.Next(8)}\n",
                        });
                    }
                }
            }
            File.WriteAllText(Path.Combine(folder, "stops.txt"), text.ToString());
            File.WriteAllText(Path.Combine(folder, "transfers.txt"), transfers.ToString());
            edit?.Invoke(folder);
            var report = new ValidationReport("s");
            return TransitNetwork.Build([GtfsReader.Read(folder, "s", report) ?? throw new InvalidOperationException(report.ToJson())]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Random queries: the planner's arrival equals the reference's; returns the planner for its counters.</summary>
    private static void CompareWithReference(TransitNetwork n, int queries, int seed, Planner? planner = null)
    {
        var random = new Random(seed);
        var served = Enumerable.Range(0, n.StopCount).Where(s => n.StopPatterns[s].Length > 0).ToArray();
        planner ??= new Planner(n);
        var reference = new ReferencePlanner(n);
        var options = new PlanOptions(MaxTransfers: 40);
        var differences = new List<string>();
        var answered = 0;
        for (var q = 0; q < queries; q++)
        {
            var from = new Dictionary<int, int> { [served[random.Next(served.Length)]] = 0 };
            var to = new Dictionary<int, int> { [served[random.Next(served.Length)]] = random.Next(0, 2) * 120 };
            var at = new DateOnly(2026, 4, 27).AddDays(random.Next(0, 14)).ToDateTime(new TimeOnly(4, 0)).AddMinutes(random.Next(0, 20 * 60));
            var expected = reference.EarliestArrival(from, to, at, options);
            var journey = planner.EarliestArrival(from, to, at, options);
            answered += expected == null ? 0 : 1;
            if (expected != journey?.Arrival)
            {
                differences.Add($"{n.StopIds[from.Keys.First()]} → {n.StopIds[to.Keys.First()]} à {at:yyyy-MM-dd HH:mm} : référence {expected:yyyy-MM-dd HH:mm}, moteur {journey?.Arrival:yyyy-MM-dd HH:mm}");
            }
            if (journey != null && (journey.Departure < at || journey.Legs.Zip(journey.Legs.Skip(1)).Any(p => p.Second.Departure < p.First.Arrival || p.Second.FromStop != p.First.ToStop)))
            {
                differences.Add($"{n.StopIds[from.Keys.First()]} → {n.StopIds[to.Keys.First()]} à {at:yyyy-MM-dd HH:mm} : trajet incohérent");
            }
        }
        Assert.True(differences.Count == 0, $"{differences.Count} différences :\n{string.Join("\n", differences.Take(10))}");
        Assert.True(answered > queries * 3 / 10, $"only {answered} queries had a journey: the comparison would prove little");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(11)]
    public void With_change_times_stations_and_forbidden_changes_the_earliest_arrival_equals_the_reference(int seed)
    {
        var n = SyntheticWithTransfers(seed, tripRules: false);
        Assert.Contains(n.MinChange, m => m > 0);
        Assert.Contains(n.MinChange, m => m == TransitNetwork.NoChange);
        CompareWithReference(n, 400, seed);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(12)]
    public void With_route_and_trip_rules_the_earliest_arrival_equals_the_reference(int seed)
    {
        var n = SyntheticWithTransfers(seed, tripRules: true);
        Assert.True(n.HasTripRules);
        CompareWithReference(n, 200, seed);
    }

    [Fact]
    public void A_route_rule_wins_over_the_stops_and_a_trip_rule_over_the_route()
    {
        const string header = "from_stop_id,to_stop_id,transfer_type,min_transfer_time,from_route_id,to_route_id,from_trip_id,to_trip_id\n";
        // Five minutes at platform 1, but one from line 1 to line 2: the 8:03 is caught.
        var route = FromAToB(Hub(header + "H1,H1,2,300,,,,\nH1,H1,2,60,R1,R2,,\n"));
        Assert.Equal(At(8, 20), route.Arrival);
        // The 8:00 arrival (T1) may not change to the 8:03 (T2): the 8:15 then.
        Assert.Equal(At(8, 32), FromAToB(Hub(header + "H1,H1,2,60,R1,R2,,\nH1,H1,3,,,,T1,T2\n")).Arrival);
        // No change at all from line 1 at the station, not even by walking to platform 2: B cannot be reached from A.
        var n = Hub(header + "HUB,HUB,3,,R1,,,\n");
        Assert.Null(new Planner(n).EarliestArrival(new Dictionary<int, int> { [n.StopIndex["A"]] = 0 }, new Dictionary<int, int> { [n.StopIndex["B"]] = 0 }, Tuesday));
    }

    [Fact]
    public void With_hops_of_no_time_the_planner_still_equals_the_reference_and_still_prunes()
    {
        // Line 0 reaches its fourth stop from the third in no time (times to the minute), wherever it is.
        static void ZeroHops(string folder)
        {
            var path = Path.Combine(folder, "stop_times.txt");
            var rows = File.ReadAllLines(path);
            var times = new Dictionary<string, string>();
            for (var i = 1; i < rows.Length; i++)
            {
                var f = rows[i].Split(',');
                if (f[0].Split('_')[0] is "L0")
                {
                    if (f[4] == "3")
                    {
                        times[f[0]] = f[2];
                    }
                    else if (f[4] == "4")
                    {
                        rows[i] = string.Join(',', f[0], times[f[0]], times[f[0]], f[3], f[4]);
                    }
                }
            }
            File.WriteAllLines(path, rows);
        }
        var n = SyntheticWithTransfers(7, tripRules: false, ZeroHops);
        Assert.False(double.IsPositiveInfinity(n.MaxSpeed));
        CompareWithReference(n, 300, 7);
        // Without lower bounds the same answers, with more arrivals recorded on the way; the network without hops of
        // no time shows what the bounds save at most: most of it is still saved.
        var (bounded, unbounded) = (new Planner(n), new Planner(n) { Bounded = false });
        Assert.Equal(Arrivals(n, bounded, 300, 7), Arrivals(n, unbounded, 300, 7));
        var plain = SyntheticWithTransfers(7, tripRules: false);
        var (plainBounded, plainUnbounded) = (new Planner(plain), new Planner(plain) { Bounded = false });
        Assert.Equal(Arrivals(plain, plainBounded, 300, 7), Arrivals(plain, plainUnbounded, 300, 7));
        var (saved, savedWithoutFreeHops) = (unbounded.Labels - bounded.Labels, plainUnbounded.Labels - plainBounded.Labels);
        Assert.True(saved > 0 && saved * 2 > savedWithoutFreeHops, $"the lower bounds spared {saved} arrivals, {savedWithoutFreeHops} without hops of no time");
    }

    private static List<DateTime?> Arrivals(TransitNetwork n, Planner planner, int queries, int seed)
    {
        var random = new Random(seed);
        var served = Enumerable.Range(0, n.StopCount).Where(s => n.StopPatterns[s].Length > 0).ToArray();
        var arrivals = new List<DateTime?>();
        for (var q = 0; q < queries; q++)
        {
            var from = new Dictionary<int, int> { [served[random.Next(served.Length)]] = 0 };
            var to = new Dictionary<int, int> { [served[random.Next(served.Length)]] = 0 };
            var at = new DateOnly(2026, 4, 27).AddDays(random.Next(0, 14)).ToDateTime(new TimeOnly(4, 0)).AddMinutes(random.Next(0, 20 * 60));
            arrivals.Add(planner.EarliestArrival(from, to, at, new PlanOptions(MaxTransfers: 40))?.Arrival);
        }
        return arrivals;
    }
}
