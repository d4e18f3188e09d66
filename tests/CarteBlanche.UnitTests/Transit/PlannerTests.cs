using CarteBlanche.Transit;
using Xunit;

namespace CarteBlanche.UnitTests.Transit;

/// <summary>The RAPTOR planner on the hand-made Cahors feed and on a synthetic network, checked against the reference.</summary>
public sealed class PlannerTests
{
    internal static string CahorsFeed => Path.Combine(AppContext.BaseDirectory, "Transit", "cahors");

    internal static TransitNetwork Cahors()
    {
        var report = new ValidationReport("cahors");
        var feed = GtfsReader.Read(CahorsFeed, "cahors", report) ?? throw new InvalidOperationException(report.ToJson());
        return TransitNetwork.Build([feed]);
    }

    private static Dictionary<int, int> At(TransitNetwork n, string stop) => new() { [n.StopIndex[stop]] = 0 };

    [Fact]
    public void A_direct_urban_ride_on_a_weekday_morning()
    {
        var n = Cahors();
        var journey = new Planner(n).EarliestArrival(At(n, "PRA_MAIRIE"), At(n, "CAH_HOP"), new DateTime(2026, 12, 1, 7, 50, 0))!;
        Assert.Equal(new DateTime(2026, 12, 1, 8, 24, 0), journey.Arrival); // the 8:00 line 1 (every 30 min) reaches the hospital 24 min later
        var ride = Assert.Single(journey.Legs);
        Assert.Equal("1", n.Routes[n.Trips[ride.Trip].Route].ShortName);
        // The stops it calls at, from boarding to alighting, in order of time.
        Assert.Equal((n.StopIndex["PRA_MAIRIE"], new DateTime(2026, 12, 1, 8, 0, 0)), ride.Calls[0]);
        Assert.Equal((n.StopIndex["CAH_HOP"], new DateTime(2026, 12, 1, 8, 24, 0)), ride.Calls[^1]);
        Assert.True(ride.Calls.Count > 2);
        Assert.Equal(ride.Calls.OrderBy(c => c.Time), ride.Calls);
    }

    [Fact]
    public void Lherm_on_a_monday_is_reached_on_tuesday_by_the_on_demand_line_which_needs_a_phone_call()
    {
        var n = Cahors();
        var journey = new Planner(n).EarliestArrival(At(n, "CAH_MITT"), At(n, "LHE_EGLISE"), new DateTime(2026, 11, 30, 10, 0, 0))!;
        Assert.Equal(new DateTime(2026, 12, 1, 9, 45, 0), journey.Arrival);
        Assert.Contains(journey.Legs, l => l.BookingRequired);
    }

    [Fact]
    public void A_public_holiday_has_no_weekday_service_and_the_sunday_coach_runs()
    {
        var n = Cahors();
        // Wednesday 11 November 2026: the weekday coaches to Montauban do not run; the Sunday one (17:00) does.
        var journey = new Planner(n).EarliestArrival(At(n, "CAH_GARE"), At(n, "MTB_GARE"), new DateTime(2026, 11, 11, 6, 0, 0))!;
        Assert.Equal(new DateTime(2026, 11, 11, 18, 20, 0), journey.Arrival);
    }

    [Fact]
    public void A_trip_past_midnight_belongs_to_its_service_day()
    {
        var n = Cahors();
        // Saturday 5 December 2026, 23:30 coach to Gourdon arrives at 00:30 on Sunday.
        var journey = new Planner(n).EarliestArrival(At(n, "CAH_GARE"), At(n, "GOU_GARE"), new DateTime(2026, 12, 5, 20, 0, 0))!;
        Assert.Equal(new DateTime(2026, 12, 6, 0, 30, 0), journey.Arrival);
    }

