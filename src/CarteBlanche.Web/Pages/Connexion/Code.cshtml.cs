using System.ComponentModel.DataAnnotations;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CarteBlanche.Web.Pages.Connexion;

/// <summary>Second step of the sign-in when the account has a TOTP second factor.</summary>
[Public("Deuxième étape de la connexion, avant d'être connecté.")]
[EnableRateLimiting(WebSetup.SignInRateLimit)]
public sealed class CodeModel(SignInManager<Account> signInManager, IAuditLog auditLog) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez le code à 6 chiffres affiché par votre application.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "Le code est composé de 6 chiffres.")]
    [Display(Name = "Code de vérification")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var account = await signInManager.GetTwoFactorAuthenticationUserAsync();
        return account == null ? RedirectToPage("/Connexion/Index") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (account == null)
        {
            return RedirectToPage("/Connexion/Index");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Trim();
        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        var recordId = account.Id.ToString("D");
        if (result.Succeeded)
        {
            await auditLog.RecordAsync(new AuditEvent("security.sign-in", "Account", recordId, AuditPurpose.SignInTwoFactor, account.Id, account.OrganisationId));
            return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.IsLockedOut)
        {
            await auditLog.RecordAsync(new AuditEvent("security.locked-out", "Account", recordId, ActorId: account.Id, ActorOrganisationId: account.OrganisationId));
            ModelState.AddModelError("", "Trop de tentatives : ce compte est verrouillé pendant 15 minutes.");
            return Page();
        }
        await auditLog.RecordAsync(new AuditEvent("security.sign-in-failed", "Account", recordId, AuditPurpose.SignInWrongCode, account.Id, account.OrganisationId));
        ModelState.AddModelError(nameof(Code), "Code incorrect ou expiré. Saisissez le code affiché en ce moment par votre application.");
        return Page();
    }
}
