using System.Text;
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
        var csv = new StringBuilder("commune_depart;code_insee_depart;commune_destination;code_insee_destination;besoins");
        foreach (var r in Enum.GetValues<UnmetReason>())
        {
            csv.Append(";raison_").Append(r.ToString());
        }
        foreach (var p in Enum.GetValues<TravelPurpose>())
        {
            csv.Append(";motif_").Append(p.ToString());
        }
        csv.Append('\n');
        foreach (var c in cells)
        {
            csv.Append(c.From).Append(';').Append(c.FromInsee).Append(';').Append(c.To).Append(';').Append(c.ToInsee).Append(';').Append(c.Count);
            foreach (var r in Enum.GetValues<UnmetReason>())
            {
                csv.Append(';').Append(c.Reasons.GetValueOrDefault(r));
            }
            foreach (var p in Enum.GetValues<TravelPurpose>())
            {
                csv.Append(';').Append(c.Purposes.GetValueOrDefault(p));
            }
            csv.Append('\n');
        }
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "besoins-non-couverts.csv");
    }

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
