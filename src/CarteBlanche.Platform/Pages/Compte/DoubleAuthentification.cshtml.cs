using System.ComponentModel.DataAnnotations;
using System.Text;
using CarteBlanche.Platform.Audit;
using Microsoft.AspNetCore.Identity;

namespace CarteBlanche.Platform.Pages.Compte;

/// <summary>Optional TOTP second factor (RFC 6238), with any authenticator application.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DoubleAuthentificationModel(Database.CarteBlancheDbContext db, UserManager<Account> userManager, SignInManager<Account> signInManager, IUserStore<Account> userStore, IAuditLog auditLog) : PageModel
{
    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Saisissez le code à 6 chiffres affiché par votre application.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Le code est composé de 6 chiffres.")]
    public string Code { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await userManager.GetUserAsync(User);
        if (account == null)
        {
            return Challenge();
        }
        await LoadAsync(account);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var account = await userManager.GetUserAsync(User);
        if (account == null)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(account);
            return Page();
        }
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var valid = await userManager.VerifyTwoFactorTokenAsync(account, userManager.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError(nameof(Code), "Code incorrect. Vérifiez l'heure de votre téléphone et saisissez le code affiché en ce moment.");
            await LoadAsync(account);
            return Page();
        }
        // The same context as the account store: the change and its journal line are saved together.
        auditLog.Add(db, new AuditEvent("security.2fa-enabled", "Account", account.Id.ToString("D")));
        await userManager.SetTwoFactorEnabledAsync(account, true);
        await signInManager.RefreshSignInAsync(account);
        TempData["Succes"] = "La double authentification est activée.";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var account = await userManager.GetUserAsync(User);
        if (account == null)
        {
            return Challenge();
        }
        // A stolen open session is not enough: the current code is asked for.
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (!ModelState.IsValid || !await userManager.VerifyTwoFactorTokenAsync(account, userManager.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(Code), "Code incorrect. Saisissez le code affiché en ce moment par votre application.");
            await LoadAsync(account);
            return Page();
        }
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await userManager.SetTwoFactorEnabledAsync(account, false);
            // A new key: the old one, perhaps copied somewhere, stops working.
            auditLog.Add(db, new AuditEvent("security.2fa-disabled", "Account", account.Id.ToString("D")));
            await userManager.ResetAuthenticatorKeyAsync(account);
            await transaction.CommitAsync();
        }
        await signInManager.RefreshSignInAsync(account);
        TempData["Succes"] = "La double authentification est désactivée.";
        return RedirectToPage("Index");
    }

    private async Task LoadAsync(Account account)
    {
        Enabled = account.TwoFactorEnabled;
        if (Enabled)
        {
            return;
        }
        var key = await userManager.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            // A first key, stored without touching the security stamp: merely opening this page must not end the
            // account's sessions. Enabling (and disabling, which resets the key) do rotate the stamp.
            key = userManager.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<Account>)userStore).SetAuthenticatorKeyAsync(account, key, HttpContext.RequestAborted);
            await userManager.UpdateAsync(account);
        }
        SharedKey = Group(key!);
        AuthenticatorUri = $"otpauth://totp/{Uri.EscapeDataString("Carte Blanche")}:{Uri.EscapeDataString(account.Email!)}?secret={key}&issuer={Uri.EscapeDataString("Carte Blanche")}&digits=6";
    }

    private static string Group(string key)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            sb.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        return sb.ToString().TrimEnd().ToLowerInvariant();
    }
}
