using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Network.Knowledge;

public enum CardStatus
{
    /// <summary>Proposed by the agent who closed the question; awaits the partner's lead referent.</summary>
    Proposed,
    Validated,
    Rejected,
}

/// <summary>
/// A partner's answer made reusable: the question and the answer without personal data (anonymised, then reviewed by
/// the agent), tagged with the need's domain and a procedure, validated by the partner organisation's lead referent,
/// with a review date after which it is shown as possibly outdated.
/// </summary>
public sealed class KnowledgeCard
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The question it comes from (one card per question); null once the question is deleted, the card stays.</summary>
    public Guid? QuestionId { get; set; }
    /// <summary>The partner organisation that answered: its lead referent validates the card.</summary>
    public Guid OrganisationId { get; set; }
    public required string Domain { get; set; }
    public required string DomainLabel { get; set; }
    public string? Procedure { get; set; }
    public required string Title { get; set; }
    public required string Question { get; set; }
    public required string Answer { get; set; }
    /// <summary>Stemmed words of the title, question, answer and procedure (<see cref="FrenchSearch.Index"/>).</summary>
    public string SearchWords { get; set; } = "";
    /// <summary>
    /// The same texts folded (lower case, no accents), for PostgreSQL's French full-text search: its index is
    /// <c>to_tsvector('french', "SearchText")</c> (<see cref="FrenchSearch.PostgresIndexSql"/>).
    /// </summary>
    public string SearchText { get; set; } = "";
    public CardStatus Status { get; set; }
    public Guid ProposedBy { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public Guid? ValidatedBy { get; set; }
    public DateTimeOffset? ValidatedAt { get; set; }
    public string? RejectionReason { get; set; }
    /// <summary>After this day the card is shown as possibly outdated until the partner reviews it.</summary>
    public DateOnly ReviewOn { get; set; }
    public int UsefulVotes { get; set; }
    public int NotUsefulVotes { get; set; }

    public void Reindex()
    {
        SearchWords = FrenchSearch.Index(Title, Question, Answer, Procedure, DomainLabel);
        SearchText = FrenchSearch.Folded(Title, Question, Answer, Procedure, DomainLabel);
    }
}

internal sealed class KnowledgeCardConfiguration : IEntityTypeConfiguration<KnowledgeCard>
{
    public void Configure(EntityTypeBuilder<KnowledgeCard> b)
    {
        b.ToTable("network_knowledge_cards");
        b.HasIndex(c => c.QuestionId).IsUnique();
        b.HasIndex(c => new { c.Status, c.Domain });
        b.HasIndex(c => c.OrganisationId);
        b.Property(c => c.Domain).HasMaxLength(40);
        b.Property(c => c.DomainLabel).HasMaxLength(100);
        b.Property(c => c.Procedure).HasMaxLength(200);
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Question).HasMaxLength(4000);
        b.Property(c => c.Answer).HasMaxLength(8000);
        b.Property(c => c.SearchWords).HasMaxLength(8000);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.RejectionReason).HasMaxLength(500);
        b.HasOne<Questions.PartnerQuestion>().WithMany().HasForeignKey(c => c.QuestionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Platform.Territory.Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(c => c.ProposedBy).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>One account's opinion of a card: useful or not; one per account and card, changeable.</summary>
public sealed class KnowledgeVote
{
    public Guid CardId { get; set; }
    public Guid AccountId { get; set; }
    public bool Useful { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class KnowledgeVoteConfiguration : IEntityTypeConfiguration<KnowledgeVote>
{
    public void Configure(EntityTypeBuilder<KnowledgeVote> b)
    {
        b.ToTable("network_knowledge_votes");
        b.HasKey(v => new { v.CardId, v.AccountId });
        b.HasOne<KnowledgeCard>().WithMany().HasForeignKey(v => v.CardId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Account>().WithMany().HasForeignKey(v => v.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Who may do what with cards: everyone of the network reads validated cards; the lead referent of the card's organisation validates.</summary>
public static class KnowledgeAccess
{
    public static async Task<bool> IsLeadReferentAsync(CarteBlancheDbContext db, System.Security.Claims.ClaimsPrincipal user, Guid organisationId, CancellationToken cancellationToken)
    {
        if (!NetworkAccess.IsReferent(user) || NetworkAccess.OrganisationOf(user) != organisationId)
        {
            return false;
        }
        var account = user.AccountId();
        return await db.Set<Partners.Referent>().AnyAsync(r => r.AccountId == account && r.OrganisationId == organisationId && r.IsLead, cancellationToken);
    }

    /// <summary>A card not yet validated is seen by who proposed it, its organisation's referents and coordinators.</summary>
    public static bool CanSee(System.Security.Claims.ClaimsPrincipal user, KnowledgeCard card) =>
        card.Status == CardStatus.Validated
        || card.ProposedBy == user.AccountId()
        || NetworkAccess.IsCoordinator(user)
        || (NetworkAccess.IsReferent(user) && NetworkAccess.OrganisationOf(user) == card.OrganisationId);
}

/// <summary>A correction an agent proposes for a card (an answer changed, a procedure moved); the lead referent handles it.</summary>
public sealed class KnowledgeCorrection
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CardId { get; set; }
    public required string Text { get; set; }
    public Guid ProposedBy { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public Guid? HandledBy { get; set; }
}

internal sealed class KnowledgeCorrectionConfiguration : IEntityTypeConfiguration<KnowledgeCorrection>
{
    public void Configure(EntityTypeBuilder<KnowledgeCorrection> b)
    {
        b.ToTable("network_knowledge_corrections");
        b.Property(c => c.Text).HasMaxLength(1000);
        b.HasIndex(c => c.CardId);
        b.HasOne<KnowledgeCard>().WithMany().HasForeignKey(c => c.CardId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Account>().WithMany().HasForeignKey(c => c.ProposedBy).OnDelete(DeleteBehavior.Restrict);
    }
}
