using CarteBlanche.Platform.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CarteBlanche.Bus.Pages.Car;

/// <summary>The bus's public page: the next four weeks of passages, and every commune it serves.</summary>
[AllowAnonymous]
public sealed class IndexModel(Timetable timetable, CarteBlancheDbContext db, Microsoft.Extensions.Options.IOptions<Platform.Web.MapOptions> map) : PageModel
{
    public IReadOnlyList<PassageView> Passages { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];
    public Platform.Web.MapOptions Map => map.Value;

    /// <summary>The map's markers: one per commune with a passage in the next four weeks, and its next passage.</summary>
    public string MarkersJson => System.Text.Json.JsonSerializer.Serialize(Passages.Where(p => p.Status == PassageStatus.Scheduled).GroupBy(p => p.CommuneCode)
        .Select(g => g.First()).Select(p => new { nom = p.CommuneName, lat = p.Latitude, lon = p.Longitude, url = $"/car/communes/{p.CommuneCode}", prochain = p.Sentence }));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Passages = await timetable.UpcomingAsync(null, 28, cancellationToken);
        var today = timetable.Today;
        Communes = (await (from p in db.Set<BusPassage>().AsNoTracking()
                           join s in db.Set<BusStop>() on p.StopId equals s.Id
                           join c in db.Communes on s.CommuneInseeCode equals c.InseeCode
                           where p.Date >= today
                           select new { c.InseeCode, c.Name }).Distinct().ToListAsync(cancellationToken))
            .OrderBy(c => c.Name, StringComparer.Create(Platform.Web.FrenchFormat.Culture, true)).Select(c => (c.InseeCode, c.Name)).ToList();
    }
}
