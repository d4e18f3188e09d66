using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CarteBlanche.Web.Pages;

/// <summary>Sign-out is a POST (with antiforgery) from the header's button.</summary>
public sealed class DeconnexionModel(SignInManager<Account> signInManager, IAuditLog auditLog) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await auditLog.RecordAsync(new AuditEvent("security.sign-out"));
        await signInManager.SignOutAsync();
        TempData["Succes"] = "Vous êtes déconnecté.";
        return RedirectToPage("/Connexion/Index");
    }
}
