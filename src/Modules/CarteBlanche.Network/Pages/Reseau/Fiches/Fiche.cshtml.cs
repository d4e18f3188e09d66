using CarteBlanche.Network.Knowledge;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Network.Pages.Reseau.Fiches;

/// <summary>
/// A knowledge card: its question and answer, its domain and procedure, whether it is validated and until when it is
/// reviewed. The lead referent of the answering organisation validates it (with its review date) or refuses it with a
/// reason; everyone in the network says whether it was useful, once each (changeable).
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class FicheModel(CarteBlancheDbContext db, IAuditLog auditLog, ParisClock clock, Desk.Contracts.IDeskCases cases) : PageModel
{
    public KnowledgeCard Card { get; private set; } = null!;
    public string OrganisationName { get; private set; } = "";
    public bool IsLead { get; private set; }
    public bool? MyVote { get; private set; }
    public DateOnly Today => clock.Today;
    public bool Outdated => Card.Status == CardStatus.Validated && Card.ReviewOn < Today;

    [BindProperty] public DateOnly? ReviewOn { get; set; }
    [BindProperty] public string? Correction { get; set; }
    [BindProperty] public string? EditTitle { get; set; }
    [BindProperty] public string? EditProcedure { get; set; }
    [BindProperty] public string? EditQuestion { get; set; }
    [BindProperty] public string? EditAnswer { get; set; }
    /// <summary>Corrections not yet handled, for the lead referent; each with who proposed it.</summary>
    public IReadOnlyList<(KnowledgeCorrection Correction, string By)> OpenCorrections { get; private set; } = [];
    [BindProperty] public string? RejectionReason { get; set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var card = await db.Set<KnowledgeCard>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (card == null || !KnowledgeAccess.CanSee(User, card))
        {
            return false;
        }
        Card = card;
        OrganisationName = await db.Organisations.Where(o => o.Id == card.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        IsLead = await KnowledgeAccess.IsLeadReferentAsync(db, User, card.OrganisationId, cancellationToken);
        var account = User.AccountId();
        if (IsLead)
        {
            OpenCorrections = (await db.Set<KnowledgeCorrection>().AsNoTracking().Where(c => c.CardId == id && c.HandledAt == null)
                    .Join(db.Users, c => c.ProposedBy, u => u.Id, (c, u) => new { c, u.DisplayName }).ToListAsync(cancellationToken))
                .OrderBy(x => x.c.ProposedAt).Select(x => (x.c, x.DisplayName)).ToList();
        }
        MyVote = await db.Set<KnowledgeVote>().Where(v => v.CardId == id && v.AccountId == account).Select(v => (bool?)v.Useful).SingleOrDefaultAsync(cancellationToken);
        return true;
    }

    /// <summary>The case the card was opened from, when its agent follows it: a use is recorded (the figures' « questions avoided »).</summary>
    [BindProperty(SupportsGet = true, Name = "demande")] public Guid? CaseId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ReviewOn ??= Today.AddYears(1);
        (EditTitle, EditProcedure, EditQuestion, EditAnswer) = (Card.Title, Card.Procedure, Card.Question, Card.Answer);
        if (CaseId is { } caseId && Card.Status == CardStatus.Validated && await cases.CanFollowAsync(User, caseId, cancellationToken))
        {
            db.Add(new KnowledgeCardUse { CardId = id, CaseId = caseId, AccountId = User.AccountId(), At = clock.Now });
            await db.SaveChangesAsync(cancellationToken);
        }
        return Page();
    }

    /// <summary>The lead referent validates the card, with the day it is to be reviewed (within 3 years).</summary>
    public async Task<IActionResult> OnPostValidateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!IsLead)
        {
            return Forbid();
        }
        if (ReviewOn == null || ReviewOn <= Today || ReviewOn > Today.AddYears(3))
        {
            ModelState.AddModelError(nameof(ReviewOn), "À revoir le : une date dans les 3 ans à venir ; après elle, la fiche sera signalée comme peut-être dépassée.");
            return Page();
        }
        Card.Status = CardStatus.Validated;
        Card.ValidatedBy = User.AccountId();
        Card.ValidatedAt = clock.Now;
        Card.ReviewOn = ReviewOn.Value;
        Card.RejectionReason = null;
        auditLog.Add(db, new AuditEvent("knowledge.card-validated", "KnowledgeCard", id.ToString("D"), AuditPurpose.PartnerAnswer, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Fiche validée : elle est visible de tous les agents, à revoir le {FrenchFormat.Date(Card.ReviewOn)}.";
        return Redirect($"/reseau/fiches/{id}");
    }

    /// <summary>The lead referent refuses the card, saying why (the proposer reads it).</summary>
    public async Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!IsLead)
        {
            return Forbid();
        }
        if (string.IsNullOrWhiteSpace(RejectionReason) || RejectionReason.Trim().Length > 500)
        {
            ModelState.AddModelError(nameof(RejectionReason), "Motif : dites en quelques mots pourquoi la fiche n'est pas retenue (500 caractères au plus).");
            return Page();
        }
        Card.Status = CardStatus.Rejected;
        Card.RejectionReason = RejectionReason.Trim();
        auditLog.Add(db, new AuditEvent("knowledge.card-rejected", "KnowledgeCard", id.ToString("D"), AuditPurpose.PartnerAnswer, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = "Fiche non retenue ; l'agent qui l'a proposée voit le motif.";
        return Redirect($"/reseau/fiches/{id}");
    }

    /// <summary>Anyone who reads a validated card proposes a correction; personal data is refused as on a new card.</summary>
    public async Task<IActionResult> OnPostCorrectionAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(Correction) || Correction.Trim().Length > 1000)
        {
            ModelState.AddModelError(nameof(Correction), "Correction : dites ce qui a changé, en 1 000 caractères au plus.");
        }
        else if (Anonymiser.Clean(Correction) != Correction)
        {
            ModelState.AddModelError(nameof(Correction), "Correction : il reste des données personnelles (nom, date, numéro, adresse, téléphone ou e-mail) ; remplacez-les par un mot entre crochets.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.Add(new KnowledgeCorrection { CardId = id, Text = Correction!.Trim(), ProposedBy = User.AccountId(), ProposedAt = clock.Now });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Correction envoyée au référent principal de {OrganisationName}.";
        return Redirect($"/reseau/fiches/{id}");
    }

    /// <summary>The lead referent rewrites the card (the open corrections are then handled), checked like a new card.</summary>
    public async Task<IActionResult> OnPostEditAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!IsLead)
        {
            return Forbid();
        }
        CardText.Check(ModelState, EditTitle, nameof(EditTitle), "Titre", 200);
        CardText.Check(ModelState, EditQuestion, nameof(EditQuestion), "Question", 4000);
        CardText.Check(ModelState, EditAnswer, nameof(EditAnswer), "Réponse", 8000);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Card.Title = EditTitle!.Trim();
        Card.Procedure = FormText.Blank(EditProcedure);
        Card.Question = EditQuestion!.Trim();
        Card.Answer = EditAnswer!.Trim();
        Card.Reindex();
        var now = clock.Now;
        var account = User.AccountId();
        foreach (var correction in await db.Set<KnowledgeCorrection>().Where(c => c.CardId == id && c.HandledAt == null).ToListAsync(cancellationToken))
        {
            correction.HandledAt = now;
            correction.HandledBy = account;
        }
        auditLog.Add(db, new AuditEvent("knowledge.card-edited", "KnowledgeCard", id.ToString("D"), AuditPurpose.PartnerAnswer, ActorId: account));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = "Fiche mise à jour ; les corrections proposées sont traitées.";
        return Redirect($"/reseau/fiches/{id}");
    }

    /// <summary>Useful or not: one opinion per account, the last one counts.</summary>
    public async Task<IActionResult> OnPostVoteAsync(Guid id, bool useful, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Card.Status != CardStatus.Validated)
        {
            return BadRequest();
        }
        var account = User.AccountId();
        var vote = await db.Set<KnowledgeVote>().SingleOrDefaultAsync(v => v.CardId == id && v.AccountId == account, cancellationToken);
        if (vote == null)
        {
            db.Add(new KnowledgeVote { CardId = id, AccountId = account, Useful = useful, At = clock.Now });
        }
        else
        {
            vote.Useful = useful;
            vote.At = clock.Now;
        }
        await db.SaveChangesAsync(cancellationToken);
        // The counts are recomputed from the votes: two people voting at once never lose one.
        var votes = await db.Set<KnowledgeVote>().Where(v => v.CardId == id).GroupBy(v => v.Useful).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Card.UsefulVotes = votes.Where(v => v.Key).Sum(v => v.Count);
        Card.NotUsefulVotes = votes.Where(v => !v.Key).Sum(v => v.Count);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = "Merci pour votre avis sur la fiche.";
        return Redirect($"/reseau/fiches/{id}");
    }
}
