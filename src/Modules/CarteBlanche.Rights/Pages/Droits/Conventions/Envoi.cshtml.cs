using CarteBlanche.Rights.Conventions;
using CarteBlanche.Rights.Exchange;

namespace CarteBlanche.Rights.Pages.Droits.Conventions;

/// <summary>
/// A file sent from the page, followed while it is imported in the background (a progress bar, the page refreshing
/// itself), then its result: imported, or refused with its errors by line. For those who may send that operator's file.
/// </summary>
[Authorize(Policy = Policies.RightsStewards)]
public sealed class EnvoiModel(CarteBlancheDbContext db, ImportQueue queue, CarteBlanche.Platform.Calendar.ParisClock clock) : PageModel
{
    /// <summary>
    /// An import « en cours » for longer, and not in this server's queue, is taken as interrupted. Within it, another
    /// instance of the app may be running it (its queue is in its memory), so the page keeps waiting.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(15);

    public Convention Convention { get; private set; } = default!;
    public OperatorImport? Import { get; private set; }
    public string Operator { get; private set; } = "";
    /// <summary>Sent, not started yet.</summary>
    public bool Waiting { get; private set; }

    public bool Running => Waiting || Import?.Status == ImportStatus.Running && (queue.IsWaiting(Import.Id) || clock.Now - Import.StartedAt < StaleAfter);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid importId, CancellationToken cancellationToken)
    {
        var convention = await db.Set<Convention>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (convention == null)
        {
            return NotFound();
        }
        Convention = convention;
        Import = await db.Set<OperatorImport>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == importId && i.ConventionId == id, cancellationToken);
        if (Import == null)
        {
            // Not started yet: only its sender follows it until then.
            Waiting = queue.Waiting(importId) is { } job && job.ConventionId == id && job.By == User.AccountId();
            return Waiting ? Page() : NotFound();
        }
        // A data steward follows only their own organisation's files.
        var steward = User.IsInRole(Roles.DataSteward) && !User.IsInRole(Roles.Coordinator) && !User.IsInRole(Roles.Admin);
        if (steward && Import.OperatorId != User.Organisation() || convention.Parties.All(p => p.OrganisationId != Import.OperatorId))
        {
            return Forbid();
        }
        Operator = await db.Organisations.Where(o => o.Id == Import.OperatorId).Select(o => o.Name).SingleAsync(cancellationToken);
        return Page();
    }
}
