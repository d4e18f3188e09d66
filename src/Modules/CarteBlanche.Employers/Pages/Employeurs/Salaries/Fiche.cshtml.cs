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
        HiringId = await db.Set<Recruitment.Hiring>().Where(h => h.EmployeeId == id).Select(h => (Guid?)h.Id).SingleOrDefaultAsync(cancellationToken);
        if (Contracts.Count > 0 && (Contracts[^1].End == null || Contracts[^1].End >= Today))
        {
            var hired = Contracts[0].Start;
            NextInterview = ProfessionalInterviewRules.NextInterview(hired, Interviews.Where(i => i.Kind == InterviewKind.Professional).Select(i => (DateOnly?)i.HeldOn).FirstOrDefault());
            NextRecap = ProfessionalInterviewRules.NextRecap(hired, Interviews.Where(i => i.Kind == InterviewKind.Recap).Select(i => (DateOnly?)i.HeldOn).FirstOrDefault());
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

    public static string Of(InterviewKind kind) => kind == InterviewKind.Professional ? "Entretien de parcours professionnel" : "État des lieux récapitulatif";
}
