using System.Globalization;
using System.IO.Compression;
using System.Text;
using CarteBlanche.Mobility.Offers;
using CarteBlanche.Transit;

namespace CarteBlanche.Mobility.Networks;

/// <summary>A commune of a zone: a zonal on-demand service picks up at its centre (a stop of the zone's stop area).</summary>
public sealed record ZoneCommune(string InseeCode, string Name, double Latitude, double Longitude);

/// <summary>
/// The network as open data: the GTFS feed in service, with the GTFS-Flex files for on-demand services. An offer that
/// is a line of the feed (<see cref="MobilityOffer.RouteId"/>) gets its booking rule (booking_rules.txt) on the stop
/// times that need a call; a zonal on-demand offer (its communes, days and hours) becomes a route whose trip serves a
/// stop area (location_groups.txt, location_group_stops.txt: the centres of its communes) in a pick-up window. Every
/// other file of the feed is copied as it is.
/// </summary>
public static class GtfsFlexExport
{
    public static byte[] Build(byte[] sourceZip, IReadOnlyList<MobilityOffer> offers, IReadOnlyDictionary<string, ZoneCommune> communes, string offersUrl, (DateOnly First, DateOnly Last) span)
    {
        using var source = new ZipArchive(new MemoryStream(sourceZip, writable: false), ZipArchiveMode.Read);
        var entries = source.Entries.Where(e => e.Name.Length > 0).GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Table Open(string name) => entries.TryGetValue(name, out var entry) ? Table.Read(entry.Open(), name) : new Table();

        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        Table T(string name) => tables.TryGetValue(name, out var t) ? t : tables[name] = Open(name);

        var routes = T("routes.txt");
        var routeIds = routes.Values("route_id").ToHashSet(StringComparer.Ordinal);
        var rules = new Table();
        var n = 0;
        foreach (var offer in offers.Where(o => o.IsActive && o.Kind == OfferKind.OnDemand).OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            n++;
            string? rule = null;
            if (offer.HasBookingRule)
            {
                rule = $"cb-reservation-{n}";
                rules.Add(new()
                {
                    ["booking_rule_id"] = rule,
                    ["booking_type"] = offer.NoticeMinutes != null ? "1" : "2",
                    ["prior_notice_duration_min"] = offer.NoticeMinutes?.ToString(CultureInfo.InvariantCulture) ?? "",
                    ["prior_notice_last_day"] = offer.NoticeMinutes == null ? offer.NoticeDays?.ToString(CultureInfo.InvariantCulture) ?? "" : "",
                    ["prior_notice_last_time"] = offer.NoticeMinutes == null && offer.NoticeDays != null ? Time(offer.NoticeTime ?? TimeOnly.MinValue) : "",
                    ["message"] = $"Réservation {offer.BookingRuleText}{(offer.Phone != null ? $" au {offer.Phone}" : "")}.",
                    ["phone_number"] = offer.Phone ?? "",
                    ["info_url"] = offer.Website ?? "",
                });
            }
            if (offer.RouteId is { } routeId && routeIds.Contains(routeId))
            {
                if (rule != null)
                {
                    AttachRule(T("trips.txt"), T("stop_times.txt"), routeId, rule);
                }
                continue;
            }
            var zone = offer.CommuneCodes.Where(communes.ContainsKey).ToList();
            if (offer.RouteId != null || offer.Days == 0 || offer.ServiceStart is not { } start || offer.ServiceEnd is not { } end || zone.Count == 0)
            {
                continue; // neither a line of the feed nor a zone with its days and hours: the offers' CSV tells it
            }
            AddZone(T, offer, n, rule, zone.Select(c => communes[c]).ToList(), start, end, offersUrl, span);
        }
        if (rules.Count > 0)
        {
            tables["booking_rules.txt"] = rules;
        }

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, entry) in entries.Where(e => !tables.ContainsKey(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                using var from = entry.Open();
                using var to = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                from.CopyTo(to);
            }
            foreach (var (name, table) in tables.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                using var to = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                table.Write(to);
            }
        }
        return output.ToArray();
    }

    /// <summary>The booking rule on every stop time of the line where boarding or alighting needs a call (pickup_type or drop_off_type 2).</summary>
    private static void AttachRule(Table trips, Table stopTimes, string routeId, string rule)
    {
        var tripIds = trips.Rows.Where(r => trips.Get(r, "route_id") == routeId).Select(r => trips.Get(r, "trip_id")).ToHashSet(StringComparer.Ordinal);
        foreach (var row in stopTimes.Rows.Where(r => tripIds.Contains(stopTimes.Get(r, "trip_id"))))
        {
            if (stopTimes.Get(row, "pickup_type") == "2")
            {
                stopTimes.Set(row, "pickup_booking_rule_id", rule);
            }
            if (stopTimes.Get(row, "drop_off_type") == "2")
            {
                stopTimes.Set(row, "drop_off_booking_rule_id", rule);
            }
        }
    }

    private static void AddZone(Func<string, Table> t, MobilityOffer offer, int n, string? rule, List<ZoneCommune> zone, TimeOnly start, TimeOnly end, string offersUrl, (DateOnly First, DateOnly Last) span)
    {
        var calendar = t("calendar.txt");
        // The service runs as long as the feed's timetables do.
        var first = span.First.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var last = span.Last.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var agency = $"cb-agence-{n}";
        t("agency.txt").Add(new()
        {
            ["agency_id"] = agency, ["agency_name"] = offer.Operator, ["agency_url"] = offer.Website ?? offersUrl,
            ["agency_timezone"] = "Europe/Paris", ["agency_lang"] = "fr", ["agency_phone"] = offer.Phone ?? "",
        });
        var stops = t("stops.txt");
        var known = stops.Values("stop_id").ToHashSet(StringComparer.Ordinal);
        var groups = t("location_groups.txt");
        var members = t("location_group_stops.txt");
        var group = $"cb-zone-{n}";
        groups.Add(new() { ["location_group_id"] = group, ["location_group_name"] = offer.Name });
        foreach (var c in zone)
        {
            var stop = $"cb-commune-{c.InseeCode}";
            if (known.Add(stop))
            {
                stops.Add(new()
                {
                    ["stop_id"] = stop, ["stop_name"] = $"{c.Name} (centre)",
                    ["stop_lat"] = c.Latitude.ToString("0.00000", CultureInfo.InvariantCulture), ["stop_lon"] = c.Longitude.ToString("0.00000", CultureInfo.InvariantCulture),
                    ["location_type"] = "0",
                });
            }
            members.Add(new() { ["location_group_id"] = group, ["stop_id"] = stop });
        }
        var service = $"cb-service-{n}";
        var days = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };
        var row = new Dictionary<string, string> { ["service_id"] = service, ["start_date"] = first, ["end_date"] = last };
        for (var d = 0; d < 7; d++)
        {
            row[days[d]] = (offer.Days & (1 << d)) != 0 ? "1" : "0";
        }
        calendar.Add(row);
        var route = $"cb-ligne-{n}";
        t("routes.txt").Add(new() { ["route_id"] = route, ["agency_id"] = agency, ["route_short_name"] = "", ["route_long_name"] = offer.Name, ["route_type"] = "3" });
        var trip = $"cb-course-{n}";
        t("trips.txt").Add(new() { ["route_id"] = route, ["service_id"] = service, ["trip_id"] = trip });
        var stopTimes = t("stop_times.txt");
        // Anywhere in the zone to anywhere in the zone, within the hours: picked up at one stop time, set down at the next.
        for (var sequence = 1; sequence <= 2; sequence++)
        {
            stopTimes.Add(new()
            {
                ["trip_id"] = trip, ["stop_sequence"] = sequence.ToString(CultureInfo.InvariantCulture), ["location_group_id"] = group,
                ["start_pickup_drop_off_window"] = Time(start), ["end_pickup_drop_off_window"] = Time(end),
                ["pickup_type"] = sequence == 1 ? "2" : "1", ["drop_off_type"] = sequence == 1 ? "1" : "2",
                [sequence == 1 ? "pickup_booking_rule_id" : "drop_off_booking_rule_id"] = rule ?? "",
            });
        }
    }

    private static string Time(TimeOnly time) => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A GTFS file in memory: its columns (new ones appended as rows need them) and its rows.</summary>
    private sealed class Table
    {
        private readonly List<string> _header = [];
        private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

        public List<List<string>> Rows { get; } = [];
        public int Count => Rows.Count;

        public static Table Read(Stream stream, string name)
        {
            var table = new Table();
            using var csv = new CsvFile(stream, name);
            foreach (var column in csv.Header)
            {
                table.Column(column);
            }
            while (csv.Read())
            {
                var row = new List<string>(table._header.Count);
                for (var i = 0; i < table._header.Count; i++)
                {
                    row.Add(csv[i]);
                }
                table.Rows.Add(row);
            }
            return table;
        }

        private int Column(string name)
        {
            if (!_columns.TryGetValue(name, out var index))
            {
                index = _header.Count;
                _header.Add(name);
                _columns[name] = index;
            }
            return index;
        }

        public string Get(List<string> row, string column) => _columns.TryGetValue(column, out var i) && i < row.Count ? row[i].Trim() : "";

        public void Set(List<string> row, string column, string value)
        {
            var i = Column(column);
            while (row.Count <= i)
            {
                row.Add("");
            }
            row[i] = value;
        }

        public IEnumerable<string> Values(string column) => Rows.Select(r => Get(r, column));

        public void Add(Dictionary<string, string> values)
        {
            var row = new List<string>();
            foreach (var (column, value) in values)
            {
                Set(row, column, value);
            }
            Rows.Add(row);
        }

        public void Write(Stream stream)
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            writer.Write(string.Join(",", _header.Select(Quote)));
            writer.Write("\r\n");
            foreach (var row in Rows)
            {
                writer.Write(string.Join(",", Enumerable.Range(0, _header.Count).Select(i => Quote(i < row.Count ? row[i] : ""))));
                writer.Write("\r\n");
            }
        }

        private static string Quote(string value) =>
            value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
