using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Bus;

public enum CrewRole
{
    PolyvalentAgent,
    SocialWorker,
}

/// <summary>Who rides the bus on a day: the polyvalent agent and the social worker of each bus.</summary>
public sealed class CrewAssignment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateOnly Date { get; set; }
    public int Bus { get; set; }
    public CrewRole Role { get; set; }
    public Guid AccountId { get; set; }
}

internal sealed class CrewAssignmentConfiguration : IEntityTypeConfiguration<CrewAssignment>
{
    public void Configure(EntityTypeBuilder<CrewAssignment> b)
    {
        b.ToTable("bus_crew");
        b.Property(c => c.Role).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(c => new { c.Date, c.Bus, c.Role }).IsUnique();
        b.HasIndex(c => new { c.AccountId, c.Date });
        b.HasOne<Platform.Accounts.Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
