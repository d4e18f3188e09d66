using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Territory;
using Microsoft.AspNetCore.Identity;

namespace CarteBlanche.Platform.Pages.Admin.Comptes;

[Authorize(Policy = Policies.Admin)]
public sealed class ModifierModel(
    CarteBlancheDbContext db,
    UserManager<Account> userManager,
    AccountAdministration administration,
    AccountInvitations invitations,
    IAuditLog auditLog,
    Microsoft.Extensions.Options.IOptions<Web.AppOptions> appOptions) : PageModel
{
    public sealed class AccountForm
    {
        public string DisplayName { get; set; } = "";
        public Guid? OrganisationId { get; set; }
        public Guid? SiteId { get; set; }
        public List<string> Roles { get; set; } = [];
        public string ConcurrencyStamp { get; set; } = "";
    }

    [BindProperty] public AccountForm Input { get; set; } = new();
    [BindProperty] public bool ConfirmDeactivation { get; set; }
    public Account Account { get; private set; } = default!;
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];
    public IReadOnlyList<Place> Sites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        await FillFormAsync();
        await auditLog.RecordAsync(new AuditEvent("account.read", "Account", id.ToString("D"), AuditPurpose.AccountAdministration), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var result = await administration.UpdateAsync(
            new UpdateAccount(id, Input.DisplayName, Input.OrganisationId ?? Guid.Empty, Input.Roles, Input.ConcurrencyStamp, Input.SiteId), ActorId, cancellationToken);
        if (!result.Succeeded)
        {
            result.AddTo(ModelState);
            return Page();
        }
        TempData["Succes"] = $"Le compte de {Input.DisplayName.Trim()} a été enregistré.";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostActivationAsync(Guid id, bool activate, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!activate && !ConfirmDeactivation)
        {
            await FillFormAsync();
            ModelState.AddModelError(nameof(ConfirmDeactivation), "Cochez la case pour confirmer la désactivation.");
            return Page();
        }
        var result = await administration.SetActiveAsync(id, activate, ActorId, cancellationToken);
        if (!result.Succeeded)
        {
            await FillFormAsync();
            result.AddTo(ModelState);
            return Page();
        }
        TempData["Succes"] = activate ? $"Le compte de {Account.DisplayName} est réactivé." : $"Le compte de {Account.DisplayName} est désactivé : il ne peut plus se connecter.";
        return RedirectToPage("Modifier", new { id });
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var result = await invitations.ResendAsync(id, ActorId, appOptions.Value.BaseUrlFor(Request), cancellationToken);
        if (!result.Succeeded)
        {
            await FillFormAsync();
            result.AddTo(ModelState);
            return Page();
        }
        TempData["Succes"] = $"Nouvelle invitation envoyée à {Account.Email}. Les liens précédents ne fonctionnent plus.";
        return RedirectToPage("Modifier", new { id });
    }

    /// <summary>Lost phone: the administrator switches the second factor off; the person sets it up again.</summary>
    public async Task<IActionResult> OnPostResetTwoFactorAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!Web.Confirmation.IsConfirmed(Request))
        {
            return Web.Confirmation.Ask(this, "Réinitialiser la double authentification ?", "Oui, réinitialiser",
                "La personne se connectera avec son seul mot de passe, puis devra la réactiver.", $"/admin/comptes/modifier/{id}");
        }
        var account = await userManager.FindByIdAsync(id.ToString("D"));
        if (account == null)
        {
            return NotFound();
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var disabled = await userManager.SetTwoFactorEnabledAsync(account, false);
        var reset = disabled.Succeeded ? await userManager.ResetAuthenticatorKeyAsync(account) : disabled;
        if (!reset.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            await LoadAsync(id, cancellationToken);
            await FillFormAsync();
            ModelState.AddModelError("", string.Join(" ", reset.Errors.Select(e => e.Description)));
            return Page();
        }
        auditLog.Add(db, new AuditEvent("security.2fa-reset", "Account", id.ToString("D"), AuditPurpose.TwoFactorResetByAdmin));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Succes"] = $"La double authentification de {account.DisplayName} est réinitialisée : la personne pourra la réactiver depuis « Mon compte ».";
        return RedirectToPage("Modifier", new { id });
    }

    private Guid ActorId => User.AccountId();

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().Include(a => a.Organisation).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account == null)
        {
            return false;
        }
        Account = account;
        Organisations = await db.Organisations.Where(o => o.IsActive || o.Id == account.OrganisationId).OrderBy(o => o.SearchName).ToListAsync(cancellationToken);
        Sites = await db.Places.Where(p => p.IsActive || p.Id == account.SiteId)
            .OrderBy(p => p.Kind == PlaceKind.FranceServices ? 0 : 1).ThenBy(p => p.Name).ToListAsync(cancellationToken);
        return true;
    }

    private async Task FillFormAsync()
    {
        Input = new AccountForm
        {
            DisplayName = Account.DisplayName,
            OrganisationId = Account.OrganisationId,
            SiteId = Account.SiteId,
            Roles = (await userManager.GetRolesAsync(Account)).ToList(),
            ConcurrencyStamp = Account.ConcurrencyStamp ?? "",
        };
    }
}
