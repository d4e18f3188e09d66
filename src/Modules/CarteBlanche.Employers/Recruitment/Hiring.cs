using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Staff;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Employers.Recruitment;

/// <summary>
/// A hiring and its checklist. The DPAE (déclaration préalable à l'embauche, art. L1221-10 and R1221-1 of the labour
/// code) is recorded here with its legal fields, as sent: the product does not file it (net-entreprises.fr or the
/// URSSAF do), it keeps what was declared, when, and its receipt. It is due at the earliest 8 days before the hiring
/// and at the latest before the hiring's day and hour.
/// </summary>
public sealed class Hiring
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FirmId { get; set; }
    public Guid EmployeeId { get; set; }
    public Guid ContractId { get; set; }
    public Guid? CandidateId { get; set; }
    /// <summary>The day and hour the employee starts (Paris time): the DPAE's deadline.</summary>
    public DateOnly HireDate { get; set; }
    public TimeOnly HireTime { get; set; }

    public DateTime HireAt => HireDate.ToDateTime(HireTime);

    // The DPAE's fields (R1221-1), as declared.
    public required string EmployerName { get; set; }
    public required string EmployerSiret { get; set; }
    public required string EmployerNaf { get; set; }
    public string? EmployerAddress { get; set; }
    public string? EmployerPhone { get; set; }
    /// <summary>The occupational health service the firm belongs to.</summary>
    public required string HealthService { get; set; }
    public required string EmployeeLastName { get; set; }
    public required string EmployeeFirstNames { get; set; }
    /// <summary>« F » or « M », as the declaration asks.</summary>
    public required string EmployeeSex { get; set; }
    public DateOnly EmployeeBirthDate { get; set; }
    /// <summary>« Cahors (46) », or the country for a birth abroad.</summary>
    public required string EmployeeBirthPlace { get; set; }
    public ContractKind ContractKind { get; set; }
    public DateOnly? ContractEnd { get; set; }
    /// <summary>The trial period in words (« 2 mois »), none when empty.</summary>
    public string? TrialPeriod { get; set; }

    // The checklist: each step's day once done.
    public DateOnly? DpaeDeclaredOn { get; set; }
    /// <summary>The DPAE's receipt (accusé de réception) number.</summary>
    public string? DpaeReceipt { get; set; }
    public DateOnly? ContractSignedOn { get; set; }
    public DateOnly? RegisterEntryOn { get; set; }
    public DateOnly? HealthCoverOn { get; set; }
    public DateOnly? MedicalVisitOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }

    /// <summary>The DPAE may be sent from this day on (8 days before the hiring).</summary>
    public DateOnly DpaeEarliest => DateOnly.FromDateTime(HireAt).AddDays(-8);

    /// <summary>The information and prevention visit, within 3 months of the hiring (R4624-10).</summary>
    public DateOnly MedicalVisitDeadline => DateOnly.FromDateTime(HireAt).AddMonths(3);

    public bool DpaeDone => DpaeDeclaredOn != null && !string.IsNullOrWhiteSpace(DpaeReceipt);

    /// <summary>Everything the hiring asks is done: the DPAE, the signed contract, the staff register, the health cover, the visit.</summary>
    public bool Complete => DpaeDone && ContractSignedOn != null && RegisterEntryOn != null && HealthCoverOn != null && MedicalVisitOn != null;
}

internal sealed class HiringConfiguration : IEntityTypeConfiguration<Hiring>
{
    public void Configure(EntityTypeBuilder<Hiring> b)
    {
        b.ToTable("employers_hirings");
        b.Property(h => h.EmployerName).HasMaxLength(200);
        b.Property(h => h.EmployerSiret).HasMaxLength(14);
        b.Property(h => h.EmployerNaf).HasMaxLength(6);
        b.Property(h => h.EmployerAddress).HasMaxLength(400);
        b.Property(h => h.EmployerPhone).HasMaxLength(30);
        b.Property(h => h.HealthService).HasMaxLength(200);
        b.Property(h => h.EmployeeLastName).HasMaxLength(100);
        b.Property(h => h.EmployeeFirstNames).HasMaxLength(150);
        b.Property(h => h.EmployeeSex).HasMaxLength(1);
        b.Property(h => h.EmployeeBirthPlace).HasMaxLength(150);
        b.Property(h => h.ContractKind).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.TrialPeriod).HasMaxLength(100);
        b.Property(h => h.DpaeReceipt).HasMaxLength(50);
        b.HasIndex(h => h.FirmId);
        b.HasIndex(h => h.EmployeeId).IsUnique();
        b.HasOne<Firm>().WithMany().HasForeignKey(h => h.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(h => h.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EmploymentContract>().WithMany().HasForeignKey(h => h.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Candidate>().WithMany().HasForeignKey(h => h.CandidateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(h => h.CreatedBy).OnDelete(DeleteBehavior.Restrict);
    }
}
