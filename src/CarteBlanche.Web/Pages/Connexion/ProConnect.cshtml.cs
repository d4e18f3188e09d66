using System.Security.Claims;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteBlanche.Web.Pages.Connexion;

/// <summary>
/// Return from ProConnect: the agent is signed in if an active account has the same e-mail.
/// Accounts are never created from ProConnect: an administrator invites them first.
/// </summary>
[Public("Retour de ProConnect, avant d'être connecté.")]
public sealed class ProConnectModel(SignInManager<Account> signInManager, UserManager<Account> userManager, IAuditLog auditLog) : PageModel
{
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var info = await signInManager.GetExternalLoginInfoAsync();
        if (info == null)
        {
            Problem = "La connexion avec ProConnect n'a pas abouti. Recommencez.";
            return Page();
        }
        // First time: link the ProConnect identity (its "sub") to the invited account with the same e-mail.
        var account = await userManager.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (account == null)
        {
            var email = info.Principal.FindFirstValue(ClaimTypes.Email) ?? info.Principal.FindFirstValue("email");
            account = email == null ? null : await userManager.FindByEmailAsync(email);
            if (account != null && account.IsActive && !(await userManager.AddLoginAsync(account, info)).Succeeded)
            {
                account = null;
            }
        }
        if (account == null || !account.IsActive)
        {
            await auditLog.RecordAsync(new AuditEvent("security.sign-in-failed", Purpose: AuditPurpose.SignInProConnectNoAccount));
            Problem = "Aucun compte Carte Blanche actif ne correspond à votre identité ProConnect. Demandez une invitation à l'administrateur de votre territoire.";
            return Page();
        }
        // Goes through lockout and the second factor like a password sign-in.
        var result = await signInManager.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Connexion/Code", new { returnUrl });
        }
        if (!result.Succeeded)
        {
            await auditLog.RecordAsync(new AuditEvent("security.sign-in-refused", "Account", account.Id.ToString("D"), AuditPurpose.SignInProConnectLocked, account.Id, account.OrganisationId));
            Problem = result.IsLockedOut ? "Ce compte est verrouillé pendant 15 minutes après trop de tentatives." : "La connexion avec ProConnect n'a pas abouti.";
            return Page();
        }
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        await auditLog.RecordAsync(new AuditEvent("security.sign-in", "Account", account.Id.ToString("D"), AuditPurpose.SignInProConnect, account.Id, account.OrganisationId));
        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
