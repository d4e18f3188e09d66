using System.Text;
using CarteBlanche.Mobility.Offers;
using CarteBlanche.Platform.Territory;

namespace CarteBlanche.Mobility.Pages.Mobilite.Offres;

/// <summary>
/// The territory's mobility offers besides the timetabled lines, public: those that serve a commune when one is
/// chosen; each with who may use it, its price and how to book. Open data: the list as CSV.
/// </summary>
[Public("Les offres de mobilité du territoire sont publiques.")]
public sealed class IndexModel(CarteBlancheDbContext db) : PageModel
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
        static string Field(string? value) => value == null ? "" : value.Contains(';') || value.Contains('"') || value.Contains('\n') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
        var csv = new StringBuilder("type;nom;operateur;communes_insee;jours_horaires;reservation;telephone;site;public;prix\n");
        foreach (var o in offers.OrderBy(o => o.Kind).ThenBy(o => o.Name, StringComparer.Ordinal))
        {
            csv.Append(o.Kind).Append(';').Append(Field(o.Name)).Append(';').Append(Field(o.Operator)).Append(';').Append(Field(o.Communes)).Append(';')
                .Append(Field(o.Hours)).Append(';').Append(Field(o.Booking)).Append(';').Append(Field(o.Phone)).Append(';').Append(Field(o.Website)).Append(';')
                .Append(Field(o.Eligibility)).Append(';').Append(Field(o.Price)).Append('\n');
        }
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "offres-mobilite.csv");
    }
}
