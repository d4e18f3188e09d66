using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Procedures;
using CarteBlanche.Platform.Audit;

namespace CarteBlanche.Desk.Pages.Demarches;

public sealed record PendingSuggestion(ProcedureSuggestion Suggestion, Procedure Procedure, string Author);

/// <summary>Coordinators review agents' proposals: publish (the catalogue changes) or reject.</summary>
[Authorize(Policy = Policies.TerritoryEditors)]
public sealed class PropositionsModel(CarteBlancheDbContext db, IAuditLog auditLog, TimeProvider timeProvider) : PageModel
{
    public IReadOnlyList<PendingSuggestion> Pending { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, (s, p, me, now) => s.Publish(p, me, now), "publiée : la démarche est mise à jour", cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken cancellationToken) =>
        DecideAsync(id, (s, _, me, now) => s.Reject(me, now), "refusée", cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid id, Func<ProcedureSuggestion, Procedure, Guid, DateTimeOffset, string?> decide, string done, CancellationToken cancellationToken)
    {
        var suggestion = await db.Set<ProcedureSuggestion>().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion == null)
        {
            return NotFound();
        }
        var procedure = await db.Set<Procedure>().SingleAsync(p => p.Id == suggestion.ProcedureId, cancellationToken);
        var error = decide(suggestion, procedure, DeskAccess.ActorOf(User), timeProvider.GetUtcNow());
        if (error != null)
        {
            ModelState.AddModelError("", error);
            await LoadAsync(cancellationToken);
            return Page();
        }
        auditLog.Add(db, new AuditEvent("procedure.suggestion-" + suggestion.Status.ToString().ToLowerInvariant(), "Procedure", procedure.Code));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Proposition sur « {procedure.Title} » {done}.";
        return RedirectToPage("Propositions");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var rows = await (from s in db.Set<ProcedureSuggestion>()
                          join p in db.Set<Procedure>() on s.ProcedureId equals p.Id
                          join u in db.Users on s.AuthorId equals u.Id
                          where s.Status == SuggestionStatus.Pending
                          orderby s.CreatedAt
                          select new { s, p, u.DisplayName }).ToListAsync(cancellationToken);
        Pending = rows.Select(r => new PendingSuggestion(r.s, r.p, r.DisplayName)).ToList();
    }
}
