using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Staff;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Employers.Recruitment;

public enum OfferStatus
{
    Draft,
    Published,
    Filled,
    Withdrawn,
}

/// <summary>What the offer asks of experience, as France Travail codes it: D (beginner accepted), S (desirable), E (required).</summary>
public enum ExperienceLevel
{
    Beginner,
    Desirable,
    Required,
}

/// <summary>
/// A job offer written from a firm's need, with the fields of France Travail's offers (API « Offres d'emploi v2 »):
/// title, ROME code, contract type and duration, working time, salary, place, experience, description.
/// </summary>
public sealed class JobOffer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FirmId { get; set; }
    /// <summary>« OE-2026-0001 », for the firm and the candidates.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }
    /// <summary>The ROME code of the trade: a letter and 4 digits, « D1102 ».</summary>
    public required string RomeCode { get; set; }
    public ContractKind ContractKind { get; set; }
    /// <summary>A CDD's or an apprenticeship's length in months.</summary>
    public int? DurationMonths { get; set; }
    public decimal WeeklyHours { get; set; } = EmploymentContract.FullTimeWeeklyHours;
    public decimal MonthlyGrossMin { get; set; }
    public decimal? MonthlyGrossMax { get; set; }
    public required string CommuneInseeCode { get; set; }
    public ExperienceLevel Experience { get; set; }
    /// <summary>Months of experience asked when it is desirable or required.</summary>
    public int? ExperienceMonths { get; set; }
    public required string Description { get; set; }
    public int Positions { get; set; } = 1;
    public OfferStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public Guid CreatedBy { get; set; }
}

/// <summary>Where a candidate stands: received, met in interview, selected, hired, or refused with the reason.</summary>
public enum CandidateStatus
{
    Received,
    Interview,
    Selected,
    Hired,
    Refused,
}

/// <summary>A person who applied to an offer, and their way through the pipeline.</summary>
public sealed class Candidate
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OfferId { get; set; }
    public Guid FirmId { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>How they came (« France Travail », « candidature spontanée »…).</summary>
    public string? Source { get; set; }
    public CandidateStatus Status { get; set; }
    /// <summary>The interview's day and hour (Paris time).</summary>
    public DateOnly? InterviewDate { get; set; }
    public TimeOnly? InterviewTime { get; set; }
    public string? RefusalReason { get; set; }
    /// <summary>The employee they became, once hired.</summary>
    public Guid? EmployeeId { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string FullName => $"{FirstName} {LastName}";

    public DateTime? InterviewAt => InterviewDate is { } day ? day.ToDateTime(InterviewTime ?? TimeOnly.MinValue) : null;
}

internal sealed class RecruitmentConfiguration : IEntityTypeConfiguration<JobOffer>, IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<JobOffer> b)
    {
        b.ToTable("employers_job_offers");
        b.Property(o => o.Reference).HasMaxLength(20);
        b.HasIndex(o => o.Reference).IsUnique();
        b.Property(o => o.Title).HasMaxLength(200);
        b.Property(o => o.RomeCode).HasMaxLength(5);
        b.Property(o => o.ContractKind).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.WeeklyHours).HasPrecision(5, 2);
        b.Property(o => o.MonthlyGrossMin).HasPrecision(10, 2);
        b.Property(o => o.MonthlyGrossMax).HasPrecision(10, 2);
        b.Property(o => o.CommuneInseeCode).HasMaxLength(5);
        b.Property(o => o.Experience).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Description).HasMaxLength(5000);
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(o => o.FirmId);
        b.HasOne<Firm>().WithMany().HasForeignKey(o => o.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Platform.Territory.Commune>().WithMany().HasForeignKey(o => o.CommuneInseeCode).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(o => o.CreatedBy).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Candidate> b)
    {
        b.ToTable("employers_candidates");
        b.Property(c => c.FirstName).HasMaxLength(100);
        b.Property(c => c.LastName).HasMaxLength(100);
        b.Property(c => c.Email).HasMaxLength(254);
        b.Property(c => c.Phone).HasMaxLength(30);
        b.Property(c => c.Source).HasMaxLength(100);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.RefusalReason).HasMaxLength(300);
        b.HasIndex(c => c.OfferId);
        b.HasOne<JobOffer>().WithMany().HasForeignKey(c => c.OfferId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Firm>().WithMany().HasForeignKey(c => c.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}
