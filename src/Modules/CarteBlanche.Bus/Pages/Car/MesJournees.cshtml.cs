
namespace CarteBlanche.Bus.Pages.Car;

/// <summary>A crew member's own days in the bus, with the stops of each.</summary>
[Authorize(Policy = Policies.BusCrew)]
public sealed class MesJourneesModel(CarteBlancheDbContext db, Timetable timetable) : PageModel
{
    public IReadOnlyList<(DateOnly Date, CrewRole Role, IReadOnlyList<PassageView> Passages)> Days { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.AccountId();
        var today = timetable.Today;
        var mine = await db.Set<CrewAssignment>().AsNoTracking().Where(c => c.AccountId == me && c.Date >= today).OrderBy(c => c.Date).ToListAsync(cancellationToken);
        var passages = await timetable.BetweenAsync(null, today, today.AddDays(90), cancellationToken); // today's too, over or not: the crew records them
        var buses = await db.Set<BusPassage>().AsNoTracking().Where(p => p.Date >= today).Select(p => new { p.Id, p.Bus }).ToDictionaryAsync(p => p.Id, p => p.Bus, cancellationToken);
        Days = mine.Select(c => (c.Date, c.Role, (IReadOnlyList<PassageView>)passages.Where(p => p.Date == c.Date && buses.GetValueOrDefault(p.Id) == c.Bus).ToList())).ToList();
    }
}
