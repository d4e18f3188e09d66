using CarteBlanche.Desk.Contracts;
using CarteBlanche.Platform.Calendar;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarteBlanche.Network.Knowledge;

/// <summary>
/// The case page's « Fiches de connaissance » section: the validated cards of the case's need domains, most useful
/// first, before the agent asks a partner. Opening one from there records a use for the case (for the figures:
/// a card opened, then the case closed without a question, is a question avoided).
/// </summary>
internal sealed class CaseCardsSection(CarteBlancheDbContext db, IDeskCases cases, ParisClock clock) : ICaseSectionSource
{
    public const int Shown = 5;

    public async Task<CaseSection> ForCaseAsync(Guid caseId, bool caseIsOpen, CancellationToken cancellationToken)
    {
        var deskCase = await cases.FindAsync(caseId, cancellationToken);
        var domains = deskCase?.Needs.Select(n => n.Domain).Distinct().ToList() ?? [];
        var today = clock.Today;
        var cards = await db.Set<KnowledgeCard>().AsNoTracking()
            .Where(c => c.Status == CardStatus.Validated && domains.Contains(c.Domain))
            .OrderByDescending(c => c.UsefulVotes).ThenByDescending(c => c.ValidatedAt).Take(Shown)
            .Join(db.Organisations, c => c.OrganisationId, o => o.Id, (c, o) => new { c.Id, c.Title, c.DomainLabel, c.ReviewOn, Organisation = o.Name })
            .ToListAsync(cancellationToken);
        var items = cards.Select(c => new CaseActivity(c.Title, c.ReviewOn < today ? $"{c.DomainLabel} — peut-être dépassée" : c.DomainLabel,
            $"Réponse validée par {c.Organisation}", $"/reseau/fiches/{c.Id:D}?demande={caseId:D}", false)).ToList();
        return new CaseSection("Fiches de connaissance", items, "Chercher une fiche", $"/reseau/fiches?demande={caseId:D}",
            "Aucune fiche validée pour les besoins de cette demande : cherchez avec d'autres mots, ou sollicitez un partenaire.");
    }
}

/// <summary>A card opened from a case: who, when, for which case (no personal data).</summary>
public sealed class KnowledgeCardUse
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CardId { get; set; }
    public Guid CaseId { get; set; }
    public Guid AccountId { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class KnowledgeCardUseConfiguration : IEntityTypeConfiguration<KnowledgeCardUse>
{
    public void Configure(EntityTypeBuilder<KnowledgeCardUse> b)
    {
        b.ToTable("network_knowledge_uses");
        b.HasIndex(u => new { u.CardId, u.CaseId });
        b.HasIndex(u => u.CaseId);
        b.HasOne<KnowledgeCard>().WithMany().HasForeignKey(u => u.CardId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Account>().WithMany().HasForeignKey(u => u.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
