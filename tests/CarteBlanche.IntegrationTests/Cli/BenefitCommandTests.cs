using CarteBlanche.IntegrationTests.Infrastructure;
using Xunit;

namespace CarteBlanche.IntegrationTests.Cli;

/// <summary>carteblanche benefits, as an agent or an analyst would run it on files.</summary>
public sealed class BenefitCommandTests
{
    private const string Situation = """
        {
          "individus": {
            "ana": { "date_naissance": { "ETERNITY": "1985-01-01" }, "salaire_net": { "2025-03": 500, "2025-04": 500, "2025-05": 500 } },
            "leo": { "date_naissance": { "ETERNITY": "2018-06-01" } }
          },
          "familles": { "f1": { "parents": ["ana"], "enfants": ["leo"], "aide_logement": { "2025-06": 300 }, "rsa": { "2025-06": null }, "af": { "2025-06": null } } },
          "menages": { "m1": { "personne_de_reference": ["ana"], "enfants": ["leo"], "statut_occupation_logement": { "2025-06": "locataire_vide" }, "couleur": { "2025-06": 1 } } }
        }
        """;

    [Fact]
    public async Task Calculate_fills_the_nulls_warns_of_unknown_inputs_and_reports_what_is_not_implemented()
    {
        using var database = TestDatabase.Sqlite();
        var file = Path.Combine(database.DataDirectory, "situation.json");
        await File.WriteAllTextAsync(file, Situation);

        var result = await CliRunner.RunAsync(database, "benefits", "calculate", file);

        Assert.Equal(3, result.ExitCode);
        // 646.52 × 1.5 − min(300, 646.52 × 1.5 × 0.16) − 500
        Assert.Contains("\"2025-06\": 314.6152", result.Output, StringComparison.Ordinal);
        Assert.Contains("Variable inconnue ignorée : « couleur »", result.Error, StringComparison.Ordinal);
        Assert.Contains("Non implémentée : af (familles.f1, 2025-06)", result.Error, StringComparison.Ordinal);

        var explained = await CliRunner.RunAsync(database, "benefits", "explain", file, "--variable", "rsa", "--period", "2025-06");
        Assert.Equal(0, explained.ExitCode);
        Assert.Contains("rsa pour f1, 2025-06 : 314,62 €", explained.Output, StringComparison.Ordinal);
        Assert.Contains("en vigueur depuis le 1er avril 2025", explained.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_named_with_its_line_and_nothing_is_printed_as_a_result()
    {
        using var database = TestDatabase.Sqlite();
        var file = Path.Combine(database.DataDirectory, "casse.json");
        await File.WriteAllTextAsync(file, "{\n  \"individus\": {\n    \"ana\": { \"salaire_net\": { \"2025-05\": 500 }\n}\n");

        var result = await CliRunner.RunAsync(database, "benefits", "calculate", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("casse.json : JSON illisible, ligne", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output.Trim());
    }

    [Fact]
    public async Task Synthesize_writes_a_whole_file_and_bench_ends_with_the_rate()
    {
        using var database = TestDatabase.Sqlite();
        var file = Path.Combine(database.DataDirectory, "population.jsonl");

        var written = await CliRunner.RunAsync(database, "benefits", "synthesize", "--households", "3000", "--seed", "2", "--out", file);
        Assert.Equal(0, written.ExitCode);
        Assert.Contains("households: 3000", written.Output, StringComparison.Ordinal);
        Assert.Equal(3001, File.ReadAllLines(file).Length);
        Assert.False(File.Exists(file + ".partiel"));

        var bench = await CliRunner.RunAsync(database, "benefits", "bench", "--households", "2000", "--threads", "1");
        Assert.Equal(0, bench.ExitCode);
        Assert.Matches(@"household-months/s: \d+\s*$", bench.Output);
    }
}
