using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CarteBlanche.Transit;

namespace CarteBlanche.Cli;

/// <summary>carteblanche transit validate|plan|bench: GTFS feeds and journey planning (engine CarteBlanche.Transit). Needs no database.</summary>
public static class TransitCommands
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static Command Create()
    {
        var transit = new Command("transit", "Horaires de transport (GTFS) : validation et recherche d'itinéraires.");

        var feed = new Argument<string>("jeu") { Description = "Jeu de données GTFS (zip ou dossier)." };
        var html = new Option<FileInfo?>("--html") { Description = "Écrit aussi le rapport en page HTML lisible." };
        var validate = new Command("validate", "Valide un jeu GTFS : rapport JSON (codes du validateur national) ; code de sortie non nul si un problème bloquant.") { feed, html };
        validate.SetAction(parse =>
        {
            var path = parse.GetValue(feed)!;
            var report = new ValidationReport(Path.GetFileName(path.TrimEnd('/')));
            GtfsReader.Read(path, "1", report);
            Console.WriteLine(report.ToJson());
            if (parse.GetValue(html) is { } file)
            {
                File.WriteAllText(file.FullName, report.ToHtml());
            }
            return report.HasFatal ? 1 : 0;
        });

        var feeds = new Argument<string[]>("jeux") { Description = "Jeux de données GTFS (zip ou dossiers), fusionnés.", Arity = ArgumentArity.OneOrMore };
        var from = new Option<string>("--from") { Description = "Arrêt de départ (identifiant) ou position « lat,lon ».", Required = true };
        var to = new Option<string>("--to") { Description = "Arrêt d'arrivée (identifiant) ou position « lat,lon ».", Required = true };
        var at = new Option<string>("--at") { Description = "Date et heure de départ (ISO, heure locale : 2026-12-01T08:00).", Required = true };
        var days = new Option<int>("--days") { Description = "Jours de recherche quand rien ne part plus tôt.", DefaultValueFactory = _ => 3 };
        var wheelchair = new Option<bool>("--fauteuil") { Description = "Seulement les courses accessibles en fauteuil roulant." };
        var arriveBy = new Option<bool>("--arrive-by") { Description = "--at est l'heure d'arrivée souhaitée : le départ le plus tardif qui arrive à temps." };
        var window = new Option<int?>("--window") { Description = "Minutes : tous les trajets intéressants qui partent dans cette fenêtre (ou la fenêtre avant l'heure d'arrivée)." };
        var plan = new Command("plan", "Cherche l'itinéraire qui arrive le plus tôt (ou part le plus tard avec --arrive-by, ou tous ceux d'une fenêtre avec --window).") { feeds, from, to, at, days, wheelchair, arriveBy, window };
        plan.SetAction(parse =>
        {
            var network = Load(parse.GetValue(feeds)!, out var error);
            if (network == null)
            {
                Console.Error.WriteLine(error);
                return 2;
            }
            if (ReadAt(parse.GetValue(at)!, network.TimeZone) is not { } when)
            {
                Console.Error.WriteLine($"--at : « {parse.GetValue(at)} » n'est pas une date et heure ISO (2026-12-01T08:00, ou avec son décalage : 2026-12-01T08:00+01:00).");
                return 2;
            }
            if (parse.GetValue(days) is < 1 or > MaxSearchDays)
            {
                Console.Error.WriteLine($"--days : {parse.GetValue(days)} jours ; entre 1 et {MaxSearchDays} (le planificateur garde au plus 7 jours de service en mémoire, la veille et la fenêtre comprises).");
                return 2;
            }
            var (first, last) = network.CalendarSpan();
            if (first <= last && (DateOnly.FromDateTime(when) < first || DateOnly.FromDateTime(when) > last))
            {
                Console.Error.WriteLine($"--at : le {when:dd/MM/yyyy} est hors du calendrier : le jeu couvre du {first:dd/MM/yyyy} au {last:dd/MM/yyyy}.");
                return 2;
            }
            var sources = Place(network, parse.GetValue(from)!, out var fromError);
            var targets = Place(network, parse.GetValue(to)!, out var toError);
            if (sources == null || targets == null)
            {
                Console.Error.WriteLine(fromError ?? toError);
                return 2;
            }
            var options = new PlanOptions(SearchDays: parse.GetValue(days), WheelchairOnly: parse.GetValue(wheelchair));
            var planner = new Planner(network);
            if (parse.GetValue(window) is { } minutes && !parse.GetValue(arriveBy))
            {
                var journeys = planner.Range(sources, targets, when, TimeSpan.FromMinutes(minutes), options);
                Console.WriteLine(journeys.Count == 0 ? "Aucun trajet ne part dans cette fenêtre." : string.Join("\n\n", journeys.Select(j => Describe(network, j))));
                return journeys.Count == 0 ? 1 : 0;
            }
            var journey = parse.GetValue(arriveBy)
                ? planner.LatestDeparture(sources, targets, when, TimeSpan.FromMinutes(parse.GetValue(window) ?? 120), options)
                : planner.EarliestArrival(sources, targets, when, options);
            if (journey == null)
            {
                Console.WriteLine(parse.GetValue(arriveBy) ? $"Aucun trajet n'arrive à temps (recherche sur {parse.GetValue(days)} jours avant)." : $"Aucun trajet dans les {parse.GetValue(days)} jours qui suivent.");
                return 1;
            }
            Console.WriteLine(Describe(network, journey));
            return 0;
        });

        var benchFeeds = new Argument<string[]>("jeux") { Description = "Jeux GTFS ; « synthetique:ARRETS:LIGNES:COURSES » pour un réseau synthétique.", Arity = ArgumentArity.OneOrMore };
        var queries = new Option<int>("--queries") { Description = "Nombre de recherches.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Graine.", DefaultValueFactory = _ => 1 };
        var benchDays = new Option<int>("--days") { Description = "Jours de recherche.", DefaultValueFactory = _ => 3 };
        var bench = new Command("bench", "Mesure l'import et les recherches (origine, destination et heure au hasard).") { benchFeeds, queries, seed, benchDays };
        bench.SetAction(parse => RunBench(parse.GetValue(benchFeeds)!, parse.GetValue(queries), parse.GetValue(seed), parse.GetValue(benchDays)));

        transit.Subcommands.Add(validate);
        transit.Subcommands.Add(plan);
        transit.Subcommands.Add(bench);
        return transit;
    }

    private static TransitNetwork? Load(string[] paths, out string error)
    {
        var loaded = new List<GtfsFeed>();
        error = "";
        for (var i = 0; i < paths.Length; i++)
        {
            var report = new ValidationReport(Path.GetFileName(paths[i].TrimEnd('/')));
            var feed = GtfsReader.Read(paths[i], (i + 1).ToString(CultureInfo.InvariantCulture), report);
            if (feed == null)
            {
                var fatal = report.Issues.First(x => x.Severity == Severity.Fatal);
                error = $"{paths[i]} : {fatal.Code} ({fatal.File}{(fatal.Line is { } l ? $", ligne {l}" : "")}) : {fatal.Message}";
                return null;
            }
            loaded.Add(feed);
        }
        return TransitNetwork.Build(loaded);
    }

    /// <summary>A stop id (all its children if it is a station) or "lat,lon" (the stops within walking distance, or the nearest one).</summary>
    private static Dictionary<int, int>? Place(TransitNetwork network, string text, out string? error)
    {
        error = null;
        var parts = text.Split(',');
        var walk = new WalkOptions();
        if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
        {
            var near = Enumerable.Range(0, network.StopCount).Select(s => (Stop: s, Metres: Geo.Metres(lat, lon, network.Latitude[s], network.Longitude[s]))).OrderBy(x => x.Metres).ToList();
            var within = near.Where(x => x.Metres <= 1000).Take(10).ToList();
            if (within.Count == 0 && near.Count > 0)
            {
                within = [near[0]];
            }
            return within.ToDictionary(x => x.Stop, x => walk.Seconds(x.Metres));
        }
        if (network.StopIndex.TryGetValue(text, out var stop))
        {
            var children = Enumerable.Range(0, network.StopCount).Where(s => network.StopParent[s] == stop).ToList();
            return (children.Count > 0 ? children : [stop]).ToDictionary(s => s, _ => 0);
        }
        error = $"« {text} » : ni un identifiant d'arrêt du jeu, ni une position lat,lon.";
        return null;
    }

    private static string Describe(TransitNetwork network, Journey journey)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(string.Create(Fr, $"Départ {journey.Departure:dddd d MMMM HH:mm}, arrivée {journey.Arrival:dddd d MMMM HH:mm} ({journey.Transfers} correspondance(s), attente {(int)journey.Waiting.TotalMinutes} min, à pied {(int)Math.Ceiling(journey.Walking.TotalMinutes)} min)"));
        DateTime? previous = null;
        foreach (var leg in journey.Legs)
        {
            if (previous is { } p && leg.Departure > p)
            {
                text.AppendLine(string.Create(Fr, $"  attente {(int)(leg.Departure - p).TotalMinutes} min"));
            }
            if (leg.Walk)
            {
                // A stop of -1 is the position asked for (from or to lat,lon).
                var minutes = (int)Math.Ceiling((leg.Arrival - leg.Departure).TotalMinutes);
                text.AppendLine(leg switch
                {
                    { FromStop: < 0 } => string.Create(Fr, $"  {leg.Departure:HH:mm} à pied {minutes} min jusqu'à {network.StopNames[leg.ToStop]}"),
                    { ToStop: < 0 } => string.Create(Fr, $"  à pied {minutes} min depuis {network.StopNames[leg.FromStop]} jusqu'à destination"),
                    _ => string.Create(Fr, $"  à pied {minutes} min : {network.StopNames[leg.FromStop]} → {network.StopNames[leg.ToStop]}"),
                });
            }
            else
            {
                var trip = network.Trips[leg.Trip];
                var route = network.Routes[trip.Route];
                var agency = network.Agencies[route.Agency];
                var between = leg.Calls.Count - 2;
                text.AppendLine(string.Create(Fr, $"  {leg.Departure:HH:mm} {network.StopNames[leg.FromStop]} → {leg.Arrival:HH:mm} {network.StopNames[leg.ToStop]} — ligne {route.Name} ({agency.Name}){(trip.Headsign is { } h ? $" direction {h}" : "")}{(between > 0 ? $", {between} arrêt{(between > 1 ? "s" : "")} entre les deux" : "")}"));
                if (leg.BookingRequired)
                {
                    text.AppendLine(Fr, $"    réservation obligatoire : {agency.Phone ?? "téléphoner au réseau"}");
                }
            }
            previous = leg.Arrival;
        }
        return text.ToString().TrimEnd();
    }

    private static int RunBench(string[] paths, int queries, int seed, int days)
    {
        if (days is < 1 or > MaxSearchDays)
        {
            Console.Error.WriteLine($"--days : {days} jours ; entre 1 et {MaxSearchDays}.");
            return 2;
        }
        var temp = new List<string>();
        try
        {
            var resolved = new List<string>();
            foreach (var path in paths)
            {
                if (path.StartsWith("synthetique:", StringComparison.Ordinal))
                {
                    var p = path.Split(':');
                    var folder = Directory.CreateTempSubdirectory("gtfs-synthetique-").FullName;
                    temp.Add(folder);
                    SyntheticNetwork.Write(folder, int.Parse(p[1], CultureInfo.InvariantCulture), int.Parse(p[2], CultureInfo.InvariantCulture), int.Parse(p[3], CultureInfo.InvariantCulture), seed);
                    resolved.Add(folder);
                }
                else
                {
                    resolved.Add(path);
                }
            }
            GC.Collect();
            var before = GC.GetTotalMemory(true);
            var watch = Stopwatch.StartNew();
            var network = Load([.. resolved], out var error);
            if (network == null)
            {
                Console.Error.WriteLine(error);
                return 2;
            }
            var import = watch.Elapsed.TotalSeconds;
            var memory = (GC.GetTotalMemory(true) - before) / 1024.0 / 1024.0;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
            var random = new Random(seed);
            var served = Enumerable.Range(0, network.StopCount).Where(s => network.StopPatterns[s].Length > 0).ToArray();
            var (first, last) = network.Services.Select(s => s.Span()).Aggregate((a, b) => (a.First < b.First ? a.First : b.First, a.Last > b.Last ? a.Last : b.Last));
            var planner = new Planner(network);
            // Warm-up on other random queries: the first calls run code the JIT has not optimised yet, which a
            // long-running service would not see.
            var warmUp = new Random(seed + 1);
            for (var q = 0; q < Math.Min(queries, 300); q++)
            {
                var day = first.AddDays(warmUp.Next(Math.Max(1, last.DayNumber - first.DayNumber + 1)));
                planner.EarliestArrival(new Dictionary<int, int> { [served[warmUp.Next(served.Length)]] = 0 }, new Dictionary<int, int> { [served[warmUp.Next(served.Length)]] = 0 },
                    day.ToDateTime(new TimeOnly(5, 0)).AddMinutes(warmUp.Next(0, 15 * 60)), new PlanOptions(SearchDays: days));
            }
            var times = new List<double>();
            var answered = 0;
            for (var q = 0; q < queries; q++)
            {
                var from = served[random.Next(served.Length)];
                var to = served[random.Next(served.Length)];
                var day = first.AddDays(random.Next(Math.Max(1, last.DayNumber - first.DayNumber + 1)));
                var at = day.ToDateTime(new TimeOnly(5, 0)).AddMinutes(random.Next(0, 15 * 60));
                var w = Stopwatch.StartNew();
                var journey = planner.EarliestArrival(new Dictionary<int, int> { [from] = 0 }, new Dictionary<int, int> { [to] = 0 }, at, new PlanOptions(SearchDays: days));
                times.Add(w.Elapsed.TotalMilliseconds);
                if (journey != null)
                {
                    answered++;
                }
            }
            // Range queries over two hours, on the first queries (latest departure first, one search per departure).
            var rangeTimes = new List<double>();
            var rangeRandom = new Random(seed);
            for (var q = 0; q < Math.Min(queries, 200); q++)
            {
                var from = served[rangeRandom.Next(served.Length)];
                var to = served[rangeRandom.Next(served.Length)];
                var day = first.AddDays(rangeRandom.Next(Math.Max(1, last.DayNumber - first.DayNumber + 1)));
                var at = day.ToDateTime(new TimeOnly(5, 0)).AddMinutes(rangeRandom.Next(0, 15 * 60));
                var w = Stopwatch.StartNew();
                planner.Range(new Dictionary<int, int> { [from] = 0 }, new Dictionary<int, int> { [to] = 0 }, at, TimeSpan.FromHours(2), new PlanOptions(SearchDays: days));
                rangeTimes.Add(w.Elapsed.TotalMilliseconds);
            }
            rangeTimes.Sort();
            times.Sort();
            double Percentile(double p) => times.Count == 0 ? 0 : times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
            var invariant = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(invariant, $"import_s: {import:0.000}"));
            Console.WriteLine(string.Create(invariant, $"memory_mb: {memory:0}"));
            Console.WriteLine(string.Create(invariant, $"peak_working_set_mb: {peak:0}"));
            Console.WriteLine(string.Create(invariant, $"stops: {network.StopCount}"));
            Console.WriteLine(string.Create(invariant, $"stop_times: {network.StopTimeStop.Length}"));
            // The top speed behind the planner's lower bounds, hops of no time left out (0: none, nothing takes time).
            Console.WriteLine(string.Create(invariant, $"max_speed_kmh: {(double.IsPositiveInfinity(network.MaxSpeed) ? 0 : network.MaxSpeed * 3.6):0.0}"));
            Console.WriteLine(string.Create(invariant, $"queries: {queries}"));
            Console.WriteLine(string.Create(invariant, $"answered: {answered}"));
            Console.WriteLine(string.Create(invariant, $"p50_ms: {Percentile(0.50):0.000}"));
            Console.WriteLine(string.Create(invariant, $"p95_ms: {Percentile(0.95):0.000}"));
            Console.WriteLine(string.Create(invariant, $"p99_ms: {Percentile(0.99):0.000}"));
            Console.WriteLine(string.Create(invariant, $"range_2h_p50_ms: {(rangeTimes.Count == 0 ? 0 : rangeTimes[rangeTimes.Count / 2]):0.000}"));
            return 0;
        }
        finally
        {
            foreach (var folder in temp)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The most days --days may ask: the planner keeps 7 service days (3 bits), with the day before and a window's day.</summary>
    private const int MaxSearchDays = 5;

    /// <summary>
    /// --at in ISO only: a local time of the network (2026-12-01T08:00), or a time with its offset, converted to the
    /// network's zone (2026-10-14T08:00-04:00 is 14:00 in Paris). « 01/12/2026 » is refused, never read as 12 January.
    /// </summary>
    internal static DateTime? ReadAt(string text, TimeZoneInfo zone)
    {
        string[] local = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
        if (DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
        {
            return wall;
        }
        string[] withOffset = ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"];
        if (DateTimeOffset.TryParseExact(text, withOffset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified);
        }
        return null;
    }


}
