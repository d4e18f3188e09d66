using CarteBlanche.Desk.Procedures;
using CarteBlanche.Desk.Residents;
using CarteBlanche.Platform.Territory;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Desk.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("desk_cases");
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Path).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.AnswerChannel).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.ReferredTo).HasMaxLength(200);
        b.Property(c => c.ReferralOutcome).HasMaxLength(2000);
        b.Property(c => c.ClosingReason).HasMaxLength(2000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.IsOpen);
        b.Ignore(c => c.Reference);
        b.HasMany(c => c.Needs).WithOne().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        // Restrict, not SetNull: the retention job detaches the cases itself before deleting a resident, and a
        // case opened meanwhile for that resident makes the deletion fail (and roll back) instead of losing its resident.
        b.HasOne<Resident>().WithMany().HasForeignKey(c => c.ResidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Place>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Place>().WithMany().HasForeignKey(c => c.PlaceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.SiteId, c.State, c.DueDate });
        b.HasIndex(c => new { c.OwnerId, c.State });
        b.HasIndex(c => c.ResidentId);
        b.HasIndex(c => new { c.State, c.ClosedAt });
    }
}

internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> b)
    {
        b.ToTable("desk_needs");
        b.Property(n => n.Domain).HasConversion<string>().HasMaxLength(30);
        b.Property(n => n.Description).HasMaxLength(2000);
        b.HasOne<Procedure>().WithMany().HasForeignKey(n => n.ProcedureId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.ToTable("desk_case_events");
        b.Property(e => e.Text).HasMaxLength(2000);
        b.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.CaseId, e.At });
    }
}
