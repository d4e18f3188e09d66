using CarteBlanche.Platform.Territory;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Rights.Conventions;

internal sealed class ConventionConfiguration : IEntityTypeConfiguration<Convention>
{
    public void Configure(EntityTypeBuilder<Convention> b)
    {
        b.ToTable("rights_conventions");
        b.Property(c => c.Title).HasMaxLength(RightsLimits.TitleMaxLength);
        b.Property(c => c.Purpose).HasMaxLength(RightsLimits.TextMaxLength);
        b.Property(c => c.LegalBasis).HasMaxLength(RightsLimits.TextMaxLength);
        b.HasOne<Account>().WithMany().HasForeignKey(c => c.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Parties).WithOne().HasForeignKey(p => p.ConventionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Attributes).WithOne().HasForeignKey(a => a.ConventionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Parties).AutoInclude();
        b.Navigation(c => c.Attributes).AutoInclude();
    }
}

internal sealed class ConventionPartyConfiguration : IEntityTypeConfiguration<ConventionParty>
{
    public void Configure(EntityTypeBuilder<ConventionParty> b)
    {
        b.ToTable("rights_convention_parties");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Signatory).HasMaxLength(RightsLimits.NameMaxLength);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.ConventionId, p.OrganisationId }).IsUnique();
    }
}

internal sealed class SharedAttributeConfiguration : IEntityTypeConfiguration<SharedAttribute>
{
    public void Configure(EntityTypeBuilder<SharedAttribute> b)
    {
        b.ToTable("rights_shared_attributes");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Code).HasMaxLength(RightsLimits.CodeMaxLength);
        b.Property(a => a.Label).HasMaxLength(RightsLimits.TitleMaxLength);
        b.Property(a => a.Source).HasMaxLength(RightsLimits.TitleMaxLength);
        b.Property(a => a.Type).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Refresh).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Sensitivity).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OperatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.ConventionId, a.OperatorId, a.Code }).IsUnique();
    }
}
