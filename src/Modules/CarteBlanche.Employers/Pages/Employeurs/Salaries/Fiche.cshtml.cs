using CarteBlanche.Employers.Career;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Payslips;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Employers.Pages.Employeurs.Salaries;

/// <summary>
/// An employee's file: contracts, hiring, payslips, professional interviews held and the next ones due under the law
/// in force at their date (ProfessionalInterviewRules). Its firm's experts keep it, its owner reads it; journaled.
/// </summary>
[Authorize(Policy = Policies.Employers)]
public sealed class FicheModel(CarteBlancheDbContext db, EmployersAccess access, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public Employee Employee { get; private set; } = null!;
    public Firm Firm { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<EmploymentContract> Contracts { get; private set; } = [];
    public IReadOnlyList<ProfessionalInterview> Interviews { get; private set; } = [];
    public IReadOnlyList<(Guid Id, int Year, int Month, decimal Net)> Payslips { get; private set; } = [];
    public Guid? HiringId { get; private set; }
    public InterviewDue? NextInterview { get; private set; }
    public InterviewDue? NextRecap { get; private set; }

    public IReadOnlyList<Training> Trainings { get; private set; } = [];
    public IReadOnlyList<MedicalVisit> Visits { get; private set; } = [];
    public IReadOnlyList<VisitDue> VisitsDue { get; private set; } = [];
    public ContractEnd? Ended { get; private set; }

    [BindProperty] public string? TrainingTitle { get; set; }
    [BindProperty] public string? TrainingProvider { get; set; }
    [BindProperty] public DateOnly? TrainingStart { get; set; }
    [BindProperty] public DateOnly? TrainingEnd { get; set; }
    [BindProperty] public string? TrainingHours { get; set; }
    [BindProperty] public bool TrainingCertifying { get; set; }
    [BindProperty] public MedicalVisitKind VisitKind { get; set; }
    [BindProperty] public DateOnly? VisitOn { get; set; }

    [BindProperty] public InterviewKind Kind { get; set; }
    [BindProperty] public DateOnly? HeldOn { get; set; }
    [BindProperty] public string? Summary { get; set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var employee = await db.Set<Employee>().AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        var firm = employee == null ? null : await access.FindAsync(User, employee.FirmId, cancellationToken);
        if (employee == null || firm == null)
        {
            return false;
        }
        Employee = employee;
        Firm = firm;
        Today = clock.Today;
        CanEdit = await access.CanEditAsync(User, firm.Id, cancellationToken);
        Contracts = (await db.Set<EmploymentContract>().AsNoTracking().Where(c => c.EmployeeId == id).ToListAsync(cancellationToken)).OrderBy(c => c.Start).ToList();
        Interviews = (await db.Set<ProfessionalInterview>().AsNoTracking().Where(i => i.EmployeeId == id).ToListAsync(cancellationToken)).OrderByDescending(i => i.HeldOn).ToList();
        Payslips = (await db.Set<Payslip>().AsNoTracking().Where(p => p.EmployeeId == id).Select(p => new { p.Id, p.Year, p.Month, p.NetBeforeTax }).ToListAsync(cancellationToken))
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Month).Select(p => (p.Id, p.Year, p.Month, p.NetBeforeTax)).ToList();
        Trainings = (await db.Set<Training>().AsNoTracking().Where(t => t.EmployeeId == id).ToListAsync(cancellationToken)).OrderByDescending(t => t.Start).ToList();
        Visits = (await db.Set<MedicalVisit>().AsNoTracking().Where(v => v.EmployeeId == id).ToListAsync(cancellationToken)).OrderByDescending(v => v.HeldOn).ToList();
        Ended = (await db.Set<ContractEnd>().AsNoTracking().Where(e => e.EmployeeId == id).ToListAsync(cancellationToken)).OrderByDescending(e => e.LastDay).FirstOrDefault();
        HiringId = await db.Set<Recruitment.Hiring>().Where(h => h.EmployeeId == id).Select(h => (Guid?)h.Id).SingleOrDefaultAsync(cancellationToken);
        if (Contracts.Count > 0 && (Contracts[^1].End == null || Contracts[^1].End >= Today))
        {
            var hired = Contracts[0].Start;
            NextInterview = ProfessionalInterviewRules.NextInterview(hired, Interviews.Where(i => i.Kind == InterviewKind.Professional).Select(i => (DateOnly?)i.HeldOn).FirstOrDefault());
            NextRecap = ProfessionalInterviewRules.NextRecap(hired, Interviews.Where(i => i.Kind == InterviewKind.Recap).Select(i => (DateOnly?)i.HeldOn).FirstOrDefault());
            VisitsDue = MedicalVisitRules.Due(hired, employee.BirthDate, Visits);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        auditLog.Add(db, new AuditEvent("employers.employee-read", "Employee", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    /// <summary>Records an interview held: not in the future, not before the hiring.</summary>
    public async Task<IActionResult> OnPostInterviewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        if (HeldOn == null)
        {
            ModelState.AddModelError(nameof(HeldOn), "Date de l'entretien : indiquez le jour où il a eu lieu.");
        }
        else if (HeldOn > Today)
        {
            ModelState.AddModelError(nameof(HeldOn), $"Date de l'entretien : le {FrenchFormat.Date(HeldOn.Value)} n'est pas encore arrivé ; notez un entretien une fois tenu.");
        }
        else if (Contracts.Count > 0 && HeldOn < Contracts[0].Start)
        {
            ModelState.AddModelError(nameof(HeldOn), $"Date de l'entretien : avant l'embauche du {FrenchFormat.Date(Contracts[0].Start)}.");
        }
        if (Summary?.Length > 1000)
        {
            ModelState.AddModelError(nameof(Summary), "Ce qui a été convenu : 1 000 caractères au plus.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var interview = new ProfessionalInterview
        {
            FirmId = Firm.Id, EmployeeId = id, Kind = Kind, HeldOn = HeldOn!.Value, Summary = FormText.Blank(Summary), RecordedAt = clock.Now, RecordedBy = User.AccountId(),
        };
        db.Add(interview);
        auditLog.Add(db, new AuditEvent("employers.interview-record", "Employee", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"{Of(Kind)} du {FrenchFormat.Date(interview.HeldOn)} enregistré.";
        return Redirect($"/employeurs/salaries/{id}");
    }

    /// <summary>Records a training: a title, a start not after its end, hours if known.</summary>
    public async Task<IActionResult> OnPostTrainingAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        if (string.IsNullOrWhiteSpace(TrainingTitle) || TrainingTitle.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(TrainingTitle), "Intitulé de la formation : écrivez-le (200 caractères au plus).");
        }
        if (TrainingProvider?.Length > 200)
        {
            ModelState.AddModelError(nameof(TrainingProvider), "Organisme : 200 caractères au plus.");
        }
        if (TrainingStart == null)
        {
            ModelState.AddModelError(nameof(TrainingStart), "Début de la formation : indiquez le premier jour.");
        }
        else if (TrainingEnd is { } end && end < TrainingStart)
        {
            ModelState.AddModelError(nameof(TrainingEnd), $"Fin de la formation : le {FrenchFormat.Date(end)} est avant son début, le {FrenchFormat.Date(TrainingStart.Value)}.");
        }
        decimal? hours = string.IsNullOrWhiteSpace(TrainingHours) ? null
            : FrenchNumber.Read(TrainingHours, 0.5m, 2000m, ModelState, nameof(TrainingHours), "Durée en heures : écrivez un nombre d'heures entre 0,5 et 2 000, par exemple 14 ou 7,5.");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.Add(new Training
        {
            FirmId = Firm.Id, EmployeeId = id, Title = TrainingTitle!.Trim(), Provider = FormText.Blank(TrainingProvider), Start = TrainingStart!.Value, End = TrainingEnd,
            Hours = hours, Certifying = TrainingCertifying, RecordedAt = clock.Now, RecordedBy = User.AccountId(),
        });
        auditLog.Add(db, new AuditEvent("employers.training-record", "Employee", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Formation « {TrainingTitle!.Trim()} » enregistrée.";
        return Redirect($"/employeurs/salaries/{id}");
    }

    /// <summary>Records a visit to the occupational health service: its kind and date (not in the future).</summary>
    public async Task<IActionResult> OnPostVisitAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!Enum.IsDefined(VisitKind))
        {
            ModelState.AddModelError(nameof(VisitKind), "Visite : choisissez le type de visite dans la liste.");
        }
        if (VisitOn == null)
        {
            ModelState.AddModelError(nameof(VisitOn), "Date de la visite : indiquez le jour où elle a eu lieu.");
        }
        else if (VisitOn > Today)
        {
            ModelState.AddModelError(nameof(VisitOn), $"Date de la visite : le {FrenchFormat.Date(VisitOn.Value)} n'est pas encore arrivé ; notez une visite une fois passée.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.Add(new MedicalVisit { FirmId = Firm.Id, EmployeeId = id, Kind = VisitKind, HeldOn = VisitOn!.Value, RecordedAt = clock.Now, RecordedBy = User.AccountId() });
        auditLog.Add(db, new AuditEvent("employers.medical-visit-record", "Employee", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"{Labels.Of(VisitKind)} du {FrenchFormat.Date(VisitOn!.Value)} enregistrée.";
        return Redirect($"/employeurs/salaries/{id}");
    }

    public static string Of(InterviewKind kind) => kind == InterviewKind.Professional ? "Entretien de parcours professionnel" : "État des lieux récapitulatif";
}
