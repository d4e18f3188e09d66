using System.Text;
using CarteBlanche.Benefits;
using CarteBlanche.Rights;
using CarteBlanche.Rights.Campaigns;
using CarteBlanche.Rights.Exchange;
using Xunit;
using Xunit.Abstractions;

namespace CarteBlanche.UnitTests.Fuzzing;

/// <summary>
/// The operators' files as <c>rights import</c> reads them (CSV with ',' or ';', JSON Lines), seeded with the first rows
/// of a small synthetic Lot's CAF, France Travail and CPAM files and a JSON Lines file: every file gives its persons,
/// or errors in French each with its line; what is accepted fits the columns it is stored in.
/// </summary>
public sealed class OperatorFileFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Tokens =
    [
        "\"", "\"\"", "\";\"", "null", "true", "{}", "[]", "\"\\u0000\"", "\"\\ud800\"", "\"\\udfff\\ud800\"", "1e999", "oui", "2A004", "99999",
        "2 84 12 46 042 015 55", "31/02/2020", "0001-01-01", "revenus_activite:2026-13", "revenus_activite:0000-01", "identifiant", "enfant",
    ];

    private static readonly Dictionary<DemoOperator, Guid> Operators = new() { [DemoOperator.Caf] = Guid.NewGuid(), [DemoOperator.FranceTravail] = Guid.NewGuid(), [DemoOperator.Cpam] = Guid.NewGuid() };

    /// <summary>Header and first rows of each operator's file of a synthetic Lot of a few households, and a JSON Lines file of the CAF.</summary>
    private static List<(DemoOperator Operator, string Name, byte[] Content)> Seeds()
    {
        var directory = Directory.CreateTempSubdirectory("lot-fuzz-");
        try
        {
            var files = SyntheticLot.Write(directory.FullName, 6, 1, Month.Of(2026, 6));
            var seeds = new[] { (DemoOperator.Caf, files.Caf), (DemoOperator.FranceTravail, files.FranceTravail), (DemoOperator.Cpam, files.Cpam) }
                .Select(x => (x.Item1, Path.GetFileName(x.Item2), Encoding.UTF8.GetBytes(string.Join('\n', File.ReadLines(x.Item2).Take(6)) + "\n"))).ToList();
            seeds.Add((DemoOperator.Caf, "caf.jsonl", Encoding.UTF8.GetBytes("""
                {"identifiant": "A1", "foyer": "F1", "role": "allocataire", "nir": "2 84 12 46 042 015 55", "nom_naissance": "Delmas", "nom_usage": "Roques", "prenoms": "Odette Marie", "sexe": "F", "date_naissance": "12/12/1984", "code_insee_naissance": "46042", "code_insee_commune": "46042", "rsa": true, "revenus_activite:2026-05": 812.4}
                {"identifiant": "A2", "foyer": "F1", "role": "enfant", "nom_naissance": "Roques", "prenoms": "Léo", "sexe": "M", "date_naissance": "2015-03-02", "code_insee_commune": "46042", "rsa": null}

                """)));
            return seeds;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Mutated_operator_files_give_persons_or_french_errors_with_their_line()
    {
        var seeds = Seeds();
        var dictionary = RightsDemoData.Dictionary(Operators);
        var shared = seeds.Select(s => s.Operator).Distinct().ToDictionary(o => o, o => dictionary.Where(a => a.OperatorId == Operators[o]).ToList());
        var summary = Fuzz.Run("operateurs", Fuzz.Inputs(10_000), i =>
        {
            var seed = seeds[i % seeds.Count];
            var mutator = new Mutator(2, i, Tokens);
            return (mutator.Mutate(seed.Content), $"{seed.Name}: {mutator.Log}");
        }, (i, bytes) =>
        {
            // As the importer reads it: UTF-8, a BOM recognised.
            var current = seeds[i % seeds.Count];
            var file = new OperatorFile(shared[current.Operator]);
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var problem = file.Persons(reader, current.Name).Select(Unstorable).FirstOrDefault(p => p != null);
            if (file.ErrorCount == 0)
            {
                return new FuzzOutcome(true, problem);
            }
            return FuzzOutcome.Refused(file.Errors.Count == 0 ? "errors counted but none listed" : file.Errors.Select(Problem).FirstOrDefault(p => p != null));
        }, TimeSpan.FromSeconds(20));

        output.WriteLine($"Operators' files: {summary}");
        summary.AssertNoProblem();
    }

    private static string? Problem(FileError error) =>
        !Fuzz.IsFrench(error.Message) ? $"not in French: {error}"
        : error.Line <= 0 && error.Message != "le fichier ne contient aucune personne" ? $"without a line: {error}"
        : null;

    /// <summary>What of an accepted person the rights_records table cannot hold (PostgreSQL's varchar(n), no NUL, valid UTF-16).</summary>
    private static string? Unstorable(SharedPerson p) =>
        Fuzz.Unstorable(("identifiant", p.SourceId, 60), ("foyer", p.HouseholdId, 60), ("nom_naissance", p.BirthName, 100), ("nom_usage", p.UsageName, 100),
            ("prenoms", p.FirstNames, 100), ("code_insee_naissance", p.BirthPlace, 5), ("code_insee_commune", p.Commune, 5));
}
