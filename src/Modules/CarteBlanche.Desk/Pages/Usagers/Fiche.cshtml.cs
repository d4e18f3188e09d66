using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Mandates;
using CarteBlanche.Desk.Residents;
using CarteBlanche.Desk.Retention;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Desk.Pages.Usagers;

public sealed record MandateRow(Mandate Mandate, MandateStatus Status, string GrantedTo);

/// <summary>The resident's page: identity, contact, cases, mandates, contact history, until when it is all kept. Every view is journaled.</summary>
public sealed class FicheModel(CarteBlancheDbContext db, ResidentIdentifiers identifiers, DeskAccess access, IAuditLog auditLog, TimeProvider timeProvider,
    IOptions<DeskOptions> options, FrenchBusinessCalendar calendar) : PageModel
{
    public Resident Resident { get; private set; } = default!;
    public string? CommuneName { get; private set; }
    public string? Nir { get; private set; }
    public string? CafNumber { get; private set; }
    public string? FranceTravailId { get; private set; }
    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];
    public IReadOnlyList<ContactRecord> Contacts { get; private set; } = [];
    /// <summary>The mandates given at the agent's site, newest first.</summary>
    public IReadOnlyList<MandateRow> Mandates { get; private set; } = [];
    public DateOnly Today { get; private set; }
    /// <summary>Until when the resident's personal data is kept (Paris date); null while one of their cases is open.</summary>
    public DateOnly? KeptUntil { get; private set; }
    public int RetentionMonths => options.Value.RetentionMonths;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var resident = await db.Set<Resident>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resident == null)
        {
            return NotFound();
        }
        var siteId = DeskAccess.SiteOf(User);
        var visible = resident.SiteId == siteId || await db.Set<Case>().AnyAsync(c => c.ResidentId == id && c.SiteId == siteId, cancellationToken);
        if (!DeskAccess.IsDeskUser(User) || !visible)
        {
            await access.RecordRefusalAsync("Resident", id, cancellationToken);
            return Forbid();
        }
        Resident = resident;
        Today = DateOnly.FromDateTime(timeProvider.GetLocalNow().DateTime);
        CommuneName = await db.Communes.Where(c => c.InseeCode == resident.CommuneInseeCode).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        var nir = identifiers.Unprotect(resident.NirEncrypted);
        Nir = nir == null ? null : Residents.Nir.Format(nir);
        CafNumber = identifiers.Unprotect(resident.CafNumberEncrypted);
        FranceTravailId = identifiers.Unprotect(resident.FranceTravailIdEncrypted);
        Cases = await CaseRows.ListAsync(db, db.Set<Case>().Where(c => c.ResidentId == id && c.SiteId == siteId), cancellationToken);
        var mandateDay = DateOnly.FromDateTime(calendar.ToLocalTime(timeProvider.GetUtcNow()));
        var mandates = await db.Set<Mandate>().AsNoTracking().Where(m => m.ResidentId == id && m.SiteId == siteId)
            .OrderByDescending(m => m.CreatedAt).ToListAsync(cancellationToken);
        var agentIds = mandates.Where(m => m.AgentId != null).Select(m => m.AgentId!.Value).Distinct().ToList();
        var agentNames = await db.Users.Where(u => agentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Mandates = mandates.Select(m => new MandateRow(m, m.StatusOn(mandateDay),
            m.AgentId is { } agent ? agentNames.GetValueOrDefault(agent, "") : "Tout le lieu")).ToList();
        // Retention counts every case of the resident, on every site.
        var allCases = await db.Set<Case>().Where(c => c.ResidentId == id).Select(c => new { c.State, c.ClosedAt }).ToListAsync(cancellationToken);
        var keptUntil = RetentionRule.KeptUntil(resident.CreatedAt, allCases.Select(c => (c.State != CaseState.Closed, c.ClosedAt)).ToList(), RetentionMonths);
        KeptUntil = keptUntil is { } until ? DateOnly.FromDateTime(calendar.ToLocalTime(until)) : null;
        Contacts = await db.Set<ContactRecord>().Where(c => c.ResidentId == id).OrderByDescending(c => c.At).Take(50).ToListAsync(cancellationToken);
        await auditLog.RecordAsync(new AuditEvent("resident.read", "Resident", id.ToString("D"), AuditPurpose.ResidentReception), cancellationToken);
        return Page();
    }
}
