using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Mandates;
using CarteBlanche.Desk.Residents;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Desk.Pages.Mandats;

/// <summary>
/// The resident gives a mandate: to the agent (or a colleague, or the whole site), for some domains and a
/// duration, with how they consented. It starts today; with a signed paper form not yet kept, it waits for it.
/// </summary>
[Authorize(Policy = Policies.Desk)]
public sealed class NouveauModel(CarteBlancheDbContext db, ResidentAccess residents, IAuditLog auditLog, FrenchBusinessCalendar calendar, TimeProvider timeProvider) : PageModel
{
    [BindProperty] public MandateForm Input { get; set; } = new();

    public Resident Resident { get; private set; } = default!;
    public string SiteName { get; private set; } = "";
    public IReadOnlyList<(Guid Id, string Name)> SiteAgents { get; private set; } = [];
    public Guid Me { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid residentId, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(residentId, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        Input.GrantedTo = Me.ToString();
        await auditLog.RecordAsync(new AuditEvent("resident.read", "Resident", residentId.ToString("D"), AuditPurpose.NewMandate), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid residentId, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(residentId, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        foreach (var (field, message) in Input.Validate(SiteAgents.Select(a => a.Id).ToList()))
        {
            ModelState.AddModelError($"Input.{field}", message);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = timeProvider.GetUtcNow();
        var today = DateOnly.FromDateTime(calendar.ToLocalTime(now));
        var mandate = Mandate.Grant(residentId, DeskAccess.SiteOf(User)!.Value, Input.AgentId, Input.Domains, Input.Duration!.Value,
            Input.Consent!.Value, Input.SignedFormKept, today, now, Me);
        db.Add(mandate);
        auditLog.Add(db, new AuditEvent("mandate.create", "Mandate", mandate.Id.ToString("D"), AuditPurpose.ResidentMandate));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = mandate.StatusOn(today) == MandateStatus.Active
            ? $"Mandat {mandate.Reference} créé, valable jusqu'au {Labels.Day(mandate.EndsOn)} inclus."
            : $"Mandat {mandate.Reference} créé : imprimez-le, faites-le signer par l'usager, puis enregistrez le formulaire signé.";
        return Redirect($"/mandats/{mandate.Id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid residentId, CancellationToken cancellationToken)
    {
        var (found, denied) = await residents.OpenAsync(User, residentId, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        Resident = found!;
        var siteId = DeskAccess.SiteOf(User);
        Me = DeskAccess.ActorOf(User);
        SiteName = await db.Places.Where(p => p.Id == siteId).Select(p => p.Name).SingleAsync(cancellationToken);
        SiteAgents = (await db.Users.Where(u => u.SiteId == siteId && u.IsActive).OrderBy(u => u.SearchName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.DisplayName)).ToList();
        return null;
    }
}
