using CarteBlanche.Network.Partners;
using CarteBlanche.Platform.Territory;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Network.Pages.Reseau.Annuaire;

public sealed record DirectoryReferent(string Name, string? Email, string Territory, bool IsLead);

public sealed record DirectoryEntry(Organisation Organisation, PartnerProfile? Profile, IReadOnlyList<DirectoryReferent> Referents, IReadOnlyList<string> DomainLabels);

/// <summary>The partner directory: organisations, their referents, hours and channels; accent-insensitive search.</summary>
[Authorize(Policy = Policies.Network)]
public sealed class IndexModel(CarteBlancheDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<DirectoryEntry> Entries { get; private set; } = new([], 1, 1, 0);
    public bool CanManage => NetworkAccess.IsCoordinator(User);

    public string UrlFor(int page) => $"?q={Uri.EscapeDataString(Search ?? "")}&p={page}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Organisations.AsNoTracking().Where(o => o.IsActive);
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var folded = SearchText.Fold(Search);
            query = query.Where(o => o.SearchName.Contains(folded) || (o.ShortName != null && o.ShortName.ToLower().Contains(Search.Trim().ToLower())));
        }
        var page = await query.OrderBy(o => o.SearchName).ToPagedListAsync(PageNumber, cancellationToken);
        var ids = page.Items.Select(o => o.Id).ToList();
        var profiles = await db.Set<PartnerProfile>().AsNoTracking().Where(p => ids.Contains(p.OrganisationId)).ToDictionaryAsync(p => p.OrganisationId, cancellationToken);
        var referents = (await (from r in db.Set<Referent>().AsNoTracking()
                                join u in db.Users on r.AccountId equals u.Id
                                where ids.Contains(r.OrganisationId) && u.IsActive
                                orderby r.IsLead descending, u.SearchName
                                select new { r.OrganisationId, Referent = new DirectoryReferent(u.DisplayName, u.Email, r.Territory, r.IsLead) }).ToListAsync(cancellationToken))
            .ToLookup(x => x.OrganisationId, x => x.Referent);
        Entries = new PagedList<DirectoryEntry>(
            page.Items.Select(o =>
            {
                var profile = profiles.GetValueOrDefault(o.Id);
                var domains = profile?.DomainCodes.Select(code => Desk.Contracts.NeedDomains.All.FirstOrDefault(d => d.Code == code).Label ?? code).ToList() ?? [];
                return new DirectoryEntry(o, profile, referents[o.Id].ToList(), domains);
            }).ToList(),
            page.Page, page.PageCount, page.TotalCount);
    }
}
