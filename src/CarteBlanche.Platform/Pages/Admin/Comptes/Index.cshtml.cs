using CarteBlanche.Platform.Web;

namespace CarteBlanche.Platform.Pages.Admin.Comptes;

public sealed record AccountRow(Guid Id, string DisplayName, string Email, string Organisation, bool IsActive, bool HasPassword, IReadOnlyList<string> Roles, bool MissesSite = false);

[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(CarteBlancheDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public string? Etat { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<AccountRow> Accounts { get; private set; } = new([], 1, 1, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var email = Q.Trim().ToUpperInvariant();
            var folded = Territory.SearchText.Fold(Q);
            query = query.Where(a => a.NormalizedEmail!.Contains(email) || a.SearchName.Contains(folded));
        }
        if (!string.IsNullOrEmpty(Role) && Roles.All.Contains(Role))
        {
            var roleId = await db.Roles.Where(r => r.Name == Role).Select(r => r.Id).SingleAsync(cancellationToken);
            query = query.Where(a => db.UserRoles.Any(ur => ur.UserId == a.Id && ur.RoleId == roleId));
        }
        query = Etat switch
        {
            "actifs" => query.Where(a => a.IsActive && a.PasswordHash != null),
            "invites" => query.Where(a => a.IsActive && a.PasswordHash == null),
            "desactives" => query.Where(a => !a.IsActive),
            _ => query,
        };
        var page = await query.OrderBy(a => a.SearchName)
            .Select(a => new { a.Id, a.DisplayName, a.Email, Organisation = a.Organisation!.Name, a.IsActive, HasPassword = a.PasswordHash != null, a.SiteId })
            .ToPagedListAsync(PageNumber, cancellationToken);
        var ids = page.Items.Select(a => a.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        Accounts = new PagedList<AccountRow>(
            page.Items.Select(a => new AccountRow(a.Id, a.DisplayName, a.Email ?? "", a.Organisation, a.IsActive, a.HasPassword,
                roles.Where(r => r.UserId == a.Id).Select(r => Roles.FrenchName(r.Name!)).Order().ToList(),
                // An agent or social worker without a site sees no case: flagged for the administrator.
                a.IsActive && a.SiteId == null && roles.Any(r => r.UserId == a.Id && Roles.NeedSite(r.Name!)))).ToList(),
            page.Page, page.PageCount, page.TotalCount);
    }

    public string UrlFor(int page) => Url.Page("Index", new { q = Q, role = Role, etat = Etat, p = page })!;
}
