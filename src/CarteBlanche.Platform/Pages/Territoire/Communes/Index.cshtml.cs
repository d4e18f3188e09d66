using CarteBlanche.Platform.Territory;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Platform.Pages.Territoire.Communes;

public sealed record CommuneRow(string InseeCode, string Name, string PostalCode, int Population, string EpciName);

/// <summary>The communes of the territory: search (accents and case ignored), EPCI filter, sort, pages.</summary>
[Authorize(Policy = Policies.TerritoryReaders)]
public sealed class IndexModel(CarteBlancheDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Epci { get; set; }
    [BindProperty(SupportsGet = true)] public string Tri { get; set; } = "nom";
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<CommuneRow> Communes { get; private set; } = new([], 1, 1, 0);
    public IReadOnlyList<Epci> Epcis { get; private set; } = [];
    public int TotalPopulation { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Epcis = await db.Epcis.OrderBy(e => e.Name).ToListAsync(cancellationToken);
        var query = db.Communes.AsNoTracking();
        var folded = SearchText.Fold(Q);
        if (folded.Length > 0)
        {
            var code = folded.ToUpperInvariant(); // Corsican codes: 2A004
            query = query.Where(c => c.SearchName.Contains(folded) || c.InseeCode.StartsWith(code) || c.PostalCode.StartsWith(code));
        }
        if (!string.IsNullOrEmpty(Epci))
        {
            query = query.Where(c => c.EpciSiren == Epci);
        }
        TotalPopulation = await query.SumAsync(c => c.Population, cancellationToken);
        query = Tri switch
        {
            "population" => query.OrderByDescending(c => c.Population).ThenBy(c => c.SearchName),
            "code" => query.OrderBy(c => c.InseeCode),
            _ => query.OrderBy(c => c.SearchName),
        };
        Communes = await query
            .Select(c => new CommuneRow(c.InseeCode, c.Name, c.PostalCode, c.Population, c.Epci!.Name))
            .ToPagedListAsync(PageNumber, cancellationToken);
    }

    public string UrlFor(int page) => Url.Page("Index", new { q = Q, epci = Epci, tri = Tri, p = page })!;
}
