using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Payroll;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Employers.Payslips;

/// <summary>
/// A monthly payslip as issued: the inputs given to the URSSAF's model (its situation, kept as sent), the model's
/// version, the main values rounded once to the cent and every line the model gives. Issued once per employee and
/// month; it is not recomputed afterwards (a later model would change an issued payslip).
/// </summary>
public sealed class Payslip
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FirmId { get; set; }
    public Guid EmployeeId { get; set; }
    public Guid ContractId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    /// <summary>The contract's gross for the month, before unpaid absences.</summary>
    public decimal ContractGross { get; set; }
    public decimal OvertimeHours { get; set; }
    public decimal UnpaidHours { get; set; }
    /// <summary>The base gross the model was given: the contract's, less the unpaid hours at the contract's hourly rate.</summary>
    public decimal BaseGross { get; set; }
    /// <summary>The overtime pay the model computed (hours × hourly rate, with the legal increase).</summary>
    public decimal OvertimePay { get; set; }
    /// <summary>The gross pay, as the model computed it (base and overtime).</summary>
    public decimal Gross { get; set; }
    public decimal NetBeforeTax { get; set; }
    public decimal NetSocial { get; set; }
    public decimal EmployeeContributions { get; set; }
    public decimal EmployerContributions { get; set; }
    public decimal TotalCost { get; set; }
    /// <summary>The general reduction of employer contributions (RGDU), when it applies.</summary>
    public decimal? Rgdu { get; set; }
    /// <summary>The taxable net, for the DSN.</summary>
    public decimal NetTaxable { get; set; }
    /// <summary>The SMIC for the month's working time the general reduction was computed on, for the DSN.</summary>
    public decimal? SmicReference { get; set; }
    /// <summary>The withholding tax's rate in %, whether personalised (the DGFiP's) or the neutral grid's, and its amount.</summary>
    public decimal TaxRate { get; set; }
    public bool TaxRatePersonalised { get; set; }
    public decimal Tax { get; set; }
    /// <summary>What the employee is paid: net before tax less the withholding tax.</summary>
    public decimal NetPaid { get; set; }
    public required string ModelVersion { get; set; }
    /// <summary>The situation sent to the model (its keys and expressions), as JSON.</summary>
    public required string SituationJson { get; set; }
    /// <summary>The lines of the payslip as the model gave them (<see cref="PayslipLine"/>), as JSON.</summary>
    public required string LinesJson { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public Guid IssuedBy { get; set; }
}

internal sealed class PayslipConfiguration : IEntityTypeConfiguration<Payslip>
{
    public void Configure(EntityTypeBuilder<Payslip> b)
    {
        b.ToTable("employers_payslips");
        b.HasIndex(p => new { p.EmployeeId, p.Year, p.Month }).IsUnique();
        b.HasIndex(p => new { p.FirmId, p.Year, p.Month });
        foreach (var amount in new[] { nameof(Payslip.ContractGross), nameof(Payslip.BaseGross), nameof(Payslip.OvertimePay), nameof(Payslip.Gross), nameof(Payslip.NetBeforeTax), nameof(Payslip.NetSocial),
            nameof(Payslip.EmployeeContributions), nameof(Payslip.EmployerContributions), nameof(Payslip.TotalCost), nameof(Payslip.Rgdu), nameof(Payslip.NetTaxable), nameof(Payslip.SmicReference), nameof(Payslip.Tax), nameof(Payslip.NetPaid) })
        {
            b.Property(amount).HasPrecision(10, 2);
        }
        b.Property(p => p.TaxRate).HasPrecision(5, 2);
        b.Property(p => p.OvertimeHours).HasPrecision(6, 2);
        b.Property(p => p.UnpaidHours).HasPrecision(6, 2);
        b.Property(p => p.ModelVersion).HasMaxLength(50);
        b.HasOne<Firm>().WithMany().HasForeignKey(p => p.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(p => p.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EmploymentContract>().WithMany().HasForeignKey(p => p.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(p => p.IssuedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>What a payslip shows, from a computed preview or an issued payslip.</summary>
public sealed record PayslipView(
    IReadOnlyList<PayslipLine> Lines, decimal ContractGross, decimal OvertimeHours, decimal UnpaidHours, decimal BaseGross, decimal OvertimePay, decimal Gross, decimal EmployeeContributions,
    decimal EmployerContributions, decimal NetBeforeTax, decimal NetSocial, decimal TotalCost, decimal? Rgdu, string ModelVersion,
    decimal NetTaxable, decimal TaxRate, bool TaxRatePersonalised, decimal Tax, decimal NetPaid)
{
    public static PayslipView Of(ComputedPayslip p, MonthInputs inputs) => new(p.Lines, p.ContractGross, inputs.OvertimeHours, inputs.UnpaidHours, p.BaseGross, p.OvertimePay, p.Gross,
        p.EmployeeContributions, p.EmployerContributions, p.NetBeforeTax, p.NetSocial, p.TotalCost, p.Rgdu, p.ModelVersion,
        p.NetTaxable, p.Tax?.Rate ?? 0, p.Tax?.Personalised ?? false, p.Tax?.Amount ?? 0, p.NetPaid);

    public static PayslipView Of(Payslip p) => new(
        System.Text.Json.JsonSerializer.Deserialize<List<PayslipLine>>(p.LinesJson) ?? [], p.ContractGross, p.OvertimeHours, p.UnpaidHours, p.BaseGross, p.OvertimePay, p.Gross,
        p.EmployeeContributions, p.EmployerContributions, p.NetBeforeTax, p.NetSocial, p.TotalCost, p.Rgdu, p.ModelVersion,
        p.NetTaxable, p.TaxRate, p.TaxRatePersonalised, p.Tax, p.NetPaid);
}
