using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CarteBlanche.Benefits;

namespace CarteBlanche.Cli;

/// <summary>carteblanche benefits calculate|explain|test|synthesize|bench: the benefits engine (CarteBlanche.Benefits). Needs no database.</summary>
public static class BenefitsCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var benefits = new Command("benefits", "Droits et montants : RSA, prime d'activité, complémentaire santé solidaire, AAH, ASPA (formats OpenFisca).");

        var situationFile = new Argument<FileInfo>("situation") { Description = "Situation OpenFisca (JSON de l'API /calculate)." };
        var calculate = new Command("calculate", "Complète une situation OpenFisca : chaque null calculable est rempli.") { situationFile };
        calculate.SetAction(async (parse, cancellationToken) =>
        {
            var (root, error) = await ReadJsonAsync(parse.GetValue(situationFile)!, cancellationToken);
            if (root == null)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }
            try
            {
                var result = Calculator.Calculate(root, parse.GetValue(situationFile)!.Name);
                foreach (var warning in result.Warnings)
                {
                    await Console.Error.WriteLineAsync("Avertissement : " + warning);
                }
                foreach (var missing in result.NotImplemented)
                {
                    await Console.Error.WriteLineAsync("Non implémentée : " + missing);
                }
                Console.WriteLine(result.Situation.ToJsonString(Indented));
                return result.NotImplemented.Count > 0 ? 3 : 0;
            }
            catch (Exception ex) when (ex is SituationException or MissingParameterException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }
        });

        var explainFile = new Argument<FileInfo>("situation") { Description = "Situation OpenFisca (JSON)." };
        var variable = new Option<string>("--variable") { Description = "Variable à expliquer (rsa, ppa, cmu_c, aah, aspa…).", Required = true };
        var period = new Option<string>("--period") { Description = "Mois (2025-06).", Required = true };
        var entity = new Option<string?>("--entity") { Description = "Identifiant de la famille ou de la personne (par défaut la première)." };
        var json = new Option<bool>("--json") { Description = "Sortie JSON." };
        var explain = new Command("explain", "Explique en français le calcul d'une variable : règles, paramètres datés, ressources, montants intermédiaires.") { explainFile, variable, period, entity, json };
        explain.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(explainFile)!;
            var (root, error) = await ReadJsonAsync(file, cancellationToken);
            if (root == null)
            {
                await Console.Error.WriteLineAsync(error);
                return 2;
            }
            if (!Period.TryParse(parse.GetValue(period), out var p) || p.Months != 1)
            {
                await Console.Error.WriteLineAsync($"--period : « {parse.GetValue(period)} » n'est pas un mois aaaa-mm.");
                return 2;
            }
            try
            {
                var (explanation, value, id) = Calculator.Explain(root, file.Name, parse.GetValue(variable)!, p, parse.GetValue(entity));
                Console.WriteLine(parse.GetValue(json) ? ExplanationJson(parse.GetValue(variable)!, p, id, value, explanation).ToJsonString(Indented) : ExplanationText(parse.GetValue(variable)!, p, id, value, explanation));
                return 0;
            }
            catch (Exception ex) when (ex is SituationException or MissingParameterException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 2;
            }
        });

        var paths = new Argument<string[]>("chemins") { Description = "Fichiers ou dossiers de tests YAML OpenFisca.", Arity = ArgumentArity.OneOrMore };
        var verbose = new Option<bool>("--verbose") { Description = "Affiche aussi les tests ignorés." };
        var test = new Command("test", "Exécute des tests YAML au format OpenFisca ; dernière ligne : N passed, N failed, N skipped.") { paths, verbose };
        test.SetAction(parse =>
        {
            YamlTestReport report;
            try
            {
                report = YamlTests.Run(parse.GetValue(paths)!);
            }
            catch (FileNotFoundException ex)
            {
                Console.Error.WriteLine(ex.Message);
                Console.WriteLine("0 passed, 1 failed, 0 skipped");
                return 1;
            }
            foreach (var failure in report.Failures)
            {
                Console.WriteLine($"ÉCHEC {failure.File} « {failure.Test} » : {failure.Message}");
            }
            foreach (var warning in report.Warnings)
            {
                Console.Error.WriteLine("Avertissement : " + warning);
            }
            if (parse.GetValue(verbose))
            {
                foreach (var skip in report.Skips)
                {
                    Console.WriteLine("IGNORÉ " + skip);
                }
            }
            Console.WriteLine($"{report.Passed} passed, {report.Failed} failed, {report.Skipped} skipped");
            return report.Failed > 0 ? 1 : 0;
        });

        benefits.Subcommands.Add(calculate);
        benefits.Subcommands.Add(explain);
        benefits.Subcommands.Add(test);
        AddBatchCommands(benefits);
        return benefits;
    }

    private static async Task<(JsonObject? Root, string Error)> ReadJsonAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            return (null, $"Fichier introuvable : {file.FullName}");
        }
        try
        {
            await using var stream = file.OpenRead();
            using var content = new MemoryStream();
            await stream.CopyToAsync(content, cancellationToken);
            content.Position = 0;
            return (Calculator.Read(content, file.Name), "");
        }
        catch (SituationException ex)
        {
            return (null, ex.Message);
        }
    }

    private static string ExplanationText(string variable, Period period, string id, JsonNode? value, Explanation explanation)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{variable} pour {(id.StartsWith('_') ? id[1..] : id)}, {period} : {Value(value)}");
        text.AppendLine();
        foreach (var step in explanation.Steps)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {step.Text}");
        }
        text.AppendLine();
        text.AppendLine("Paramètres utilisés :");
        foreach (var p in explanation.Parameters)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {p.Description} ({p.Name}) : {Explanation.Number(p.Value)}{(p.Unit is null or "" ? "" : " " + p.Unit)}, en vigueur depuis le {(p.Since.Day == 1 ? "1er " + p.Since.ToString("MMMM yyyy", Explanation.Fr) : p.Since.ToString("d MMMM yyyy", Explanation.Fr))} — {p.Reference}");
        }
        return text.ToString();
    }

    private static string Value(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<double>(out var d) ? Explanation.Euros(d) : value?.ToJsonString() ?? "null";

    private static JsonObject ExplanationJson(string variable, Period period, string id, JsonNode? value, Explanation explanation) => new()
    {
        ["variable"] = variable,
        ["periode"] = period.ToString(),
        ["entite"] = id.StartsWith('_') ? id[1..] : id,
        ["valeur"] = value?.DeepClone(),
        ["etapes"] = new JsonArray(explanation.Steps.Select(s => (JsonNode)new JsonObject { ["variable"] = s.Variable, ["valeur"] = s.Value, ["explication"] = s.Text }).ToArray()),
        ["parametres"] = new JsonArray(explanation.Parameters.Select(p => (JsonNode)new JsonObject
        {
            ["nom"] = p.Name,
            ["valeur"] = p.Value,
            ["depuis"] = p.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["description"] = p.Description,
            ["reference"] = p.Reference,
        }).ToArray()),
    };

    private static void AddBatchCommands(Command benefits)
    {
        var households = new Option<int>("--households") { Description = "Nombre de ménages.", DefaultValueFactory = _ => 90_000 };
        var seed = new Option<int>("--seed") { Description = "Graine.", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo>("--out") { Description = "Fichier à écrire (JSON Lines : un ménage par ligne).", Required = true };
        var reference = new Option<string>("--month") { Description = "Mois de référence des droits (aaaa-mm).", DefaultValueFactory = _ => "2026-06" };
        var synthesize = new Command("synthesize", "Écrit une population synthétique réaliste, avec ses droits et le non-recours simulé (chiffres DREES).") { households, seed, output, reference };
        synthesize.SetAction(parse =>
        {
            if (!Month.TryParse(parse.GetValue(reference)!, out var month))
            {
                Console.Error.WriteLine($"--month : « {parse.GetValue(reference)} » n'est pas un mois aaaa-mm.");
                return 2;
            }
            var count = parse.GetValue(households);
            if (count < 1)
            {
                Console.Error.WriteLine("--households : au moins un ménage.");
                return 2;
            }
            var synthetic = Synthesizer.Synthesize(count, parse.GetValue(seed), month, threads: Environment.ProcessorCount);
            var file = parse.GetValue(output)!;
            // Written beside, then renamed: an interrupted run leaves no half-written file.
            var partial = file.FullName + ".partiel";
            using (var stream = File.Create(partial))
            {
                PopulationFile.Write(synthetic, stream);
            }
            File.Move(partial, file.FullName, overwrite: true);
            Console.WriteLine(Describe(synthetic));
            return 0;
        });

        var benchHouseholds = new Option<int>("--households") { Description = "Nombre de ménages.", DefaultValueFactory = _ => 90_000 };
        var benchSeed = new Option<int>("--seed") { Description = "Graine.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Fils de calcul (par défaut : tous les cœurs).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var only = new Option<string?>("--only") { Description = "Une seule prestation (rsa, ppa, css, aah, aspa), pour voir où va le temps." };
        var bench = new Command("bench", "Mesure RSA + prime d'activité + CSS sur une population synthétique : ménages-mois par seconde, un fil et tous les cœurs, et l'année du Lot (90 000 ménages).") { benchHouseholds, benchSeed, threads, only };
        bench.SetAction((parse, cancellationToken) =>
        {
            var benefit = parse.GetValue(only) switch
            {
                null => Benefit.Main,
                "rsa" => Benefit.Rsa,
                "ppa" => Benefit.Ppa,
                "css" => Benefit.Css,
                "aah" => Benefit.Aah,
                "aspa" => Benefit.Aspa,
                var other => Benefit.None,
            };
            if (benefit == Benefit.None)
            {
                Console.Error.WriteLine($"--only : « {parse.GetValue(only)} » n'est pas une prestation (rsa, ppa, css, aah, aspa).");
                return Task.FromResult(2);
            }
            return Task.FromResult(RunBench(parse.GetValue(benchHouseholds), parse.GetValue(benchSeed), parse.GetValue(threads), benefit, cancellationToken));
        });

        benefits.Subcommands.Add(synthesize);
        benefits.Subcommands.Add(bench);
    }

    private static string Describe(SyntheticPopulation synthetic)
    {
        var text = new System.Text.StringBuilder();
        var n = synthetic.Population.FamilyCount;
        text.AppendLine(CultureInfo.InvariantCulture, $"households: {n}");
        text.AppendLine(CultureInfo.InvariantCulture, $"persons: {synthetic.Population.PersonCount}");
        foreach (var (benefit, name) in new[] { (Benefit.Rsa, "rsa"), (Benefit.Ppa, "ppa"), (Benefit.Css, "css"), (Benefit.Aah, "aah"), (Benefit.Aspa, "aspa") })
        {
            var entitled = synthetic.Entitled.Count(e => (e & benefit) != 0);
            var receiving = synthetic.Receives.Count(e => (e & benefit) != 0);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{name}: entitled {entitled} ({100.0 * entitled / n:0.0} %), non-take-up {(entitled == 0 ? 0 : 100.0 * (entitled - receiving) / entitled):0.0} %"));
        }
        return text.ToString().TrimEnd();
    }

    private static int RunBench(int households, int seed, int threads, Benefit benefits, CancellationToken cancellationToken)
    {
        if (households < 1 || threads < 1)
        {
            Console.Error.WriteLine("--households et --threads : au moins 1.");
            return 2;
        }
        var year = Month.Of(2026, 1);
        var first = year.AddMonths(-(Synthesizer.HistoryMonths - 12));
        var watch = Stopwatch.StartNew();
        var pop = Synthesizer.Generate(households, seed, first, Synthesizer.HistoryMonths, out _);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate_s: {watch.Elapsed.TotalSeconds:0.000}"));
        // Warm-up (JIT, parameters) on a slice, then the measured runs: a year (12 months) for every household.
        Batch.Compute(pop, year, 12, benefits, threads: 1, cancellationToken: cancellationToken);
        double Measure(int t)
        {
            var best = double.MaxValue;
            for (var run = 0; run < 3; run++)
            {
                var w = Stopwatch.StartNew();
                Batch.Compute(pop, year, 12, benefits, threads: t, cancellationToken: cancellationToken);
                best = Math.Min(best, w.Elapsed.TotalSeconds);
            }
            return best;
        }
        var single = Measure(1);
        var all = Measure(Environment.ProcessorCount);
        var asked = threads == 1 ? single : threads == Environment.ProcessorCount ? all : Measure(threads);
        var householdMonths = households * 12.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"households: {households}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"household_months: {householdMonths:0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"year_s_1_thread: {single:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"year_s_{Environment.ProcessorCount}_threads: {all:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"household-months/s 1 thread: {householdMonths / single:0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"household-months/s {Environment.ProcessorCount} threads: {householdMonths / all:0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lot_year_s (90000 households, {threads} threads): {asked * 90_000 / households:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"household-months/s: {householdMonths / asked:0}"));
        return 0;
    }
}
