using System.Text.Json;
using CarteBlanche.Payroll;
using Xunit;

namespace CarteBlanche.UnitTests.Payroll;

/// <summary>Loads the URSSAF's model once for the class (~1 s).</summary>
public sealed class PayrollModelFixture : IDisposable
{
    public PayrollModel Model { get; } = PayrollModel.Load(maxEngines: 2);

    public void Dispose() => Model.Dispose();
}

/// <summary>The payroll engine: the URSSAF's own rules run in V8, the reference payslip, and the refusals.</summary>
public sealed class PayrollModelTests(PayrollModelFixture fixture) : IClassFixture<PayrollModelFixture>
{
    private const string Net = "salarié . rémunération . net . à payer avant impôt";
    private const string Employer = "salarié . cotisations . employeur";
    private const string Employee = "salarié . cotisations . salarié";
    private const string Rgdu = "salarié . cotisations . exonérations . RGDU";
    private const string TotalCost = "salarié . coût total employeur";

    private static Dictionary<string, JsonElement> Situation(string json) => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    private static Dictionary<string, JsonElement> Reference(string gross = "2000 €/mois", string date = "'05/06/2026'") => Situation($$"""
        { "date": "{{date}}", "salarié . contrat . salaire brut": "{{gross}}", "salarié . contrat": "'CDI'", "entreprise . salariés . effectif": 5 }
        """);

    [Fact]
    public void Two_thousand_euros_gross_in_a_small_firm_in_june_2026_gives_the_urssaf_figures_to_the_cent()
    {
        var values = fixture.Model.Calculate(Reference(), [Net, Employer, Rgdu, Employee, TotalCost]);
        Assert.Equal(1561.26m, values[Net].Cents);
        Assert.Equal(208.72m, values[Employer].Cents);
        Assert.Equal(669.20m, values[Rgdu].Cents);
        Assert.Equal(438.75m, values[Employee].Cents);
        Assert.Equal(2208.72m, values[TotalCost].Cents);
        Assert.Equal("€/mois", values[Net].Unit);
        Assert.Equal("11.1.0", fixture.Model.Version);
    }

    [Fact]
    public void The_payslip_lines_are_the_models_own_and_add_up_to_its_totals()
    {
        var result = fixture.Model.CalculatePayslip(Reference(), [Employee, Employer]);
        var lines = result.Lines;
        var main = lines.Where(l => !l.Detail).ToList();
        // Each side's lines add up to the model's total (to float precision: the sums are done in another order).
        Assert.Equal(result.Values[Employee].Value!.Value, main.Sum(l => l.EmployeeAmount ?? 0), 6);
        Assert.Equal(result.Values[Employer].Value!.Value, main.Sum(l => l.EmployerAmount ?? 0), 6);
        var plafonnee = Assert.Single(lines, l => l.Rule == "salarié . cotisations . vieillesse . plafonnée");
        Assert.Equal(("Retraite", 2000d, 6.9, 138d, 8.55, 171d), (plafonnee.Section, plafonnee.Base!.Value, plafonnee.EmployeeRate!.Value, plafonnee.EmployeeAmount!.Value, plafonnee.EmployerRate!.Value, plafonnee.EmployerAmount!.Value));
        var csg = Assert.Single(lines, l => l.Rule == "salarié . cotisations . CSG-CRDS . CSG . déductible");
        Assert.Equal(1985d, csg.Base!.Value, 6); // 98.25 % of the gross, plus the employer's share of the health cover
        // The RGDU is a part of the exemptions line, negative, shown as its detail.
        var rgdu = Assert.Single(lines, l => l.Rule.EndsWith("exonérations . RGDU", StringComparison.Ordinal));
        Assert.True(rgdu.Detail);
        Assert.Equal(-669.20m, PayrollModel.ToCents(rgdu.EmployerAmount!.Value));
        // Nothing to pay on either side (the APEC of a non-executive): left out.
        Assert.DoesNotContain(lines, l => l.Rule == "salarié . cotisations . APEC");
    }

