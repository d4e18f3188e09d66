using CarteBlanche.Network.News;
using CarteBlanche.Network.Notifications;
using CarteBlanche.Network.Partners;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Territory;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Network;

internal sealed class PartnerQuestionConfiguration : IEntityTypeConfiguration<PartnerQuestion>
{
    public void Configure(EntityTypeBuilder<PartnerQuestion> b)
    {
        b.ToTable("network_questions");
        b.Property(q => q.CaseReference).HasMaxLength(20);
        b.Property(q => q.Territory).HasMaxLength(3);
        b.Property(q => q.Domain).HasMaxLength(40);
        b.Property(q => q.DomainLabel).HasMaxLength(100);
        b.Property(q => q.State).HasConversion<string>().HasMaxLength(20);
        b.Property(q => q.Usefulness).HasConversion<string>().HasMaxLength(10);
        b.Property(q => q.SharedFields).HasMaxLength(300);
        b.Property(q => q.Version).IsConcurrencyToken();
        b.HasOne<Organisation>().WithMany().HasForeignKey(q => q.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(q => q.AskedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(q => q.CaseId);
        b.HasIndex(q => new { q.OrganisationId, q.State });
        b.HasIndex(q => q.SentAt);
        b.HasMany(q => q.Rounds).WithOne().HasForeignKey(r => r.QuestionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(q => q.Rounds).AutoInclude();
    }
}

internal sealed class QuestionRoundConfiguration : IEntityTypeConfiguration<QuestionRound>
{
    public void Configure(EntityTypeBuilder<QuestionRound> b)
    {
        b.ToTable("network_question_rounds");
        // Set by the code: a round added to a loaded question's list is inserted, not taken for an existing row.
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(r => r.TakenByAccountId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<ApiKey>().WithMany().HasForeignKey(r => r.TakenByApiKeyId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => new { r.QuestionId, r.Number }).IsUnique();
        b.HasIndex(r => new { r.OrganisationId, r.SentAt });
        b.HasIndex(r => r.DueAt);
    }
}

internal sealed class QuestionMessageConfiguration : IEntityTypeConfiguration<QuestionMessage>
{
    public void Configure(EntityTypeBuilder<QuestionMessage> b)
    {
        b.ToTable("network_messages");
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Text).HasMaxLength(NetworkLimits.TextMaxLength);
        b.HasOne<PartnerQuestion>().WithMany().HasForeignKey(m => m.QuestionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.QuestionId, m.At });
    }
}

internal sealed class QuestionAttachmentConfiguration : IEntityTypeConfiguration<QuestionAttachment>
{
    public void Configure(EntityTypeBuilder<QuestionAttachment> b)
    {
        b.ToTable("network_attachments");
        b.Property(a => a.FileName).HasMaxLength(200);
        b.Property(a => a.ContentType).HasMaxLength(50);
        b.HasOne<PartnerQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<QuestionMessage>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionReminderConfiguration : IEntityTypeConfiguration<QuestionReminder>
{
    public void Configure(EntityTypeBuilder<QuestionReminder> b)
    {
        b.ToTable("network_reminders");
        b.HasKey(r => new { r.QuestionId, r.Round, r.Kind });
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne<PartnerQuestion>().WithMany().HasForeignKey(r => r.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReferentConfiguration : IEntityTypeConfiguration<Referent>
{
    public void Configure(EntityTypeBuilder<Referent> b)
    {
        b.ToTable("network_referents");
        b.Property(r => r.Territory).HasMaxLength(3);
        b.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.AccountId, r.Territory }).IsUnique();
        b.HasIndex(r => new { r.OrganisationId, r.Territory });
    }
}

internal sealed class PartnerProfileConfiguration : IEntityTypeConfiguration<PartnerProfile>
{
    public void Configure(EntityTypeBuilder<PartnerProfile> b)
    {
        b.ToTable("network_partners");
        b.HasKey(p => p.OrganisationId);
        b.Property(p => p.SharedMailbox).HasMaxLength(254);
        b.Property(p => p.Domains).HasMaxLength(300);
        b.Property(p => p.OpeningHours).HasMaxLength(300);
        b.Property(p => p.Channels).HasMaxLength(500);
        b.Property(p => p.Description).HasMaxLength(1000);
        b.Ignore(p => p.DomainCodes);
        b.HasOne<Organisation>().WithOne().HasForeignKey<PartnerProfile>(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("network_api_keys");
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.Prefix).HasMaxLength(10);
        b.Property(k => k.Hash).HasMaxLength(64);
        b.HasIndex(k => k.Prefix).IsUnique();
        b.HasOne<Organisation>().WithMany().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NewsItemConfiguration : IEntityTypeConfiguration<NewsItem>
{
    public void Configure(EntityTypeBuilder<NewsItem> b)
    {
        b.ToTable("network_news");
        b.Property(n => n.Title).HasMaxLength(NetworkLimits.NewsTitleMaxLength);
        b.Property(n => n.Body).HasMaxLength(NetworkLimits.NewsBodyMaxLength);
        b.Property(n => n.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.Audience).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.AudienceList).HasMaxLength(2000);
        b.Property(n => n.Territory).HasMaxLength(3);
        b.Ignore(n => n.AudienceValues);
        b.HasOne<Organisation>().WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.Territory, n.ValidFrom });
    }
}

internal sealed class NewsReadConfiguration : IEntityTypeConfiguration<NewsRead>
{
    public void Configure(EntityTypeBuilder<NewsRead> b)
    {
        b.ToTable("network_news_reads");
        b.HasKey(r => new { r.NewsItemId, r.AccountId });
        b.HasOne<NewsItem>().WithMany().HasForeignKey(r => r.NewsItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Account>().WithMany().HasForeignKey(r => r.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("network_notification_preferences");
        b.HasKey(p => p.AccountId);
        b.HasOne<Account>().WithOne().HasForeignKey<NotificationPreference>(p => p.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DigestEntryConfiguration : IEntityTypeConfiguration<DigestEntry>
{
    public void Configure(EntityTypeBuilder<DigestEntry> b)
    {
        b.ToTable("network_digest_entries");
        b.Property(d => d.Subject).HasMaxLength(300);
        b.Property(d => d.Link).HasMaxLength(500);
        b.HasOne<Account>().WithMany().HasForeignKey(d => d.AccountId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.SentAt, d.AccountId });
    }
}
