using CarteBlanche.Platform.Territory;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Platform.Pages.Territoire.Organisations;

[Authorize(Policy = Policies.TerritoryReaders)]
public sealed class IndexModel(CarteBlancheDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<Organisation> Organisations { get; private set; } = new([], 1, 1, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Organisations.AsNoTracking();
        var folded = SearchText.Fold(Q);
        if (folded.Length > 0)
        {
            query = query.Where(o => o.SearchName.Contains(folded));
        }
        Organisations = await query.OrderBy(o => o.SearchName).ToPagedListAsync(PageNumber, cancellationToken);
    }

    public string UrlFor(int page) => Url.Page("Index", new { q = Q, p = page })!;
}
