using System.ComponentModel.DataAnnotations;
using CarteBlanche.Mobility.Carpool;
using CarteBlanche.Mobility.Needs;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Territory;

namespace CarteBlanche.Mobility.Pages.Mobilite.Conducteurs;

/// <summary>A driver's regular trip, registered by a helper or the operator (often by phone): between two communes, the days, the time and its flexibility, the detour accepted, until when.</summary>
[Authorize(Policy = Policies.Mobility)]
public sealed class NouveauModel(CarteBlancheDbContext db, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public const int MaxMonths = 12;

    public sealed class TripForm
    {
        [Required(ErrorMessage = "Prénom : indiquez le prénom du conducteur.")][MaxLength(100)] public string? FirstName { get; set; }
        [Required(ErrorMessage = "Nom : indiquez le nom du conducteur.")][MaxLength(100)] public string? LastName { get; set; }
        [Required(ErrorMessage = "Téléphone : l'opérateur doit pouvoir joindre le conducteur.")][RegularExpression(@"^[0-9 +.]{10,20}$", ErrorMessage = "Téléphone : 10 chiffres, par exemple 05 65 35 00 01.")] public string? Phone { get; set; }
        [Required(ErrorMessage = "Départ : tapez le nom ou le code postal de la commune, puis choisissez dans la liste.")] public string? From { get; set; }
        [Required(ErrorMessage = "Arrivée : tapez le nom ou le code postal de la commune, puis choisissez dans la liste.")] public string? To { get; set; }
        public List<int> Days { get; set; } = [];
        [Required(ErrorMessage = "Heure de départ : indiquez l'heure (hh:mm).")] public TimeOnly? Departure { get; set; }
        [Range(0, 60, ErrorMessage = "Souplesse : entre 0 et 60 minutes.")] public int Flexibility { get; set; } = 15;
        public DetourTolerance Tolerance { get; set; } = DetourTolerance.Minor;
        public bool ThroughOperator { get; set; } = true;
        [Required(ErrorMessage = "Jusqu'au : indiquez jusqu'à quand le trajet est proposé.")] public DateOnly? Expires { get; set; }
        public bool Consent { get; set; }
    }

    [BindProperty] public TripForm Form { get; set; } = new();
    public IReadOnlyList<CommuneChoice.Option> Communes { get; private set; } = [];
    public string? Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form.Expires = clock.Today.AddMonths(3);
        Communes = await CommuneChoice.OptionsAsync(db, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Communes = await CommuneChoice.OptionsAsync(db, cancellationToken);
        var (from, fromError) = await CommuneChoice.ResolveAsync(db, Form.From, cancellationToken);
        var (to, toError) = await CommuneChoice.ResolveAsync(db, Form.To, cancellationToken);
        if (fromError != null)
        {
            ModelState.AddModelError("Form.From", $"Départ : {fromError}");
        }
        if (toError != null)
        {
            ModelState.AddModelError("Form.To", $"Arrivée : {toError}");
        }
        if (from != null && from == to)
        {
            ModelState.AddModelError("Form.To", "Arrivée : la commune d'arrivée est celle du départ.");
        }
        if (Form.Days.Count == 0 || Form.Days.Any(d => d is < 0 or > 6))
        {
            ModelState.AddModelError("Form.Days", "Jours : cochez au moins un jour de la semaine.");
        }
        if (Form.Expires is { } expires && (expires < clock.Today || expires > clock.Today.AddMonths(MaxMonths)))
        {
            ModelState.AddModelError("Form.Expires", $"Jusqu'au : une date entre aujourd'hui et dans {MaxMonths} mois (le conducteur confirme ensuite).");
        }
        if (!Form.Consent)
        {
            ModelState.AddModelError("Form.Consent", "Accord : le conducteur doit accepter que ses coordonnées soient notées et transmises à l'opérateur du covoiturage.");
        }
        if (!ModelState.IsValid || from == null || to == null)
        {
            return Page();
        }
        var now = clock.Now;
        var me = User.AccountId();
        var driver = new TravelPerson { FirstName = Form.FirstName!.Trim(), LastName = Form.LastName!.Trim(), Phone = Form.Phone!.Trim(), CommuneInseeCode = from, ConsentAt = now, RecordedBy = me, CreatedAt = now };
        var trip = new RegularTrip
        {
            DriverId = driver.Id,
            FromInseeCode = from,
            ToInseeCode = to,
            Days = (byte)Form.Days.Distinct().Sum(d => 1 << d),
            Departure = Form.Departure!.Value,
            FlexibilityMinutes = Form.Flexibility,
            Tolerance = Form.Tolerance,
            ThroughOperator = Form.ThroughOperator,
            Expires = Form.Expires!.Value,
            RecordedBy = me,
            CreatedAt = now,
        };
        db.AddRange(driver, trip);
        auditLog.Add(db, new AuditEvent("mobility.trip-record", "RegularTrip", trip.Id.ToString("D"), AuditPurpose.MobilityHelp, ActorId: me));
        await db.SaveChangesAsync(cancellationToken);
        Saved = $"Trajet de {driver.FirstName} {driver.LastName} enregistré : {Labels.Days(trip.Days)}, jusqu'au {CarteBlanche.Platform.Web.FrenchFormat.Date(trip.Expires)}.";
        ModelState.Clear();
        Form = new TripForm { Expires = clock.Today.AddMonths(3) };
        return Page();
    }
}
