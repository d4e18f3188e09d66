using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Coaching;
using CarteBlanche.Desk.Procedures;
using CarteBlanche.Desk.Residents;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Desk.Pages.Accompagnements;

/// <summary>Records a coaching session at a digital island: which procedure, done alone or not.</summary>
[Authorize(Policy = Policies.Desk)]
public sealed class NouveauModel(CarteBlancheDbContext db, ResidentAccess residents, IAuditLog auditLog, ParisClock clock) : PageModel
{
    [BindProperty] public string? ProcedureCode { get; set; }
    [BindProperty] public bool? Succeeded { get; set; }
    /// <summary>The size of desk_coaching_sessions.Note.</summary>
    public const int NoteMaxLength = 1000;

    [BindProperty] public string? Note { get; set; }

    public Resident Resident { get; private set; } = default!;
    public IReadOnlyList<(string Code, string Title)> Procedures { get; private set; } = [];
    public IReadOnlyList<(DateOnly On, string? Procedure, bool Succeeded, string? Note)> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid residentId, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(residentId, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        await auditLog.RecordAsync(new AuditEvent("resident.read", "Resident", residentId.ToString("D"), AuditPurpose.DigitalCoaching), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid residentId, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(residentId, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        Guid? procedureId = null;
        if (string.IsNullOrWhiteSpace(ProcedureCode))
        {
            ModelState.AddModelError(nameof(ProcedureCode), "Choisissez la démarche faite en autonomie.");
        }
        else
        {
            procedureId = await db.Set<Procedure>().Where(p => p.Code == ProcedureCode).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(cancellationToken);
            if (procedureId == null)
            {
                ModelState.AddModelError(nameof(ProcedureCode), "Démarche inconnue.");
            }
        }
        if (Succeeded == null)
        {
            ModelState.AddModelError(nameof(Succeeded), "Indiquez si l'usager a réussi seul.");
        }
        if (DeskLimits.CheckLength(Note, NoteMaxLength, "La remarque") is { } tooLong)
        {
            ModelState.AddModelError(nameof(Note), tooLong);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var session = new CoachingSession
        {
            ResidentId = residentId,
            SiteId = DeskAccess.SiteOf(User)!.Value,
            AgentId = DeskAccess.ActorOf(User),
            ProcedureId = procedureId,
            On = clock.Today,
            Succeeded = Succeeded!.Value,
            Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
        };
        db.Add(session);
        auditLog.Add(db, new AuditEvent("resident.coaching", "Resident", residentId.ToString("D"), AuditPurpose.DigitalCoaching));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = "Accompagnement enregistré.";
        return Redirect($"/usagers/{residentId}/accompagnement");
    }

    private async Task<IActionResult?> LoadAsync(Guid residentId, CancellationToken cancellationToken)
    {
        var (found, denied) = await residents.OpenAsync(User, residentId, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        Resident = found!;
        Procedures = await ProcedureCatalogue.ChoicesAsync(db, cancellationToken);
        History = (await (from c in db.Set<CoachingSession>()
                          join p in db.Set<Procedure>() on c.ProcedureId equals p.Id into ps
                          from p in ps.DefaultIfEmpty()
                          where c.ResidentId == residentId
                          orderby c.On descending
                          select new { c.On, Title = p == null ? null : p.Title, c.Succeeded, c.Note }).ToListAsync(cancellationToken))
            .Select(h => (h.On, (string?)h.Title, h.Succeeded, (string?)h.Note)).ToList();
        return null;
    }
}
