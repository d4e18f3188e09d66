using CarteBlanche.Desk.Residents;
using CarteBlanche.Platform.Territory;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Desk.Mandates;

internal sealed class MandateConfiguration : IEntityTypeConfiguration<Mandate>
{
    public void Configure(EntityTypeBuilder<Mandate> b)
    {
        b.ToTable("desk_mandates");
        // The domains as one comma-separated column of enum names: "Famille,Logement".
        b.Property(m => m.Domains)
            .HasConversion(
                domains => string.Join(',', domains),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<MandateDomain>).ToList(),
                new ValueComparer<List<MandateDomain>>(
                    (a, b) => a!.SequenceEqual(b!),
                    domains => domains.Aggregate(0, (hash, d) => HashCode.Combine(hash, d)),
                    domains => domains.ToList()))
            .HasMaxLength(200);
        b.Property(m => m.Duration).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Consent).HasConversion<string>().HasMaxLength(20);
        b.Ignore(m => m.Reference);
        b.Ignore(m => m.IsForWholeSite);
        b.HasOne<Resident>().WithMany().HasForeignKey(m => m.ResidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Place>().WithMany().HasForeignKey(m => m.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(m => m.AgentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(m => m.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(m => m.RevokedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => m.ResidentId);
        b.HasIndex(m => new { m.SiteId, m.EndsOn });
    }
}
