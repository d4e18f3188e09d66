using CarteBlanche.Network.Knowledge;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Network.Pages.Reseau.Fiches;

/// <summary>
/// An agent who closed a question with « Oui, utile » proposes it as a knowledge card: the question and the answer,
/// anonymised automatically (the case's names, dates, numbers, addresses, phones and e-mails), then reviewed and
/// completed by the agent. What is still personal by the same rules is refused. The partner's lead referent validates.
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class ProposerModel(CarteBlancheDbContext db, NetworkAccess access, QuestionProtection protection, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public PartnerQuestion Question { get; private set; } = null!;
    public string OrganisationName { get; private set; } = "";

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Procedure { get; set; }
    [BindProperty(Name = "QuestionText")] public string? QuestionText { get; set; }
    [BindProperty] public string? Answer { get; set; }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var question = await db.Set<PartnerQuestion>().AsNoTracking().SingleOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (question == null || await access.RoleAsync(User, question, cancellationToken) != QuestionRole.Agent)
        {
            return NotFound();
        }
        Question = question;
        if (question.State != QuestionState.Closed || question.Usefulness != Usefulness.Yes)
        {
            TempData["Erreur"] = "Seule une sollicitation close avec une réponse utile peut devenir une fiche.";
            return Redirect($"/reseau/sollicitations/{id}");
        }
        if (await db.Set<KnowledgeCard>().AnyAsync(c => c.QuestionId == id, cancellationToken))
        {
            TempData["Erreur"] = "Cette sollicitation a déjà été proposée comme fiche.";
            return Redirect($"/reseau/sollicitations/{id}");
        }
        OrganisationName = await db.Organisations.Where(o => o.Id == question.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return null;
    }

    /// <summary>The names of the case's people, to take out of the texts: the resident's shared identity.</summary>
    private IReadOnlyList<string> KnownNames()
    {
        var shared = protection.Unprotect(Question.SharedDataProtected);
        return shared == null ? [] : new[] { shared.FirstName, shared.LastName, shared.BirthName }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).ToList();
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        var messages = await db.Set<QuestionMessage>().AsNoTracking().Where(m => m.QuestionId == id && (m.Kind == MessageKind.Question || m.Kind == MessageKind.Answer))
            .OrderBy(m => m.At).Select(m => new { m.Kind, m.Text }).ToListAsync(cancellationToken);
        var names = KnownNames();
        QuestionText = Anonymiser.Clean(string.Join("\n\n", messages.Where(m => m.Kind == MessageKind.Question).Select(m => m.Text)), names);
        Answer = Anonymiser.Clean(string.Join("\n\n", messages.Where(m => m.Kind == MessageKind.Answer).Select(m => m.Text)), names);
        Title = FrenchFormat.Cut(QuestionText.ReplaceLineEndings(" "), 120);
        auditLog.Add(db, new AuditEvent("question.read", "PartnerQuestion", id.ToString("D"), AuditPurpose.CaseFollowUp, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        var names = KnownNames();
        CardText.Check(ModelState, Title, nameof(Title), "Titre", 200, names);
        CardText.Check(ModelState, QuestionText, nameof(QuestionText), "Question", 4000, names);
        CardText.Check(ModelState, Answer, nameof(Answer), "Réponse", 8000, names);
        if (Procedure?.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(Procedure), "Démarche : 200 caractères au plus.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var card = new KnowledgeCard
        {
            QuestionId = id, OrganisationId = Question.OrganisationId, Domain = Question.Domain, DomainLabel = Question.DomainLabel, Procedure = FormText.Blank(Procedure),
            Title = Title!.Trim(), Question = QuestionText!.Trim(), Answer = Answer!.Trim(), Status = CardStatus.Proposed, ProposedBy = User.AccountId(), ProposedAt = clock.Now,
            ReviewOn = clock.Today.AddYears(1),
        };
        card.Reindex();
        db.Add(card);
        auditLog.Add(db, new AuditEvent("knowledge.card-proposed", "KnowledgeCard", card.Id.ToString("D"), AuditPurpose.CaseFollowUp, ActorId: User.AccountId()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            TempData["Erreur"] = "Cette sollicitation vient d'être proposée comme fiche par ailleurs.";
            return Redirect($"/reseau/sollicitations/{id}");
        }
        TempData["Succes"] = $"Fiche proposée : le référent principal de {OrganisationName} la valide avant qu'elle soit visible de tous.";
        return Redirect($"/reseau/fiches/{card.Id}");
    }
}
