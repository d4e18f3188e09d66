using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Mandates;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteBlanche.Desk.Pages.Mandats;

/// <summary>The French mandate form, to print and sign (print stylesheet: only the form goes on paper).</summary>
[Authorize(Policy = Policies.Desk)]
public sealed class ImprimerModel(CarteBlancheDbContext db, DeskAccess access, IAuditLog auditLog, FrenchBusinessCalendar calendar, TimeProvider timeProvider) : PageModel
{
    public MandateDetails Details { get; private set; } = default!;
    public MandateStatus Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var details = await MandateDetails.LoadAsync(db, id, cancellationToken);
        if (details == null)
        {
            return NotFound();
        }
        if (!DeskAccess.CanSee(User, details.Mandate.SiteId))
        {
            await access.RecordRefusalAsync("Mandate", id, cancellationToken);
            return Forbid();
        }
        Details = details;
        Status = details.Mandate.StatusOn(DateOnly.FromDateTime(calendar.ToLocalTime(timeProvider.GetUtcNow())));
        await auditLog.RecordAsync(new AuditEvent("mandate.read", "Mandate", id.ToString("D"), AuditPurpose.MandatePrint), cancellationToken);
        return Page();
    }
}
