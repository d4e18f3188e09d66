using CarteBlanche.Desk.Procedures;

namespace CarteBlanche.Desk.Pages.Demarches;

/// <summary>The "information" brick: curated links to useful public digital services.</summary>
[Authorize(Policy = Policies.TerritoryReaders)]
public sealed class InformationsModel(CarteBlancheDbContext db) : PageModel
{
    public IReadOnlyList<InformationLink> Links { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Links = await db.Set<InformationLink>().AsNoTracking().OrderBy(l => l.Title).ToListAsync(cancellationToken);
}
