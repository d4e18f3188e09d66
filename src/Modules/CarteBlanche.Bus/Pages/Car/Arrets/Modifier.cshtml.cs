using System.Globalization;

namespace CarteBlanche.Bus.Pages.Car.Arrets;

/// <summary>Edits a stop: a wrong value is refused field by field and the stop stays as it was.</summary>
[Authorize(Policy = Policies.TerritoryEditors)]
public sealed class ModifierModel(CarteBlancheDbContext db) : PageModel
{
    [BindProperty] public string? PlaceName { get; set; }
    [BindProperty] public string? Latitude { get; set; }
    [BindProperty] public string? Longitude { get; set; }
    [BindProperty] public string? AccessNotes { get; set; }
    [BindProperty] public bool IsActive { get; set; }

    public string CommuneName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var stop = await db.Set<BusStop>().AsNoTracking().Include(s => s.Commune).SingleOrDefaultAsync(s => s.CommuneInseeCode == code, cancellationToken);
        if (stop == null)
        {
            return NotFound();
        }
        CommuneName = stop.Commune!.Name;
        (PlaceName, AccessNotes, IsActive) = (stop.PlaceName, stop.AccessNotes, stop.IsActive);
        Latitude = stop.Latitude.ToString("0.######", CultureInfo.InvariantCulture);
        Longitude = stop.Longitude.ToString("0.######", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var stop = await db.Set<BusStop>().Include(s => s.Commune).SingleOrDefaultAsync(s => s.CommuneInseeCode == code, cancellationToken);
        if (stop == null)
        {
            return NotFound();
        }
        CommuneName = stop.Commune!.Name;
        if (string.IsNullOrWhiteSpace(PlaceName) || PlaceName.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(PlaceName), "Indiquez le lieu (200 caractères au plus), par exemple « Place de l'église ».");
        }
        var lat = Parse(Latitude);
        var lon = Parse(Longitude);
        if (lat is not (>= 41 and <= 52))
        {
            ModelState.AddModelError(nameof(Latitude), "La latitude est un nombre entre 41 et 52 (France métropolitaine), avec un point : 44.4507.");
        }
        if (lon is not (>= -6 and <= 10))
        {
            ModelState.AddModelError(nameof(Longitude), "La longitude est un nombre entre -6 et 10 (France métropolitaine), avec un point : 1.4406.");
        }
        if (AccessNotes?.Trim().Length > 1000)
        {
            ModelState.AddModelError(nameof(AccessNotes), "Les indications d'accès dépassent 1 000 caractères.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        stop.PlaceName = PlaceName!.Trim();
        stop.Latitude = lat!.Value;
        stop.Longitude = lon!.Value;
        stop.AccessNotes = string.IsNullOrWhiteSpace(AccessNotes) ? null : AccessNotes.Trim();
        stop.IsActive = IsActive;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Arrêt de {CommuneName} enregistré.";
        return Redirect("/car/arrets");
    }

    private static double? Parse(string? text) =>
        double.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
