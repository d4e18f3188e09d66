using System.Text;
using CarteBlanche.Platform.Territory;
using Xunit;
using Xunit.Abstractions;

namespace CarteBlanche.UnitTests.Fuzzing;

/// <summary>
/// The territory CSV as <c>territory import</c> reads it, seeded with the three communes of the importer's tests: every
/// file gives communes, or errors in French naming their line and column; what is accepted fits its columns.
/// </summary>
public sealed class CommuneCsvFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Tokens = ["\"", "\"\"", "2A004", "2B", "46 042", "4604", "-90.5", "180.0000001", "1e-400", "0x10", "CA du Grand Cahors", "200023737", "insee_code"];

    private static readonly byte[] Seed = Encoding.UTF8.GetBytes("""
        insee_code,name,population_2026,postal_code,epci_siren,epci_name,latitude,longitude
        46042,Cahors,20050,46000,200023737,CA du Grand Cahors,44.45072,1.44062
        46224,Pradines,3617,46090,200023737,CA du Grand Cahors,44.46473,1.38916
        46148,Lalbenque,1899,46230,244600532,CC du Pays de Lalbenque-Limogne,44.33321,1.56516

        """);

    [Fact]
    public void Mutated_commune_files_give_communes_or_french_errors_with_their_line_and_column()
    {
        var summary = Fuzz.Run("communes", Fuzz.Inputs(10_000), i =>
        {
            var mutator = new Mutator(3, i, Tokens);
            return (mutator.Mutate(Seed), mutator.Log);
        }, (_, bytes) =>
        {
            // As the command reads the file: UTF-8, a BOM recognised.
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
            var (communes, epcis, errors) = CommuneImporter.Parse(reader);
            if (errors.Count == 0)
            {
                return new FuzzOutcome(true, communes.Select(c => Fuzz.Unstorable(("insee_code", c.InseeCode, 5), ("name", c.Name, 200), ("name (folded)", c.SearchName, 200),
                        ("postal_code", c.PostalCode, 5), ("epci_siren", c.EpciSiren, 9)))
                    .Concat(epcis.Values.Select(e => Fuzz.Unstorable(("epci_name", e.Name, 200))))
                    .FirstOrDefault(p => p != null) ?? (communes.Count == 0 ? "accepted without a commune" : null));
            }
            return FuzzOutcome.Refused(errors.Select(Problem).FirstOrDefault(p => p != null));
        }, TimeSpan.FromSeconds(20));

        output.WriteLine($"Territory CSV: {summary}");
        summary.AssertNoProblem();
    }

    private static string? Problem(ImportError error) =>
        !Fuzz.IsFrench(error.Message) ? $"not in French: {error}"
        : error.Line <= 0 && error.Message is not ("le fichier est vide" or "le fichier ne contient aucune commune") ? $"without a line: {error}"
        : error.Line > 0 && error.Field.Length == 0 ? $"without a column: {error}"
        : null;
}
