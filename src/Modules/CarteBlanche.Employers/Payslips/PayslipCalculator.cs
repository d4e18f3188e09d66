using System.Globalization;
using System.Text.Json;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Payroll;

namespace CarteBlanche.Employers.Payslips;

/// <summary>What an HR expert enters for a month besides the contract: overtime and unpaid hours.</summary>
public sealed record MonthInputs(int Year, int Month, decimal OvertimeHours, decimal UnpaidHours);

/// <summary>The withholding tax applied: the rate in %, whether the DGFiP's personalised one (else the neutral grid), and its amount.</summary>
public sealed record WithholdingTax(decimal Rate, bool Personalised, decimal Amount);

/// <summary>A payslip computed, not yet issued.</summary>
public sealed record ComputedPayslip(
    decimal ContractGross, decimal BaseGross, decimal OvertimePay, decimal Gross, decimal NetBeforeTax, decimal NetSocial, decimal EmployeeContributions, decimal EmployerContributions,
    decimal TotalCost, decimal? Rgdu, string ModelVersion, IReadOnlyDictionary<string, string> Situation, IReadOnlyList<PayslipLine> Lines,
    decimal NetTaxable = 0, decimal? SmicReference = null, WithholdingTax? Tax = null)
{
    /// <summary>What the employee is paid: the net before tax less the withholding tax.</summary>
    public decimal NetPaid => NetBeforeTax - (Tax?.Amount ?? 0);
}

/// <summary>
/// Turns a contract and a month into the URSSAF model's situation, and the model's answer into a payslip (ADR 0018).
/// The model loads on the first payslip (~1 s), once for the application.
/// </summary>
public sealed class PayslipCalculator(Lazy<PayrollModel> model)
{
    /// <summary>The main values, the gross and the overtime pay the model computed.</summary>
    private static readonly string[] Asked = [.. PayrollRules.Main, PayrollRules.Gross, PayrollRules.Overtime, PayrollRules.NetTaxable, PayrollRules.Smic];

    /// <summary>The months the model computes for (« du 01/01/2026 au 31/12/2026 »).</summary>
    public (DateOnly From, DateOnly To) ModelDates => (model.Value.From, model.Value.To);

    /// <summary>The gross paid for the month: the contract's, less unpaid hours at its hourly rate (gross / monthly hours), to the cent.</summary>
    public static decimal GrossFor(EmploymentContract contract, decimal unpaidHours) =>
        Math.Max(0m, contract.MonthlyGross - Math.Round(contract.MonthlyGross / contract.MonthlyHours * unpaidHours, 2, MidpointRounding.AwayFromZero));

    public static Dictionary<string, string> Situation(Firm firm, EmploymentContract contract, MonthInputs month)
    {
        var invariant = CultureInfo.InvariantCulture;
        var gross = GrossFor(contract, month.UnpaidHours);
        var situation = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["date"] = $"'01/{month.Month:00}/{month.Year}'",
            ["salarié . contrat"] = contract.Kind switch { ContractKind.Cdd => "'CDD'", ContractKind.Apprenticeship => "'apprentissage'", _ => "'CDI'" },
            ["salarié . contrat . salaire brut"] = string.Create(invariant, $"{gross:0.00} €/mois"),
            ["entreprise . salariés . effectif"] = firm.Headcount.ToString(invariant),
        };
        if (contract.Kind == ContractKind.Cdd)
        {
            // The model spreads a CDD's end-of-contract indemnity over the monthly salaries (its rule « indemnités CDD »
            // says so: a limitation of its engine); the law pays it with the last salary (art. L1243-8). Monthly payslips
            // leave it out; the end of the contract records it in the final settlement.
            situation["salarié . contrat . CDD . indemnité de fin de contrat"] = "non";
        }
        if (contract.IsPartTime)
        {
            situation["salarié . contrat . temps de travail . temps partiel"] = "oui";
            situation["salarié . contrat . temps de travail . temps partiel . heures par semaine"] = string.Create(invariant, $"{contract.WeeklyHours:0.##} heure/semaine");
        }
        if (month.OvertimeHours > 0)
        {
            situation["salarié . temps de travail . heures supplémentaires"] = string.Create(invariant, $"{month.OvertimeHours:0.##} heure/mois");
        }
        if (month.UnpaidHours > 0)
        {
            // An incomplete month: the reductions that depend on the SMIC are prorated on what a full month would have paid.
            situation["salarié . mois incomplet . rémunération équivalente mois complet"] = string.Create(invariant, $"{contract.MonthlyGross:0.00} €/mois");
        }
        return situation;
    }

    /// <summary>
    /// Computes the month's payslip; the model's refusals (a month outside its dates…) come as <see cref="PayrollInputException"/>.
    /// The withholding tax takes the DGFiP's personalised rate (in %) when given, the neutral grid otherwise.
    /// </summary>
    public ComputedPayslip Compute(Firm firm, EmploymentContract contract, MonthInputs month, decimal? personalisedTaxRate = null)
    {
        var situation = Situation(firm, contract, month);
        var json = situation.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value), StringComparer.Ordinal);
        var result = model.Value.CalculatePayslip(json, Asked);
        decimal Cents(string rule) => result.Values[rule].Cents ?? 0m;
        return new ComputedPayslip(
            contract.MonthlyGross, GrossFor(contract, month.UnpaidHours), Cents(PayrollRules.Overtime), Cents(PayrollRules.Gross), Cents(PayrollRules.Net), Cents(PayrollRules.NetSocial), Cents(PayrollRules.EmployeeContributions), Cents(PayrollRules.EmployerContributions),
            Cents(PayrollRules.TotalCost), result.Values[PayrollRules.Rgdu].Cents is { } rgdu && rgdu != 0 ? rgdu : null, model.Value.Version, situation, result.Lines,
            Cents(PayrollRules.NetTaxable), result.Values[PayrollRules.Smic].Cents, Withholding(situation, Cents(PayrollRules.NetTaxable), personalisedTaxRate));
    }

    /// <summary>
    /// The withholding tax (prélèvement à la source, art. 204 A and 204 H of the tax code): the taxable net times the
    /// DGFiP's personalised rate, or the model's neutral grid for that taxable net; rounded once, to the cent.
    /// </summary>
    private WithholdingTax Withholding(Dictionary<string, string> situation, decimal netTaxable, decimal? personalisedRate)
    {
        var rate = personalisedRate;
        if (rate == null)
        {
            var grid = situation.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value), StringComparer.Ordinal);
            grid[PayrollRules.TaxableIncome] = JsonSerializer.SerializeToElement(string.Create(CultureInfo.InvariantCulture, $"{netTaxable:0.00} €/mois"));
            rate = (decimal)(model.Value.Calculate(grid, [PayrollRules.NeutralTaxRate])[PayrollRules.NeutralTaxRate].Value ?? 0);
        }
        return new WithholdingTax(rate.Value, personalisedRate != null, Math.Round(netTaxable * rate.Value / 100m, 2, MidpointRounding.AwayFromZero));
    }
}
