using System.Text.Json;
using CarteBlanche.Employers.Declarations;
using CarteBlanche.Payroll;
using CarteBlanche.UnitTests.Payroll;
using Xunit;

namespace CarteBlanche.UnitTests.Employers;

public sealed class DsnRulesTests(PayrollModelFixture fixture) : IClassFixture<PayrollModelFixture>
{
    [Theory]
    [InlineData("Zoé d'Arbonnière-Lacaze", "ZOE D'ARBONNIERE-LACAZE")]
    [InlineData("  Œillet  et   Cœur ", "OEILLET ET COEUR")]
    [InlineData("Boulanger / pâtissier (H/F)", "BOULANGER PATISSIER H F")]
    public void Words_are_written_in_capitals_without_accents_or_signs_the_norm_refuses(string text, string written) => Assert.Equal(written, DsnFile.Text(text));

    [Theory]
    [InlineData("Saint-Cirq-Lapopie", "SAINT CIRQ LAPOPIE")]
    [InlineData("L'Hospitalet", "L HOSPITALET")]
    [InlineData("St. Géry", "ST GERY")]
    public void Localities_have_neither_apostrophe_nor_hyphen(string text, string written) => Assert.Equal(written, DsnFile.Locality(text));

    [Theory]
    [InlineData("2026-01-05", "2026-06-30", "02", 5)]
    [InlineData("2026-06-10", "2026-06-30", "01", 21)]
    [InlineData("2026-06-30", "2026-06-30", "01", 1)]
    [InlineData("2022-12-01", "2026-05-31", "02", 41)]
    public void Seniority_counts_whole_months_or_days_first_day_included_never_zero(string hired, string at, string unit, int value) =>
        Assert.Equal((unit, value), DsnFile.Seniority(DateOnly.Parse(hired, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(2000, 5)]
    [InlineData(5000, 5)]
    [InlineData(1900, 60)]
    public void The_dsn_contributions_of_a_payslip_add_up_to_the_models_totals_but_the_lines_left_to_the_firms_software(double gross, int headcount)
    {
        var situation = new Dictionary<string, JsonElement>
        {
            ["date"] = JsonSerializer.SerializeToElement("'01/06/2026'"),
            ["salarié . contrat"] = JsonSerializer.SerializeToElement("'CDI'"),
            ["salarié . contrat . salaire brut"] = JsonSerializer.SerializeToElement($"{gross} €/mois"),
            ["entreprise . salariés . effectif"] = JsonSerializer.SerializeToElement(headcount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        var result = fixture.Model.CalculatePayslip(situation, PayrollRules.Main);
        var (bases, notDeclared) = DsnContributions.From(result.Lines, (decimal)gross);
        var declared = bases.SelectMany(b => b.Contributions).Where(c => c.Code != "142").Sum(c => c.Amount);
        // The health cover (the insurer's) and, from 50 employees, the construction effort (PEEC) are left to the firm's software.
        string[] leftRules = ["salarié . cotisations . prévoyances . santé", "salarié . cotisations . PEEC"];
        var left = result.Lines.Where(l => leftRules.Contains(l.Rule)).Sum(l => PayrollModel.ToCents((l.EmployeeAmount ?? 0) + (l.EmployerAmount ?? 0)));
        var total = result.Values[PayrollRules.EmployeeContributions].Cents!.Value + result.Values[PayrollRules.EmployerContributions].Cents!.Value;
        Assert.True(Math.Abs(total - left - declared) <= 0.05m, $"declared {declared} + left {left} vs model {total}");
        Assert.Equal(headcount >= 50 ? 2 : 1, notDeclared.Count);
        Assert.Equal(headcount >= 50 ? ["03", "02", "04", "07", "13"] : ["03", "02", "04", "07"], bases.Select(b => b.Code));
        // One block 81 per code under a base.
        Assert.All(bases, b => Assert.Equal(b.Contributions.Count, b.Contributions.Select(c => c.Code).Distinct().Count()));
    }
}
