using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Recruitment;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Employers.Pages.Employeurs.Offres;

/// <summary>An HR expert writes a job offer from the firm's need, in France Travail's fields; it starts as a draft, published from its page.</summary>
[Authorize(Policy = Policies.EmployersExperts)]
public sealed partial class NouvelleModel(CarteBlancheDbContext db, EmployersAccess access, ParisClock clock) : PageModel
{
    public sealed class OfferForm
    {
        [Required(ErrorMessage = "Intitulé : indiquez le poste, par exemple « Vendeur en boulangerie (H/F) ».")][MaxLength(200, ErrorMessage = "Intitulé : 200 caractères au plus.")] public string? Title { get; set; }
        [Required(ErrorMessage = "Code ROME : indiquez le code du métier, par exemple D1106 (vente en alimentation).")][MaxLength(5, ErrorMessage = "Code ROME : une lettre et 4 chiffres, par exemple D1106.")] public string? RomeCode { get; set; }
        public ContractKind ContractKind { get; set; } = ContractKind.Cdi;
        [Range(1, 36, ErrorMessage = "Durée : entre 1 et 36 mois.")] public int? DurationMonths { get; set; }
        [MaxLength(10)] public string? WeeklyHours { get; set; } = "35";
        [MaxLength(20)] public string? GrossMin { get; set; }
        [MaxLength(20)] public string? GrossMax { get; set; }
        [MaxLength(5)] public string? Commune { get; set; }
        public ExperienceLevel Experience { get; set; }
        [Range(1, 480, ErrorMessage = "Mois d'expérience : entre 1 et 480.")] public int? ExperienceMonths { get; set; }
        [Required(ErrorMessage = "Description : décrivez le poste, les missions et les horaires.")][MaxLength(5000, ErrorMessage = "Description : 5 000 caractères au plus.")] public string? Description { get; set; }
        [Range(1, 20, ErrorMessage = "Postes : entre 1 et 20.")] public int Positions { get; set; } = 1;
    }

    [BindProperty] public OfferForm Form { get; set; } = new();
    public Firm Firm { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];

    [GeneratedRegex("^[A-Z][0-9]{4}$")]
    private static partial Regex RomePattern();

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var firm = await access.FindAsync(User, id, cancellationToken);
        if (firm == null)
        {
            return NotFound();
        }
        if (!await access.CanEditAsync(User, id, cancellationToken))
        {
            return Forbid();
        }
        Firm = firm;
        Communes = await CommuneChoices.LoadAsync(db, cancellationToken);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        Form.Commune = Firm.CommuneInseeCode;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        var rome = (Form.RomeCode ?? "").Trim().ToUpperInvariant();
        if (Form.RomeCode != null && !RomePattern().IsMatch(rome))
        {
            ModelState.AddModelError("Form.RomeCode", $"Code ROME : « {Form.RomeCode.Trim()} » n'est pas un code ROME (une lettre et 4 chiffres, par exemple D1106).");
        }
        if (Form.ContractKind != ContractKind.Cdi && Form.DurationMonths == null)
        {
            ModelState.AddModelError("Form.DurationMonths", $"Durée : indiquez la durée du {Labels.Of(Form.ContractKind)} en mois.");
        }
        var hours = FrenchNumber.Read(Form.WeeklyHours, 1m, 48m, ModelState, "Form.WeeklyHours", "Heures par semaine : un nombre d'heures entre 1 et 48 (35 pour un temps plein).");
        var min = FrenchNumber.Read(Form.GrossMin, 1m, 100000m, ModelState, "Form.GrossMin", "Salaire brut mensuel : un montant en euros, par exemple 1 850,00.");
        decimal? max = null;
        if (!string.IsNullOrWhiteSpace(Form.GrossMax))
        {
            max = FrenchNumber.Read(Form.GrossMax, 1m, 100000m, ModelState, "Form.GrossMax", "Salaire maximum : un montant en euros, ou vide.");
            if (max != null && min != null && max < min)
            {
                ModelState.AddModelError("Form.GrossMax", "Salaire maximum : il ne peut être inférieur au minimum.");
            }
        }
        if (string.IsNullOrWhiteSpace(Form.Commune) || !Communes.Any(c => c.Code == Form.Commune))
        {
            ModelState.AddModelError("Form.Commune", "Lieu de travail : choisissez une commune du territoire dans la liste.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var year = clock.Today.Year;
        var count = await db.Set<JobOffer>().CountAsync(o => o.Reference.StartsWith($"OE-{year}-"), cancellationToken);
        var offer = new JobOffer
        {
            FirmId = id, Reference = $"OE-{year}-{count + 1:0000}", Title = Form.Title!.Trim(), RomeCode = rome, ContractKind = Form.ContractKind,
            DurationMonths = Form.ContractKind == ContractKind.Cdi ? null : Form.DurationMonths, WeeklyHours = hours!.Value, MonthlyGrossMin = min!.Value, MonthlyGrossMax = max,
            CommuneInseeCode = Form.Commune!, Experience = Form.Experience, ExperienceMonths = Form.Experience == ExperienceLevel.Beginner ? null : Form.ExperienceMonths,
            Description = Form.Description!.Trim(), Positions = Form.Positions, Status = OfferStatus.Draft, CreatedAt = clock.Now, CreatedBy = User.AccountId(),
        };
        db.Add(offer);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Offre {offer.Reference} enregistrée en brouillon : relisez-la, puis publiez-la.";
        return Redirect($"/employeurs/offres/{offer.Id}");
    }
}
