using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Files;
using CarteBlanche.Platform.Territory;
using CarteBlanche.Tours;

namespace CarteBlanche.Cli;

/// <summary>carteblanche tours plan|bench: the bus tour planner (engine CarteBlanche.Tours). Needs no database.</summary>
public static class TourCommands
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static Command Create()
    {
        var tours = new Command("tours", "Planifier la tournée du car des services publics.");

        var communes = new Option<FileInfo>("--communes") { Description = "Fichier CSV des communes (insee_code, name, population…, latitude, longitude), comme celui du territoire.", Required = true };
        var cycleDays = new Option<int>("--cycle-days") { Description = "Jours ouvrés du cycle (10 : deux semaines).", DefaultValueFactory = _ => 10 };
        var buses = new Option<int>("--buses") { Description = "Nombre de cars.", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Graine (instances et recherche).", DefaultValueFactory = _ => 1 };
        var timeLimit = new Option<double>("--time-limit") { Description = "Temps de calcul maximal, en secondes.", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Sortie JSON." };
        var depot = new Option<string>("--depot") { Description = "Code INSEE du dépôt.", DefaultValueFactory = _ => "46042" };
        var servicePoints = new Option<string>("--service-points") { Description = "Codes INSEE des points d'accueil permanents, séparés par des virgules.", DefaultValueFactory = _ => "46042,46148,46064" };
        var weekly = new Option<bool>("--weekly") { Description = "Un passage par semaine (par défaut : un par cycle)." };
        var pin = new Option<string?>("--pin") { Description = "Codes INSEE à desservir obligatoirement." };
        var exclude = new Option<string?>("--exclude") { Description = "Codes INSEE à ne pas desservir." };
        var start = new Option<string?>("--start") { Description = "Premier jour du cycle (aaaa-mm-jj ; par défaut le lundi qui suit)." };
        var plan = new Command("plan", "Calcule un plan de tournée et affiche l'horaire et les chiffres.")
        {
            communes, cycleDays, buses, seed, timeLimit, json, depot, servicePoints, weekly, pin, exclude, start,
        };
        plan.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(communes)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"Fichier introuvable : {file.FullName}");
                return 2;
            }
            List<CandidateCommune> list;
            try
            {
                using var reader = new StreamReader(file.FullName);
                list = ReadCommunes(reader, file.Name);
            }
            catch (FormatException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }
            var depotCode = parse.GetValue(depot)!;
            var depotCommune = list.FirstOrDefault(c => c.Code == depotCode);
            if (depotCommune == null)
            {
                await Console.Error.WriteLineAsync($"Le dépôt {depotCode} n'est pas dans {file.Name}.");
                return 2;
            }
            DateOnly cycleStart;
            var startText = parse.GetValue(start);
            if (startText == null)
            {
                cycleStart = NextMonday(new ParisClock(TimeProvider.System).Today);
            }
            else if (!DateOnly.TryParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out cycleStart))
            {
                await Console.Error.WriteLineAsync($"--start : « {startText} » n'est pas une date aaaa-mm-jj.");
                return 2;
            }
            var points = Codes(parse.GetValue(servicePoints)).Select(code => list.FirstOrDefault(c => c.Code == code)).OfType<CandidateCommune>().Select(c => c.Stop).ToList();
            var problem = new TourProblem
            {
                Depot = depotCommune.Stop,
                DepotName = depotCommune.Name,
                Communes = list.Where(c => c.Code != depotCode).ToList(),
                ServicePoints = points.Count > 0 ? points : [depotCommune.Stop],
                CycleStart = cycleStart,
                CycleDays = parse.GetValue(cycleDays),
                Buses = parse.GetValue(buses),
                Frequency = parse.GetValue(weekly) ? Frequency.EveryWeek : Frequency.EveryCycle,
                Pinned = Codes(parse.GetValue(pin)).ToHashSet(),
                Excluded = Codes(parse.GetValue(exclude)).ToHashSet(),
                ClosedDates = FrenchPublicHolidays.ForCycleFrom(cycleStart),
                Seed = parse.GetValue(seed),
                TimeLimit = TimeSpan.FromSeconds(parse.GetValue(timeLimit)),
            };
            var result = Solve(problem, cancellationToken);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    await Console.Error.WriteLineAsync(error);
                }
                return 1;
            }
            Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(result, JsonOptions) : Describe(result));
            return 0;
        });
        tours.Subcommands.Add(plan);

        var benchSeed = new Option<int>("--seed") { Description = "Graine des instances synthétiques.", DefaultValueFactory = _ => 1 };
        var bench = new Command("bench", "Mesure le planificateur : bassin de vie de Cahors (59 communes), 300 et 1 000 communes synthétiques.") { benchSeed };
        bench.SetAction((parse, cancellationToken) => Task.FromResult(RunBench(parse.GetValue(benchSeed), cancellationToken)));
        tours.Subcommands.Add(bench);
        return tours;
    }

    private static int RunBench(int s, CancellationToken cancellationToken)
        {
            var cycleStart = new DateOnly(2027, 3, 1);
            using var reader = ReferenceData.Open("communes-bassin-de-vie-cahors.csv");
            var cahors = ReadCommunes(reader, "communes-bassin-de-vie-cahors.csv");
            var depotCommune = cahors.Single(c => c.Code == "46042");
            var instances = new (string Name, TourProblem Problem)[]
            {
                ("cahors-bassin-de-vie", new TourProblem
                {
                    Depot = depotCommune.Stop,
                    Communes = cahors.Where(c => c.Code != "46042").ToList(),
                    ServicePoints = cahors.Where(c => c.Code is "46042" or "46148" or "46064").Select(c => c.Stop).ToList(),
                    CycleStart = cycleStart,
                    Seed = s,
                    TimeLimit = TimeSpan.FromSeconds(4),
                }),
                ("synthetic-300", TourInstances.Synthetic(300, s, cycleStart) with { TimeLimit = TimeSpan.FromSeconds(20) }),
                ("synthetic-1000", TourInstances.Synthetic(1000, s, cycleStart) with { TimeLimit = TimeSpan.FromSeconds(50) }),
            };
            foreach (var (name, problem) in instances)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                var result = new TourPlanner().Plan(problem, null, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"instance: {name} communes: {problem.Communes.Count + 1} seconds: {result.Elapsed.TotalSeconds:0.00} objective: {result.Objective} bound: {result.Bound} gap_pct: {result.GapPercent:0.00}"));
            }
            return 0;
    }

    private static TourPlan Solve(TourProblem problem, CancellationToken cancellationToken)
    {
        // Progress on the error stream; Ctrl+C stops the search and keeps the best plan so far.
        var lastReport = TimeSpan.Zero;
        var progress = new Progress<TourProgress>(p =>
        {
            if (p.Elapsed - lastReport >= TimeSpan.FromSeconds(1))
            {
                lastReport = p.Elapsed;
                Console.Error.WriteLine(string.Create(Fr, $"… {p.Elapsed.TotalSeconds:0} s, {p.Solutions} solutions, objectif {p.Objective:N0}"));
            }
        });
        return new TourPlanner().Plan(problem, progress, cancellationToken);
    }

    internal static string Describe(TourPlan plan)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("Horaire du cycle :");
        foreach (var p in plan.Passages)
        {
            text.AppendLine(string.Create(Fr, $"  {p.Date.ToString("ddd d MMM yyyy", Fr),-16} car {p.Bus + 1}  {(p.HalfDay == HalfDay.Morning ? "matin     " : "après-midi")}  {p.Start:HH\\:mm}–{p.End:HH\\:mm}  {p.CommuneName}{(p.PlaceName == null ? "" : $", {p.PlaceName}")}{(p.Specialists.Count > 0 ? $" (avec {string.Join(", ", p.Specialists)})" : "")}"));
        }
        var f = plan.Figures;
        text.AppendLine();
        text.AppendLine(string.Create(Fr, $"Communes desservies : {f.CommunesServed} ({f.PassagesPerCycle} passages par cycle), {f.ResidentsServed:N0} habitants"));
        text.AppendLine(string.Create(Fr, $"Habitants isolés atteints : {f.IsolatedResidentsReached:P0}"));
        text.AppendLine(string.Create(Fr, $"Conduite par cycle : {f.DrivingMinutes / 60:0.0} h, {f.DrivingKilometres:N0} km"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Objectif : {plan.Objective}, borne : {plan.Bound}, écart : {plan.GapPercent:0.00} %, calcul : {plan.Elapsed.TotalSeconds:0.0} s{(plan.Interrupted ? " (interrompu : meilleur plan trouvé)" : "")}"));
        if (plan.LeftOut.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Communes non desservies :");
            foreach (var l in plan.LeftOut)
            {
                text.AppendLine(Fr, $"  {l.CommuneName} ({l.CommuneCode}) : {l.Reason}");
            }
        }
        return text.ToString();
    }

    /// <summary>Reads insee_code/code, name, population*, latitude, longitude by header name; a bad line is reported with its number.</summary>
    internal static List<CandidateCommune> ReadCommunes(TextReader reader, string fileName)
    {
        var rows = Csv.Read(reader).ToList();
        if (rows.Count == 0)
        {
            throw new FormatException($"{fileName} : fichier vide.");
        }
        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(params string[] names)
        {
            var index = header.FindIndex(h => names.Any(n => h == n || h.StartsWith(n + "_", StringComparison.Ordinal)));
            return index >= 0 ? index : throw new FormatException($"{fileName} : colonne « {names[0]} » absente de l'en-tête.");
        }
        var (code, name, population, latitude, longitude) = (Column("insee_code", "code"), Column("name", "nom"), Column("population"), Column("latitude"), Column("longitude"));
        var list = new List<CandidateCommune>();
        foreach (var row in rows.Skip(1).Where(r => r.Fields.Any(f => f.Length > 0)))
        {
            string Field(int i) => i < row.Fields.Count ? row.Fields[i].Trim() : "";
            if (!int.TryParse(Field(population), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pop) || pop < 0)
            {
                throw new FormatException($"{fileName}, ligne {row.LineNumber} : population « {Field(population)} » invalide.");
            }
            if (!double.TryParse(Field(latitude), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || !double.TryParse(Field(longitude), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                throw new FormatException($"{fileName}, ligne {row.LineNumber} : coordonnées « {Field(latitude)} ; {Field(longitude)} » invalides pour {Field(name)}.");
            }
            list.Add(new CandidateCommune(Field(code), Field(name), pop, new GeoPoint(lat, lon), $"Mairie de {Field(name)}"));
        }
        return list;
    }

    private static IEnumerable<string> Codes(string? text) => (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static DateOnly NextMonday(DateOnly today)
    {
        var date = today.AddDays(1);
        while (date.DayOfWeek != DayOfWeek.Monday)
        {
            date = date.AddDays(1);
        }
        return date;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
