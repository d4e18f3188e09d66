using CarteBlanche.Platform.Files;
using CarteBlanche.Mobility.Offers;
using CarteBlanche.Platform.Territory;

namespace CarteBlanche.Mobility.Pages.Mobilite.Offres;

/// <summary>
/// The territory's mobility offers besides the timetabled lines, public: those that serve a commune when one is
/// chosen; each with who may use it, its price and how to book. Open data: the list as CSV.
/// </summary>
[Public("Les offres de mobilité du territoire sont publiques.")]
public sealed class IndexModel(CarteBlancheDbContext db, CarteBlanche.Mobility.Networks.GtfsPublication publication) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "commune")] public string? Commune { get; set; }

    public IReadOnlyList<MobilityOffer> Offers { get; private set; } = [];
    public IReadOnlyList<CommuneChoice.Option> Communes { get; private set; } = [];
    public Dictionary<string, string> Names { get; private set; } = [];
    public string? CommuneName { get; private set; }
    public string? Error { get; private set; }
    public bool CanEdit => User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Communes = await CommuneChoice.OptionsAsync(db, cancellationToken);
        Names = await db.Communes.AsNoTracking().ToDictionaryAsync(c => c.InseeCode, c => c.Name, cancellationToken);
        var offers = await db.Set<MobilityOffer>().AsNoTracking().Where(o => o.IsActive).ToListAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(Commune))
        {
            var (insee, error) = await CommuneChoice.ResolveAsync(db, Commune, cancellationToken);
            Error = error;
            if (insee != null)
            {
                CommuneName = Names[insee];
                offers = offers.Where(o => o.Serves(insee)).ToList();
            }
        }
        Offers = offers.OrderBy(o => o.Kind).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var offers = await db.Set<MobilityOffer>().AsNoTracking().Where(o => o.IsActive).ToListAsync(cancellationToken);
        var rows = offers.OrderBy(o => o.Kind).ThenBy(o => o.Name, StringComparer.Ordinal)
            .Select(o => new[]
            {
                o.Kind.ToString(), o.Name, o.Operator, o.Communes, o.Hours ?? "", o.Booking ?? "", o.Phone ?? "", o.Website ?? "", o.Eligibility ?? "", o.Price ?? "",
                o.RouteId ?? "", o.BookingRuleText ?? "", o.Days == 0 ? "" : Labels.Days(o.Days),
                o.ServiceStart?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "", o.ServiceEnd?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            });
        var csv = Csv.Write([["type", "nom", "operateur", "communes_insee", "jours_horaires", "reservation", "telephone", "site", "public", "prix", "ligne_gtfs", "delai_reservation", "jours", "debut", "fin"], .. rows], ';');
        return File(Csv.WithByteOrderMark(csv), "text/csv; charset=utf-8", "offres-mobilite.csv");
    }

    /// <summary>The network as open data: GTFS with the GTFS-Flex files of the on-demand offers.</summary>
    public async Task<IActionResult> OnGetGtfsAsync(CancellationToken cancellationToken) =>
        await publication.BuildAsync(cancellationToken) is { } zip ? File(zip, "application/zip", "reseau-gtfs-flex.zip") : NotFound();
}
