using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Mandates;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Desk.Pages.Mandats;

/// <summary>The French mandate form, to print and sign (print stylesheet: only the form goes on paper).</summary>
[Authorize(Policy = Policies.Desk)]
public sealed class ImprimerModel(CarteBlancheDbContext db, DeskAccess access, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public MandateDetails Details { get; private set; } = default!;
    public MandateStatus Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var (details, denied) = await MandateDetails.OpenAsync(db, access, User, id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        Details = details!;
        Status = Details.Mandate.StatusOn(clock.Today);
        await auditLog.RecordAsync(new AuditEvent("mandate.read", "Mandate", id.ToString("D"), AuditPurpose.MandatePrint), cancellationToken);
        return Page();
    }
}
