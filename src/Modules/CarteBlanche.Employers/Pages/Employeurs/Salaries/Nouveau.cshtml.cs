using System.ComponentModel.DataAnnotations;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Employers.Pages.Employeurs.Salaries;

/// <summary>An HR expert records an employee of the firm and their contract: kind, dates (a CDD's end and reason), working time, monthly gross.</summary>
[Authorize(Policy = Policies.EmployersExperts)]
public sealed class NouveauModel(CarteBlancheDbContext db, EmployersAccess access, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public sealed class EmployeeForm
    {
        [Required(ErrorMessage = "Prénom : indiquez le prénom du salarié.")][MaxLength(100, ErrorMessage = "Prénom : 100 caractères au plus.")] public string? FirstName { get; set; }
        [Required(ErrorMessage = "Nom : indiquez le nom du salarié.")][MaxLength(100, ErrorMessage = "Nom : 100 caractères au plus.")] public string? LastName { get; set; }
        [Required(ErrorMessage = "Date de naissance : le registre unique du personnel la demande.")] public DateOnly? BirthDate { get; set; }
        [Required(ErrorMessage = "Sexe : le registre unique du personnel le demande.")][RegularExpression("^[FM]$", ErrorMessage = "Sexe : F ou M.")] public string? Sex { get; set; }
        [Required(ErrorMessage = "Nationalité : le registre unique du personnel la demande.")][MaxLength(60, ErrorMessage = "Nationalité : 60 caractères au plus.")] public string? Nationality { get; set; } = "Française";
        [MaxLength(150, ErrorMessage = "Titre de travail : 150 caractères au plus.")] public string? WorkPermit { get; set; }
        public ContractKind Kind { get; set; } = ContractKind.Cdi;
        [Required(ErrorMessage = "Emploi : indiquez l'intitulé du poste.")][MaxLength(200, ErrorMessage = "Emploi : 200 caractères au plus.")] public string? JobTitle { get; set; }
        [Required(ErrorMessage = "Début du contrat : indiquez la date d'embauche.")] public DateOnly? Start { get; set; }
        public DateOnly? End { get; set; }
        [MaxLength(300, ErrorMessage = "Motif du CDD : 300 caractères au plus.")] public string? CddReason { get; set; }
        [MaxLength(10)] public string? WeeklyHours { get; set; } = "35";
        [MaxLength(20)] public string? MonthlyGross { get; set; }
    }

    [BindProperty] public EmployeeForm Form { get; set; } = new();
    public Firm Firm { get; private set; } = null!;

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
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        ContractChecks.Check(ModelState, Form.Kind, Form.Start, Form.End, Form.CddReason, Form.BirthDate, clock.Today);
        var weeklyHours = FrenchNumber.Read(Form.WeeklyHours, 1m, 48m, ModelState, "Form.WeeklyHours", "Heures par semaine : un nombre d'heures entre 1 et 48 (35 pour un temps plein).");
        var monthlyGross = FrenchNumber.Read(Form.MonthlyGross, 1m, 100000m, ModelState, "Form.MonthlyGross", "Salaire brut mensuel : un montant en euros entre 1 et 100 000, par exemple 1 850,00.");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var employee = new Employee { FirmId = id, FirstName = Form.FirstName!.Trim(), LastName = Form.LastName!.Trim(), BirthDate = Form.BirthDate, CreatedAt = clock.Now };
        db.Add(employee);
        var contract = new EmploymentContract
        {
            EmployeeId = employee.Id, FirmId = id, Kind = Form.Kind, JobTitle = Form.JobTitle!.Trim(), Start = Form.Start!.Value, End = Form.End,
            CddReason = Form.Kind == ContractKind.Cdd ? Form.CddReason!.Trim() : null, WeeklyHours = weeklyHours!.Value,
            MonthlyGross = Math.Round(monthlyGross!.Value, 2, MidpointRounding.AwayFromZero), CreatedAt = clock.Now,
        };
        db.Add(contract);
        db.Add(await StaffRegisterEntry.NextAsync(db, id, employee, contract, Form.Sex!, Form.Nationality!.Trim(), Form.BirthDate!.Value, FormText.Blank(Form.WorkPermit), clock.Now, User.AccountId(), cancellationToken));
        auditLog.Add(db, new AuditEvent("employers.employee-create", "Employee", employee.Id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"{employee.FullName} est enregistré·e comme salarié·e de {Firm.Name}.";
        return Redirect($"/employeurs/{id}");
    }
}
