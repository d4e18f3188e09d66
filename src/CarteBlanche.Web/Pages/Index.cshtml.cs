using System.Security.Claims;
using CarteBlanche.Platform.Accounts;
using CarteBlanche.Platform.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CarteBlanche.Web.Pages;

[AllowAnonymous]
public sealed class IndexModel(CarteBlancheDbContext db) : PageModel
{
    public string? DisplayName { get; private set; }
    public string? OrganisationName { get; private set; }
    public IReadOnlyList<string> RoleNames { get; private set; } = [];
    public int CommuneCount { get; private set; }
    public int Population { get; private set; }

    public async Task OnGetAsync()
    {
        CommuneCount = await db.Communes.CountAsync();
        Population = CommuneCount == 0 ? 0 : await db.Communes.SumAsync(c => c.Population);
        if (User.Identity?.IsAuthenticated == true)
        {
            DisplayName = User.FindFirstValue(AccountClaims.DisplayName);
            if (Guid.TryParse(User.FindFirstValue(AccountClaims.OrganisationId), out var organisationId))
            {
                OrganisationName = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleOrDefaultAsync();
            }
            RoleNames = Roles.All.Where(User.IsInRole).Select(Roles.FrenchName).ToList();
        }
    }
}
