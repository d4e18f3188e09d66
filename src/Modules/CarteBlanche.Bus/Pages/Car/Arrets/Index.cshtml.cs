
namespace CarteBlanche.Bus.Pages.Car.Arrets;

/// <summary>The bus stops, one per commune: where the bus parks and how to find it.</summary>
[Authorize(Policy = Policies.TerritoryEditors)]
public sealed class IndexModel(CarteBlancheDbContext db) : PageModel
{
    public IReadOnlyList<BusStop> Stops { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Stops = (await db.Set<BusStop>().AsNoTracking().Include(s => s.Commune).ToListAsync(cancellationToken))
            .OrderBy(s => s.Commune!.Name, StringComparer.Create(Platform.Web.FrenchFormat.Culture, true)).ToList();
}
