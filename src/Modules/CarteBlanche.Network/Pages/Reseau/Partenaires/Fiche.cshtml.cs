using System.ComponentModel.DataAnnotations;
using CarteBlanche.Network.Partners;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Territory;

namespace CarteBlanche.Network.Pages.Reseau.Partenaires;

public sealed record ReferentRow(Guid Id, string Name, string? Email, string Territory, bool IsLead);

/// <summary>
/// A partner organisation's settings: its referents (one lead per territory), its directory entry and shared mailbox,
/// its API keys. For coordinators and admins, and for the organisation's lead referents.
/// </summary>
[Authorize(Policy = Policies.Network)]
public sealed class FicheModel(CarteBlancheDbContext db, IAuditLog auditLog, TimeProvider timeProvider) : PageModel
{

    public Organisation Organisation { get; private set; } = default!;
    public PartnerProfile Profile { get; private set; } = default!;
    public IReadOnlyList<ReferentRow> Referents { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Candidates { get; private set; } = [];
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    /// <summary>A key just created: shown once, never stored in clear.</summary>
    public string? NewKeyValue { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        // A key just created comes once through TempData (an encrypted, read-once cookie): reloading does not show it again.
        NewKeyValue = TempData["NouvelleCle"] as string;
        return denied ?? Page();
    }

    public async Task<IActionResult> OnPostProfileAsync(Guid id, string? sharedMailbox, List<string> domains, string? openingHours, string? channels, string? description, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        if (!string.IsNullOrWhiteSpace(sharedMailbox) && !new EmailAddressAttribute().IsValid(sharedMailbox.Trim()))
        {
            ModelState.AddModelError(nameof(sharedMailbox), "L'adresse de la boîte partagée n'est pas valide (exemple : partenaires@organisme.fr).");
            return Page();
        }
        Profile.SharedMailbox = Trim(sharedMailbox, 254);
        Profile.Domains = string.Join(",", domains.Where(d => Desk.Contracts.NeedDomains.All.Any(n => n.Code == d)).Distinct());
        Profile.OpeningHours = Trim(openingHours, 300);
        Profile.Channels = Trim(channels, 500);
        Profile.Description = Trim(description, 1000);
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "Fiche de l'organisme enregistrée.");
    }

