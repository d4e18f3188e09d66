using CarteBlanche.Platform.Territory;
using CarteBlanche.Rights.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Rights.Exchange;

internal sealed class OperatorImportConfiguration : IEntityTypeConfiguration<OperatorImport>
{
    public void Configure(EntityTypeBuilder<OperatorImport> b)
    {
        b.ToTable("rights_imports");
        b.Property(i => i.FileName).HasMaxLength(200);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Errors).HasMaxLength(20000);
        b.HasOne<Convention>().WithMany().HasForeignKey(i => i.ConventionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OperatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(i => i.ImportedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.ConventionId, i.OperatorId, i.IsCurrent });
    }
}

internal sealed class OperatorRecordConfiguration : IEntityTypeConfiguration<OperatorRecord>
{
    public void Configure(EntityTypeBuilder<OperatorRecord> b)
    {
        b.ToTable("rights_records");
        b.Property(r => r.SourceId).HasMaxLength(60);
        b.Property(r => r.HouseholdId).HasMaxLength(60);
        b.Property(r => r.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.NirHash).HasMaxLength(64);
        b.Property(r => r.BirthName).HasMaxLength(100);
        b.Property(r => r.UsageName).HasMaxLength(100);
        b.Property(r => r.FirstNames).HasMaxLength(100);
        b.Property(r => r.BirthPlace).HasMaxLength(5);
        b.Property(r => r.Commune).HasMaxLength(5);
        b.HasOne<OperatorImport>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
        // ImportId alone: a campaign reads an import's rows in their insertion order (with SourceId in the index, SQLite read
        // them in identifier order, all over the table: the Lot's load went from 8.8 s to 12.2 s).
        b.HasIndex(r => r.ImportId);
        // No index on NirHash: linkage reads whole imports in memory, and that index's random inserts and deletes were
        // half of an import's time (CAF's file: 7.8 s of writing → 2.5 s without it).
    }
}

internal sealed class RightsSecretConfiguration : IEntityTypeConfiguration<RightsSecret>
{
    public void Configure(EntityTypeBuilder<RightsSecret> b)
    {
        b.ToTable("rights_secrets");
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(50);
        b.Property(s => s.ProtectedValue).HasMaxLength(1000);
    }
}

internal sealed class OperatorApiKeyConfiguration : IEntityTypeConfiguration<OperatorApiKey>
{
    public void Configure(EntityTypeBuilder<OperatorApiKey> b)
    {
        b.ToTable("rights_api_keys");
        b.Property(k => k.TokenHash).HasMaxLength(64);
        b.HasIndex(k => k.TokenHash).IsUnique();
        b.HasIndex(k => new { k.ConventionId, k.OperatorId });
        b.HasOne<Convention>().WithMany().HasForeignKey(k => k.ConventionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(k => k.OperatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(k => k.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(k => k.RevokedBy).OnDelete(DeleteBehavior.Restrict);
    }
}
