using CarteBlanche.Platform.Territory;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Platform.Pages.Territoire.Lieux;

public sealed record PlaceRow(Guid Id, string Name, PlaceKind Kind, string CommuneName, string CommuneCode, string? Address, string OpeningHours, bool IsActive);

[Authorize(Policy = Policies.TerritoryReaders)]
public sealed class IndexModel(CarteBlancheDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public PlaceKind? Type { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<PlaceRow> Places { get; private set; } = new([], 1, 1, 0);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.Places.AsNoTracking();
        var folded = SearchText.Fold(Q);
        if (folded.Length > 0)
        {
            // Places are few per territory: the folded commune name is enough to find them.
            var code = folded.ToUpperInvariant();
            query = query.Where(p => p.Commune!.SearchName.Contains(folded) || p.CommuneInseeCode.StartsWith(code) || p.Name.Contains(Q!.Trim()));
        }
        if (Type != null)
        {
            query = query.Where(p => p.Kind == Type);
        }
        Places = await query
            .OrderBy(p => p.Kind == PlaceKind.FranceServices ? 0 : 1).ThenBy(p => p.Commune!.SearchName).ThenBy(p => p.Name)
            .Select(p => new PlaceRow(p.Id, p.Name, p.Kind, p.Commune!.Name, p.CommuneInseeCode, p.Address, p.OpeningHours, p.IsActive))
            .ToPagedListAsync(PageNumber, cancellationToken);
    }

    public string UrlFor(int page) => Url.Page("Index", new { q = Q, type = Type, p = page })!;
}
