using System.Globalization;
using System.IO.Compression;

namespace CarteBlanche.Transit;

/// <summary>
/// Reads a GTFS feed from a zip or a folder and validates it as it reads (codes of the national access point's
/// validator). A Fatal issue (unreadable archive, missing file or column, bytes that are not UTF-8) returns no feed;
/// an Error skips the faulty object (a trip with a bad stop time is skipped whole) and says so.
/// </summary>
public static class GtfsReader
{
    private static readonly string[] Mandatory = ["agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt"];
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt", "calendar.txt", "calendar_dates.txt", "frequencies.txt",
        "transfers.txt", "feed_info.txt", "shapes.txt", "fare_attributes.txt", "fare_rules.txt", "pathways.txt", "levels.txt", "translations.txt", "attributions.txt",
        // GTFS-Flex (on-demand services): read by people and other tools, not used by the planner.
        "booking_rules.txt", "location_groups.txt", "location_group_stops.txt",
    };

    /// <summary>Fastest speed (km/h) before a hop is flagged, by route type (bus and coach lower than rail).</summary>
    private static double MaxSpeed(int routeType) => routeType switch { 0 => 100, 1 => 150, 2 => 500, 3 or 700 or 200 => 150, 4 => 80, _ => 300 };

    private sealed class FeedFiles : IDisposable
    {
        private readonly ZipArchive? _zip;
        private readonly string? _folder;
        private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.Ordinal);

        public FeedFiles(string path)
        {
            if (Directory.Exists(path))
            {
                _folder = path;
            }
            else
            {
                _zip = ZipFile.OpenRead(path);
                AddEntries(_zip);
            }
        }

        public FeedFiles(ZipArchive zip)
        {
            _zip = zip;
            AddEntries(zip);
        }

        private void AddEntries(ZipArchive zip)
        {
            foreach (var entry in zip.Entries)
            {
                // Feeds zipped with their folder: the files may sit one level down.
                var name = Path.GetFileName(entry.FullName);
                if (name.Length > 0)
                {
                    _entries.TryAdd(name, entry);
                }
            }
        }

        public IEnumerable<string> Names => _folder != null
            ? Directory.EnumerateFiles(_folder).Select(Path.GetFileName).OfType<string>()
            : _entries.Keys;

        public bool Exists(string name) => _folder != null ? File.Exists(Path.Combine(_folder, name)) : _entries.ContainsKey(name);

        public Stream Open(string name) => _folder != null ? File.OpenRead(Path.Combine(_folder, name)) : _entries[name].Open();

        public void Dispose() => _zip?.Dispose();
    }

    /// <summary>Stops and trips with Errors are skipped; null when a Fatal issue stops the import.</summary>
    public static GtfsFeed? Read(string path, string feedId, ValidationReport report)
    {
        var name = Path.GetFileName(path.TrimEnd('/', '\\'));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            report.Add(Severity.Fatal, "InvalidArchive", name, null, null, $"« {path} » : fichier ou dossier introuvable.");
            return null;
        }
        return Read(() => new FeedFiles(path), name, feedId, report);
    }

    /// <summary>The same from a zip held in memory (an upload, a stored import): no file to write, none left behind by a crash.</summary>
    public static GtfsFeed? Read(byte[] zip, string name, string feedId, ValidationReport report) =>
        Read(() => new FeedFiles(new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read)), name, feedId, report);

    private static GtfsFeed? Read(Func<FeedFiles> open, string name, string feedId, ValidationReport report)
    {
        try
        {
            using var files = open();
            foreach (var mandatory in Mandatory)
            {
                if (!files.Exists(mandatory))
                {
                    report.Add(Severity.Fatal, "MissingMandatoryFile", mandatory, null, null, $"Le fichier obligatoire {mandatory} est absent.");
                }
            }
            if (!files.Exists("calendar.txt") && !files.Exists("calendar_dates.txt"))
            {
                report.Add(Severity.Fatal, "MissingMandatoryFile", "calendar.txt", null, null, "Ni calendar.txt ni calendar_dates.txt : les jours de circulation sont inconnus.");
            }
            foreach (var extra in files.Names.Where(n => n.EndsWith(".txt", StringComparison.Ordinal) && !Known.Contains(n)))
            {
                report.Add(Severity.Information, "ExtraFile", extra, null, null, $"Fichier non prévu par GTFS, ignoré : {extra}.");
            }
            if (report.HasFatal)
            {
                return null;
            }
            var feed = new GtfsFeed(feedId);
            var loader = new Loader(feed, files, report);
            return loader.Load() ? feed : null;
        }
        catch (InvalidDataException ex)
        {
            report.Add(Severity.Fatal, "InvalidArchive", name, null, null, $"Archive zip illisible ou tronquée : {ex.Message}");
            return null;
        }
        catch (IOException ex)
        {
            report.Add(Severity.Fatal, "InvalidArchive", name, null, null, $"Lecture impossible : {ex.Message}");
            return null;
        }
    }

    private sealed class Loader(GtfsFeed feed, FeedFiles files, ValidationReport report)
    {
        private readonly Dictionary<string, int> _agencies = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _stops = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _routes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _services = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _trips = new(StringComparer.Ordinal);

        public bool Load()
        {
            return ReadFile("agency.txt", ["agency_name", "agency_timezone"], ReadAgency)
                && ReadFile("stops.txt", ["stop_id"], ReadStop) && CheckParents()
                && ReadFile("routes.txt", ["route_id", "route_type"], ReadRoute)
                && (!files.Exists("calendar.txt") || ReadFile("calendar.txt", ["service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "start_date", "end_date"], ReadCalendar))
                && (!files.Exists("calendar_dates.txt") || ReadFile("calendar_dates.txt", ["service_id", "date", "exception_type"], ReadCalendarDate))
                && ReadFile("trips.txt", ["route_id", "service_id", "trip_id"], ReadTrip)
                && ReadStopTimes()
                && (!files.Exists("frequencies.txt") || ReadFile("frequencies.txt", ["trip_id", "start_time", "end_time", "headway_secs"], ReadFrequency) && ExpandFrequencies())
                && (!files.Exists("transfers.txt") || ReadFile("transfers.txt", ["from_stop_id", "to_stop_id", "transfer_type"], ReadTransfer))
                && (!files.Exists("pathways.txt") || ReadFile("pathways.txt", ["from_stop_id", "to_stop_id", "is_bidirectional"], ReadPathway))
                && CheckUnusedAndDuplicateStops();
        }

        /// <summary>Reads a file record by record; false (Fatal) on a missing column or bytes that are not UTF-8.</summary>
        private bool ReadFile(string file, string[] required, Action<CsvFile, string> read)
        {
            using var csv = new CsvFile(files.Open(file), file);
            if (csv.InvalidEncodingLine is { } headerLine)
            {
                return InvalidEncoding(file, headerLine);
            }
            var missing = required.Where(c => csv.Column(c) < 0).ToList();
            if (missing.Count > 0)
            {
                report.Add(Severity.Fatal, "MissingMandatoryColumn", file, 1, null, $"Colonne(s) obligatoire(s) absente(s) : {string.Join(", ", missing)}.");
                return false;
            }
            while (csv.Read())
            {
                if (csv.InvalidEncodingLine is { } line)
                {
                    return InvalidEncoding(file, line);
                }
                read(csv, file);
            }
            return true;
        }

        private bool InvalidEncoding(string file, int line)
        {
            report.Add(Severity.Fatal, "InvalidEncoding", file, line, null, $"Le fichier n'est pas en UTF-8 (ligne {line}) : enregistrez-le en UTF-8.");
            return false;
        }

        private static string Field(CsvFile csv, string name) => csv[csv.Column(name)].Trim();

        private string? Id(CsvFile csv, string file, string column, Dictionary<string, int> seen)
        {
            var id = Field(csv, column);
            if (id.Length == 0)
            {
                report.Add(Severity.Error, "MissingId", file, csv.Line, null, $"{column} vide : la ligne est ignorée.");
                return null;
            }
            if (seen.ContainsKey(id))
            {
                report.Add(Severity.Error, "DuplicateObjectId", file, csv.Line, id, $"L'identifiant « {id} » est déjà utilisé : cette ligne est ignorée.");
                return null;
            }
            return id;
        }

        private void ReadAgency(CsvFile csv, string file)
        {
            var id = Field(csv, "agency_id");
            if (_agencies.ContainsKey(id))
            {
                report.Add(Severity.Error, "DuplicateObjectId", file, csv.Line, id, $"Le réseau « {id} » est déjà déclaré : cette ligne est ignorée.");
                return;
            }
            var name = Field(csv, "agency_name");
            if (name.Length == 0)
            {
                report.Add(Severity.Warning, "MissingName", file, csv.Line, id, "Réseau sans nom (agency_name).");
            }
            var zone = Field(csv, "agency_timezone");
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                report.Add(Severity.Error, "InvalidTimezone", file, csv.Line, id, $"Fuseau horaire « {zone} » inconnu : Europe/Paris est pris à la place.");
                zone = "Europe/Paris";
            }
            var phone = Field(csv, "agency_phone");
            _agencies[id] = feed.Agencies.Count;
            feed.Agencies.Add(new Agency(id, name, zone, phone.Length == 0 ? null : phone));
        }

        private void ReadStop(CsvFile csv, string file)
        {
            var id = Id(csv, file, "stop_id", _stops);
            if (id == null)
            {
                return;
            }
            var type = int.TryParse(Field(csv, "location_type"), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0;
            var name = Field(csv, "stop_name");
            var latText = Field(csv, "stop_lat");
            var lonText = Field(csv, "stop_lon");
            double lat = 0, lon = 0;
            if (type <= 2)
            {
                if (latText.Length == 0 || lonText.Length == 0)
                {
                    report.Add(Severity.Error, "MissingCoordinates", file, csv.Line, id, $"Arrêt « {id} » sans coordonnées : ignoré.");
                    return;
                }
                if (!double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out lat) || !double.TryParse(lonText, NumberStyles.Float, CultureInfo.InvariantCulture, out lon)
                    || lat is < -90 or > 90 || lon is < -180 or > 180 || (lat == 0 && lon == 0))
                {
                    report.Add(Severity.Error, "InvalidCoordinates", file, csv.Line, id, $"Coordonnées invalides ({latText}, {lonText}) : arrêt ignoré.");
                    return;
                }
                if (name.Length == 0)
                {
                    report.Add(Severity.Warning, "MissingName", file, csv.Line, id, $"Arrêt « {id} » sans nom.");
                }
            }
            var wheelchair = byte.TryParse(Field(csv, "wheelchair_boarding"), NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : (byte)0;
            _stops[id] = feed.Stops.Count;
            // The parent is resolved once every stop is read (it may come later in the file): kept by name meanwhile.
            _parents.Add((feed.Stops.Count, Field(csv, "parent_station"), csv.Line));
            feed.Stops.Add(new Stop(id, name, lat, lon, type, -1, wheelchair));
        }

        private readonly List<(int Stop, string Parent, int Line)> _parents = [];

        private bool CheckParents()
        {
            foreach (var (stop, parent, line) in _parents.Where(p => p.Parent.Length > 0))
            {
                if (!_stops.TryGetValue(parent, out var p) || feed.Stops[p].LocationType != 1)
                {
                    report.Add(Severity.Warning, "InvalidStopParent", "stops.txt", line, feed.Stops[stop].Id,
                        p == 0 && !_stops.ContainsKey(parent) ? $"La station parente « {parent} » n'existe pas : lien ignoré." : $"« {parent} » n'est pas une station (location_type 1) : lien ignoré.");
                    continue;
                }
                feed.Stops[stop] = feed.Stops[stop] with { Parent = p };
            }
            _parents.Clear();
            return true;
        }

        private void ReadRoute(CsvFile csv, string file)
        {
            var id = Id(csv, file, "route_id", _routes);
            if (id == null)
            {
                return;
            }
            var agencyId = Field(csv, "agency_id");
            int agency;
            if (agencyId.Length == 0 && feed.Agencies.Count == 1)
            {
                agency = 0;
            }
            else if (!_agencies.TryGetValue(agencyId, out agency))
            {
                report.Add(Severity.Error, "InvalidReference", file, csv.Line, id, $"La ligne « {id} » cite le réseau « {agencyId} », absent de agency.txt : ligne ignorée.");
                return;
            }
            var typeText = Field(csv, "route_type");
            if (!int.TryParse(typeText, NumberStyles.None, CultureInfo.InvariantCulture, out var type) || !(type is >= 0 and <= 7 or 11 or 12 || type is >= 100 and <= 1700))
            {
                report.Add(Severity.Error, "InvalidRouteType", file, csv.Line, id, $"Type de ligne « {typeText} » invalide : ligne ignorée.");
                return;
            }
            var shortName = Field(csv, "route_short_name");
            var longName = Field(csv, "route_long_name");
            if (shortName.Length == 0 && longName.Length == 0)
            {
                report.Add(Severity.Warning, "MissingName", file, csv.Line, id, $"Ligne « {id} » sans nom (ni court ni long).");
            }
            _routes[id] = feed.Routes.Count;
            feed.Routes.Add(new Route(id, agency, shortName, longName, type));
        }

        private Service ServiceFor(string id)
        {
            if (!_services.TryGetValue(id, out var index))
            {
                _services[id] = index = feed.Services.Count;
                feed.Services.Add(new Service(id));
            }
            return feed.Services[index];
        }

        private static bool TryDate(string text, out DateOnly date) =>
            DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

        private void ReadCalendar(CsvFile csv, string file)
        {
            var id = Field(csv, "service_id");
            if (id.Length == 0)
            {
                report.Add(Severity.Error, "MissingId", file, csv.Line, null, "service_id vide : ligne ignorée.");
                return;
            }
            if (!TryDate(Field(csv, "start_date"), out var start) || !TryDate(Field(csv, "end_date"), out var end))
            {
                report.Add(Severity.Error, "InvalidDate", file, csv.Line, id, $"Dates « {Field(csv, "start_date")} » – « {Field(csv, "end_date")} » invalides (AAAAMMJJ) : calendrier ignoré.");
                return;
            }
            var service = ServiceFor(id);
            byte days = 0;
            string[] names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
            for (var d = 0; d < 7; d++)
            {
                if (Field(csv, names[d]) == "1")
                {
                    days |= (byte)(1 << d);
                }
            }
            (service.Weekdays, service.Start, service.End) = (days, start, end);
        }

        private void ReadCalendarDate(CsvFile csv, string file)
        {
            var id = Field(csv, "service_id");
            if (id.Length == 0 || !TryDate(Field(csv, "date"), out var date))
            {
                report.Add(Severity.Error, "InvalidDate", file, csv.Line, id, $"Exception de calendrier illisible (service « {id} », date « {Field(csv, "date")} ») : ignorée.");
                return;
            }
            var service = ServiceFor(id);
            switch (Field(csv, "exception_type"))
            {
                case "1":
                    service.Added.Add(date);
                    break;
                case "2":
                    service.Removed.Add(date);
                    break;
                default:
                    report.Add(Severity.Error, "InvalidReference", file, csv.Line, id, $"exception_type « {Field(csv, "exception_type")} » : 1 (ajout) ou 2 (retrait) attendu.");
                    break;
            }
        }

        private readonly List<(string Id, int Route, int Service, string? Headsign, byte Wheelchair)> _tripRows = [];

        private void ReadTrip(CsvFile csv, string file)
        {
            var id = Id(csv, file, "trip_id", _trips);
            if (id == null)
            {
                return;
            }
            var routeId = Field(csv, "route_id");
            var serviceId = Field(csv, "service_id");
            if (!_routes.TryGetValue(routeId, out var route))
            {
                report.Add(Severity.Error, "InvalidReference", file, csv.Line, id, $"La course « {id} » cite la ligne « {routeId} », absente de routes.txt : course ignorée.");
                return;
            }
            if (!_services.TryGetValue(serviceId, out var service))
            {
                report.Add(Severity.Error, "InvalidReference", file, csv.Line, id, $"La course « {id} » cite le calendrier « {serviceId} », absent de calendar.txt et calendar_dates.txt : course ignorée.");
                return;
            }
            var headsign = Field(csv, "trip_headsign");
            var wheelchair = byte.TryParse(Field(csv, "wheelchair_accessible"), NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : (byte)0;
            _trips[id] = _tripRows.Count;
            _tripRows.Add((id, route, service, headsign.Length == 0 ? null : headsign, wheelchair));
        }

        /// <summary>"25:10:00" → seconds; -1 when empty; null when malformed.</summary>
        internal static int? ParseTime(string text)
        {
            if (text.Length == 0)
            {
                return -1;
            }
            var parts = text.Split(':');
            if (parts.Length != 3 || parts[1].Length != 2 || parts[2].Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                || m > 59 || s > 59 || h > 99)
            {
                return null;
            }
            return h * 3600 + m * 60 + s;
        }

        private bool ReadStopTimes()
        {
            // Rows first (a trip's rows may be anywhere in the file), then per trip: sorted, checked, interpolated.
            var rows = new List<(int Trip, int Sequence, int Stop, int Arrival, int Departure, byte Pickup, byte DropOff, int Line)>();
            var broken = new HashSet<int>();
            var flex = new HashSet<int>();
            var ok = ReadFile("stop_times.txt", ["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence"], (csv, file) =>
            {
                var tripId = Field(csv, "trip_id");
                if (!_trips.TryGetValue(tripId, out var trip))
                {
                    report.Add(Severity.Error, "InvalidReference", file, csv.Line, tripId, $"Horaire d'une course « {tripId} » absente de trips.txt : ignoré.");
                    return;
                }
                var stopId = Field(csv, "stop_id");
                if (stopId.Length == 0 && (Field(csv, "location_group_id").Length > 0 || Field(csv, "location_id").Length > 0))
                {
                    if (flex.Add(trip))
                    {
                        report.Add(Severity.Information, "FlexTrip", file, csv.Line, tripId, $"La course « {tripId} » dessert une zone à la demande (GTFS-Flex) : elle est publiée, mais le calcul d'itinéraire ne l'utilise pas.");
                    }
                    return;
                }
                if (!_stops.TryGetValue(stopId, out var stop))
                {
                    report.Add(Severity.Error, "InvalidReference", file, csv.Line, tripId, $"L'arrêt « {stopId} » n'existe pas dans stops.txt : la course « {tripId} » est ignorée.");
                    broken.Add(trip);
                    return;
                }
                var arrivalText = Field(csv, "arrival_time");
                var departureText = Field(csv, "departure_time");
                var arrival = ParseTime(arrivalText);
                var departure = ParseTime(departureText);
                if (arrival == null || departure == null)
                {
                    report.Add(Severity.Error, "InvalidTime", file, csv.Line, tripId, $"Heure « {(arrival == null ? arrivalText : departureText)} » invalide (HH:MM:SS) : la course « {tripId} » est ignorée.");
                    broken.Add(trip);
                    return;
                }
                if (!int.TryParse(Field(csv, "stop_sequence"), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
                {
                    report.Add(Severity.Error, "InvalidReference", file, csv.Line, tripId, $"stop_sequence « {Field(csv, "stop_sequence")} » invalide : la course « {tripId} » est ignorée.");
                    broken.Add(trip);
                    return;
                }
                var pickup = byte.TryParse(Field(csv, "pickup_type"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 3 ? p : (byte)0;
                var dropOff = byte.TryParse(Field(csv, "drop_off_type"), NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d <= 3 ? d : (byte)0;
                // A missing side takes the other's time (GTFS allows only one of them).
                rows.Add((trip, sequence, stop, arrival.Value < 0 ? departure.Value : arrival.Value, departure.Value < 0 ? arrival.Value : departure.Value, pickup, dropOff, csv.Line));
            });
            if (!ok)
            {
                return false;
            }
            rows.Sort((a, b) => a.Trip != b.Trip ? a.Trip.CompareTo(b.Trip) : a.Sequence.CompareTo(b.Sequence));
            var stopTimeStop = new List<int>(rows.Count);
            var arrivals = new List<int>(rows.Count);
            var departures = new List<int>(rows.Count);
            var pickups = new List<byte>(rows.Count);
            var dropOffs = new List<byte>(rows.Count);
            var start = 0;
            while (start < rows.Count)
            {
                var trip = rows[start].Trip;
                var end = start;
                while (end < rows.Count && rows[end].Trip == trip)
                {
                    end++;
                }
                var (tripId, route, service, headsign, wheelchair) = _tripRows[trip];
                if (!broken.Contains(trip) && CheckTrip(rows, start, end, tripId, feed.Routes[route].Type))
                {
                    feed.Trips.Add(new Trip(tripId, route, service, headsign, wheelchair, stopTimeStop.Count, end - start));
                    for (var i = start; i < end; i++)
                    {
                        stopTimeStop.Add(rows[i].Stop);
                        arrivals.Add(rows[i].Arrival);
                        departures.Add(rows[i].Departure);
                        pickups.Add(rows[i].Pickup);
                        dropOffs.Add(rows[i].DropOff);
                    }
                }
                start = end;
            }
            feed.StopTimeStop = [.. stopTimeStop];
            feed.Arrival = [.. arrivals];
            feed.Departure = [.. departures];
            feed.Pickup = [.. pickups];
            feed.DropOff = [.. dropOffs];
            return true;
        }

        /// <summary>Duplicated sequences, missing times at the ends, times going back: the trip is skipped. Missing times in between are interpolated by distance.</summary>
        private bool CheckTrip(List<(int Trip, int Sequence, int Stop, int Arrival, int Departure, byte Pickup, byte DropOff, int Line)> rows, int start, int end, string tripId, int routeType)
        {
            if (end - start < 2)
            {
                report.Add(Severity.Error, "ImpossibleToInterpolateStopTimes", "stop_times.txt", rows[start].Line, tripId, $"La course « {tripId} » n'a qu'un arrêt : ignorée.");
                return false;
            }
            for (var i = start + 1; i < end; i++)
            {
                if (rows[i].Sequence == rows[i - 1].Sequence)
                {
                    report.Add(Severity.Error, "DuplicateStopSequence", "stop_times.txt", rows[i].Line, tripId, $"stop_sequence {rows[i].Sequence} répété dans la course « {tripId} » : course ignorée.");
                    return false;
                }
            }
            if (rows[start].Departure < 0 || rows[end - 1].Arrival < 0)
            {
                report.Add(Severity.Error, "ImpossibleToInterpolateStopTimes", "stop_times.txt", rows[rows[start].Departure < 0 ? start : end - 1].Line, tripId, $"Premier ou dernier horaire manquant dans la course « {tripId} » : impossible d'interpoler, course ignorée.");
                return false;
            }
            // Interpolate the untimed stops between two timed ones, in proportion to the distance.
            for (var i = start + 1; i < end - 1; i++)
            {
                if (rows[i].Arrival >= 0)
                {
                    continue;
                }
                var next = i;
                while (rows[next].Arrival < 0)
                {
                    next++;
                }
                var previous = i - 1;
                var total = 0.0;
                var legs = new List<double>();
                for (var k = previous; k < next; k++)
                {
                    legs.Add(Distance(rows[k].Stop, rows[k + 1].Stop));
                    total += legs[^1];
                }
                var covered = 0.0;
                for (var k = i; k < next; k++)
                {
                    covered += legs[k - previous - 1];
                    var time = rows[previous].Departure + (int)Math.Round((rows[next].Arrival - rows[previous].Departure) * (total == 0 ? (double)(k - previous) / (next - previous) : covered / total));
                    rows[k] = rows[k] with { Arrival = time, Departure = time };
                }
            }
            for (var i = start; i < end; i++)
            {
                if (rows[i].Departure < rows[i].Arrival || (i > start && rows[i].Arrival < rows[i - 1].Departure))
                {
                    report.Add(Severity.Error, "NegativeTravelTime", "stop_times.txt", rows[i].Line, tripId, $"L'horaire recule dans la course « {tripId} » (arrêt n° {rows[i].Sequence}) : course ignorée.");
                    return false;
                }
            }
            for (var i = start + 1; i < end; i++)
            {
                var km = Distance(rows[i - 1].Stop, rows[i].Stop) / 1000;
                var seconds = rows[i].Arrival - rows[i - 1].Departure;
                // Any hop of 0 s between two stops apart, however close: the planner cannot bound a journey's time by
                // distance over such a hop (it turns its pruning off), and a rider is shown arriving as they leave.
                if (seconds == 0 && rows[i].Stop != rows[i - 1].Stop && km > 0)
                {
                    report.Add(Severity.Warning, "NullDuration", "stop_times.txt", rows[i].Line, tripId,
                        string.Create(CultureInfo.InvariantCulture, $"Trajet de {km * 1000:0} m en 0 seconde dans la course « {tripId} »."));
                }
                else if (seconds > 0 && km / (seconds / 3600.0) > MaxSpeed(routeType))
                {
                    report.Add(Severity.Warning, "ExcessiveSpeed", "stop_times.txt", rows[i].Line, tripId, string.Create(CultureInfo.InvariantCulture, $"Vitesse de {km / (seconds / 3600.0):0} km/h entre deux arrêts de la course « {tripId} »."));
                }
            }
            return true;
        }

        private double Distance(int a, int b) => Geo.Metres(feed.Stops[a].Latitude, feed.Stops[a].Longitude, feed.Stops[b].Latitude, feed.Stops[b].Longitude);

        private readonly List<(int Trip, int Start, int End, int Headway)> _frequencies = [];

        private void ReadFrequency(CsvFile csv, string file)
        {
            var tripId = Field(csv, "trip_id");
            var index = feed.Trips.FindIndex(t => t.Id == tripId);
            var start = ParseTime(Field(csv, "start_time"));
            var end = ParseTime(Field(csv, "end_time"));
            var okHeadway = int.TryParse(Field(csv, "headway_secs"), NumberStyles.None, CultureInfo.InvariantCulture, out var headway) && headway > 0;
            if (index < 0)
            {
                report.Add(Severity.Error, "InvalidReference", file, csv.Line, tripId, $"Fréquence d'une course « {tripId} » inconnue ou ignorée : ignorée.");
                return;
            }
            if (start is null or < 0 || end is null or < 0 || end <= start || !okHeadway)
            {
                report.Add(Severity.Error, "InvalidTime", file, csv.Line, tripId, "Fréquence illisible (heures de début et de fin, intervalle en secondes) : ignorée.");
                return;
            }
            _frequencies.Add((index, start.Value, end.Value, headway));
        }

        /// <summary>Each frequency becomes trips at every headway, with the template trip's travel times.</summary>
        private bool ExpandFrequencies()
        {
            if (_frequencies.Count == 0)
            {
                return true;
            }
            var stops = feed.StopTimeStop.ToList();
            var arrivals = feed.Arrival.ToList();
            var departures = feed.Departure.ToList();
            var pickups = feed.Pickup.ToList();
            var dropOffs = feed.DropOff.ToList();
            var templates = new HashSet<int>();
            foreach (var (index, start, end, headway) in _frequencies)
            {
                var template = feed.Trips[index];
                templates.Add(index);
                var origin = feed.Departure[template.FirstStopTime];
                var n = 0;
                for (var t = start; t < end; t += headway)
                {
                    var shift = t - origin;
                    feed.Trips.Add(template with { Id = string.Create(CultureInfo.InvariantCulture, $"{template.Id}#{++n}"), FirstStopTime = stops.Count });
                    for (var i = template.FirstStopTime; i < template.FirstStopTime + template.StopTimeCount; i++)
                    {
                        stops.Add(feed.StopTimeStop[i]);
                        arrivals.Add(feed.Arrival[i] + shift);
                        departures.Add(feed.Departure[i] + shift);
                        pickups.Add(feed.Pickup[i]);
                        dropOffs.Add(feed.DropOff[i]);
                    }
                }
            }
            // The templates themselves do not run at their own times.
            var kept = feed.Trips.Where((_, i) => !templates.Contains(i)).ToList();
            feed.Trips.Clear();
            feed.Trips.AddRange(kept);
            (feed.StopTimeStop, feed.Arrival, feed.Departure, feed.Pickup, feed.DropOff) = ([.. stops], [.. arrivals], [.. departures], [.. pickups], [.. dropOffs]);
            return true;
        }

        private void ReadTransfer(CsvFile csv, string file)
        {
            var from = Field(csv, "from_stop_id");
            var to = Field(csv, "to_stop_id");
            var type = int.TryParse(Field(csv, "transfer_type"), NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? t : 0;
            if (type is 4 or 5)
            {
                return; // in-seat transfers (staying aboard as the vehicle becomes another trip): not modelled by the planner
            }
            if (!_stops.TryGetValue(from, out var a) || !_stops.TryGetValue(to, out var b))
            {
                report.Add(Severity.Warning, "InvalidTransfers", file, csv.Line, $"{from}→{to}", $"Correspondance entre arrêts inconnus (« {from} », « {to} ») : ignorée.");
                return;
            }
            int? min = int.TryParse(Field(csv, "min_transfer_time"), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
            if (type == 2 && min == null)
            {
                report.Add(Severity.Warning, "InvalidTransfers", file, csv.Line, $"{from}→{to}", "transfer_type 2 sans min_transfer_time : la durée de marche est calculée.");
            }
            // Trip-to-trip and route-to-route rules (trips looked up after frequencies.txt expanded them: a trip id
            // repeated by frequencies names none of its copies).
            if (_tripIndex == null)
            {
                _tripIndex = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < feed.Trips.Count; i++)
                {
                    _tripIndex.TryAdd(feed.Trips[i].Id, i);
                }
            }
            int Named(string column, Dictionary<string, int> index)
            {
                var id = Field(csv, column);
                if (id.Length == 0)
                {
                    return -1;
                }
                if (index.TryGetValue(id, out var i))
                {
                    return i;
                }
                report.Add(Severity.Warning, "InvalidTransfers", file, csv.Line, $"{from}→{to}", $"{column} « {id} » inconnu : la correspondance est ignorée.");
                return -2;
            }
            var (fromTrip, toTrip, fromRoute, toRoute) = (Named("from_trip_id", _tripIndex), Named("to_trip_id", _tripIndex), Named("from_route_id", _routes), Named("to_route_id", _routes));
            if (fromTrip == -2 || toTrip == -2 || fromRoute == -2 || toRoute == -2)
            {
                return;
            }
            feed.Transfers.Add(new Transfer(a, b, type, min, fromTrip, toTrip, fromRoute, toRoute));
        }

        private Dictionary<string, int>? _tripIndex;

        /// <summary>A walk inside a station; a pathway without traversal_time gives no time and is left out.</summary>
        private void ReadPathway(CsvFile csv, string file)
        {
            var from = Field(csv, "from_stop_id");
            var to = Field(csv, "to_stop_id");
            if (!_stops.TryGetValue(from, out var a) || !_stops.TryGetValue(to, out var b))
            {
                report.Add(Severity.Warning, "InvalidPathways", file, csv.Line, $"{from}→{to}", $"Cheminement entre arrêts inconnus (« {from} », « {to} ») : ignoré.");
                return;
            }
            if (int.TryParse(Field(csv, "traversal_time"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                feed.Pathways.Add(new Pathway(a, b, seconds, Field(csv, "is_bidirectional") == "1"));
            }
        }

        private bool CheckUnusedAndDuplicateStops()
        {
            var used = new bool[feed.Stops.Count];
            foreach (var s in feed.StopTimeStop)
            {
                used[s] = true;
            }
            var seen = new Dictionary<(string, long, long), string>();
            var cells = new Dictionary<(long, long), List<int>>();
            for (var i = 0; i < feed.Stops.Count; i++)
            {
                var s = feed.Stops[i];
                if (s.LocationType != 0)
                {
                    continue;
                }
                if (!used[i])
                {
                    report.Add(Severity.Information, "UnusedStop", "stops.txt", null, s.Id, $"L'arrêt « {s.Id} » ({s.Name}) n'est desservi par aucune course.");
                }
                var key = (s.Name, (long)Math.Round(s.Latitude * 1e5), (long)Math.Round(s.Longitude * 1e5));
                if (!seen.TryAdd(key, s.Id))
                {
                    report.Add(Severity.Warning, "DuplicateStops", "stops.txt", null, s.Id, $"L'arrêt « {s.Id} » a le même nom et la même position que « {seen[key]} ».");
                    continue;
                }
                // Two differently named stops a couple of metres apart: most likely one place entered twice.
                var cell = ((long)Math.Floor(s.Latitude * 5e4), (long)Math.Floor(s.Longitude * 5e4));
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        foreach (var other in cells.GetValueOrDefault((cell.Item1 + dy, cell.Item2 + dx)) ?? [])
                        {
                            var o = feed.Stops[other];
                            if (o.Name != s.Name && Geo.Metres(s.Latitude, s.Longitude, o.Latitude, o.Longitude) < 2)
                            {
                                report.Add(Severity.Warning, "CloseStops", "stops.txt", null, s.Id, $"Les arrêts « {o.Id} » ({o.Name}) et « {s.Id} » ({s.Name}) sont à moins de 2 m l'un de l'autre.");
                            }
                        }
                    }
                }
                (cells.TryGetValue(cell, out var list) ? list : cells[cell] = []).Add(i);
            }
            return true;
        }
    }
}

/// <summary>Great-circle distances.</summary>
public static class Geo
{
    public static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6_371_000;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
