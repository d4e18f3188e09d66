
namespace CarteBlanche.Bus.Pages.Car;

/// <summary>An A4 poster for the mairie's notice board: the next passages at the commune.</summary>
[Public("L'affiche d'une commune est imprimée et affichée en mairie.")]
public sealed class AfficheModel(Timetable timetable, CarteBlancheDbContext db) : PageModel
{
    public string Name { get; private set; } = "";
    public BusStop Stop { get; private set; } = default!;
    public IReadOnlyList<PassageView> Passages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var stop = await db.Set<BusStop>().AsNoTracking().Include(s => s.Commune).SingleOrDefaultAsync(s => s.CommuneInseeCode == code && s.IsActive, cancellationToken);
        if (stop == null)
        {
            return NotFound();
        }
        (Name, Stop) = (stop.Commune!.Name, stop);
        Passages = (await timetable.UpcomingAsync(code, Timetable.PublicDays, cancellationToken)).Where(p => p.Status == PassageStatus.Scheduled).Take(8).ToList();
        return Page();
    }
}
