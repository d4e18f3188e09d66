using CarteBlanche.Transit;
using Xunit;

namespace CarteBlanche.UnitTests.Transit;

/// <summary>
/// GTFS times count from "noon minus 12 h" of the service day in the agency's time zone: an hour off midnight on the
/// nights the clocks change, and shifted for an agency in another zone. Answers are wall-clock times of the network's
/// zone (the first agency's).
/// </summary>
public sealed class TimeZoneTests
{
    /// <summary>A two-stop feed (stops 14 km apart, no walk) with one trip per (date, departure, arrival) given.</summary>
    private static TransitNetwork Feed(string zone, params (string Date, string Leaves, string Arrives)[] trips) =>
        Network((zone, trips));

    private static TransitNetwork Network(params (string Zone, (string Date, string Leaves, string Arrives)[] Trips)[] feeds)
    {
        var loaded = new List<GtfsFeed>();
        for (var f = 0; f < feeds.Length; f++)
        {
            var folder = Directory.CreateTempSubdirectory("gtfs-zone-").FullName;
            try
            {
                var (zone, trips) = feeds[f];
                File.WriteAllText(Path.Combine(folder, "agency.txt"), $"agency_id,agency_name,agency_url,agency_timezone\nA,Réseau,https://example.org,{zone}\n");
                File.WriteAllText(Path.Combine(folder, "stops.txt"), $"stop_id,stop_name,stop_lat,stop_lon\nA,Alpha,{44.40 + f},1.40\nB,Bravo,{44.50 + f},1.50\n");
                File.WriteAllText(Path.Combine(folder, "routes.txt"), "route_id,agency_id,route_short_name,route_long_name,route_type\nR,A,1,,3\n");
                File.WriteAllText(Path.Combine(folder, "calendar_dates.txt"), "service_id,date,exception_type\n" + string.Concat(trips.Select((t, i) => $"D{i},{t.Date},1\n")));
                File.WriteAllText(Path.Combine(folder, "trips.txt"), "route_id,service_id,trip_id\n" + string.Concat(trips.Select((_, i) => $"R,D{i},T{i}\n")));
                File.WriteAllText(Path.Combine(folder, "stop_times.txt"), "trip_id,arrival_time,departure_time,stop_id,stop_sequence\n" +
                    string.Concat(trips.Select((t, i) => $"T{i},{t.Leaves},{t.Leaves},A,1\nT{i},{t.Arrives},{t.Arrives},B,2\n")));
                var report = new ValidationReport("zone");
                loaded.Add(GtfsReader.Read(folder, $"f{f}", report) ?? throw new InvalidOperationException(report.ToJson()));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        return TransitNetwork.Build(loaded);
    }

    private static Dictionary<int, int> At(TransitNetwork n, string stop) => new() { [n.StopIndex[stop]] = 0 };

    [Fact]
    public void On_the_night_the_clocks_go_forward_a_trip_before_the_change_leaves_an_hour_earlier_than_written()
    {
        // Sunday 28 March 2027: noon is 10:00 UTC, so the service day starts at 23:00 on Saturday (local, winter time).
        // 01:30:00 is then 00:30 on the wall clock; 03:30:00 falls after the change and reads 03:30.
        var n = Feed("Europe/Paris", ("20270328", "01:30:00", "03:30:00"));
        var journey = new Planner(n).EarliestArrival(At(n, "A"), At(n, "B"), new DateTime(2027, 3, 28, 0, 0, 0))!;
        Assert.Equal((new DateTime(2027, 3, 28, 0, 30, 0), new DateTime(2027, 3, 28, 3, 30, 0)), (journey.Departure, journey.Arrival));
        // Leaving at 00:45 is too late for it: there is no other trip.
        Assert.Null(new Planner(n).EarliestArrival(At(n, "A"), At(n, "B"), new DateTime(2027, 3, 28, 0, 45, 0)));
    }

    [Fact]
    public void On_the_night_the_clocks_go_back_times_are_an_hour_later_than_written_until_the_change()
    {
        // Sunday 31 October 2027: noon is 11:00 UTC, the service day starts at 01:00 (summer time): 00:20:00 is 01:20.
        // The day's 08:00:00 reads 08:00 (winter time).
        var n = Feed("Europe/Paris", ("20271031", "00:20:00", "00:50:00"), ("20271031", "08:00:00", "08:30:00"));
        var planner = new Planner(n);
        var night = planner.EarliestArrival(At(n, "A"), At(n, "B"), new DateTime(2027, 10, 31, 0, 0, 0))!;
        Assert.Equal((new DateTime(2027, 10, 31, 1, 20, 0), new DateTime(2027, 10, 31, 1, 50, 0)), (night.Departure, night.Arrival));
        var morning = planner.EarliestArrival(At(n, "A"), At(n, "B"), new DateTime(2027, 10, 31, 7, 0, 0))!;
        Assert.Equal(new DateTime(2027, 10, 31, 8, 0, 0), morning.Departure);
    }

    [Fact]
    public void A_trip_two_days_after_a_change_of_clocks_keeps_its_written_time()
    {
        // Asked on Saturday 27 March 2027 (winter time), the Monday 29 March 07:15 trip (summer time) reads 07:15.
        var n = Feed("Europe/Paris", ("20270329", "07:15:00", "07:45:00"));
        var journey = new Planner(n).EarliestArrival(At(n, "A"), At(n, "B"), new DateTime(2027, 3, 27, 18, 0, 0))!;
        Assert.Equal((new DateTime(2027, 3, 29, 7, 15, 0), new DateTime(2027, 3, 29, 7, 45, 0)), (journey.Departure, journey.Arrival));
    }

    [Fact]
    public void An_agency_in_another_time_zone_is_answered_in_the_networks_time()
    {
        // The first feed is in Paris: the London trip leaving at 09:00 London time leaves at 10:00 Paris time.
        var n = Network(("Europe/Paris", [("20271201", "06:00:00", "06:30:00")]), ("Europe/London", [("20271201", "09:00:00", "09:40:00")]));
        var journey = new Planner(n).EarliestArrival(At(n, "f1:A"), At(n, "f1:B"), new DateTime(2027, 12, 1, 9, 30, 0))!;
        Assert.Equal((new DateTime(2027, 12, 1, 10, 0, 0), new DateTime(2027, 12, 1, 10, 40, 0)), (journey.Departure, journey.Arrival));
        Assert.Null(new Planner(n).EarliestArrival(At(n, "f1:A"), At(n, "f1:B"), new DateTime(2027, 12, 1, 10, 1, 0), new PlanOptions(SearchDays: 0)));
    }

    [Fact]
    public void The_top_speed_behind_the_lower_bounds_is_the_fastest_hop_and_a_hop_in_no_time_turns_them_off()
    {
        // A and B are about 13.7 km apart: 40 minutes makes about 20 km/h; a hop written 09:00 → 09:00 has no finite speed.
        var timed = Feed("Europe/Paris", ("20271201", "09:00:00", "09:40:00"));
        Assert.InRange(timed.MaxSpeed * 3.6, 19, 22);
        var instant = Feed("Europe/Paris", ("20271201", "09:00:00", "09:00:00"));
        Assert.True(double.IsPositiveInfinity(instant.MaxSpeed));
        // Without bounds the search still answers.
        Assert.Equal(new DateTime(2027, 12, 1, 9, 0, 0), new Planner(instant).EarliestArrival(At(instant, "A"), At(instant, "B"), new DateTime(2027, 12, 1, 8, 0, 0))!.Arrival);
    }

    [Fact]
    public void A_journey_from_a_position_starts_with_the_walk_to_the_first_stop_and_ends_with_the_walk_from_the_last()
    {
        var n = Feed("Europe/Paris", ("20271201", "09:00:00", "09:40:00"));
        var from = new Dictionary<int, int> { [n.StopIndex["A"]] = 300 };
        var to = new Dictionary<int, int> { [n.StopIndex["B"]] = 120 };
        var journey = new Planner(n).EarliestArrival(from, to, new DateTime(2027, 12, 1, 8, 0, 0))!;
        // Leave as late as the bus allows: five minutes' walk before 09:00, two minutes' walk after 09:40.
        Assert.Equal((new DateTime(2027, 12, 1, 8, 55, 0), new DateTime(2027, 12, 1, 9, 42, 0)), (journey.Departure, journey.Arrival));
        Assert.Equal([(true, -1, n.StopIndex["A"]), (false, n.StopIndex["A"], n.StopIndex["B"]), (true, n.StopIndex["B"], -1)],
            journey.Legs.Select(l => (l.Walk, l.FromStop, l.ToStop)));
        Assert.Equal(new DateTime(2027, 12, 1, 9, 0, 0), journey.Legs[0].Arrival);
        // A range over the morning gives the same departure, walk included.
        var range = new Planner(n).Range(from, to, new DateTime(2027, 12, 1, 8, 0, 0), TimeSpan.FromHours(2));
        Assert.Equal(new DateTime(2027, 12, 1, 8, 55, 0), Assert.Single(range).Departure);
    }
}
