using System.Text.Json;
using CarteBlanche.IntegrationTests.Infrastructure;
using Xunit;

namespace CarteBlanche.IntegrationTests.Cli;

/// <summary>carteblanche payroll, as an HR expert or a developer would run it on a situation file.</summary>
public sealed class PayrollCommandTests
{
    private const string Reference = """
        {
          "date": "'01/06/2026'",
          "salarié . contrat . salaire brut": "2000 €/mois",
          "salarié . contrat": "'CDI'",
          "entreprise . salariés . effectif": 5
        }
        """;

    [Fact]
    public async Task Calculate_prints_the_reference_payslip_rounded_once_to_the_cent()
    {
        using var database = TestDatabase.Sqlite();
        var file = Path.Combine(database.DataDirectory, "situation.json");
        await File.WriteAllTextAsync(file, Reference);

        var result = await CliRunner.RunAsync(database, "payroll", "calculate", file);

        Assert.Equal(0, result.ExitCode);
        using var output = JsonDocument.Parse(result.Output);
        var values = output.RootElement.GetProperty("valeurs");
        Assert.Equal(1561.26m, values.GetProperty("salarié . rémunération . net . à payer avant impôt").GetProperty("valeur").GetDecimal());
        Assert.Equal(1561.255, values.GetProperty("salarié . rémunération . net . à payer avant impôt").GetProperty("valeur du modèle").GetDouble(), 9);
        Assert.Equal(208.72m, values.GetProperty("salarié . cotisations . employeur").GetProperty("valeur").GetDecimal());
        Assert.Equal(669.20m, values.GetProperty("salarié . cotisations . exonérations . RGDU").GetProperty("valeur").GetDecimal());
        Assert.Equal("modele-social 11.1.0", output.RootElement.GetProperty("modèle").GetString());
    }

    [Fact]
    public async Task An_unknown_key_a_month_out_of_range_and_broken_json_are_refused_in_french_with_nothing_printed()
    {
        using var database = TestDatabase.Sqlite();
        var unknown = Path.Combine(database.DataDirectory, "inconnue.json");
        await File.WriteAllTextAsync(unknown, Reference.Replace("salarié . contrat . salaire brut", "salaire brut", StringComparison.Ordinal));
        var late = Path.Combine(database.DataDirectory, "2027.json");
        await File.WriteAllTextAsync(late, Reference.Replace("01/06/2026", "01/06/2027", StringComparison.Ordinal));
        var broken = Path.Combine(database.DataDirectory, "casse.json");
        await File.WriteAllTextAsync(broken, "{\n  \"date\": \"'01/06/2026'\",\n  \"salarié . contrat\"\n}");

        var first = await CliRunner.RunAsync(database, "payroll", "calculate", unknown);
        var second = await CliRunner.RunAsync(database, "payroll", "calculate", late);
        var third = await CliRunner.RunAsync(database, "payroll", "calculate", broken);

        Assert.Equal(1, first.ExitCode);
        Assert.Contains("inconnue.json : Situation : « salaire brut » n'existe pas dans le modèle de paie (modele-social 11.1.0)", first.Error, StringComparison.Ordinal);
        Assert.Equal(1, second.ExitCode);
        Assert.Contains("calcule pour les dates du 01/01/2026 au 31/12/2026 ; « date » vaut 01/06/2027", second.Error, StringComparison.Ordinal);
        Assert.Equal(2, third.ExitCode);
        Assert.Contains("casse.json : JSON illisible (ligne", third.Error, StringComparison.Ordinal);
        Assert.All([first, second, third], r => Assert.Equal("", r.Output.Trim()));
    }

    [Fact]
    public async Task Bench_writes_each_random_payslip_with_its_values_for_the_comparison_in_node()
    {
        using var database = TestDatabase.Sqlite();
        var file = Path.Combine(database.DataDirectory, "bulletins.jsonl");

        var result = await CliRunner.RunAsync(database, "payroll", "bench", "--bulletins", "4", "--sortie", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("payslips: 4", result.Output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(4, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.True(first.RootElement.GetProperty("values").GetProperty("salarié . rémunération . net . à payer avant impôt").GetDecimal() > 0);
        Assert.StartsWith("'01/", first.RootElement.GetProperty("situation").GetProperty("date").GetString(), StringComparison.Ordinal);
    }
}
