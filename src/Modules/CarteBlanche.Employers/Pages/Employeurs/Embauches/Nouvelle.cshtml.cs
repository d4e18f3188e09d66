using System.ComponentModel.DataAnnotations;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Recruitment;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Employers.Pages.Employeurs.Embauches;

/// <summary>
/// Hiring a selected candidate: the contract (from the offer, adjustable), the day and hour they start, and what the
/// DPAE declares of them (sex, birth date and place, the firm's occupational health service). It creates the employee,
/// the contract and the hiring's checklist, all at once or nothing.
/// </summary>
[Authorize(Policy = Policies.EmployersExperts)]
public sealed class NouvelleModel(CarteBlancheDbContext db, EmployersAccess access, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public sealed class HireForm
    {
        [Required(ErrorMessage = "Date d'embauche : indiquez le premier jour de travail.")] public DateOnly? Start { get; set; }
        [Required(ErrorMessage = "Heure d'embauche : indiquez l'heure de prise de poste (la DPAE la demande).")] public TimeOnly? StartTime { get; set; } = new(8, 0);
        public DateOnly? End { get; set; }
        [MaxLength(300, ErrorMessage = "Motif du CDD : 300 caractères au plus.")] public string? CddReason { get; set; }
        [MaxLength(10)] public string? WeeklyHours { get; set; }
        [MaxLength(20)] public string? MonthlyGross { get; set; }
        [MaxLength(100, ErrorMessage = "Période d'essai : 100 caractères au plus.")] public string? TrialPeriod { get; set; }
        [Required(ErrorMessage = "Sexe : la DPAE le demande.")][RegularExpression("^[FM]$", ErrorMessage = "Sexe : F ou M.")] public string? Sex { get; set; }
        [Required(ErrorMessage = "Date de naissance : la DPAE la demande.")] public DateOnly? BirthDate { get; set; }
        [Required(ErrorMessage = "Lieu de naissance : la commune et le département, ou le pays (la DPAE le demande).")][MaxLength(150)] public string? BirthPlace { get; set; }
        [Required(ErrorMessage = "Nationalité : le registre unique du personnel la demande.")][MaxLength(60, ErrorMessage = "Nationalité : 60 caractères au plus.")] public string? Nationality { get; set; } = "Française";
        [MaxLength(150, ErrorMessage = "Titre de travail : 150 caractères au plus.")] public string? WorkPermit { get; set; }
        [Required(ErrorMessage = "Service de santé au travail : indiquez celui dont relève l'entreprise (la DPAE le demande).")][MaxLength(200)] public string? HealthService { get; set; }
    }

    [BindProperty] public HireForm Form { get; set; } = new();
    public Candidate Candidate { get; private set; } = null!;
    public JobOffer Offer { get; private set; } = null!;
    public Firm Firm { get; private set; } = null!;

    private async Task<IActionResult?> LoadAsync(Guid candidat, CancellationToken cancellationToken)
    {
        var candidate = await db.Set<Candidate>().SingleOrDefaultAsync(c => c.Id == candidat, cancellationToken);
        var firm = candidate == null ? null : await access.FindAsync(User, candidate.FirmId, cancellationToken);
        if (candidate == null || firm == null)
        {
            return NotFound();
        }
        if (!await access.CanEditAsync(User, firm.Id, cancellationToken))
        {
            return Forbid();
        }
        Candidate = candidate;
        Firm = firm;
        Offer = await db.Set<JobOffer>().SingleAsync(o => o.Id == candidate.OfferId, cancellationToken);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid candidat, CancellationToken cancellationToken)
    {
        if (await LoadAsync(candidat, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (Candidate.Status == CandidateStatus.Hired)
        {
            return Redirect($"/employeurs/{Firm.Id}");
        }
        Form.WeeklyHours = FrenchNumber.Format(Offer.WeeklyHours);
        Form.MonthlyGross = FrenchNumber.Format(Offer.MonthlyGrossMin);
        // The firm's health service, as declared at its last hiring.
        Form.HealthService = await db.Set<Hiring>().Where(h => h.FirmId == Firm.Id).OrderByDescending(h => h.CreatedAt).Select(h => h.HealthService).FirstOrDefaultAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid candidat, CancellationToken cancellationToken)
    {
        if (await LoadAsync(candidat, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (Candidate.Status == CandidateStatus.Hired)
        {
            ModelState.AddModelError("", $"{Candidate.FullName} est déjà embauché·e.");
        }
        ContractChecks.Check(ModelState, Offer.ContractKind, Form.Start, Form.End, Form.CddReason, Form.BirthDate, clock.Today);
        var hours = FrenchNumber.Read(Form.WeeklyHours, 1m, 48m, ModelState, "Form.WeeklyHours", "Heures par semaine : un nombre d'heures entre 1 et 48 (35 pour un temps plein).");
        var gross = FrenchNumber.Read(Form.MonthlyGross, 1m, 100000m, ModelState, "Form.MonthlyGross", "Salaire brut mensuel : un montant en euros, par exemple 1 850,00.");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var employee = new Employee { FirmId = Firm.Id, FirstName = Candidate.FirstName, LastName = Candidate.LastName, BirthDate = Form.BirthDate, CreatedAt = clock.Now };
        var contract = new EmploymentContract
        {
            EmployeeId = employee.Id, FirmId = Firm.Id, Kind = Offer.ContractKind, JobTitle = Offer.Title, Start = Form.Start!.Value,
            End = Offer.ContractKind == ContractKind.Cdi ? null : Form.End, CddReason = Offer.ContractKind == ContractKind.Cdd ? Form.CddReason!.Trim() : null,
            WeeklyHours = hours!.Value, MonthlyGross = Math.Round(gross!.Value, 2, MidpointRounding.AwayFromZero), CreatedAt = clock.Now,
        };
        var commune = Firm.CommuneInseeCode is { } code ? await db.Communes.Where(c => c.InseeCode == code).Select(c => c.PostalCode + " " + c.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var hiring = new Hiring
        {
            FirmId = Firm.Id, EmployeeId = employee.Id, ContractId = contract.Id, CandidateId = Candidate.Id,
            HireDate = Form.Start!.Value, HireTime = Form.StartTime!.Value,
            EmployerName = Firm.Name, EmployerSiret = Firm.Siret, EmployerNaf = Firm.NafCode,
            EmployerAddress = string.Join(", ", new[] { Firm.Address, commune }.Where(x => !string.IsNullOrWhiteSpace(x))) is { Length: > 0 } a ? a : null,
            EmployerPhone = Firm.ContactPhone, HealthService = Form.HealthService!.Trim(),
            EmployeeLastName = Candidate.LastName, EmployeeFirstNames = Candidate.FirstName, EmployeeSex = Form.Sex!, EmployeeBirthDate = Form.BirthDate!.Value,
            EmployeeBirthPlace = Form.BirthPlace!.Trim(), ContractKind = contract.Kind, ContractEnd = contract.End, TrialPeriod = FormText.Blank(Form.TrialPeriod),
            CreatedAt = clock.Now, CreatedBy = User.AccountId(),
        };
        db.AddRange(employee, contract, hiring);
        db.Add(await StaffRegisterEntry.NextAsync(db, Firm.Id, employee, contract, Form.Sex!, Form.Nationality!.Trim(), Form.BirthDate!.Value, FormText.Blank(Form.WorkPermit), clock.Now, User.AccountId(), cancellationToken));
        hiring.RegisterEntryOn = clock.Today;
        Candidate.Status = CandidateStatus.Hired;
        Candidate.EmployeeId = employee.Id;
        Candidate.UpdatedAt = clock.Now;
        var hired = await db.Set<Candidate>().CountAsync(c => c.OfferId == Offer.Id && c.Status == CandidateStatus.Hired, cancellationToken) + 1;
        if (hired >= Offer.Positions)
        {
            Offer.Status = OfferStatus.Filled;
        }
        auditLog.Add(db, new AuditEvent("employers.hire", "Employee", employee.Id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"{employee.FullName} est embauché·e : faites la DPAE avant le {FrenchFormat.Date(Form.Start.Value)} à {FrenchFormat.Hour(Form.StartTime.Value)}.";
        return Redirect($"/employeurs/embauches/{hiring.Id}");
    }
}
