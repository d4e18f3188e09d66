using System.Text.Json;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Rights.Campaigns;
using CarteBlanche.Rights.Exchange;

namespace CarteBlanche.Rights.Pages.Droits.Rapprochements;

/// <summary>
/// A link to review: the two operators' records side by side (as they are in each operator's current file), the
/// comparison of each field with its weight, and the data steward's decision — same person or two persons — which the
/// next campaigns apply. Reading and deciding are journaled.
/// </summary>
[Authorize(Policy = Policies.RightsStewards)]
public sealed class FicheModel(CarteBlancheDbContext db, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public LinkReview Review { get; private set; } = default!;
    public OperatorRecord? Left { get; private set; }
    public OperatorRecord? Right { get; private set; }
    public string LeftName { get; private set; } = "";
    public string RightName { get; private set; } = "";
    public IReadOnlyList<ReviewEvidence> Evidence { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        auditLog.Add(db, new AuditEvent("rights.link-review-read", "LinkReview", id.ToString("D"), AuditPurpose.OperatorData, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, ReviewDecision decision, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        if (decision == ReviewDecision.Pending || !Enum.IsDefined(decision))
        {
            ModelState.AddModelError("decision", "Choisissez « Même personne » ou « Deux personnes différentes ».");
            return Page();
        }
        var review = await db.Set<LinkReview>().SingleAsync(r => r.Id == id, cancellationToken);
        review.Decision = decision;
        review.DecidedAt = clock.Now;
        review.DecidedBy = User.AccountId();
        auditLog.Add(db, new AuditEvent("rights.link-review", "LinkReview", id.ToString("D"), AuditPurpose.OperatorData, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        Review = review;
        Saved = true;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var review = await db.Set<LinkReview>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (review == null)
        {
            return NotFound();
        }
        // The data stewards of the two operators concerned, and nobody else.
        var organisation = User.Organisation();
        if (!User.IsInRole(Roles.DataSteward) || (review.LeftOperatorId != organisation && review.RightOperatorId != organisation))
        {
            return Forbid();
        }
        Review = review;
        Left = await CurrentAsync(review.ConventionId, review.LeftOperatorId, review.LeftSourceId, cancellationToken);
        Right = await CurrentAsync(review.ConventionId, review.RightOperatorId, review.RightSourceId, cancellationToken);
        var names = await db.Organisations.AsNoTracking().Where(o => o.Id == review.LeftOperatorId || o.Id == review.RightOperatorId).ToDictionaryAsync(o => o.Id, o => o.ShortName ?? o.Name, cancellationToken);
        (LeftName, RightName) = (names.GetValueOrDefault(review.LeftOperatorId, "?"), names.GetValueOrDefault(review.RightOperatorId, "?"));
        Evidence = JsonSerializer.Deserialize<List<ReviewEvidence>>(review.Evidence) ?? [];
        return null;
    }

    /// <summary>The record as it is in the operator's current file; null when a newer file no longer has it.</summary>
    private async Task<OperatorRecord?> CurrentAsync(Guid conventionId, Guid operatorId, string sourceId, CancellationToken cancellationToken)
    {
        var import = await db.Set<OperatorImport>().Where(i => i.ConventionId == conventionId && i.OperatorId == operatorId && i.IsCurrent).Select(i => (Guid?)i.Id).SingleOrDefaultAsync(cancellationToken);
        return import == null ? null : await db.Set<OperatorRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.ImportId == import && r.SourceId == sourceId, cancellationToken);
    }

    public static string Sex(char sex) => sex switch { 'M' or 'm' => "Homme", 'F' or 'f' => "Femme", _ => "—" };
}
