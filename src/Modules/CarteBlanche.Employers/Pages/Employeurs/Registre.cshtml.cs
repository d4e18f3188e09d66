using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Platform.Audit;

namespace CarteBlanche.Employers.Pages.Employeurs;

/// <summary>The firm's staff register, in the order of hiring, to read and print; lines are added by hirings and never changed here.</summary>
[Authorize(Policy = Policies.Employers)]
public sealed class RegistreModel(CarteBlancheDbContext db, EmployersAccess access, IAuditLog auditLog) : PageModel
{
    public Firm Firm { get; private set; } = null!;
    public IReadOnlyList<StaffRegisterEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var firm = await access.FindAsync(User, id, cancellationToken);
        if (firm == null)
        {
            return NotFound();
        }
        Firm = firm;
        Entries = (await db.Set<StaffRegisterEntry>().AsNoTracking().Where(e => e.FirmId == id).ToListAsync(cancellationToken)).OrderBy(e => e.Number).ToList();
        auditLog.Add(db, new AuditEvent("employers.register-read", "Firm", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }
}
