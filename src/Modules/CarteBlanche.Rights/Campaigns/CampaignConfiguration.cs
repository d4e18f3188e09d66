using CarteBlanche.Platform.Territory;
using CarteBlanche.Rights.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Rights.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("rights_campaigns");
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Step).HasMaxLength(200);
        b.Property(c => c.Failure).HasMaxLength(2000);
        b.HasOne<Convention>().WithMany().HasForeignKey(c => c.ConventionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(c => c.StartedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.ConventionId, c.StartedAt });
    }
}

internal sealed class SignalConfiguration : IEntityTypeConfiguration<Signal>
{
    public void Configure(EntityTypeBuilder<Signal> b)
    {
        b.ToTable("rights_signals");
        b.Property(s => s.Benefit).HasMaxLength(10);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Certainty).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.MonthlyAmount).HasPrecision(10, 2);
        b.Property(s => s.OpenedAmount).HasPrecision(10, 2);
        b.Property(s => s.Commune).HasMaxLength(5);
        b.Property(s => s.HouseholdType).HasMaxLength(40);
        b.HasOne<Campaign>().WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OperatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(s => s.UpdatedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.CampaignId, s.OperatorId, s.Benefit });
    }
}

internal sealed class ResidentMatchConfiguration : IEntityTypeConfiguration<ResidentMatch>
{
    public void Configure(EntityTypeBuilder<ResidentMatch> b)
    {
        b.ToTable("rights_resident_matches");
        b.Property(m => m.SourceId).HasMaxLength(RightsLimits.CodeMaxLength);
        b.HasOne<Campaign>().WithMany().HasForeignKey(m => m.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OperatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.CampaignId, m.Household });
        b.HasIndex(m => new { m.ResidentId, m.CampaignId });
        b.HasIndex(m => new { m.SiteId, m.CampaignId });
    }
}

internal sealed class LinkReviewConfiguration : IEntityTypeConfiguration<LinkReview>
{
    public void Configure(EntityTypeBuilder<LinkReview> b)
    {
        b.ToTable("rights_link_reviews");
        b.Property(r => r.LeftSourceId).HasMaxLength(RightsLimits.CodeMaxLength);
        b.Property(r => r.RightSourceId).HasMaxLength(RightsLimits.CodeMaxLength);
        b.Property(r => r.Evidence).HasMaxLength(4000);
        b.Property(r => r.Decision).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Convention>().WithMany().HasForeignKey(r => r.ConventionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.LeftOperatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.RightOperatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(r => r.DecidedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.CampaignId, r.Decision });
        b.HasIndex(r => new { r.ConventionId, r.Decision });
    }
}