    [Fact]
    public void The_coach_to_Figeac_does_not_carry_passengers_within_Cahors()
    {
        var n = Cahors();
        var planner = new Planner(n);
        // The 7:10 coach calls at Place Mitterrand at 7:16 to pick up only (drop_off_type 1): to go there from the
        // station, take the urban bus; to Figeac, the coach is boarded at either stop.
        var inTown = planner.EarliestArrival(At(n, "CAH_GARE"), At(n, "CAH_MITT"), new DateTime(2026, 12, 1, 7, 5, 0))!;
        Assert.DoesNotContain(inTown.Legs, l => !l.Walk && n.Routes[n.Trips[l.Trip].Route].ShortName == "885");
        var toFigeac = planner.EarliestArrival(At(n, "CAH_MITT"), At(n, "FIG_GARE"), new DateTime(2026, 12, 1, 7, 0, 0))!;
        Assert.Equal(new DateTime(2026, 12, 1, 8, 35, 0), toFigeac.Arrival);
        // Coming back, it only sets down in Cahors (pickup_type 1): from Place Mitterrand it cannot be boarded for the station.
        var back = planner.EarliestArrival(At(n, "CAH_MITT"), At(n, "CAH_GARE"), new DateTime(2026, 12, 1, 7, 45, 0))!;
        Assert.DoesNotContain(back.Legs, l => !l.Walk && n.Routes[n.Trips[l.Trip].Route].ShortName == "885");
    }

    [Fact]
    public void A_twice_weekly_coach_is_not_reached_a_day_early()
    {
        var n = Cahors();
        // Asked on Tuesday at 7:00, the first coach to Gourdon is Wednesday's 8:00: leave Pradines on Wednesday by the
        // 7:30 bus, not on Tuesday to wait a day at the station; walk between the platforms on arrival, then wait.
        var journey = new Planner(n).EarliestArrival(At(n, "PRA_MAIRIE"), At(n, "GOU_GARE"), new DateTime(2026, 12, 1, 7, 0, 0))!;
        Assert.Equal((new DateTime(2026, 12, 2, 7, 30, 0), new DateTime(2026, 12, 2, 9, 0, 0)), (journey.Departure, journey.Arrival));
        Assert.True(journey.Legs[1].Walk);
        Assert.Equal(journey.Legs[0].Arrival, journey.Legs[1].Departure);
        Assert.Equal(TimeSpan.FromMinutes(13), journey.Waiting);
    }

    [Fact]
    public void From_the_coach_platform_the_urban_bus_is_reached_on_foot()
    {
        var n = Cahors();
        // transfers.txt: 3 minutes between the two platforms of Cahors station; then line 1 (7:45 from Terre Rouge).
        var journey = new Planner(n).EarliestArrival(At(n, "CAH_GARE"), At(n, "CAH_PONT"), new DateTime(2026, 12, 1, 7, 50, 0))!;
        Assert.True(journey.Legs[0].Walk);
        // Leave the coach platform as late as possible: three minutes' walk ending when the 8:01 bus leaves.
        Assert.Equal((new DateTime(2026, 12, 1, 7, 58, 0), new DateTime(2026, 12, 1, 8, 1, 0)), (journey.Legs[0].Departure, journey.Legs[0].Arrival));
        Assert.Equal(new DateTime(2026, 12, 1, 8, 4, 0), journey.Arrival);
        Assert.Equal((TimeSpan.Zero, TimeSpan.FromMinutes(3)), (journey.Waiting, journey.Walking));
    }

