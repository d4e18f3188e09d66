using CarteBlanche.Desk.Contracts;
using CarteBlanche.Network.Partners;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Audit;
using Microsoft.AspNetCore.Http;

namespace CarteBlanche.Network.Pages.Reseau;

public sealed record PartnerChoice(Guid Id, string Name, bool Suggested);

/// <summary>From a case, the agent asks a partner organisation: the question, documents, and what of the resident is shared.</summary>
[Authorize(Policy = Policies.Desk)]
[RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
[RequestSizeLimit(60 * 1024 * 1024)]
public sealed class SolliciterModel(CarteBlancheDbContext db, IDeskCases deskCases, QuestionWorkflow workflow, NetworkAccess access, IAuditLog auditLog) : PageModel
{
    /// <summary>The needs the question is about (one or more of the case's); the suggested organisations follow from them.</summary>
    [BindProperty(SupportsGet = true)] public List<Guid> Besoins { get; set; } = [];
    [BindProperty] public Guid? OrganisationId { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public List<ShareableField> Shared { get; set; } = [];
    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public DeskCase Case { get; private set; } = default!;
    public IReadOnlyList<PartnerChoice> Partners { get; private set; } = [];
    public IReadOnlyList<ShareableField> Shareable { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(caseId, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        // The form shows the resident's data that may be shared: the reading is journaled.
        await auditLog.RecordAsync(new AuditEvent("case.read", "Case", caseId.ToString("D"), AuditPurpose.AskPartner), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(caseId, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        var files = await IncomingFile.ReadAllAsync(Files, cancellationToken);
        var result = await workflow.AskAsync(new AskRequest(caseId, Besoins, OrganisationId, Text, Shared, files), Actor.Of(User), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Field ?? "", result.Error!);
            return Page();
        }
        TempData["Succes"] = $"Sollicitation {result.Question!.Reference} envoyée. Réponse attendue au plus tard le {Platform.Web.FrenchFormat.Deadline(result.Question.Current.DueAt)}.";
        return Redirect(QuestionWorkflow.QuestionPath(result.Question.Id));
    }

    /// <summary>« Proposer les organismes » : the same form, the organisations suggested for the needs now ticked.</summary>
    public async Task<IActionResult> OnPostProposeAsync(Guid caseId, CancellationToken cancellationToken)
    {
        OrganisationId = null;
        return await LoadAsync(caseId, cancellationToken, suggest: true) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid caseId, CancellationToken cancellationToken, bool suggest = false)
    {
        if (!await deskCases.CanFollowAsync(User, caseId, cancellationToken))
        {
            if (!await deskCases.ExistsAsync(caseId, cancellationToken))
            {
                return NotFound();
            }
            await access.RecordCaseRefusalAsync(caseId, cancellationToken);
            return Forbid();
        }
        Case = (await deskCases.FindAsync(caseId, cancellationToken))!;
        if (!Case.IsOpen || Case.Resident == null)
        {
            TempData["Erreur"] = "Cette demande est close (ou ses données ont été effacées) : on ne sollicite plus de partenaire pour elle.";
            return Redirect($"/demandes/{caseId:D}");
        }
        Shareable = SharedResidentData.Available(Case.Resident);
        // A case with a single need: the question is about it. Otherwise the agent ticks the needs.
        if (Case.Needs.Count == 1 && Request.Method == "GET")
        {
            Besoins = [Case.Needs[0].Id];
        }
        Besoins = Besoins.Where(id => Case.Needs.Any(n => n.Id == id)).Distinct().ToList();
        var picked = Case.Needs.Where(n => Besoins.Contains(n.Id)).ToList();
        var domains = (picked.Count > 0 ? picked : Case.Needs).Select(n => n.Domain).ToHashSet();
        var profiles = await db.Set<PartnerProfile>().AsNoTracking().ToListAsync(cancellationToken);
        var suggested = profiles.Where(p => p.DomainCodes.Any(domains.Contains)).Select(p => p.OrganisationId).ToHashSet();
        var partnerIds = profiles.Select(p => p.OrganisationId).ToHashSet();
        Partners = (await db.Organisations.AsNoTracking().Where(o => o.IsActive && partnerIds.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => new PartnerChoice(o.Id, o.Name, suggested.Contains(o.Id)))
            .OrderByDescending(o => o.Suggested).ThenBy(o => o.Name, StringComparer.Create(Platform.Web.FrenchFormat.Culture, true)).ToList();
        if ((Request.Method == "GET" || suggest) && OrganisationId == null)
        {
            OrganisationId = Partners.FirstOrDefault(p => p.Suggested)?.Id;
        }
        return null;
    }
}
