using CarteBlanche.Employers.Firms;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Employers.Staff;

/// <summary>Why a contract ended, as the France Travail certificate asks it.</summary>
public enum EndReason
{
    EndOfFixedTerm,
    Resignation,
    ConventionalTermination,
    Dismissal,
    TrialPeriodEndedByEmployer,
    TrialPeriodEndedByEmployee,
    Retirement,
    EndOfApprenticeship,
}

/// <summary>
/// The end of a contract, once: its last day, its reason, and what the final settlement paid. It sets the contract's
/// end and the staff register's exit date (the only thing added to a register line), and gives the end-of-contract
/// documents: the certificate of employment, the France Travail certificate's data, the final settlement receipt.
/// </summary>
public sealed class ContractEnd
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FirmId { get; set; }
    public Guid EmployeeId { get; set; }
    public Guid ContractId { get; set; }
    public DateOnly LastDay { get; set; }
    /// <summary>The contract's planned end before this one (a CDD ended early), kept for the record.</summary>
    public DateOnly? PlannedEnd { get; set; }
    public EndReason Reason { get; set; }
    /// <summary>The last month's salary paid with the settlement (gross), if any.</summary>
    public decimal FinalSalary { get; set; }
    /// <summary>Indemnité compensatrice de congés payés.</summary>
    public decimal PaidLeaveIndemnity { get; set; }
    /// <summary>Indemnité de fin de contrat (« précarité », 10 % of the CDD's gross pay, art. L1243-8).</summary>
    public decimal EndOfContractIndemnity { get; set; }
    /// <summary>Indemnité de licenciement or de rupture conventionnelle.</summary>
    public decimal SeveranceIndemnity { get; set; }
    /// <summary>Where the documents are made (« Fait à Cahors »).</summary>
    public required string Place { get; set; }
    public DateOnly DocumentsOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedBy { get; set; }

    public decimal SettlementTotal => FinalSalary + PaidLeaveIndemnity + EndOfContractIndemnity + SeveranceIndemnity;
}

internal sealed class ContractEndConfiguration : IEntityTypeConfiguration<ContractEnd>
{
    public void Configure(EntityTypeBuilder<ContractEnd> b)
    {
        b.ToTable("employers_contract_ends");
        b.HasIndex(e => e.ContractId).IsUnique();
        b.HasIndex(e => e.EmployeeId);
        b.Property(e => e.Reason).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.FinalSalary).HasPrecision(10, 2);
        b.Property(e => e.PaidLeaveIndemnity).HasPrecision(10, 2);
        b.Property(e => e.EndOfContractIndemnity).HasPrecision(10, 2);
        b.Property(e => e.SeveranceIndemnity).HasPrecision(10, 2);
        b.Property(e => e.Place).HasMaxLength(100);
        b.HasOne<Firm>().WithMany().HasForeignKey(e => e.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(e => e.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EmploymentContract>().WithMany().HasForeignKey(e => e.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(e => e.RecordedBy).OnDelete(DeleteBehavior.Restrict);
    }
}