    [Fact]
    public void A_range_query_lists_every_departure_of_the_window_and_arrive_by_takes_the_latest()
    {
        var n = Cahors();
        var planner = new Planner(n);
        var range = planner.Range(At(n, "PRA_MAIRIE"), At(n, "CAH_HOP"), new DateTime(2026, 12, 1, 7, 50, 0), TimeSpan.FromHours(2));
        Assert.Equal(["08:00", "08:30", "09:00", "09:30"], range.Select(j => j.Departure.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        var latest = planner.LatestDeparture(At(n, "PRA_MAIRIE"), At(n, "CAH_HOP"), new DateTime(2026, 12, 1, 9, 0, 0), TimeSpan.FromHours(2))!;
        Assert.Equal((new DateTime(2026, 12, 1, 8, 30, 0), new DateTime(2026, 12, 1, 8, 54, 0)), (latest.Departure, latest.Arrival));
    }

    [Fact]
    public void The_wheelchair_filter_leaves_out_the_on_demand_minibus()
    {
        var n = Cahors();
        var planner = new Planner(n);
        Assert.NotNull(planner.EarliestArrival(At(n, "CAH_MITT"), At(n, "LHE_EGLISE"), new DateTime(2026, 11, 30, 10, 0, 0)));
        Assert.Null(planner.EarliestArrival(At(n, "CAH_MITT"), At(n, "LHE_EGLISE"), new DateTime(2026, 11, 30, 10, 0, 0), new PlanOptions(WheelchairOnly: true)));
    }

    [Fact]
    public void Arrive_by_gives_a_departure_that_arrives_in_time_and_no_later_one_does()
    {
        var n = Cahors();
        var planner = new Planner(n);
        var reference = new ReferencePlanner(n);
        var options = new PlanOptions(MaxTransfers: 40);
        var random = new Random(8);
        var served = Enumerable.Range(0, n.StopCount).Where(s => n.StopPatterns[s].Length > 0).ToArray();
        var checkedQueries = 0;
        for (var q = 0; q < 200; q++)
        {
            var from = new Dictionary<int, int> { [served[random.Next(served.Length)]] = 0 };
            var to = new Dictionary<int, int> { [served[random.Next(served.Length)]] = 0 };
            var deadline = new DateOnly(2026, 11, 30).AddDays(random.Next(0, 14)).ToDateTime(new TimeOnly(7, 0)).AddMinutes(random.Next(0, 12 * 60));
            var journey = planner.LatestDeparture(from, to, deadline, TimeSpan.FromHours(2), options);
            if (journey == null || from.Keys.First() == to.Keys.First())
            {
                continue;
            }
            checkedQueries++;
            Assert.True(reference.EarliestArrival(from, to, journey.Departure, options) <= deadline, $"query {q}: leaving at {journey.Departure} does not arrive by {deadline}");
            var later = reference.EarliestArrival(from, to, journey.Departure.AddSeconds(1), options);
            Assert.True(later == null || later > deadline, $"query {q}: leaving after {journey.Departure} still arrives by {deadline} ({later})");
        }
        Assert.True(checkedQueries > 50, $"only {checkedQueries} arrive-by queries had an answer");
    }

    [Fact]
    public void A_range_query_holds_the_earliest_arrival_for_every_departure_time_of_its_window()
    {
        var folder = Directory.CreateTempSubdirectory("gtfs-").FullName;
        TransitNetwork n;
        try
        {
            SyntheticNetwork.Write(folder, stops: 300, lines: 30, tripsPerLine: 8, seed: 5);
            n = TransitNetwork.Build([GtfsReader.Read(folder, "s", new ValidationReport("s"))!]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        var planner = new Planner(n);
        var single = new Planner(n);
        var random = new Random(9);
        var served = Enumerable.Range(0, n.StopCount).Where(s => n.StopPatterns[s].Length > 0).ToArray();
        var compared = 0;
        for (var q = 0; q < 100; q++)
        {
            var from = new Dictionary<int, int> { [served[random.Next(served.Length)]] = 0 };
            var to = new Dictionary<int, int> { [served[random.Next(served.Length)]] = 0 };
            var start = new DateOnly(2026, 4, 27).AddDays(random.Next(0, 14)).ToDateTime(new TimeOnly(5, 0)).AddMinutes(random.Next(0, 14 * 60));
            var window = TimeSpan.FromHours(2);
            var range = planner.Range(from, to, start, window);
            for (var probe = 0; probe < 5; probe++)
            {
                var t = start.AddMinutes(random.Next(0, 120));
                var best = single.EarliestArrival(from, to, t);
                // Walking only is possible at any time: a range lists vehicle departures.
                if (best == null || best.Departure > start + window || best.Legs.All(l => l.Walk))
                {
                    continue;
                }
                compared++;
                var fromRange = range.Where(j => j.Departure >= t).Min(j => (DateTime?)j.Arrival);
                Assert.True(fromRange == best.Arrival, $"query {q}, leaving at {t}: range gives {fromRange}, a single search {best.Arrival} ({string.Join(" ; ", best.Legs.Select(l => $"{(l.Walk ? "walk" : "ride")} {l.Departure:dd HH:mm}-{l.Arrival:dd HH:mm}"))}); range: {string.Join(" | ", range.Select(j => $"{j.Departure:dd HH:mm}-{j.Arrival:dd HH:mm}"))}");
            }
        }
        Assert.True(compared > 100, $"only {compared} probes compared");
    }

    /// <summary>
    /// Network, first day and number of days of the queries, number of queries: 1,000 over three weeks per network, and
    /// 300 on each weekend the clocks change (Friday to Monday: service days of 23 and 25 hours).
    /// </summary>
    public static TheoryData<string, DateOnly, int, int> Networks => new()
    {
        { "cahors", new DateOnly(2026, 10, 26), 21, 1000 },
        { "synthetique", new DateOnly(2026, 4, 27), 21, 1000 },
        { "synthetique", new DateOnly(2026, 3, 27), 4, 300 },
        { "synthetique", new DateOnly(2026, 10, 23), 4, 300 },
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void On_random_queries_the_earliest_arrival_equals_the_reference(string name, DateOnly first, int days, int queries)
    {
        TransitNetwork n;
        if (name == "cahors")
        {
            n = Cahors();
        }
        else
        {
            var folder = Directory.CreateTempSubdirectory("gtfs-").FullName;
            try
            {
                SyntheticNetwork.Write(folder, stops: 300, lines: 30, tripsPerLine: 8, seed: 4);
                var report = new ValidationReport(name);
                n = TransitNetwork.Build([GtfsReader.Read(folder, "s", report)!]);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        var random = new Random(42);
        var served = Enumerable.Range(0, n.StopCount).Where(s => n.StopPatterns[s].Length > 0).ToArray();
        var planner = new Planner(n);
        var reference = new ReferencePlanner(n);
        var options = new PlanOptions(MaxTransfers: 40);
        var differences = new List<string>();
        var answered = 0;
        for (var q = 0; q < queries; q++)
        {
            var from = new Dictionary<int, int> { [served[random.Next(served.Length)]] = 0 };
            var to = new Dictionary<int, int> { [served[random.Next(served.Length)]] = random.Next(0, 2) * 120 };
            var at = first.AddDays(random.Next(0, days)).ToDateTime(new TimeOnly(4, 0)).AddMinutes(random.Next(0, 20 * 60));
            var expected = reference.EarliestArrival(from, to, at, options);
            var journey = planner.EarliestArrival(from, to, at, options);
            var actual = journey?.Arrival;
            answered += expected == null ? 0 : 1;
            if (expected != actual)
            {
                differences.Add($"{n.StopIds[from.Keys.First()]} → {n.StopIds[to.Keys.First()]} à {at:yyyy-MM-dd HH:mm} : référence {expected:yyyy-MM-dd HH:mm}, moteur {actual:yyyy-MM-dd HH:mm}");
            }
            // The journey holds together: it leaves after the query, each leg after the previous one arrives, from where it arrived.
            if (journey != null && (journey.Departure < at || journey.Legs.Zip(journey.Legs.Skip(1)).Any(p => p.Second.Departure < p.First.Arrival || p.Second.FromStop != p.First.ToStop)))
            {
                differences.Add($"{n.StopIds[from.Keys.First()]} → {n.StopIds[to.Keys.First()]} à {at:yyyy-MM-dd HH:mm} : trajet incohérent ({string.Join(" ; ", journey.Legs.Select(l => $"{l.FromStop}-{l.ToStop} {l.Departure:dd HH:mm}-{l.Arrival:dd HH:mm}"))})");
            }
        }
        Assert.True(differences.Count == 0, $"{differences.Count} différences :\n{string.Join("\n", differences.Take(10))}");
        Assert.True(answered > queries * 3 / 10, $"only {answered} queries had a journey: the comparison would prove little");
    }
}
