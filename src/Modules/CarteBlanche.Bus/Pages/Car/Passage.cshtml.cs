using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CarteBlanche.Bus.Pages.Car;

/// <summary>Cancelling a published passage: the notice shows on the public pages and the calendars mark it cancelled.</summary>
[Authorize(Policy = Policies.BusCrew)]
public sealed class PassageModel(CarteBlancheDbContext db, IAuditLog auditLog, TimeProvider timeProvider, ChangeNotifier notifier, Microsoft.Extensions.Options.IOptions<Platform.Web.AppOptions> appOptions) : PageModel
{
    public BusPassage Passage { get; private set; } = default!;
    public string CommuneName { get; private set; } = "";
    public BusVisit? Visit { get; private set; }
    public bool IsCoordinator => User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin);

    /// <summary>The crew records the passage: visitors, domains, desk cases opened, notes. Recording again replaces it.</summary>
    public async Task<IActionResult> OnPostVisitAsync(Guid id, int? visitors, List<string> domains, int? casesOpened, string? notes, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        if (Passage.Status == PassageStatus.Cancelled)
        {
            ModelState.AddModelError("", "Ce passage a été annulé : il n'y a pas de visite à enregistrer.");
        }
        if (visitors is not (>= 0 and <= 500))
        {
            ModelState.AddModelError(nameof(visitors), "Indiquez le nombre de visiteurs (0 à 500).");
        }
        if (casesOpened is not (>= 0 and <= 500) || casesOpened > visitors)
        {
            ModelState.AddModelError(nameof(casesOpened), "Le nombre de demandes ouvertes est entre 0 et le nombre de visiteurs.");
        }
        if (notes?.Trim().Length > 2000)
        {
            ModelState.AddModelError(nameof(notes), "Les notes dépassent 2 000 caractères.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var known = CarteBlanche.Desk.Contracts.NeedDomains.All.Select(d => d.Code).ToHashSet();
        var visit = await db.Set<BusVisit>().SingleOrDefaultAsync(v => v.PassageId == id, cancellationToken);
        if (visit == null)
        {
            visit = new BusVisit { PassageId = id };
            db.Add(visit);
        }
        visit.Visitors = visitors!.Value;
        visit.CasesOpened = casesOpened!.Value;
        visit.Domains = string.Join(",", domains.Where(known.Contains).Distinct());
        visit.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        visit.RecordedBy = Guid.Parse(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value);
        visit.RecordedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = "Visite enregistrée.";
        return Redirect($"/car/passages/{id:D}");
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? notice, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        if (!IsCoordinator)
        {
            return Forbid();
        }
        if (Passage.Status == PassageStatus.Cancelled)
        {
            ModelState.AddModelError("", "Ce passage est déjà annulé.");
            return Page();
        }
        if (string.IsNullOrWhiteSpace(notice) || notice.Trim().Length > 500)
        {
            ModelState.AddModelError(nameof(notice), "Écrivez l'avis affiché aux habitants (500 caractères au plus), par exemple : « remplacé par le jeudi 16 avril, mêmes horaires ».");
            return Page();
        }
        var passage = await db.Set<BusPassage>().SingleAsync(p => p.Id == id, cancellationToken);
        passage.Status = PassageStatus.Cancelled;
        passage.Notice = notice.Trim();
        passage.Sequence++;
        var when = $"{passage.Date.ToString("dddd d MMMM", Platform.Web.FrenchFormat.Culture)} ({PassageView.Hour(passage.Start)} – {PassageView.Hour(passage.End)})";
        var told = await notifier.NotifyAsync(Passage.Stop!.CommuneInseeCode, CommuneName, $"Le passage du {when} est annulé. {passage.Notice}", appOptions.Value.BaseUrlFor(Request), cancellationToken);
        // The passage, the messages and the subscribers' new unsubscribe links are saved together.
        await db.SaveChangesAsync(cancellationToken);
        await auditLog.RecordAsync(new AuditEvent("bus.passage-cancelled", "BusPassage", id.ToString("D")), cancellationToken);
        TempData["Succes"] = $"Passage annulé : l'avis est affiché sur la page de la commune{(told > 0 ? $" et {told} abonné(s) sont prévenus" : "")}.";
        return Redirect($"/car/passages/{id:D}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var passage = await db.Set<BusPassage>().AsNoTracking().Include(p => p.Stop).ThenInclude(s => s!.Commune).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (passage == null)
        {
            return NotFound();
        }
        (Passage, CommuneName) = (passage, passage.Stop!.Commune!.Name);
        Visit = await db.Set<BusVisit>().AsNoTracking().SingleOrDefaultAsync(v => v.PassageId == id, cancellationToken);
        return null;
    }
}
