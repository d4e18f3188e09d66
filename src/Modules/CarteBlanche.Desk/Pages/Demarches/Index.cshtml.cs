using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Procedures;
using CarteBlanche.Platform.Territory;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Desk.Pages.Demarches;

/// <summary>The procedures catalogue: accent-free search on titles and keywords, by domain.</summary>
[Authorize(Policy = Policies.TerritoryReaders)]
public sealed class IndexModel(CarteBlancheDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public NeedDomain? Domaine { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<Procedure> Procedures { get; private set; } = new([], 1, 1, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Set<Procedure>().AsNoTracking();
        foreach (var word in SearchText.Fold(Q).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            query = query.Where(p => p.SearchText.Contains(word));
        }
        if (Domaine != null)
        {
            query = query.Where(p => p.Domain == Domaine);
        }
        Procedures = await query.OrderBy(p => p.Domain).ThenBy(p => p.Title).ToPagedListAsync(PageNumber, cancellationToken);
    }

    public string UrlFor(int page) => Url.Page("Index", new { q = Q, domaine = Domaine, p = page })!;
}
