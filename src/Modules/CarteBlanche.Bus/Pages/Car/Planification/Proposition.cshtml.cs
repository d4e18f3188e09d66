using CarteBlanche.Bus.Planning;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Database;
using CarteBlanche.Tours;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CarteBlanche.Bus.Pages.Car.Planification;

/// <summary>A proposal: its timetable, figures and the communes left out (and why), compared with what is published; publishing it replaces the cycle's timetable.</summary>
[Authorize(Policy = Policies.TerritoryEditors)]
public sealed class PropositionModel(CarteBlancheDbContext db, BusPlanning planning, IAuditLog auditLog) : PageModel
{
    public TourPlanRun Run { get; private set; } = default!;
    public TourPlan Plan { get; private set; } = default!;
    public PlanComparison Comparison { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        var error = await planning.PublishAsync(id, cancellationToken);
        if (error != null)
        {
            var denied = await LoadAsync(id, cancellationToken);
            ModelState.AddModelError("", error);
            return denied ?? Page();
        }
        await auditLog.RecordAsync(new AuditEvent("bus.plan-published", "TourPlanRun", id.ToString("D")), cancellationToken);
        TempData["Succes"] = "La tournée est publiée : les habitants la voient sur les pages du car.";
        return Redirect("/car");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await db.Set<TourPlanRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run == null)
        {
            return NotFound();
        }
        Run = run;
        Plan = BusPlanning.PlanOf(run);
        Comparison = await planning.CompareAsync(run, cancellationToken);
        return null;
    }
}
