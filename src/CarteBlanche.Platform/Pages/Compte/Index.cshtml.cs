using Microsoft.AspNetCore.Identity;

namespace CarteBlanche.Platform.Pages.Compte;

/// <summary>My account: who I am for the platform, and the second factor.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(UserManager<Account> userManager, CarteBlancheDbContext db) : PageModel
{
    public Account Account { get; private set; } = default!;
    public string OrganisationName { get; private set; } = "";
    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var account = await userManager.GetUserAsync(User);
        if (account == null)
        {
            return Challenge();
        }
        Account = account;
        OrganisationName = await db.Organisations.Where(o => o.Id == account.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        RoleNames = (await userManager.GetRolesAsync(account)).Select(Roles.FrenchName).Order().ToList();
        return Page();
    }
}
