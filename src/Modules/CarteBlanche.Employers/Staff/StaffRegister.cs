using CarteBlanche.Employers.Firms;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Employers.Staff;

/// <summary>
/// A line of the firm's staff register (registre unique du personnel, art. L1221-13 and D1221-23 of the labour code):
/// written when the person is hired, in the order of hiring, never changed nor removed afterwards — only the exit date
/// is added when the contract ends.
/// </summary>
public sealed class StaffRegisterEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FirmId { get; set; }
    public Guid EmployeeId { get; set; }
    /// <summary>1, 2, 3… in the order of hiring, for the firm.</summary>
    public int Number { get; set; }
    public required string LastName { get; set; }
    public required string FirstNames { get; set; }
    public required string Sex { get; set; }
    public required string Nationality { get; set; }
    public DateOnly BirthDate { get; set; }
    public required string JobTitle { get; set; }
    public ContractKind ContractKind { get; set; }
    public bool PartTime { get; set; }
    public DateOnly EntryDate { get; set; }
    public DateOnly? ExitDate { get; set; }
    /// <summary>For a foreign worker who needs one: the work permit's kind and number.</summary>
    public string? WorkPermit { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedBy { get; set; }

    /// <summary>The next line of a firm's register, from what the hiring declares.</summary>
    public static async Task<StaffRegisterEntry> NextAsync(CarteBlancheDbContext db, Guid firmId, Employee employee, EmploymentContract contract,
        string sex, string nationality, DateOnly birthDate, string? workPermit, DateTimeOffset now, Guid recordedBy, CancellationToken cancellationToken)
    {
        var number = (await db.Set<StaffRegisterEntry>().Where(e => e.FirmId == firmId).MaxAsync(e => (int?)e.Number, cancellationToken) ?? 0) + 1;
        return new StaffRegisterEntry
        {
            FirmId = firmId, EmployeeId = employee.Id, Number = number, LastName = employee.LastName, FirstNames = employee.FirstName, Sex = sex,
            Nationality = nationality, BirthDate = birthDate, JobTitle = contract.JobTitle, ContractKind = contract.Kind, PartTime = contract.IsPartTime,
            EntryDate = contract.Start, WorkPermit = workPermit, RecordedAt = now, RecordedBy = recordedBy,
        };
    }
}

internal sealed class StaffRegisterConfiguration : IEntityTypeConfiguration<StaffRegisterEntry>
{
    public void Configure(EntityTypeBuilder<StaffRegisterEntry> b)
    {
        b.ToTable("employers_staff_register");
        b.HasIndex(e => new { e.FirmId, e.Number }).IsUnique();
        b.HasIndex(e => e.EmployeeId).IsUnique();
        b.Property(e => e.LastName).HasMaxLength(100);
        b.Property(e => e.FirstNames).HasMaxLength(150);
        b.Property(e => e.Sex).HasMaxLength(1);
        b.Property(e => e.Nationality).HasMaxLength(60);
        b.Property(e => e.JobTitle).HasMaxLength(200);
        b.Property(e => e.ContractKind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.WorkPermit).HasMaxLength(150);
        b.HasOne<Firm>().WithMany().HasForeignKey(e => e.FirmId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(e => e.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(e => e.RecordedBy).OnDelete(DeleteBehavior.Restrict);
    }
}