    public async Task<IActionResult> OnPostNameAsync(Guid id, Guid? accountId, string? territory, bool isLead, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        territory = string.IsNullOrWhiteSpace(territory) ? NetworkOptions.DefaultTerritory : territory.Trim();
        if (accountId == null || Candidates.All(c => c.Id != accountId))
        {
            ModelState.AddModelError(nameof(accountId), "Choisissez un compte « Référent partenaire » de l'organisme.");
        }
        if (territory.Length is < 2 or > 3 || !territory.All(char.IsAsciiLetterOrDigit))
        {
            ModelState.AddModelError(nameof(territory), "Le territoire est un code de département (46, 2A, 971…).");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await db.Set<Referent>().AnyAsync(r => r.AccountId == accountId && r.Territory == territory, cancellationToken))
        {
            ModelState.AddModelError(nameof(accountId), "Ce compte est déjà référent pour ce territoire.");
            return Page();
        }
        if (isLead)
        {
            await db.Set<Referent>().Where(r => r.OrganisationId == id && r.Territory == territory).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsLead, false), cancellationToken);
        }
        db.Add(new Referent { AccountId = accountId!.Value, OrganisationId = id, Territory = territory, IsLead = isLead, NamedAt = timeProvider.GetUtcNow() });
        auditLog.Add(db, new AuditEvent("network.referent-named", "Account", accountId.Value.ToString("D"), AuditPurpose.OrganisationReferents));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "Référent nommé.");
    }

    public async Task<IActionResult> OnPostLeadAsync(Guid id, Guid referentId, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        var referent = await db.Set<Referent>().SingleOrDefaultAsync(r => r.Id == referentId && r.OrganisationId == id, cancellationToken);
        if (referent == null)
        {
            return NotFound();
        }
        await db.Set<Referent>().Where(r => r.OrganisationId == id && r.Territory == referent.Territory).ExecuteUpdateAsync(s => s.SetProperty(r => r.IsLead, false), cancellationToken);
        referent.IsLead = true;
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, "Référent principal désigné.");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid referentId, bool confirm, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        if (!confirm)
        {
            ModelState.AddModelError("", "Cochez « Je confirme » pour retirer ce référent.");
            return Page();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Set<Referent>().Where(r => r.Id == referentId && r.OrganisationId == id).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            auditLog.Add(db, new AuditEvent("network.referent-removed", "Referent", referentId.ToString("D"), AuditPurpose.OrganisationReferents));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return Done(id, "Référent retiré.");
    }

    public async Task<IActionResult> OnPostCreateKeyAsync(Guid id, string? keyName, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        if (string.IsNullOrWhiteSpace(keyName) || keyName.Trim().Length > 100)
        {
            ModelState.AddModelError(nameof(keyName), "Nommez la clé (l'outil qui l'utilise), en 100 caractères au plus.");
            return Page();
        }
        var (key, value) = ApiKey.Create(id, keyName, Actor.Of(User).Id, timeProvider.GetUtcNow());
        db.Add(key);
        auditLog.Add(db, new AuditEvent("network.api-key-created", "ApiKey", key.Id.ToString("D"), AuditPurpose.OrganisationSettings));
        await db.SaveChangesAsync(cancellationToken);
        TempData["NouvelleCle"] = value;
        return Redirect($"/reseau/partenaires/{id:D}");
    }

    public async Task<IActionResult> OnPostRevokeKeyAsync(Guid id, Guid keyId, bool confirm, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        if (!confirm)
        {
            ModelState.AddModelError("", "Cochez « Je confirme » pour révoquer la clé : l'outil qui l'utilise ne pourra plus se connecter.");
            return Page();
        }
        var key = await db.Set<ApiKey>().SingleOrDefaultAsync(k => k.Id == keyId && k.OrganisationId == id, cancellationToken);
        if (key == null)
        {
            return NotFound();
        }
        key.RevokedAt ??= timeProvider.GetUtcNow();
        auditLog.Add(db, new AuditEvent("network.api-key-revoked", "ApiKey", key.Id.ToString("D"), AuditPurpose.OrganisationSettings));
        await db.SaveChangesAsync(cancellationToken);
        return Done(id, $"Clé « {key.Name} » révoquée.");
    }

    private RedirectResult Done(Guid id, string message)
    {
        TempData["Succes"] = message;
        return Redirect($"/reseau/partenaires/{id:D}");
    }

    private static string? Trim(string? value, int max) => string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var t && t.Length > max ? t[..max] : value.Trim();

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation == null)
        {
            return NotFound();
        }
        var me = Actor.Of(User).Id;
        var isLead = User.IsInRole(Roles.PartnerReferent) && NetworkAccess.OrganisationOf(User) == id
            && await db.Set<Referent>().AnyAsync(r => r.AccountId == me && r.OrganisationId == id && r.IsLead, cancellationToken);
        if (!NetworkAccess.IsCoordinator(User) && !isLead)
        {
            await auditLog.RecordAsync(new AuditEvent("security.access-denied", "Organisation", id.ToString("D"), AuditPurpose.OrganisationSettings), cancellationToken);
            return Forbid();
        }
        Organisation = organisation;
        var profile = await db.Set<PartnerProfile>().SingleOrDefaultAsync(p => p.OrganisationId == id, cancellationToken);
        if (profile == null)
        {
            profile = new PartnerProfile { OrganisationId = id };
            db.Add(profile);
        }
        Profile = profile;
        Referents = await (from r in db.Set<Referent>().AsNoTracking()
                           join u in db.Users on r.AccountId equals u.Id
                           where r.OrganisationId == id
                           orderby r.Territory, r.IsLead descending, u.SearchName
                           select new ReferentRow(r.Id, u.DisplayName, u.Email, r.Territory, r.IsLead)).ToListAsync(cancellationToken);
        Candidates = (await db.ActiveInRoles(Roles.PartnerReferent).AsNoTracking().Where(u => u.OrganisationId == id)
            .OrderBy(u => u.SearchName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.DisplayName)).ToList();
        Keys = await db.Set<ApiKey>().AsNoTracking().Where(k => k.OrganisationId == id).OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
        return null;
    }
}
