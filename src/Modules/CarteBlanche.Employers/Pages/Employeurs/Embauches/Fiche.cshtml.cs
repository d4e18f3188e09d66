using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Recruitment;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Employers.Pages.Employeurs.Embauches;

/// <summary>
/// A hiring's checklist: the DPAE's legal fields as declared and its deadline (before the hiring's day and hour, not
/// more than 8 days ahead), then the signed contract, the staff register, the health cover and the information visit
/// (within 3 months). Each step is recorded with its day; the DPAE with its receipt.
/// </summary>
[Authorize(Policy = Policies.Employers)]
public sealed class FicheModel(CarteBlancheDbContext db, EmployersAccess access, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public Hiring Hiring { get; private set; } = null!;
    public Firm Firm { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public DateTime Now { get; private set; }

    [BindProperty] public DateOnly? DpaeDeclaredOn { get; set; }
    [BindProperty] public string? DpaeReceipt { get; set; }
    [BindProperty] public DateOnly? ContractSignedOn { get; set; }
    [BindProperty] public DateOnly? RegisterEntryOn { get; set; }
    [BindProperty] public DateOnly? HealthCoverOn { get; set; }
    [BindProperty] public DateOnly? MedicalVisitOn { get; set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var hiring = await db.Set<Hiring>().SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        var firm = hiring == null ? null : await access.FindAsync(User, hiring.FirmId, cancellationToken);
        if (hiring == null || firm == null)
        {
            return false;
        }
        Hiring = hiring;
        Firm = firm;
        CanEdit = await access.CanEditAsync(User, firm.Id, cancellationToken);
        Now = clock.LocalNow;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        (DpaeDeclaredOn, DpaeReceipt, ContractSignedOn, RegisterEntryOn, HealthCoverOn, MedicalVisitOn) =
            (Hiring.DpaeDeclaredOn, Hiring.DpaeReceipt, Hiring.ContractSignedOn, Hiring.RegisterEntryOn, Hiring.HealthCoverOn, Hiring.MedicalVisitOn);
        auditLog.Add(db, new AuditEvent("employers.hiring-read", "Hiring", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var today = clock.Today;
        var receipt = FormText.Blank(DpaeReceipt);
        if (DpaeDeclaredOn != null && receipt == null)
        {
            ModelState.AddModelError(nameof(DpaeReceipt), "Accusé de réception : indiquez le numéro de l'accusé de réception de la DPAE.");
        }
        if (receipt != null && DpaeDeclaredOn == null)
        {
            ModelState.AddModelError(nameof(DpaeDeclaredOn), "DPAE faite le : indiquez le jour où la DPAE a été faite.");
        }
        if (DpaeDeclaredOn is { } declared && declared < Hiring.DpaeEarliest)
        {
            ModelState.AddModelError(nameof(DpaeDeclaredOn), $"DPAE faite le : une DPAE se fait au plus tôt 8 jours avant l'embauche, soit le {FrenchFormat.Date(Hiring.DpaeEarliest)}.");
        }
        foreach (var (key, value) in new[] { (nameof(DpaeDeclaredOn), DpaeDeclaredOn), (nameof(ContractSignedOn), ContractSignedOn), (nameof(RegisterEntryOn), RegisterEntryOn), (nameof(HealthCoverOn), HealthCoverOn), (nameof(MedicalVisitOn), MedicalVisitOn) })
        {
            if (value > today)
            {
                ModelState.AddModelError(key, $"{Step(key)} : le {FrenchFormat.Date(value.Value)} n'est pas encore arrivé ; notez une étape une fois faite.");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        Hiring.DpaeDeclaredOn = DpaeDeclaredOn;
        Hiring.DpaeReceipt = receipt;
        Hiring.ContractSignedOn = ContractSignedOn;
        Hiring.RegisterEntryOn = RegisterEntryOn;
        Hiring.HealthCoverOn = HealthCoverOn;
        Hiring.MedicalVisitOn = MedicalVisitOn;
        auditLog.Add(db, new AuditEvent("employers.hiring-checklist", "Hiring", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = Hiring.Complete ? "Toutes les formalités de l'embauche sont faites." : Hiring.DpaeDone ? "DPAE enregistrée ; les formalités sont à jour." : "Formalités enregistrées.";
        return Redirect($"/employeurs/embauches/{id}");
    }

    public static string Step(string key) => key switch
    {
        nameof(DpaeDeclaredOn) => "DPAE faite le",
        nameof(ContractSignedOn) => "Contrat signé le",
        nameof(RegisterEntryOn) => "Inscrit au registre unique du personnel le",
        nameof(HealthCoverOn) => "Affilié à la complémentaire santé le",
        _ => "Visite d'information et de prévention le",
    };

    /// <summary>Where the DPAE stands, in words, and whether it is late.</summary>
    public (string Text, bool Late) DpaeState()
    {
        var at = $"{FrenchFormat.Date(DateOnly.FromDateTime(Hiring.HireAt))} à {FrenchFormat.Hour(TimeOnly.FromDateTime(Hiring.HireAt))}";
        if (Hiring.DpaeDone)
        {
            var late = Hiring.DpaeDeclaredOn > DateOnly.FromDateTime(Hiring.HireAt);
            return ($"DPAE faite le {FrenchFormat.Date(Hiring.DpaeDeclaredOn!.Value)}, accusé de réception {Hiring.DpaeReceipt}{(late ? $" : après l'embauche du {at}" : "")}.", late);
        }
        if (Now >= Hiring.HireAt)
        {
            return ($"DPAE en retard : elle devait être faite avant l'embauche, le {at}.", true);
        }
        return DateOnly.FromDateTime(Now) < Hiring.DpaeEarliest
            ? ($"DPAE à faire entre le {FrenchFormat.Date(Hiring.DpaeEarliest)} et le {at} (au plus tôt 8 jours avant l'embauche).", false)
            : ($"DPAE à faire avant le {at}.", false);
    }
}
