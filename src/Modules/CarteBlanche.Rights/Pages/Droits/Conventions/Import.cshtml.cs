using CarteBlanche.Platform.Web;
using CarteBlanche.Rights.Conventions;
using CarteBlanche.Rights.Exchange;
using Microsoft.AspNetCore.Http;

namespace CarteBlanche.Rights.Pages.Droits.Conventions;

public sealed record ImportRow(OperatorImport Import, string Operator);

/// <summary>
/// A data steward sends their organisation's file under a convention (coordinators and admins for any party): the
/// format the data dictionary sets, the result with its errors by line, and the imports already made.
/// </summary>
[Authorize(Policy = Policies.RightsStewards)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class ImportModel(CarteBlancheDbContext db, ImportQueue queue, CarteBlanche.Platform.Audit.IAuditLog auditLog, CarteBlanche.Platform.Calendar.ParisClock clock) : PageModel
{
    public const long MaxBytes = 200L * 1024 * 1024;

    public Convention Convention { get; private set; } = default!;
    public IReadOnlyList<(Guid Id, string Name)> Operators { get; private set; } = [];
    public IReadOnlyList<ImportRow> Imports { get; private set; } = [];
    /// <summary>The operator's API key in force, if any (its value is never shown again).</summary>
    public OperatorApiKey? ApiKey { get; private set; }
    /// <summary>A key just created: shown once.</summary>
    public string? NewKey { get; private set; }
    public string? KeyMessage { get; private set; }
    /// <summary>Keys are for the operator's own data stewards.</summary>
    public bool ManagesKey => User.IsInRole(Roles.DataSteward) && User.Organisation() == OperatorId;

    [BindProperty(SupportsGet = true)] public Guid OperatorId { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public IReadOnlyList<SharedAttribute> Shared => Convention.Attributes.Where(a => a.OperatorId == OperatorId).OrderBy(a => a.Code).ToList();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        if (Operators.All(o => o.Id != OperatorId))
        {
            ModelState.AddModelError(nameof(OperatorId), "Choisissez l'organisme dont vous transmettez le fichier.");
        }
        var extension = Path.GetExtension(Upload?.FileName ?? "").ToLowerInvariant();
        if (Upload == null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choisissez le fichier à transmettre (CSV ou JSON Lines).");
        }
        else if (extension is not (".csv" or ".jsonl" or ".json" or ".txt"))
        {
            ModelState.AddModelError(nameof(Upload), $"Le fichier « {Upload.FileName} » n'est ni un CSV (.csv) ni un JSON Lines (.jsonl).");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // The file is imported in the background (a few seconds for 100,000 rows): the page follows its progress.
        var path = Path.GetTempFileName();
        await using (var copy = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            await Upload!.CopyToAsync(copy, cancellationToken);
        }
        var importId = Guid.NewGuid();
        queue.Enqueue(new ImportJob(importId, Convention.Id, OperatorId, path, Upload.FileName, User.AccountId()));
        return Redirect($"/droits/conventions/{Convention.Id}/fichiers/{importId}");
    }

    public async Task<IActionResult> OnPostNewKeyAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        if (!ManagesKey)
        {
            return Forbid();
        }
        await RevokeCurrentKeyAsync(id, cancellationToken);
        NewKey = SecretTokens.New(32);
        db.Add(new OperatorApiKey { ConventionId = id, OperatorId = OperatorId, TokenHash = SecretTokens.HashOf(NewKey), CreatedAt = clock.Now, CreatedBy = User.AccountId() });
        auditLog.Add(db, new CarteBlanche.Platform.Audit.AuditEvent("rights.api-key-create", "Convention", id.ToString("D"), CarteBlanche.Platform.Audit.AuditPurpose.OperatorData, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        await LoadKeyAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeKeyAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }
        if (!ManagesKey)
        {
            return Forbid();
        }
        var revoked = await RevokeCurrentKeyAsync(id, cancellationToken);
        auditLog.Add(db, new CarteBlanche.Platform.Audit.AuditEvent("rights.api-key-revoke", "Convention", id.ToString("D"), CarteBlanche.Platform.Audit.AuditPurpose.OperatorData, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        KeyMessage = revoked > 0 ? "Clé révoquée : les envois avec cette clé sont refusés dès maintenant." : "Aucune clé en vigueur.";
        await LoadKeyAsync(cancellationToken);
        return Page();
    }

    /// <summary>Revokes the operator's key in force under the convention, if any; the number revoked.</summary>
    private Task<int> RevokeCurrentKeyAsync(Guid conventionId, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var by = User.AccountId();
        return db.Set<OperatorApiKey>().Where(k => k.ConventionId == conventionId && k.OperatorId == OperatorId && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now).SetProperty(k => k.RevokedBy, by), cancellationToken);
    }

    private async Task LoadKeyAsync(CancellationToken cancellationToken) =>
        ApiKey = await db.Set<OperatorApiKey>().AsNoTracking().Where(k => k.ConventionId == Convention.Id && k.OperatorId == OperatorId && k.RevokedAt == null).FirstOrDefaultAsync(cancellationToken);

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var convention = await db.Set<Convention>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (convention == null)
        {
            return NotFound();
        }
        Convention = convention;
        var parties = convention.Parties.Select(p => p.OrganisationId).ToList();
        // A data steward sends only their own organisation's file.
        if (User.IsInRole(Roles.DataSteward) && !User.IsInRole(Roles.Coordinator) && !User.IsInRole(Roles.Admin))
        {
            parties = parties.Where(p => p == User.Organisation()).ToList();
            if (parties.Count == 0)
            {
                return Forbid();
            }
        }
        var names = await db.Organisations.AsNoTracking().Where(o => parties.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        Operators = names.Select(o => (o.Id, o.Name)).ToList();
        if (Operators.All(o => o.Id != OperatorId) && Operators.Count > 0)
        {
            OperatorId = Operators[0].Id;
        }
        await LoadImportsAsync(cancellationToken);
        await LoadKeyAsync(cancellationToken);
        return null;
    }

    private async Task LoadImportsAsync(CancellationToken cancellationToken)
    {
        var ids = Operators.Select(o => o.Id).ToList();
        var imports = await db.Set<OperatorImport>().AsNoTracking()
            .Where(i => i.ConventionId == Convention.Id && ids.Contains(i.OperatorId))
            .OrderByDescending(i => i.StartedAt).Take(20).ToListAsync(cancellationToken);
        Imports = imports.Select(i => new ImportRow(i, Operators.FirstOrDefault(o => o.Id == i.OperatorId).Name ?? "")).ToList();
    }
}
