using CarteBlanche.Employers.Staff;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Employers.Career;

/// <summary>A training the employee followed (or is following): what, with whom, when, how long.</summary>
public sealed class Training
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FirmId { get; set; }
    public Guid EmployeeId { get; set; }
    public required string Title { get; set; }
    public string? Provider { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly? End { get; set; }
    public decimal? Hours { get; set; }
    /// <summary>Whether it gives a certification (a diploma, a title, a CQP): the recap interview checks for one.</summary>
    public bool Certifying { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedBy { get; set; }
}

public enum MedicalVisitKind
{
    /// <summary>Visite d'information et de prévention (R4624-10): within 3 months of taking up the job, then at most every 5 years.</summary>
    InformationPrevention,
    /// <summary>Examen médical d'aptitude of the reinforced follow-up (R4624-24): before hiring, then at most every 4 years, a visit in between at 2 years.</summary>
    ReinforcedAptitude,
    /// <summary>Visite de mi-carrière (L4624-2-2): in the calendar year of the 45th birthday, failing a branch agreement.</summary>
    MidCareer,
    /// <summary>Visite de reprise (R4624-31): after a long absence; recorded, no periodic due date.</summary>
    ReturnToWork,
}

/// <summary>A visit to the occupational health service: its kind and date (what the doctor said stays with the health service).</summary>
public sealed class MedicalVisit
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FirmId { get; set; }
    public Guid EmployeeId { get; set; }
    public MedicalVisitKind Kind { get; set; }
    public DateOnly HeldOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedBy { get; set; }
}

internal sealed class CareerRecordsConfiguration : IEntityTypeConfiguration<Training>, IEntityTypeConfiguration<MedicalVisit>
{
    public void Configure(EntityTypeBuilder<Training> b)
    {
        b.ToTable("employers_trainings");
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.Provider).HasMaxLength(200);
        b.Property(t => t.Hours).HasPrecision(6, 2);
        b.HasIndex(t => t.EmployeeId);
        b.HasOne<Employee>().WithMany().HasForeignKey(t => t.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Firms.Firm>().WithMany().HasForeignKey(t => t.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(t => t.RecordedBy).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<MedicalVisit> b)
    {
        b.ToTable("employers_medical_visits");
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(v => v.EmployeeId);
        b.HasOne<Employee>().WithMany().HasForeignKey(v => v.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Firms.Firm>().WithMany().HasForeignKey(v => v.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(v => v.RecordedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A medical visit due, and the rule it comes from.</summary>
public sealed record VisitDue(MedicalVisitKind Kind, DateOnly Due, string Rule);

/// <summary>
/// When the occupational health visits are due (labour code, R4624-10 to R4624-28, L4624-2-2). A firm asks its health
/// service for them; these dates are the latest the law allows, for the reminders. An employee is under the reinforced
/// follow-up (dangerous work) when an aptitude examination was recorded for them; otherwise, the ordinary one. Night
/// workers, under-18s and disabled workers have shorter periods set by the doctor: not modelled, say so to the firm.
/// </summary>
public static class MedicalVisitRules
{
    public static IReadOnlyList<VisitDue> Due(DateOnly hiredOn, DateOnly? birthDate, IReadOnlyCollection<MedicalVisit> visits)
    {
        var due = new List<VisitDue>();
        DateOnly? Last(MedicalVisitKind kind) => visits.Where(v => v.Kind == kind).Select(v => (DateOnly?)v.HeldOn).Max();
        if (Last(MedicalVisitKind.ReinforcedAptitude) is { } aptitude)
        {
            // R4624-28: renewed at most every 4 years, with a visit by a health professional at most 2 years after.
            var intermediateDone = visits.Any(v => v.Kind == MedicalVisitKind.InformationPrevention && v.HeldOn > aptitude);
            due.Add(intermediateDone
                ? new(MedicalVisitKind.ReinforcedAptitude, aptitude.AddYears(4), "examen d'aptitude renouvelé au plus tard 4 ans après le dernier (suivi renforcé, art. R4624-28)")
                : new(MedicalVisitKind.InformationPrevention, aptitude.AddYears(2), "visite intermédiaire au plus tard 2 ans après l'examen d'aptitude (suivi renforcé, art. R4624-28)"));
        }
        else if (Last(MedicalVisitKind.InformationPrevention) is { } vip)
        {
            due.Add(new(MedicalVisitKind.InformationPrevention, vip.AddYears(5), "au plus tard 5 ans après la dernière visite d'information et de prévention (art. R4624-16)"));
        }
        else
        {
            due.Add(new(MedicalVisitKind.InformationPrevention, hiredOn.AddMonths(3), "dans les 3 mois qui suivent la prise de poste (art. R4624-10)"));
        }
        if (birthDate is { } birth && Last(MedicalVisitKind.MidCareer) == null)
        {
            var year45 = birth.Year + 45;
            var end = new DateOnly(year45, 12, 31);
            if (end >= hiredOn)
            {
                due.Add(new(MedicalVisitKind.MidCareer, end, $"dans l'année des 45 ans, {year45} (visite de mi-carrière, art. L4624-2-2, sauf accord de branche)"));
            }
        }
        return due;
    }
}
