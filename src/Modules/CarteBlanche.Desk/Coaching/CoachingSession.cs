using CarteBlanche.Desk.Procedures;
using CarteBlanche.Desk.Residents;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Desk.Coaching;

/// <summary>
/// A resident coached at a digital island (îlot numérique) to do a procedure online by themselves,
/// and whether they succeeded: the measure of growing autonomy.
/// </summary>
public sealed class CoachingSession
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ResidentId { get; set; }
    public Guid SiteId { get; set; }
    public Guid AgentId { get; set; }
    public Guid? ProcedureId { get; set; }
    public DateOnly On { get; set; }
    public bool Succeeded { get; set; }
    public string? Note { get; set; }
}

internal sealed class CoachingSessionConfiguration : IEntityTypeConfiguration<CoachingSession>
{
    public void Configure(EntityTypeBuilder<CoachingSession> b)
    {
        b.ToTable("desk_coaching_sessions");
        b.Property(c => c.Note).HasMaxLength(1000);
        b.HasOne<Resident>().WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Procedure>().WithMany().HasForeignKey(c => c.ProcedureId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(c => new { c.SiteId, c.On });
    }
}
