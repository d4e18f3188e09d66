using CarteBlanche.Platform.Web;
using CarteBlanche.Desk.Cases;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Desk.Satisfaction;

/// <summary>
/// The one-question survey sent when a case is closed: a personal link, without an account,
/// valid <see cref="Lifetime"/> and answered once. Only the token's hash is stored.
/// </summary>
public sealed class SatisfactionSurvey
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CaseId { get; set; }
    public Guid SiteId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>1 (pas du tout satisfait) to 5 (très satisfait).</summary>
    public int? Score { get; set; }

    public static (SatisfactionSurvey Survey, string Token) Create(Case @case, DateTimeOffset now)
    {
        var token = SecretTokens.New();
        return (new SatisfactionSurvey
        {
            CaseId = @case.Id,
            SiteId = @case.SiteId,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        }, token);
    }

    public static string Hash(string token) => SecretTokens.HashOf(token ?? "");

    /// <summary>null when recorded, else why not (French).</summary>
    /// <remarks>The free comment is not kept here: it goes with the score to the results' answers, to be reviewed before it is shown.</remarks>
    public string? Answer(int score, DateTimeOffset now)
    {
        if (AnsweredAt != null)
        {
            return "Vous avez déjà répondu à ce questionnaire. Merci !";
        }
        if (now > ExpiresAt)
        {
            return "Ce questionnaire a expiré.";
        }
        if (score is < 1 or > 5)
        {
            return "Choisissez une note de 1 à 5.";
        }
        Score = score;
        AnsweredAt = now;
        return null;
    }
}

internal sealed class SatisfactionSurveyConfiguration : IEntityTypeConfiguration<SatisfactionSurvey>
{
    public void Configure(EntityTypeBuilder<SatisfactionSurvey> b)
    {
        b.ToTable("desk_satisfaction_surveys");
        b.Property(s => s.TokenHash).HasMaxLength(64);
        b.HasIndex(s => s.TokenHash).IsUnique();
        b.HasIndex(s => new { s.SiteId, s.AnsweredAt });
        b.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
