using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Payslips;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Platform.Audit;

namespace CarteBlanche.Employers.Pages.Employeurs.Bulletins;

/// <summary>An issued payslip, with every line the model gave, to read or print (the browser's print, to paper or PDF). Its firm's experts and owner see it; each reading is journaled.</summary>
[Authorize(Policy = Policies.Employers)]
public sealed class FicheModel(CarteBlancheDbContext db, EmployersAccess access, IAuditLog auditLog) : PageModel
{
    public Payslip Payslip { get; private set; } = null!;
    public PayslipView View { get; private set; } = null!;
    public Firm Firm { get; private set; } = null!;
    public Employee Employee { get; private set; } = null!;
    public EmploymentContract Contract { get; private set; } = null!;
    public string? Commune { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var payslip = await db.Set<Payslip>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        var firm = payslip == null ? null : await access.FindAsync(User, payslip.FirmId, cancellationToken);
        if (payslip == null || firm == null)
        {
            return NotFound();
        }
        Payslip = payslip;
        View = PayslipView.Of(payslip);
        Firm = firm;
        Employee = await db.Set<Employee>().AsNoTracking().SingleAsync(e => e.Id == payslip.EmployeeId, cancellationToken);
        Contract = await db.Set<EmploymentContract>().AsNoTracking().SingleAsync(c => c.Id == payslip.ContractId, cancellationToken);
        Commune = firm.CommuneInseeCode is { } code ? await db.Communes.Where(c => c.InseeCode == code).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken) : null;
        auditLog.Add(db, new AuditEvent("employers.payslip-read", "Payslip", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }
}
