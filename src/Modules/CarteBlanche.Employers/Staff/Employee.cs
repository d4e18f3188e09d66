using CarteBlanche.Employers.Firms;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Employers.Staff;

/// <summary>A person employed by a firm of the service. Only the firm's HR experts, its owner, coordinators and admins see them.</summary>
public sealed class Employee
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FirmId { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public DateOnly? BirthDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public string FullName => $"{FirstName} {LastName}";
}

public enum ContractKind
{
    Cdi,
    Cdd,
    Apprenticeship,
}

/// <summary>An employment contract: its kind, dates (a CDD's end and reason), working time and monthly gross pay.</summary>
public sealed class EmploymentContract
{
    /// <summary>The legal working week, in hours: below it, a contract is part time.</summary>
    public const decimal FullTimeWeeklyHours = 35m;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EmployeeId { get; set; }
    public Guid FirmId { get; set; }
    public ContractKind Kind { get; set; }
    public required string JobTitle { get; set; }
    public DateOnly Start { get; set; }
    /// <summary>A CDD's or an apprenticeship's planned end; null for a CDI.</summary>
    public DateOnly? End { get; set; }
    /// <summary>Why a CDD (« remplacement d'un salarié absent », « accroissement temporaire d'activité »…).</summary>
    public string? CddReason { get; set; }
    /// <summary>Hours a week; <see cref="FullTimeWeeklyHours"/> for full time.</summary>
    public decimal WeeklyHours { get; set; } = FullTimeWeeklyHours;
    /// <summary>The monthly gross pay of the contract, for its working time.</summary>
    public decimal MonthlyGross { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool IsPartTime => WeeklyHours < FullTimeWeeklyHours;

    /// <summary>Hours paid in a month: the week × 52 / 12 (151.67 h for 35 h).</summary>
    public decimal MonthlyHours => Math.Round(WeeklyHours * 52m / 12m, 2, MidpointRounding.AwayFromZero);

    /// <summary>Whether the contract runs on at least one day of the month.</summary>
    public bool Covers(int year, int month) =>
        Start <= new DateOnly(year, month, DateTime.DaysInMonth(year, month)) && (End == null || End >= new DateOnly(year, month, 1));
}

internal sealed class StaffConfiguration : IEntityTypeConfiguration<Employee>, IEntityTypeConfiguration<EmploymentContract>
{
    public void Configure(EntityTypeBuilder<Employee> b)
    {
        b.ToTable("employers_employees");
        b.Property(e => e.FirstName).HasMaxLength(100);
        b.Property(e => e.LastName).HasMaxLength(100);
        b.HasOne<Firm>().WithMany().HasForeignKey(e => e.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.FirmId);
    }

    public void Configure(EntityTypeBuilder<EmploymentContract> b)
    {
        b.ToTable("employers_contracts");
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.JobTitle).HasMaxLength(200);
        b.Property(c => c.CddReason).HasMaxLength(300);
        b.Property(c => c.WeeklyHours).HasPrecision(5, 2);
        b.Property(c => c.MonthlyGross).HasPrecision(10, 2);
        b.HasOne<Employee>().WithMany().HasForeignKey(c => c.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Firm>().WithMany().HasForeignKey(c => c.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.EmployeeId);
    }
}
