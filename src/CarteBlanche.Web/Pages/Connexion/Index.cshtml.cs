using System.ComponentModel.DataAnnotations;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Web.Pages.Connexion;

[Public("La connexion elle-même.")]
[EnableRateLimiting(WebSetup.SignInRateLimit)]
public sealed class IndexModel(
    SignInManager<Account> signInManager,
    UserManager<Account> userManager,
    IAuditLog auditLog,
    IPasswordHasher<Account> passwordHasher,
    IOptions<ProConnectOptions> proConnect) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Saisissez votre adresse e-mail.")]
    [EmailAddress(ErrorMessage = "L'adresse e-mail n'est pas valide (format attendu : nom@domaine.fr).")]
    [Display(Name = "Adresse e-mail")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Saisissez votre mot de passe.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mot de passe")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>
    /// The one message of every failed sign-in: wrong password, unknown address, locked account. It tells about the
    /// lockout without saying whether the address has an account (the lockout itself is not announced apart).
    /// </summary>
    public const string FailureMessage =
        "Adresse e-mail ou mot de passe incorrect. Après 5 échecs, le compte est verrouillé pendant 15 minutes : patientez avant de réessayer.";

    public bool ProConnectEnabled => proConnect.Value.Enabled;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var account = await userManager.FindByEmailAsync(Email.Trim());
        if (account == null)
        {
            // Same work as for a real account: the response time does not tell which addresses exist.
            passwordHasher.HashPassword(new Account(), Password);
            await auditLog.RecordAsync(new AuditEvent("security.sign-in-failed", Purpose: AuditPurpose.SignInUnknownAccount));
            ModelState.AddModelError("", FailureMessage);
            return Page();
        }
        if (!account.IsActive)
        {
            // Say "deactivated" only to whoever knows the password, so the page does not reveal accounts.
            var passwordOk = await userManager.CheckPasswordAsync(account, Password);
            await auditLog.RecordAsync(new AuditEvent("security.sign-in-refused", "Account", account.Id.ToString("D"), AuditPurpose.SignInAccountDisabled, account.Id, account.OrganisationId));
            ModelState.AddModelError("", passwordOk
                ? "Ce compte a été désactivé. Adressez-vous à l'administrateur de votre territoire."
                : FailureMessage);
            return Page();
        }

        // A locked account is refused before its password is checked: the same hashing work keeps the response time
        // the same as for an unknown address or a wrong password.
        var wasLockedOut = await userManager.IsLockedOutAsync(account);
        var result = await signInManager.PasswordSignInAsync(account, Password, isPersistent: false, lockoutOnFailure: true);
        var recordId = account.Id.ToString("D");
        if (result.Succeeded)
        {
            await auditLog.RecordAsync(new AuditEvent("security.sign-in", "Account", recordId, ActorId: account.Id, ActorOrganisationId: account.OrganisationId));
            return LocalRedirect(SafeReturnUrl());
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Connexion/Code", new { returnUrl = SafeReturnUrl() });
        }
        if (result.IsLockedOut)
        {
            if (wasLockedOut)
            {
                passwordHasher.HashPassword(new Account(), Password);
            }
            await auditLog.RecordAsync(new AuditEvent("security.locked-out", "Account", recordId, ActorId: account.Id, ActorOrganisationId: account.OrganisationId));
            ModelState.AddModelError("", FailureMessage);
            return Page();
        }
        await auditLog.RecordAsync(new AuditEvent("security.sign-in-failed", "Account", recordId, AuditPurpose.SignInWrongPassword, account.Id, account.OrganisationId));
        ModelState.AddModelError("", FailureMessage);
        return Page();
    }

    public IActionResult OnPostProConnect()
    {
        if (!ProConnectEnabled)
        {
            return NotFound();
        }
        var redirect = Url.Page("/Connexion/ProConnect", new { returnUrl = SafeReturnUrl() });
        var properties = signInManager.ConfigureExternalAuthenticationProperties(ProConnectOptions.Scheme, redirect);
        return Challenge(properties, ProConnectOptions.Scheme);
    }

    private string SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
