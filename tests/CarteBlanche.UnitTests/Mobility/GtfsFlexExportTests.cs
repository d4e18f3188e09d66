using System.IO.Compression;
using CarteBlanche.Mobility.Networks;
using CarteBlanche.Mobility.Offers;
using CarteBlanche.Transit;
using CarteBlanche.UnitTests.Transit;
using Xunit;

namespace CarteBlanche.UnitTests.Mobility;

/// <summary>The open-data feed: the network as it is, plus GTFS-Flex for the on-demand offers, readable again by a GTFS reader.</summary>
public sealed class GtfsFlexExportTests
{
    private static readonly MobilityOffer Tad = new()
    {
        Kind = OfferKind.OnDemand, Name = "Transport à la demande Catus – Lherm", Operator = "Évidence — Grand Cahors", RouteId = "EVITAD",
        Phone = "05 65 35 04 32", NoticeDays = 1, NoticeTime = new TimeOnly(17, 0),
    };

    private static readonly MobilityOffer Lalbenque = new()
    {
        Kind = OfferKind.OnDemand, Name = "Transport à la demande du marché de Lalbenque", Operator = "CC du Pays de Lalbenque-Limogne",
        Communes = "46148,46329", Phone = "05 36 49 12 34", NoticeMinutes = 120, Days = 0b0000010, ServiceStart = new TimeOnly(8, 30), ServiceEnd = new TimeOnly(12, 30),
    };

    private static readonly Dictionary<string, ZoneCommune> Communes = new()
    {
        ["46148"] = new("46148", "Lalbenque", 44.33321, 1.56516),
        ["46329"] = new("46329", "Vaylats", 44.32567, 1.65017),
    };

    private static Dictionary<string, string> Files(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.ToDictionary(e => e.Name, e => new StreamReader(e.Open()).ReadToEnd());
    }

    private static byte[] Export(params MobilityOffer[] offers) => GtfsFlexExport.Build(
        GtfsPublication.Zip(PlannerTests.CahorsFeed), offers, Communes, "https://carteblanche.example/mobilite/offres", (new DateOnly(2026, 8, 31), new DateOnly(2027, 7, 4)));

    [Fact]
    public void The_on_demand_line_gets_its_booking_rule_on_the_stop_times_that_need_a_call()
    {
        var files = Files(Export(Tad, Lalbenque));
        var rules = files["booking_rules.txt"].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("booking_rule_id,booking_type,prior_notice_duration_min,prior_notice_last_day,prior_notice_last_time,message,phone_number,info_url", rules[0]);
        Assert.Equal("cb-reservation-1,2,,1,17:00:00,Réservation la veille avant 17 h au 05 65 35 04 32.,05 65 35 04 32,", rules[1]);
        Assert.Equal("cb-reservation-2,1,120,,,Réservation au moins 2 h avant le départ au 05 36 49 12 34.,05 36 49 12 34,", rules[2]);

        var stopTimes = files["stop_times.txt"].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,drop_off_type,pickup_booking_rule_id,drop_off_booking_rule_id,location_group_id,start_pickup_drop_off_window,end_pickup_drop_off_window", stopTimes[0]);
        Assert.Contains("TAD_A_1,09:00:00,09:00:00,CAH_MITT,1,2,0,cb-reservation-1,,,,", stopTimes);
        Assert.Contains("TAD_A_1,09:30:00,09:30:00,CAT_PLACE,2,2,2,cb-reservation-1,cb-reservation-1,,,", stopTimes);
        Assert.Contains("TAD_A_1,09:45:00,09:45:00,LHE_EGLISE,3,0,2,,cb-reservation-1,,,", stopTimes);
        Assert.Contains("EVI1_A_TPL,07:00:00,07:00:00,PRA_MAIRIE,1,0,0,,,,,", stopTimes); // other lines unchanged
    }

    [Fact]
    public void A_zonal_offer_becomes_a_route_serving_the_centres_of_its_communes_in_its_hours_on_its_days()
    {
        var files = Files(Export(Tad, Lalbenque));
        Assert.Equal("location_group_id,location_group_name\r\ncb-zone-2,Transport à la demande du marché de Lalbenque\r\n", files["location_groups.txt"]);
        Assert.Equal("location_group_id,stop_id\r\ncb-zone-2,cb-commune-46148\r\ncb-zone-2,cb-commune-46329\r\n", files["location_group_stops.txt"]);
        Assert.Contains("cb-commune-46148,Lalbenque (centre),44.33321,1.56516,0", files["stops.txt"], StringComparison.Ordinal);
        Assert.Contains("cb-service-2,0,1,0,0,0,0,0,20260831,20270704", files["calendar.txt"], StringComparison.Ordinal);
        Assert.Contains("cb-course-2,,,,1,2,1,cb-reservation-2,,cb-zone-2,08:30:00,12:30:00", files["stop_times.txt"], StringComparison.Ordinal);
        Assert.Contains("cb-course-2,,,,2,1,2,,cb-reservation-2,cb-zone-2,08:30:00,12:30:00", files["stop_times.txt"], StringComparison.Ordinal);
        Assert.Equal(Files(GtfsPublication.Zip(PlannerTests.CahorsFeed))["frequencies.txt"], files["frequencies.txt"]); // copied as it is
    }

    [Fact]
    public void The_exported_feed_reads_again_without_error_and_plans_the_same_trips()
    {
        var path = Path.Combine(Path.GetTempPath(), $"flex-{Guid.NewGuid():N}.zip");
        File.WriteAllBytes(path, Export(Tad, Lalbenque));
        try
        {
            var report = new ValidationReport("export");
            var feed = GtfsReader.Read(path, "export", report);
            Assert.NotNull(feed);
            Assert.Equal(0, report.Total(Severity.Fatal) + report.Total(Severity.Error));
            Assert.Contains(report.Issues, i => i.Code == "FlexTrip" && i.ObjectId == "cb-course-2");
            Assert.DoesNotContain(report.Issues, i => i.Code == "ExtraFile");
            var original = GtfsReader.Read(PlannerTests.CahorsFeed, "cahors", new ValidationReport("cahors"))!;
            Assert.Equal(original.Trips.Count, feed!.Trips.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
