using CarteBlanche.Platform.Files;
using CarteBlanche.Mobility.Needs;

namespace CarteBlanche.Mobility.Pages.Mobilite;

public sealed record UnmetCell(string FromInsee, string From, string ToInsee, string To, int Count, IReadOnlyDictionary<UnmetReason, int> Reasons, IReadOnlyDictionary<TravelPurpose, int> Purposes,
    double FromLatitude, double FromLongitude, double ToLatitude, double ToLongitude);

/// <summary>
/// The needs left without a solution, counted by origin and destination commune, with their reasons and purposes: to
/// design new offers. No person is named; exportable as CSV.
/// </summary>
[Authorize(Policy = Policies.Mobility)]
public sealed class NonCouvertsModel(CarteBlancheDbContext db, Microsoft.Extensions.Options.IOptions<CarteBlanche.Platform.Web.MapOptions> map) : PageModel
{
    public IReadOnlyList<UnmetCell> Cells { get; private set; } = [];
    public CarteBlanche.Platform.Web.MapOptions Map => map.Value;

    public string MapJson => System.Text.Json.JsonSerializer.Serialize(Cells.Select(c => new
    {
        depart = c.From, destination = c.To, besoins = c.Count, lat1 = c.FromLatitude, lon1 = c.FromLongitude, lat2 = c.ToLatitude, lon2 = c.ToLongitude,
    }));

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cells = await CellsAsync(cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var cells = await CellsAsync(cancellationToken);
        var reasons = Enum.GetValues<UnmetReason>();
        var purposes = Enum.GetValues<TravelPurpose>();
        string[] header = ["commune_depart", "code_insee_depart", "commune_destination", "code_insee_destination", "besoins", .. reasons.Select(r => $"raison_{r}"), .. purposes.Select(p => $"motif_{p}")];
        var rows = cells.Select(c => (string[])[c.From, c.FromInsee, c.To, c.ToInsee, Number(c.Count),
            .. reasons.Select(r => Number(c.Reasons.GetValueOrDefault(r))), .. purposes.Select(p => Number(c.Purposes.GetValueOrDefault(p)))]);
        var csv = Csv.Write([header, .. rows], ';');
        return File(Csv.WithByteOrderMark(csv), "text/csv; charset=utf-8", "besoins-non-couverts.csv");
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<UnmetCell>> CellsAsync(CancellationToken cancellationToken)
    {
        var needs = await db.Set<TravelNeed>().AsNoTracking().Where(n => n.Status == NeedStatus.Unmet)
            .Select(n => new { n.FromInseeCode, n.DestinationInseeCode, n.UnmetReason, n.Purpose }).ToListAsync(cancellationToken);
        var communes = await db.Communes.AsNoTracking().ToDictionaryAsync(c => c.InseeCode, cancellationToken);
        var names = communes.ToDictionary(c => c.Key, c => c.Value.Name);
        return needs.GroupBy(n => (n.FromInseeCode, n.DestinationInseeCode))
            .Select(g => new UnmetCell(g.Key.FromInseeCode, names.GetValueOrDefault(g.Key.FromInseeCode, g.Key.FromInseeCode), g.Key.DestinationInseeCode, names.GetValueOrDefault(g.Key.DestinationInseeCode, g.Key.DestinationInseeCode), g.Count(),
                g.GroupBy(n => n.UnmetReason ?? UnmetReason.Other).ToDictionary(r => r.Key, r => r.Count()),
                g.GroupBy(n => n.Purpose).ToDictionary(p => p.Key, p => p.Count()),
                communes[g.Key.FromInseeCode].Latitude, communes[g.Key.FromInseeCode].Longitude, communes[g.Key.DestinationInseeCode].Latitude, communes[g.Key.DestinationInseeCode].Longitude))
            .OrderByDescending(c => c.Count).ThenBy(c => c.From, StringComparer.Ordinal).ThenBy(c => c.To, StringComparer.Ordinal).ToList();
    }
}
