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
        b.HasIndex(r => new { r.ImportId, r.SourceId });
        b.HasIndex(r => r.NirHash);
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
