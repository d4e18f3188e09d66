using System.ComponentModel.DataAnnotations;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Territory;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Platform.Pages.Territoire.Communes;

[Authorize(Policy = Policies.TerritoryEditors)]
public sealed class ModifierModel(CarteBlancheDbContext db, IAuditLog auditLog) : PageModel
{
    public sealed class CommuneForm
    {
        [Required(ErrorMessage = "Saisissez le nom de la commune.")]
        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Saisissez le code postal.")]
        [RegularExpression(@"^\d{5}$", ErrorMessage = "Le code postal est composé de 5 chiffres.")]
        public string PostalCode { get; set; } = "";

        [Range(0, 10_000_000, ErrorMessage = "La population doit être un nombre entier positif.")]
        public int Population { get; set; }

        [Required(ErrorMessage = "Choisissez l'intercommunalité.")]
        public string EpciSiren { get; set; } = "";

        [Required(ErrorMessage = "Saisissez la latitude.")]
        public string Latitude { get; set; } = "";

        [Required(ErrorMessage = "Saisissez la longitude.")]
        public string Longitude { get; set; } = "";
    }

    [BindProperty] public CommuneForm Input { get; set; } = new();
    public string InseeCode { get; private set; } = "";
    public IReadOnlyList<Epci> Epcis { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var commune = await db.Communes.FindAsync([code], cancellationToken);
        if (commune == null)
        {
            return NotFound();
        }
        InseeCode = commune.InseeCode;
        Input = new CommuneForm
        {
            Name = commune.Name,
            PostalCode = commune.PostalCode,
            Population = commune.Population,
            EpciSiren = commune.EpciSiren,
            Latitude = Coordinates.Format(commune.Latitude),
            Longitude = Coordinates.Format(commune.Longitude),
        };
        Epcis = await db.Epcis.OrderBy(e => e.Name).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var commune = await db.Communes.FindAsync([code], cancellationToken);
        if (commune == null)
        {
            return NotFound();
        }
        InseeCode = commune.InseeCode;
        Epcis = await db.Epcis.OrderBy(e => e.Name).ToListAsync(cancellationToken);
        if (ModelState.IsValid && !Epcis.Any(e => e.Siren == Input.EpciSiren))
        {
            ModelState.AddModelError("Input.EpciSiren", "Intercommunalité inconnue.");
        }
        if (!Coordinates.TryParse(Input.Latitude, -90, 90, out var latitude))
        {
            ModelState.AddModelError("Input.Latitude", "La latitude est un nombre décimal entre -90 et 90 (par exemple 44.45072).");
        }
        if (!Coordinates.TryParse(Input.Longitude, -180, 180, out var longitude))
        {
            ModelState.AddModelError("Input.Longitude", "La longitude est un nombre décimal entre -180 et 180 (par exemple 1.44062).");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        commune.Name = Input.Name.Trim();
        commune.SearchName = SearchText.Fold(commune.Name);
        commune.PostalCode = Input.PostalCode;
        commune.Population = Input.Population;
        commune.EpciSiren = Input.EpciSiren;
        commune.Latitude = latitude;
        commune.Longitude = longitude;
        auditLog.Add(db, new AuditEvent("territory.commune-update", "Commune", commune.InseeCode));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"La commune {commune.Name} a été enregistrée.";
        return RedirectToPage("Index");
    }
}
