using System.ComponentModel.DataAnnotations;
using CarteBlanche.Mobility.Journeys;
using CarteBlanche.Mobility.Needs;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Territory;

namespace CarteBlanche.Mobility.Pages.Mobilite.Besoins;

/// <summary>A helper records a person's need to travel (who, with their consent; from where, to where, when, why), then looks for a solution on the need's page.</summary>
[Authorize(Policy = Policies.Mobility)]
public sealed class NouveauModel(CarteBlancheDbContext db, JourneySearch search, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public sealed class NeedForm
    {
        [Required(ErrorMessage = "Prénom : indiquez le prénom de la personne.")][MaxLength(100)] public string? FirstName { get; set; }
        [Required(ErrorMessage = "Nom : indiquez le nom de la personne.")][MaxLength(100)] public string? LastName { get; set; }
        [MaxLength(30)][RegularExpression(@"^[0-9 +.]{10,20}$", ErrorMessage = "Téléphone : 10 chiffres, par exemple 05 65 35 00 01.")] public string? Phone { get; set; }
        [Required(ErrorMessage = "Commune de départ : tapez le nom ou le code postal, puis choisissez dans la liste.")] public string? From { get; set; }
        [Required(ErrorMessage = "Destination : une commune, un arrêt ou un lieu.")] public string? To { get; set; }
        [Required(ErrorMessage = "Jour : choisissez le jour du déplacement.")] public DateOnly? Day { get; set; }
        [Required(ErrorMessage = "Heure : indiquez l'heure (hh:mm).")] public TimeOnly? Time { get; set; }
        public bool ArriveBy { get; set; } = true;
        public TravelPurpose Purpose { get; set; } = TravelPurpose.PublicService;
        public bool Consent { get; set; }
    }

    [BindProperty] public NeedForm Form { get; set; } = new();
    public IReadOnlyList<string> Suggestions { get; private set; } = [];
    public IReadOnlyList<CommuneChoice.Option> Communes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Form.Day = clock.Today.AddDays(1);
        Form.Time = new TimeOnly(9, 0);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var (fromInsee, fromError) = await CommuneChoice.ResolveAsync(db, Form.From, cancellationToken);
        if (fromError != null)
        {
            ModelState.AddModelError("Form.From", $"Commune de départ : {fromError}");
        }
        JourneyEnd? to = null;
        if (!string.IsNullOrWhiteSpace(Form.To))
        {
            (to, var toError) = await search.ResolveAsync(Form.To, cancellationToken);
            if (toError != null)
            {
                ModelState.AddModelError("Form.To", $"Destination : {toError}");
            }
        }
        if (Form.Day is { } day && day < clock.Today)
        {
            ModelState.AddModelError("Form.Day", "Jour : ce jour est passé ; un besoin se note pour aujourd'hui ou un jour à venir.");
        }
        if (!Form.Consent)
        {
            ModelState.AddModelError("Form.Consent", "Accord : la personne doit accepter que ses coordonnées soient notées et transmises à l'opérateur du covoiturage.");
        }
        if (!ModelState.IsValid || fromInsee == null || to?.Point?.InseeCode == null)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError("Form.To", "Destination : sa commune n'a pas pu être trouvée ; choisissez une commune de la liste.");
            }
            return Page();
        }
        var now = clock.Now;
        var me = User.AccountId();
        var person = new TravelPerson { FirstName = Form.FirstName!.Trim(), LastName = Form.LastName!.Trim(), Phone = Form.Phone?.Trim(), CommuneInseeCode = fromInsee, ConsentAt = now, RecordedBy = me, CreatedAt = now };
        var need = new TravelNeed
        {
            PersonId = person.Id,
            FromInseeCode = fromInsee,
            Destination = to.Label,
            DestinationInseeCode = to.Point.InseeCode,
            Day = Form.Day!.Value,
            Time = Form.Time!.Value,
            ArriveBy = Form.ArriveBy,
            Purpose = Form.Purpose,
            Status = NeedStatus.Open,
            RecordedBy = me,
            RecordedAt = now,
        };
        db.AddRange(person, need);
        auditLog.Add(db, new AuditEvent("mobility.need-record", "TravelNeed", need.Id.ToString("D"), AuditPurpose.MobilityHelp, ActorId: me));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/mobilite/besoins/{need.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Suggestions = await search.SuggestionsAsync(cancellationToken);
        Communes = await CommuneChoice.OptionsAsync(db, cancellationToken);
    }
}