    [Fact]
    public void The_model_gives_half_cents_which_are_rounded_once_half_away_from_zero()
    {
        var values = fixture.Model.Calculate(Reference(), [Net]);
        Assert.Equal(1561.255, values[Net].Value!.Value, 9); // the model's own value, unrounded
        Assert.Equal(1561.26m, PayrollModel.ToCents(1561.255));
        Assert.Equal(-1561.26m, PayrollModel.ToCents(-1561.255));
        Assert.Equal(111.48m, PayrollModel.ToCents(111.47500000000001));
        Assert.Equal(1561.25m, PayrollModel.ToCents(1561.2549));
    }

    [Fact]
    public void More_gross_pay_means_more_net_pay_and_a_higher_cost()
    {
        var low = fixture.Model.Calculate(Reference("2000 €/mois"), [Net, TotalCost]);
        var high = fixture.Model.Calculate(Reference("3000 €/mois"), [Net, TotalCost]);
        Assert.True(high[Net].Cents > low[Net].Cents);
        Assert.True(high[TotalCost].Cents > low[TotalCost].Cents);
    }

    [Fact]
    public void An_unknown_key_in_the_situation_is_refused_with_its_name()
    {
        var situation = Reference();
        situation["salarié . contrat . salaire brutt"] = JsonSerializer.SerializeToElement("2000 €/mois");
        var error = Assert.Throws<PayrollInputException>(() => fixture.Model.Calculate(situation, [Net]));
        Assert.Contains("« salarié . contrat . salaire brutt » n'existe pas dans le modèle de paie", error.Message);
    }

    [Fact]
    public void An_unknown_rule_asked_is_refused_with_its_name()
    {
        var error = Assert.Throws<PayrollInputException>(() => fixture.Model.Calculate(Reference(), [Net, "salarié . net magique"]));
        Assert.Contains("« salarié . net magique »", error.Message);
    }

    [Fact]
    public void A_month_outside_the_models_year_is_refused_with_the_range()
    {
        var error = Assert.Throws<PayrollInputException>(() => fixture.Model.Calculate(Reference(date: "'01/01/2027'"), [Net]));
        Assert.Contains("du 01/01/2026 au 31/12/2026", error.Message);
        Assert.Contains("01/01/2027", error.Message);
        var notADate = Assert.Throws<PayrollInputException>(() => fixture.Model.Calculate(Reference(date: "juin"), [Net]));
        Assert.Contains("« date » doit être une date", notADate.Message);
    }

    [Fact]
    public void An_expression_the_model_cannot_read_is_refused_in_french()
    {
        var error = Assert.Throws<PayrollInputException>(() => fixture.Model.Calculate(Reference("deux mille"), [Net]));
        Assert.StartsWith("Le modèle de paie refuse la situation", error.Message);
    }

    [Fact]
    public void Payslips_computed_at_once_on_several_engines_give_the_same_values_as_one_by_one()
    {
        var grosses = Enumerable.Range(0, 8).Select(i => $"{1800 + (i * 250)} €/mois").ToList();
        var oneByOne = grosses.Select(g => fixture.Model.Calculate(Reference(g), [Net])[Net].Cents).ToList();
        var atOnce = new decimal?[grosses.Count];
        Parallel.For(0, grosses.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => atOnce[i] = fixture.Model.Calculate(Reference(grosses[i]), [Net])[Net].Cents);
        Assert.Equal(oneByOne, atOnce);
    }

    [Fact]
    public void Half_a_character_in_a_value_is_refused_in_french()
    {
        // Fuzz input 4891 (Fuzzing/PayrollFuzzTests): « \ud800 » alone; System.Text.Json threw InvalidOperationException.
        var situation = PayrollModel.ReadSituation("""
            {
              "date": "'01/03/2026'",
              "salarié . contrat . salaire brut": "1412.50 €/mois",
              "salarié . contrat": "'CDD'",
              "entreprise . salariés . effectif": 60,
              "salarié . contrat . temps de travail . temps partiel": "oui",
              "salarié . contrat . temps de travail . temps partiel . heures par semaine": "\ud800"
            }
            """);

        var error = Assert.Throws<PayrollInputException>(() => fixture.Model.Calculate(situation, [Net]));

        Assert.Equal("Situation : la valeur de « salarié . contrat . temps de travail . temps partiel . heures par semaine » est illisible : un « \\u » n'y donne qu'une moitié de caractère.", error.Message);
    }
}
