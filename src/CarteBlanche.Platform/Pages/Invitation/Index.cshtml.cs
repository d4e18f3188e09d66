using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.RateLimiting;

namespace CarteBlanche.Platform.Pages.Invitation;

/// <summary>The invitee chooses a password from the e-mailed link (valid 72 hours, once).</summary>
[Public("La personne invitée crée son compte par le lien reçu.")]
[EnableRateLimiting("sign-in")]
public sealed class IndexModel(AccountInvitations invitations) : PageModel
{
    public bool Valid { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Choisissez un mot de passe.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
    [DataType(DataType.Password)]
    public string Confirmation { get; set; } = "";

    public async Task OnGetAsync(string token, CancellationToken cancellationToken) =>
        Valid = await invitations.FindValidAsync(token, cancellationToken) != null;

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        Valid = await invitations.FindValidAsync(token, cancellationToken) != null;
        if (!Valid || !ModelState.IsValid)
        {
            return Page();
        }
        var result = await invitations.AcceptAsync(token, Password, Confirmation, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field, message);
            }
            return Page();
        }
        TempData["Succes"] = "Votre mot de passe est enregistré. Vous pouvez vous connecter.";
        return Redirect("/connexion");
    }
}
