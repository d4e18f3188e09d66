using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CarteBlanche.Benefits;
using CarteBlanche.Linkage;
using CarteBlanche.Platform.Database;
using CarteBlanche.Rights;
using CarteBlanche.Rights.Campaigns;
using CarteBlanche.Rights.Conventions;
using CarteBlanche.Rights.Exchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CarteBlanche.Cli;

internal static class RightsCommands
{
    public static Command Create()
    {
        var rights = new Command("rights", "Partage de données entre organismes : fichiers des organismes.");
        var file = new Argument<FileInfo>("fichier") { Description = "CSV (',' ou ';') ou JSON Lines au format de la convention (page « Transmettre un fichier »)." };
        var convention = new Option<string>("--convention") { Description = "Référence (CV-…) ou intitulé exact de la convention.", Required = true };
        var organisation = new Option<string>("--organisme") { Description = "Nom ou nom court de l'organisme qui envoie le fichier (CAF, CPAM…).", Required = true };
        var import = new Command("import", "Importe le fichier d'un organisme ; une seule erreur et rien n'est importé, les données précédentes restent.") { file, convention, organisation };
        import.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"Fichier introuvable : {path.FullName}");
                return 2;
            }
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CarteBlancheDbContext>();
            if (!await DatabaseGuard.EnsureMigratedAsync(db, cancellationToken))
            {
                return 2;
            }
            var found = await FindConventionAsync(db, parseResult.GetValue(convention)!, cancellationToken);
            if (found == null)
            {
                return 2;
            }
            var name = parseResult.GetValue(organisation)!.Trim();
            var operatorId = await db.Organisations.Where(o => o.Name == name || o.ShortName == name).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
            if (operatorId == null)
            {
                Console.Error.WriteLine($"--organisme : aucun organisme « {name} ».");
                return 2;
            }
            var watch = Stopwatch.StartNew();
            var last = -1;
            var progress = new Progress<double>(p =>
            {
                var percent = (int)(p * 100);
                if (percent / 10 != last / 10)
                {
                    last = percent;
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{percent} %"));
                }
            });
            await using var content = path.OpenRead();
            var result = await scope.ServiceProvider.GetRequiredService<OperatorImporter>().ImportAsync(found.Id, operatorId.Value, content, path.Name, null, progress, cancellationToken);
            if (result.Status != ImportStatus.Succeeded)
            {
                Console.Error.WriteLine($"{path.Name} : {result.ErrorCount} erreur(s), rien n'a été importé ; les données précédentes restent.");
                foreach (var error in (result.Errors ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    Console.Error.WriteLine($"{path.Name}, {error}");
                }
                return 1;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path.Name} : {result.Rows} personne(s) importée(s) en {watch.Elapsed.TotalSeconds:0.0} s ; elles remplacent les données précédentes de l'organisme."));
            return 0;
        });
        rights.Subcommands.Add(import);
        rights.Subcommands.Add(CampaignCommand());
        rights.Subcommands.Add(LotCommand());
        rights.Subcommands.Add(CampaignBenchCommand());
        return rights;
    }

    private static readonly Option<int> Households = new("--menages") { Description = "Nombre de ménages (le Lot en compte environ 90 000).", DefaultValueFactory = _ => 90_000 };
    private static readonly Option<int> Seed = new("--graine") { Description = "Graine : les mêmes arguments donnent les mêmes fichiers.", DefaultValueFactory = _ => 1 };
    private static readonly Option<string> MonthOption = new("--mois") { Description = "Mois de la campagne, AAAA-MM (par défaut le mois dernier).", DefaultValueFactory = _ => ParisMonth(-1) };

    private static string ParisMonth(int offset)
    {
        var today = Platform.Calendar.ParisClock.DayOf(DateTimeOffset.UtcNow);
        return Month.Of(today.Year, today.Month).AddMonths(offset).ToString();
    }

    /// <summary>carteblanche rights campaign: a non-take-up campaign over the operators' current data, with its timings (and its precision and recall against a synthetic Lot's truth).</summary>
    private static Command CampaignCommand()
    {
        var convention = new Option<string>("--convention") { Description = "Référence (CV-…) ou intitulé exact de la convention.", Required = true };
        var truthFile = new Option<FileInfo?>("--verite") { Description = "Fichier verite.csv d'un Lot de synthèse (carteblanche rights lot) : mesure précision et rappel." };
        var campaign = new Command("campaign", "Lance une campagne de non-recours sur les données actuelles des organismes de la convention : rapprochement, moteur de prestations, signalements.") { convention, MonthOption, truthFile };
        campaign.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!Month.TryParse(parseResult.GetValue(MonthOption)!, out var month))
            {
                Console.Error.WriteLine("--mois : AAAA-MM attendu.");
                return 2;
            }
            var truthPath = parseResult.GetValue(truthFile);
            if (truthPath is { Exists: false })
            {
                Console.Error.WriteLine($"Fichier introuvable : {truthPath.FullName}");
                return 2;
            }
            using var host = CliHost.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CarteBlancheDbContext>();
            if (!await DatabaseGuard.EnsureMigratedAsync(db, cancellationToken))
            {
                return 2;
            }
            var found = await FindConventionAsync(db, parseResult.GetValue(convention)!, cancellationToken);
            if (found == null)
            {
                return 2;
            }
            var runner = scope.ServiceProvider.GetRequiredService<CampaignRunner>();
            var watch = Stopwatch.StartNew();
            var (started, refusal) = await runner.StartAsync(found.Id, month, null, cancellationToken);
            if (started == null)
            {
                Console.Error.WriteLine(refusal);
                return 1;
            }
            var result = await runner.RunAsync(started.Id, truthPath == null ? null : SyntheticLotTruth.Read(truthPath.FullName), cancellationToken);
            if (result.Status != CampaignStatus.Succeeded)
            {
                Console.Error.WriteLine(result.Failure);
                return 1;
            }
            var signals = await db.Set<Signal>().Where(s => s.CampaignId == result.Id).GroupBy(s => s.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"records: {result.Records}, persons: {result.Persons}, households: {result.Households} ({result.HouseholdsAssessed} assessed), links to review: {result.LinksToReview}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"signals: {string.Join(", ", signals.Select(s => $"{s.Count} {s.Key}"))}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load_s: {result.LoadSeconds:0.00}, linkage_s: {result.LinkageSeconds:0.00}, engine_s: {result.EngineSeconds:0.00}, save_s: {result.SaveSeconds:0.00}, total_s: {watch.Elapsed.TotalSeconds:0.00}"));
            if (result.Precision != null)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision: {100 * result.Precision:0.00} %"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall: {100 * result.Recall:0.00} %"));
            }
            return 0;
        });
        return campaign;
    }

    private static async Task<Convention?> FindConventionAsync(CarteBlancheDbContext db, string asked, CancellationToken cancellationToken)
    {
        asked = asked.Trim();
        var conventions = await db.Set<Convention>().AsNoTracking().IgnoreAutoIncludes().ToListAsync(cancellationToken);
        var found = conventions.SingleOrDefault(c => c.Reference.Equals(asked, StringComparison.OrdinalIgnoreCase) || c.Title == asked);
        if (found == null)
        {
            Console.Error.WriteLine($"--convention : aucune convention « {asked} ». Conventions : {string.Join(" ; ", conventions.Select(c => $"{c.Reference} {c.Title}"))}");
        }
        return found;
    }

    /// <summary>carteblanche rights lot: writes the synthetic Lot's three operators' files and the truth file.</summary>
    private static Command LotCommand()
    {
        var directory = new Option<DirectoryInfo>("--dossier") { Description = "Dossier où écrire caf.csv, france-travail.csv, cpam.csv et verite.csv.", Required = true };
        var lot = new Command("lot", "Écrit les fichiers synthétiques de la CAF, de France Travail et de la CPAM d'un Lot de synthèse (non-recours planté par le synthétiseur du moteur de prestations), et le fichier de vérité.") { Households, Seed, MonthOption, directory };
        lot.SetAction(parse =>
        {
            if (!Month.TryParse(parse.GetValue(MonthOption)!, out var month) || parse.GetValue(Households) < 1)
            {
                Console.Error.WriteLine("--mois : AAAA-MM attendu ; --menages : au moins 1.");
                return 2;
            }
            var watch = Stopwatch.StartNew();
            var files = SyntheticLot.Write(parse.GetValue(directory)!.FullName, parse.GetValue(Households), parse.GetValue(Seed), month);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files.Households} ménages, {files.Persons} personnes, {files.PlantedNonTakeUp} non-recours plantés (RSA, prime d'activité, CSS), {files.PlantedAnomalies} anomalies CSS, en {watch.Elapsed.TotalSeconds:0.0} s :"));
            foreach (var path in new[] { files.Caf, files.FranceTravail, files.Cpam, files.Truth })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {path} ({new FileInfo(path).Length / 1_000_000.0:0.0} Mo)"));
            }
            return 0;
        });
        return lot;
    }

    /// <summary>carteblanche rights campaign-bench: the synthetic Lot read, linked and assessed in memory (no database), with precision and recall.</summary>
    private static Command CampaignBenchCommand()
    {
        var bench = new Command("campaign-bench", "Mesure une campagne de non-recours en mémoire sur un Lot de synthèse : lecture des trois fichiers, rapprochement, moteur de prestations, précision et rappel sur le non-recours planté.") { Households, Seed, MonthOption };
        bench.SetAction((parse, cancellationToken) =>
        {
            if (!Month.TryParse(parse.GetValue(MonthOption)!, out var month))
            {
                Console.Error.WriteLine("--mois : AAAA-MM attendu.");
                return Task.FromResult(2);
            }
            var directory = Directory.CreateTempSubdirectory("carteblanche-lot-");
            try
            {
                var watch = Stopwatch.StartNew();
                var files = SyntheticLot.Write(directory.FullName, parse.GetValue(Households), parse.GetValue(Seed), month);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate_s: {watch.Elapsed.TotalSeconds:0.00} ({files.Households} households, {files.Persons} persons)"));
                watch.Restart();
                var operators = new Dictionary<DemoOperator, Guid> { [DemoOperator.Caf] = Guid.NewGuid(), [DemoOperator.FranceTravail] = Guid.NewGuid(), [DemoOperator.Cpam] = Guid.NewGuid() };
                var dictionary = RightsDemoData.Dictionary(operators);
                var sources = new List<CampaignSource>();
                foreach (var (op, name, path) in new[] { (DemoOperator.Caf, "CAF", files.Caf), (DemoOperator.FranceTravail, "France Travail", files.FranceTravail), (DemoOperator.Cpam, "CPAM", files.Cpam) })
                {
                    var shared = dictionary.Where(a => a.OperatorId == operators[op]).ToList();
                    var file = new OperatorFile(shared);
                    using var reader = new StreamReader(path);
                    var records = file.Persons(reader, path, cancellationToken).Select(p => CampaignRecord.Of(p, p.Nir)).ToList();
                    if (file.ErrorCount > 0)
                    {
                        Console.Error.WriteLine($"{path} : {string.Join(" ; ", file.Errors.Take(5))}");
                        return Task.FromResult(1);
                    }
                    sources.Add(new CampaignSource(operators[op], name, shared.Select(a => a.Code).ToHashSet(), records));
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read_s: {watch.Elapsed.TotalSeconds:0.00} ({string.Join(" + ", sources.Select(s => $"{s.Records.Count} {s.Name}"))})"));
                watch.Restart();
                var result = NonTakeUpDetector.Detect(sources, month, new LinkageSettings(), null, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"detect_s: {watch.Elapsed.TotalSeconds:0.00} (linkage {result.LinkageTime.TotalSeconds:0.00}, engine {result.ComputeTime.TotalSeconds:0.00})"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"households: {result.Households.Count} ({result.Households.Count(h => h.Assessed)} assessed)"));
                foreach (var reason in result.Households.Where(h => !h.Assessed).GroupBy(h => h.NotAssessedReason![..Math.Min(40, h.NotAssessedReason!.Length)]))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  not assessed: {reason.Count()} {reason.Key}"));
                }
                var truth = SyntheticLotTruth.Read(files.Truth);
                var quality = truth.Evaluate(result.Signals.Select(s => ((IReadOnlyList<string>)result.Households[s.Household].Persons.SelectMany(p => p).Select(r => sources[r.Source].Records[r.Record].SourceId).ToList(), s.Benefit, s.Kind)));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"signals: {result.Signals.Count(s => s.Kind == SignalKind.NonTakeUp)} non-take-up ({result.Signals.Count(s => s.Certainty == Certainty.Characterised && s.Kind == SignalKind.NonTakeUp)} characterised), {result.Signals.Count(s => s.Kind == SignalKind.Anomaly)} anomalies"));
                foreach (var (benefit, (planted, signals, correct)) in quality.ByBenefit)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {benefit}: planted {planted}, signals {signals}, correct {correct}"));
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"anomalies: planted {quality.AnomaliesPlanted}, found {quality.AnomaliesFound}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision: {100 * quality.Precision:0.00} %"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall: {100 * quality.Recall:0.00} %"));
                return Task.FromResult(0);
            }
            finally
            {
                directory.Delete(recursive: true);
            }
        });
        return bench;
    }
}
