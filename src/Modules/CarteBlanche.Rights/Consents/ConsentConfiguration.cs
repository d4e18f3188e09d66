using CarteBlanche.Platform.Territory;
using CarteBlanche.Rights.Conventions;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Rights.Consents;

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> b)
    {
        b.ToTable("rights_consents");
        // The scope as comma-separated columns: few values each, always read with the consent.
        b.Property(c => c.OperatorIds).HasConversion(
                ids => string.Join(',', ids.Select(i => i.ToString("D"))),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList(),
                ListComparer<Guid>())
            .HasMaxLength(400);
        b.Property(c => c.AttributeCodes).HasConversion(
                codes => string.Join(',', codes),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList(),
                ListComparer<string>())
            .HasMaxLength(2000);
        b.Property(c => c.Purposes).HasConversion(
                purposes => string.Join(',', purposes),
                text => text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ConsentPurpose>).ToList(),
                ListComparer<ConsentPurpose>())
            .HasMaxLength(100);
        b.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.WithdrawnVia).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Convention>().WithMany().HasForeignKey(c => c.ConventionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Place>().WithMany().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(c => c.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(c => c.WithdrawnBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.ResidentId);
        b.HasIndex(c => new { c.ConventionId, c.ExpiresOn });
    }

    private static ValueComparer<List<T>> ListComparer<T>() => new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}

internal sealed class ResidentLinkConfiguration : IEntityTypeConfiguration<ResidentLink>
{
    public void Configure(EntityTypeBuilder<ResidentLink> b)
    {
        b.ToTable("rights_resident_links");
        b.Property(l => l.TokenHash).HasMaxLength(64);
        b.HasIndex(l => l.TokenHash).IsUnique();
        b.HasIndex(l => l.ResidentId);
        b.HasOne<Account>().WithMany().HasForeignKey(l => l.CreatedBy).OnDelete(DeleteBehavior.Restrict);
    }
}
