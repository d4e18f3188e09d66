using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Procedures;
using CarteBlanche.Desk.Residents;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Territory;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Desk.Pages.Demandes;

/// <summary>Opens a case for a resident: where, how, and one or more needs. The agent becomes its guarantor.</summary>
[Authorize(Policy = Policies.Desk)]
public sealed class NouvelleModel(
    CarteBlancheDbContext db,
    ResidentAccess residents,
    IAuditLog auditLog,
    FrenchBusinessCalendar calendar,
    IOptions<DeskOptions> options,
    TimeProvider timeProvider) : PageModel
{
    public const int NeedRows = 3;

    public sealed class NeedForm
    {
        public NeedDomain? Domain { get; set; }
        public string? Description { get; set; }
        public string? ProcedureCode { get; set; }
    }

    [BindProperty] public Guid? PlaceId { get; set; }
    [BindProperty] public CaseChannel Channel { get; set; } = CaseChannel.InPerson;
    [BindProperty] public List<NeedForm> Needs { get; set; } = [];

    public Resident Resident { get; private set; } = default!;
    public IReadOnlyList<Place> Places { get; private set; } = [];
    public IReadOnlyList<(string Code, string Title)> Procedures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid residentId, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(residentId, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        PlaceId = DeskAccess.SiteOf(User);
        await auditLog.RecordAsync(new AuditEvent("resident.read", "Resident", residentId.ToString("D"), AuditPurpose.NewCase), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid residentId, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(residentId, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        var siteId = DeskAccess.SiteOf(User)!.Value;
        if (PlaceId == null || !Places.Any(p => p.Id == PlaceId))
        {
            ModelState.AddModelError(nameof(PlaceId), "Choisissez le lieu où l'usager est reçu.");
        }
        var needs = new List<Need>();
        var procedureIds = await db.Set<Procedure>().ToDictionaryAsync(p => p.Code, p => p.Id, cancellationToken);
        for (var i = 0; i < Needs.Count; i++)
        {
            var n = Needs[i];
            var empty = n.Domain == null && string.IsNullOrWhiteSpace(n.Description) && string.IsNullOrWhiteSpace(n.ProcedureCode);
            if (empty)
            {
                continue;
            }
            if (n.Domain == null)
            {
                ModelState.AddModelError($"Needs[{i}].Domain", $"Besoin {i + 1} : choisissez son domaine.");
            }
            if (DeskLimits.CheckLength(n.Description, DeskLimits.Text, $"Besoin {i + 1} : la description") is { } tooLong)
            {
                ModelState.AddModelError($"Needs[{i}].Description", tooLong);
            }
            else if (string.IsNullOrWhiteSpace(n.Description))
            {
                ModelState.AddModelError($"Needs[{i}].Description", $"Besoin {i + 1} : décrivez le besoin de l'usager.");
            }
            Guid? procedureId = null;
            if (!string.IsNullOrWhiteSpace(n.ProcedureCode))
            {
                if (procedureIds.TryGetValue(n.ProcedureCode.Trim(), out var pid))
                {
                    procedureId = pid;
                }
                else
                {
                    ModelState.AddModelError($"Needs[{i}].ProcedureCode", $"Besoin {i + 1} : démarche inconnue.");
                }
            }
            if (n.Domain != null && !string.IsNullOrWhiteSpace(n.Description))
            {
                needs.Add(new Need { Domain = n.Domain.Value, Description = n.Description.Trim(), ProcedureId = procedureId });
            }
        }
        if (needs.Count == 0 && ModelState.IsValid)
        {
            ModelState.AddModelError("Needs[0].Description", "Décrivez au moins un besoin de l'usager.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = timeProvider.GetUtcNow();
        var openedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, calendar.TimeZone).DateTime);
        var @case = new Case
        {
            ResidentId = residentId,
            SiteId = siteId,
            PlaceId = PlaceId!.Value,
            Channel = Channel,
            OwnerId = DeskAccess.ActorOf(User),
            OpenedAt = now,
            // The commitment is the tightest of the needs' domains.
            DueDate = calendar.AddWorkingDays(openedOn, needs.Min(n => options.Value.DaysFor(n.Domain))),
            Needs = needs,
        };
        db.Add(@case);
        db.Add(new CaseEvent { CaseId = @case.Id, At = now, ActorId = @case.OwnerId, Text = $"Demande ouverte ({Labels.Of(Channel).ToLowerInvariant()}), {needs.Count} besoin(s)" });
        auditLog.Add(db, new AuditEvent("case.create", "Case", @case.Id.ToString("D"), AuditPurpose.ResidentReception));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Demande {@case.Reference} ouverte : réponse à rendre au plus tard le {@case.DueDate.ToString("dddd d MMMM", Platform.Web.FrenchFormat.Culture)}.";
        return Redirect($"/demandes/{@case.Id}");
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
        Places = await db.Places.Where(p => p.IsActive && (p.Id == siteId || p.Kind != PlaceKind.FranceServices))
            .OrderBy(p => p.Id == siteId ? 0 : p.Kind == PlaceKind.BusStop ? 1 : 2).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        Procedures = await ProcedureCatalogue.ChoicesAsync(db, cancellationToken);
        while (Needs.Count < NeedRows)
        {
            Needs.Add(new NeedForm());
        }
        return null;
    }
}
