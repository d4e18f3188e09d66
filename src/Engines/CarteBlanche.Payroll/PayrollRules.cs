namespace CarteBlanche.Payroll;

/// <summary>The model's rule names a payslip shows first (issue 17's), shared by the command line and the Employers module.</summary>
public static class PayrollRules
{
    public const string Net = "salarié . rémunération . net . à payer avant impôt";
    public const string NetSocial = "salarié . rémunération . montant net social";
    public const string EmployeeContributions = "salarié . cotisations . salarié";
    public const string EmployerContributions = "salarié . cotisations . employeur";
    public const string TotalCost = "salarié . coût total employeur";
    public const string Rgdu = "salarié . cotisations . exonérations . RGDU";
    public const string Gross = "salarié . rémunération . brut";
    public const string Overtime = "salarié . rémunération . heures supplémentaires";
    /// <summary>The taxable net (rémunération nette fiscale of the DSN).</summary>
    public const string NetTaxable = "salarié . rémunération . net . imposable";
    /// <summary>The SMIC for the month's working time, which the general reduction is computed on.</summary>
    public const string Smic = "salarié . temps de travail . SMIC";
    /// <summary>The withholding tax's neutral grid (metropolitan France), applied to <see cref="TaxableIncome"/> a month.</summary>
    public const string NeutralTaxRate = "impôt . taux neutre d'impôt sur le revenu";
    /// <summary>The base of the neutral grid: set to the month's taxable net (the model's own chain to it is experimental and answers 0).</summary>
    public const string TaxableIncome = "impôt . revenu imposable";

    /// <summary>Net before tax, employee and employer contributions, total cost, RGDU and net social.</summary>
    public static readonly IReadOnlyList<string> Main = [Net, EmployeeContributions, EmployerContributions, TotalCost, Rgdu, NetSocial];
}
