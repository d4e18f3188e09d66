using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Mandates;
using CarteBlanche.Desk.Residents;
using CarteBlanche.Desk.Retention;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Desk.Pages.Usagers;

public sealed record MandateRow(Mandate Mandate, MandateStatus Status, string GrantedTo);

/// <summary>The resident's page: identity, contact, cases, mandates, contact history, until when it is all kept. Every view is journaled.</summary>
[Authorize(Policy = Policies.Desk)]
public sealed class FicheModel(CarteBlancheDbContext db, ResidentIdentifiers identifiers, ResidentAccess residents, IAuditLog auditLog, ParisClock clock,
    IOptions<DeskOptions> options, IEnumerable<Contracts.IResidentSectionSource> sectionSources) : PageModel
{
    /// <summary>Sections other modules add to the resident's page (consents to data sharing...).</summary>
    public IReadOnlyList<Contracts.CaseSection> Sections { get; private set; } = [];
    public Resident Resident { get; private set; } = default!;
    public string? CommuneName { get; private set; }
    public string? Nir { get; private set; }
    public string? CafNumber { get; private set; }
    public string? FranceTravailId { get; private set; }
    public PagedList<CaseRow> Cases { get; private set; } = new([], 1, 1, 0);
    [BindProperty(SupportsGet = true, Name = "p")] public int CasesPage { get; set; } = 1;
    public IReadOnlyList<ContactRecord> Contacts { get; private set; } = [];
    /// <summary>The mandates given at the agent's site, newest first.</summary>
    public IReadOnlyList<MandateRow> Mandates { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>Until when the resident's personal data is kept (Paris date); null while one of their cases is open.</summary>
    public DateOnly? KeptUntil { get; private set; }
    public int RetentionMonths => options.Value.RetentionMonths;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var (found, denied) = await residents.OpenAsync(User, id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        var resident = found!;
        Resident = resident;
        var siteId = DeskAccess.SiteOf(User);
        Today = clock.Today;
        CommuneName = await db.Communes.Where(c => c.InseeCode == resident.CommuneInseeCode).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        var nir = identifiers.Unprotect(resident.NirEncrypted);
        Nir = nir == null ? null : CarteBlanche.Platform.People.Nir.Format(nir);
        CafNumber = identifiers.Unprotect(resident.CafNumberEncrypted);
        FranceTravailId = identifiers.Unprotect(resident.FranceTravailIdEncrypted);
        Cases = await CaseRows.PageAsync(db, db.Set<Case>().Where(c => c.ResidentId == id && c.SiteId == siteId), CasesPage, cancellationToken);
        var mandateDay = Today;
        var mandates = await db.Set<Mandate>().AsNoTracking().Where(m => m.ResidentId == id && m.SiteId == siteId)
            .OrderByDescending(m => m.CreatedAt).ToListAsync(cancellationToken);
        var agentIds = mandates.Where(m => m.AgentId != null).Select(m => m.AgentId!.Value).Distinct().ToList();
        var agentNames = await db.Users.Where(u => agentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Mandates = mandates.Select(m => new MandateRow(m, m.StatusOn(mandateDay),
            m.AgentId is { } agent ? agentNames.GetValueOrDefault(agent, "") : "Tout le lieu")).ToList();
        // Retention counts every case of the resident, on every site.
        var allCases = await db.Set<Case>().Where(c => c.ResidentId == id).Select(c => new { c.State, c.ClosedAt }).ToListAsync(cancellationToken);
        var keptUntil = RetentionRule.KeptUntil(resident.CreatedAt, allCases.Select(c => (c.State != CaseState.Closed, c.ClosedAt)).ToList(), RetentionMonths);
        KeptUntil = keptUntil is { } until ? ParisClock.DayOf(until) : null;
        Contacts = await db.Set<ContactRecord>().Where(c => c.ResidentId == id).OrderByDescending(c => c.At).Take(50).ToListAsync(cancellationToken);
        var sections = new List<Contracts.CaseSection>();
        foreach (var source in sectionSources)
        {
            sections.Add(await source.ForResidentAsync(id, cancellationToken));
        }
        Sections = sections;
        await auditLog.RecordAsync(new AuditEvent("resident.read", "Resident", id.ToString("D"), AuditPurpose.ResidentReception), cancellationToken);
        return Page();
    }
}
