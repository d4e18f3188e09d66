using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteBlanche.Web.Pages;

/// <summary>
/// Sign-out is a POST (with antiforgery) from the header's button. It rotates the account's security stamp, which
/// every request checks: the session ends server-side, and a copy of the cookie taken before no longer opens anything
/// (the account's other sessions end too).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DeconnexionModel(SignInManager<Account> signInManager, UserManager<Account> userManager, IAuditLog auditLog) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await auditLog.RecordAsync(new AuditEvent("security.sign-out"));
        if (User.Identity?.IsAuthenticated == true && await userManager.GetUserAsync(User) is { } account)
        {
            await userManager.UpdateSecurityStampAsync(account);
        }
        await signInManager.SignOutAsync();
        TempData["Succes"] = "Vous êtes déconnecté.";
        return RedirectToPage("/Connexion/Index");
    }
}
