using System.ComponentModel.DataAnnotations;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Territory;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Platform.Pages.Territoire.Lieux;

/// <summary>Creates (no id) or edits a place: France Services site, mairie, bus stop.</summary>
[Authorize(Policy = Policies.TerritoryEditors)]
public sealed class ModifierModel(CarteBlancheDbContext db, IAuditLog auditLog) : PageModel
{
    public sealed class PlaceForm
    {
        [Required(ErrorMessage = "Saisissez le nom du lieu.")]
        [StringLength(200, ErrorMessage = "Le nom ne doit pas dépasser 200 caractères.")]
        public string Name { get; set; } = "";

        public PlaceKind Kind { get; set; } = PlaceKind.FranceServices;

        [Required(ErrorMessage = "Saisissez le code INSEE de la commune (5 caractères, par exemple 46042 pour Cahors).")]
        public string CommuneInseeCode { get; set; } = "";

        [StringLength(300, ErrorMessage = "L'adresse ne doit pas dépasser 300 caractères.")]
        public string? Address { get; set; }

        public string? Latitude { get; set; }
        public string? Longitude { get; set; }

        [Required(ErrorMessage = "Saisissez les horaires d'ouverture, par exemple « lun-ven 09:00-12:00 14:00-17:00 ».")]
        public string OpeningHours { get; set; } = Calendar.OpeningHours.Default.ToString();

        public Guid? OrganisationId { get; set; }

        public bool IsActive { get; set; } = true;
    }

    [BindProperty] public PlaceForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        Organisations = await db.Organisations.Where(o => o.IsActive).OrderBy(o => o.SearchName).ToListAsync(cancellationToken);
        if (id == null)
        {
            return Page();
        }
        var place = await db.Places.FindAsync([id.Value], cancellationToken);
        if (place == null)
        {
            return NotFound();
        }
        Input = new PlaceForm
        {
            Name = place.Name,
            Kind = place.Kind,
            CommuneInseeCode = place.CommuneInseeCode,
            Address = place.Address,
            Latitude = Coordinates.Format(place.Latitude),
            Longitude = Coordinates.Format(place.Longitude),
            OpeningHours = place.OpeningHours,
            OrganisationId = place.OrganisationId,
            IsActive = place.IsActive,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        Organisations = await db.Organisations.Where(o => o.IsActive).OrderBy(o => o.SearchName).ToListAsync(cancellationToken);
        var place = id == null ? null : await db.Places.FindAsync([id.Value], cancellationToken);
        if (id != null && place == null)
        {
            return NotFound();
        }
        var code = Input.CommuneInseeCode?.Trim() ?? "";
        if (code.Length > 0 && !await db.Communes.AnyAsync(c => c.InseeCode == code, cancellationToken))
        {
            ModelState.AddModelError("Input.CommuneInseeCode", $"Commune inconnue : aucune commune du territoire n'a le code INSEE « {code} ».");
        }
        OpeningHours? hours = null;
        if (!string.IsNullOrWhiteSpace(Input.OpeningHours) && !Calendar.OpeningHours.TryParse(Input.OpeningHours, out hours, out var hoursError))
        {
            ModelState.AddModelError("Input.OpeningHours", $"Horaires illisibles : {hoursError}");
        }
        double? latitude = null, longitude = null;
        if (!string.IsNullOrWhiteSpace(Input.Latitude) || !string.IsNullOrWhiteSpace(Input.Longitude))
        {
            if (Coordinates.TryParse(Input.Latitude, -90, 90, out var lat))
            {
                latitude = lat;
            }
            else
            {
                ModelState.AddModelError("Input.Latitude", "La latitude est un nombre décimal entre -90 et 90 (par exemple 44.45072).");
            }
            if (Coordinates.TryParse(Input.Longitude, -180, 180, out var lon))
            {
                longitude = lon;
            }
            else
            {
                ModelState.AddModelError("Input.Longitude", "La longitude est un nombre décimal entre -180 et 180 (par exemple 1.44062).");
            }
        }
        if (Input.OrganisationId != null && !Organisations.Any(o => o.Id == Input.OrganisationId))
        {
            ModelState.AddModelError("Input.OrganisationId", "Organisation inconnue.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (place == null)
        {
            place = new Place { Name = Input.Name.Trim(), CommuneInseeCode = code };
            db.Places.Add(place);
        }
        place.Name = Input.Name.Trim();
        place.Kind = Input.Kind;
        place.CommuneInseeCode = code;
        place.Address = string.IsNullOrWhiteSpace(Input.Address) ? null : Input.Address.Trim();
        place.Latitude = latitude;
        place.Longitude = longitude;
        place.OpeningHours = hours!.ToString();
        place.OrganisationId = Input.OrganisationId;
        place.IsActive = Input.IsActive;
        auditLog.Add(db, new AuditEvent(id == null ? "territory.place-create" : "territory.place-update", "Place", place.Id.ToString("D")));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Le lieu {place.Name} a été enregistré.";
        return RedirectToPage("Index");
    }
}
