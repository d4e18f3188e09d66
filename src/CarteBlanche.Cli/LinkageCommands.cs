using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CarteBlanche.Linkage;

namespace CarteBlanche.Cli;

/// <summary>carteblanche linkage bench: the record linkage engine (CarteBlanche.Linkage) on synthetic files. Needs no database.</summary>
public static class LinkageCommands
{
    public static Command Create()
    {
        var linkage = new Command("linkage", "Rapprochement de personnes entre fichiers (CAF, France Travail, CPAM) : Fellegi–Sunter, EM, blocage.");
        var persons = new Option<int>("--persons") { Description = "Nombre de personnes de la population synthétique (chaque fichier en contient environ 85 %).", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "Graine.", DefaultValueFactory = _ => 1 };
        var sources = new Option<int>("--sources") { Description = "Nombre de fichiers (2 ou 3) ; à 3, les grappes sont aussi formées.", DefaultValueFactory = _ => 2 };
        var runs = new Option<int>("--runs") { Description = "Mesures de chaque temps (la meilleure est retenue).", DefaultValueFactory = _ => 1 };
        var accept = new Option<double>("--seuil") { Description = "Probabilité à partir de laquelle un lien est accepté (comme Rights:MatchThreshold).", DefaultValueFactory = _ => new LinkageSettings().MatchThreshold };
        var review = new Option<double>("--seuil-revue") { Description = "Probabilité à partir de laquelle un lien va en revue.", DefaultValueFactory = _ => new LinkageSettings().ReviewThreshold };
        var bench = new Command("bench", "Mesure le rapprochement de deux fichiers synthétiques bruités : paires candidates, comparaisons Jaro-Winkler par seconde, temps sur un fil et tous les cœurs, précision, rappel ; dernière ligne linkage_s.") { persons, seed, sources, runs, accept, review };
        bench.SetAction((parse, cancellationToken) => Task.FromResult(RunBench(parse.GetValue(persons), parse.GetValue(seed), parse.GetValue(sources), parse.GetValue(runs),
            parse.GetValue(accept), parse.GetValue(review), cancellationToken)));
        linkage.Subcommands.Add(bench);
        return linkage;
    }

    private static int RunBench(int persons, int seed, int sources, int runs, double accept, double review, CancellationToken cancellationToken)
    {
        if (persons < 1 || runs < 1 || sources is < 2 or > 3 || !LinkageSettings.ThresholdsAreValid(review, accept))
        {
            Console.Error.WriteLine("--persons et --runs : au moins 1 ; --sources : 2 ou 3 ; 0 < --seuil-revue ≤ --seuil ≤ 1.");
            return 2;
        }
        var watch = Stopwatch.StartNew();
        var data = SyntheticPopulation.Generate(persons, sources, seed, cancellationToken: cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate_s: {watch.Elapsed.TotalSeconds:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"records: {string.Join(" x ", data.Sources.Select(s => s.Count))}"));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"jaro_winkler_per_s_1_thread: {JaroWinklerPerSecond(data.Sources[0], data.Sources[1]):0}"));

        LinkResult? result = null;
        double Measure(int threads)
        {
            var best = double.MaxValue;
            for (var run = 0; run < runs; run++)
            {
                var w = Stopwatch.StartNew();
                result = Linker.Link(data.Sources[0], data.Sources[1], new LinkageSettings { MaxDegreeOfParallelism = threads, Seed = seed, MatchThreshold = accept, ReviewThreshold = review }, null, cancellationToken);
                best = Math.Min(best, w.Elapsed.TotalSeconds);
            }
            return best;
        }
        var single = Measure(1);
        var all = Environment.ProcessorCount == 1 ? single : Measure(Environment.ProcessorCount);
        var quality = data.Evaluate(result!, 0, 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"candidate_pairs: {result!.CandidatePairs}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"em_iterations: {result.Model.EmIterations} (prior {result.Model.Prior:0.00E+0})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"linkage_s_1_thread: {single:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"linkage_s_{Environment.ProcessorCount}_threads: {all:0.000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"true_pairs: {quality.TruePairs}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accepted_links: {quality.AcceptedLinks}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision: {100 * quality.Precision:0.000} %"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall: {100 * quality.Recall:0.000} %"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"review_links: {quality.ReviewLinks}"));
        if (sources == 3)
        {
            var w = Stopwatch.StartNew();
            var clusters = Linker.Cluster(data.Sources, new LinkageSettings { Seed = seed, MatchThreshold = accept, ReviewThreshold = review }, null, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cluster_s_{Environment.ProcessorCount}_threads: {w.Elapsed.TotalSeconds:0.000}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clusters_of_3: {clusters.Clusters.Count(c => c.Count == 3)}, refused_links: {clusters.RefusedLinks.Count}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"linkage_s: {all:0.000}"));
        return 0;
    }

    // Last names of records drawn at random from the two files, compared on one thread (the best of 3 passes).
    private static double JaroWinklerPerSecond(IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord> right)
    {
        const int pairs = 1 << 16;
        var random = new Random(7);
        var a = new string[pairs];
        var b = new string[pairs];
        for (var i = 0; i < pairs; i++)
        {
            a[i] = NameNormalizer.Compact(NameNormalizer.Normalize(left[random.Next(left.Count)].LastName));
            b[i] = NameNormalizer.Compact(NameNormalizer.Normalize(right[random.Next(right.Count)].LastName));
        }
        var best = 0.0;
        var sink = 0.0;
        for (var pass = 0; pass < 3; pass++)
        {
            var w = Stopwatch.StartNew();
            var count = 0;
            while (w.ElapsedMilliseconds < 500)
            {
                for (var i = 0; i < pairs; i++)
                {
                    sink += JaroWinkler.Similarity(a[i], b[i]);
                }
                count += pairs;
            }
            best = Math.Max(best, count / w.Elapsed.TotalSeconds);
        }
        return sink < 0 ? 0 : best;
    }
}
