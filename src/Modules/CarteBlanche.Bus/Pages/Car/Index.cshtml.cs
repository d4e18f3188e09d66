
namespace CarteBlanche.Bus.Pages.Car;

/// <summary>The bus's public page: the next four weeks of passages, and every commune it serves.</summary>
[Public("La tournée du car est publique.")]
public sealed class IndexModel(Timetable timetable, Microsoft.Extensions.Options.IOptions<Platform.Web.MapOptions> map) : PageModel
{
    public IReadOnlyList<PassageView> Passages { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];
    public Platform.Web.MapOptions Map => map.Value;

    /// <summary>The map's markers: one per commune with a passage in the next four weeks, and its next passage.</summary>
    public string MarkersJson => System.Text.Json.JsonSerializer.Serialize(Passages.Where(p => p.Status == PassageStatus.Scheduled).GroupBy(p => p.CommuneCode)
        .Select(g => g.First()).Select(p => new { nom = p.CommuneName, lat = p.Latitude, lon = p.Longitude, url = $"/car/communes/{p.CommuneCode}", prochain = p.Sentence }));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Passages = await timetable.UpcomingAsync(null, Timetable.PublicDays, cancellationToken);
        Communes = Passages.Where(p => p.Status == PassageStatus.Scheduled).Select(p => (p.CommuneCode, p.CommuneName)).Distinct()
            .OrderBy(c => c.CommuneName, StringComparer.Create(Platform.Web.FrenchFormat.Culture, true)).ToList();
    }
}
