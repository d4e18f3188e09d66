using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CarteBlanche.Payroll;

namespace CarteBlanche.Cli;

internal static class PayrollCommands
{
    private static readonly JsonSerializerOptions Output = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Line = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var payroll = new Command("payroll", "Paie sur le modèle officiel de l'URSSAF (modele-social, publicodes).");

        var file = new Argument<FileInfo>("situation") { Description = "Fichier JSON : un objet dont les clés sont celles du modèle (« salarié . contrat . salaire brut »: « 2000 €/mois »…)." };
        var rules = new Option<string[]>("--valeur") { Description = "Règle du modèle à calculer (plusieurs fois possible) ; par défaut net à payer avant impôt, cotisations salarié et employeur, coût total, RGDU, net social.", AllowMultipleArgumentsPerToken = true };
        var calculate = new Command("calculate", "Calcule les valeurs d'une situation avec le modèle de paie et les écrit en JSON (montants arrondis une fois au centime, au demi supérieur, et valeurs brutes du modèle).") { file, rules };
        calculate.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            Dictionary<string, JsonElement> situation;
            try
            {
                situation = PayrollModel.ReadSituation(File.ReadAllText(path.FullName));
            }
            catch (Exception e) when (e is PayrollInputException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"{path.Name} : {e.Message}");
                return 2;
            }
            using var model = PayrollModel.Load(maxEngines: 1);
            var asked = parse.GetValue(rules) is { Length: > 0 } given ? given : [.. PayrollRules.Main];
            try
            {
                var values = model.Calculate(situation, asked);
                var result = new JsonObject
                {
                    ["modèle"] = $"modele-social {model.Version}",
                    ["arrondi"] = "une fois, au centime, au demi supérieur (en valeur absolue)",
                    ["valeurs"] = new JsonObject(asked.Select(r => new KeyValuePair<string, JsonNode?>(r, new JsonObject
                    {
                        ["valeur"] = values[r].Cents is { } cents ? JsonValue.Create(cents) : null,
                        ["valeur du modèle"] = values[r].Value is { } raw ? JsonValue.Create(raw) : null,
                        ["unité"] = values[r].Unit,
                    }))),
                };
                Console.WriteLine(result.ToJsonString(Output));
                return 0;
            }
            catch (PayrollInputException e)
            {
                Console.Error.WriteLine($"{path.Name} : {e.Message}");
                return 1;
            }
        });
        payroll.Subcommands.Add(calculate);

        var count = new Option<int>("--bulletins") { Description = "Nombre de bulletins tirés au hasard.", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--graine") { Description = "Graine : les mêmes arguments donnent les mêmes bulletins.", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo?>("--sortie") { Description = "Écrit chaque situation et ses valeurs arrondies en JSON Lines (pour les comparer au modèle lancé dans Node : bench/payroll/compare.mjs)." };
        var bench = new Command("bench", "Mesure le calcul de bulletins tirés au hasard (brut de 1 000 à 6 000 €, temps partiel, heures supplémentaires, tailles d'entreprise) sur tous les cœurs.") { count, seed, output };
        bench.SetAction(parse =>
        {
            var random = new Random(parse.GetValue(seed));
            var situations = Enumerable.Range(0, parse.GetValue(count)).Select(_ => RandomSituation(random)).ToList();
            var watch = Stopwatch.StartNew();
            using var model = PayrollModel.Load();
            var results = new IReadOnlyDictionary<string, PayrollValue>[situations.Count];
            // Each engine loads the rules once (~1 s): counted, as a real run would. As many workers as engines: more
            // threads only queue on the engines, and a V8 engine entered from ever new threads is several times slower.
            Parallel.For(0, situations.Count, new ParallelOptions { MaxDegreeOfParallelism = model.MaxEngines }, i => results[i] = model.Calculate(situations[i], PayrollRules.Main));
            var seconds = watch.Elapsed.TotalSeconds;
            var invariant = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(invariant, $"payslips: {situations.Count}, cores: {Environment.ProcessorCount}, model: modele-social {model.Version}"));
            Console.WriteLine(string.Create(invariant, $"total_s: {seconds:0.00}, per_payslip_ms: {seconds * 1000 / situations.Count:0.0}"));
            if (parse.GetValue(output) is { } to)
            {
                using var writer = new StreamWriter(to.FullName);
                for (var i = 0; i < situations.Count; i++)
                {
                    writer.WriteLine(JsonSerializer.Serialize(new
                    {
                        situation = situations[i],
                        values = PayrollRules.Main.ToDictionary(r => r, r => results[i][r].Cents),
                    }, Line));
                }
            }
            return 0;
        });
        payroll.Subcommands.Add(bench);
        return payroll;
    }

    /// <summary>A monthly payslip of 2026: gross 1,000–6,000 €, CDI or CDD, a part time (12 to 34 h a week) one time in five, overtime one time in four, firms of 2 to 300.</summary>
    private static Dictionary<string, JsonElement> RandomSituation(Random random)
    {
        var situation = new Dictionary<string, object>
        {
            ["date"] = $"'01/{random.Next(1, 13):00}/2026'",
            ["salarié . contrat . salaire brut"] = string.Create(CultureInfo.InvariantCulture, $"{Math.Round(1000 + (random.NextDouble() * 5000), 2):0.00} €/mois"),
            ["salarié . contrat"] = random.Next(4) == 0 ? "'CDD'" : "'CDI'",
            ["entreprise . salariés . effectif"] = new[] { 2, 5, 10, 15, 49, 60, 250, 300 }[random.Next(8)],
        };
        if (random.Next(5) == 0)
        {
            situation["salarié . contrat . temps de travail . temps partiel"] = "oui";
            situation["salarié . contrat . temps de travail . temps partiel . heures par semaine"] = $"{random.Next(12, 35)} heure/semaine";
        }
        else if (random.Next(4) == 0)
        {
            situation["salarié . temps de travail . heures supplémentaires"] = $"{random.Next(1, 20)} heure/mois";
        }
        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(situation))!;
    }
}
