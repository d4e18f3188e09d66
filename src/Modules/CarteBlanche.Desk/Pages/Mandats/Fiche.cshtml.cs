using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Mandates;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Desk.Pages.Mandats;

public sealed record MandateUse(DateTimeOffset At, string Agent, string Domain);

/// <summary>A mandate: what it covers, its status, its uses; the signed form to record; revocation at the resident's request.</summary>
[Authorize(Policy = Policies.Desk)]
public sealed class FicheModel(CarteBlancheDbContext db, DeskAccess access, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public MandateDetails Details { get; private set; } = default!;
    public Mandate Mandate => Details.Mandate;
    public MandateStatus Status { get; private set; }
    public IReadOnlyList<MandateUse> Uses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        await auditLog.RecordAsync(new AuditEvent("mandate.read", "Mandate", id.ToString("D"), AuditPurpose.ResidentMandate), cancellationToken);
        return Page();
    }

    /// <summary>The resident takes the mandate back, at any time; the agent confirms it with a checkbox.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(Guid id, bool confirm, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        if (!confirm)
        {
            ModelState.AddModelError("confirm", "Cochez la case pour confirmer que l'usager révoque ce mandat.");
            return Page();
        }
        if (Mandate.Revoke(clock.Now, DeskAccess.ActorOf(User)) is { } error)
        {
            ModelState.AddModelError("", error);
            return Page();
        }
        auditLog.Add(db, new AuditEvent("mandate.revoke", "Mandate", id.ToString("D"), AuditPurpose.MandateRevokedByResident));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Mandat {Mandate.Reference} révoqué : plus aucune démarche ne peut être faite pour le compte de l'usager avec ce mandat.";
        return Redirect($"/mandats/{id}");
    }

    /// <summary>The signed paper form is scanned and kept: the mandate becomes active.</summary>
    public async Task<IActionResult> OnPostSignedFormAsync(Guid id, bool kept, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        if (!kept)
        {
            ModelState.AddModelError("kept", "Cochez la case pour confirmer que le formulaire signé est numérisé et l'original conservé.");
            return Page();
        }
        if (Mandate.RecordSignedForm(clock.Now, clock.Today) is { } error)
        {
            ModelState.AddModelError("", error);
            return Page();
        }
        auditLog.Add(db, new AuditEvent("mandate.signed-form", "Mandate", id.ToString("D"), AuditPurpose.MandateSignedForm));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Formulaire signé enregistré : le mandat {Mandate.Reference} est actif.";
        return Redirect($"/mandats/{id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var (details, denied) = await MandateDetails.OpenAsync(db, access, User, id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        Details = details!;
        Status = Details.Mandate.StatusOn(clock.Today);
        var key = id.ToString("D");
        Uses = (await (from e in db.AuditEntries
                       join u in db.Users on e.ActorId equals u.Id
                       where e.RecordType == "Mandate" && e.RecordId == key && e.Action == MandateRules.UseAuditAction
                       orderby e.Sequence descending
                       select new { e.OccurredAt, u.DisplayName, e.Purpose })
                .Take(100).ToListAsync(cancellationToken))
            .Select(e => new MandateUse(e.OccurredAt, e.DisplayName, MandateRules.DomainOfAuditPurpose(e.Purpose) is { } d ? Labels.Of(d) : Enum.TryParse<MandateDomain>(e.Purpose, out var old) ? Labels.Of(old) : e.Purpose ?? ""))
            .ToList();
        return null;
    }
}
