using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Payslips;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Employers.Pages.Employeurs;

public sealed record ExpertRow(Guid AccountId, string Name, HrFunctions Functions);
public sealed record EmployeeRow(Guid Id, string Name, string JobTitle, ContractKind Kind, DateOnly Start, DateOnly? End, decimal WeeklyHours, decimal MonthlyGross, DateOnly? NextInterview);
public sealed record PayslipRow(Guid Id, int Year, int Month, string Employee, decimal Gross, decimal NetBeforeTax);
public sealed record OfferRow(Guid Id, string Reference, string Title, Recruitment.OfferStatus Status, int Candidates);
public sealed record HiringRow(Guid Id, string Employee, DateTime HireAt, bool DpaeDone, bool Complete);

/// <summary>
/// A firm's page: its identity, its HR experts and their functions, its employees and their contracts, its payslips.
/// Its experts, coordinators and admins keep it; its owner reads it. Opening it shows employees: journaled.
/// </summary>
[Authorize(Policy = Policies.Employers)]
public sealed class FicheModel(CarteBlancheDbContext db, EmployersAccess access, IAuditLog auditLog, ParisClock clock,
    AccountInvitations invitations, Microsoft.Extensions.Options.IOptions<AppOptions> appOptions) : PageModel
{
    public IReadOnlyList<OfferRow> Offers { get; private set; } = [];
    /// <summary>Deadlines late or within the next 60 days.</summary>
    public IReadOnlyList<Reminders.HrDeadline> Deadlines { get; private set; } = [];
    public IReadOnlyList<HiringRow> Hirings { get; private set; } = [];
    /// <summary>The accounts of the firm's organisation: its owner(s).</summary>
    public IReadOnlyList<(string Name, string Email)> Owners { get; private set; } = [];
    [BindProperty] public string? OwnerName { get; set; }
    [BindProperty] public string? OwnerEmail { get; set; }

    public Firm Firm { get; private set; } = null!;
    public string? Commune { get; private set; }
    public EnrolmentStage Stage { get; private set; }
    public DateOnly Today => clock.Today;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<ExpertRow> Experts { get; private set; } = [];
    public IReadOnlyList<EmployeeRow> Employees { get; private set; } = [];
    public IReadOnlyList<PayslipRow> Payslips { get; private set; } = [];
    /// <summary>HR experts who may be added to the firm (not already on it).</summary>
    public IReadOnlyList<(Guid Id, string Name)> OtherExperts { get; private set; } = [];

    [BindProperty] public Guid? ExpertId { get; set; }
    [BindProperty] public List<HrFunctions> Functions { get; set; } = [];

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var firm = await access.FindAsync(User, id, cancellationToken);
        if (firm == null)
        {
            return false;
        }
        Firm = firm;
        Stage = firm.StageOn(clock.Today);
        CanEdit = await access.CanEditAsync(User, id, cancellationToken);
        Commune = firm.CommuneInseeCode is { } code ? await db.Communes.Where(c => c.InseeCode == code).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken) : null;
        Experts = (await db.Set<FirmExpert>().AsNoTracking().Where(e => e.FirmId == id)
                .Join(db.Users, e => e.AccountId, a => a.Id, (e, a) => new { e.AccountId, a.DisplayName, e.Functions }).ToListAsync(cancellationToken))
            .OrderBy(e => e.DisplayName).Select(e => new ExpertRow(e.AccountId, e.DisplayName, e.Functions)).ToList();
        var employees = await db.Set<Employee>().AsNoTracking().Where(e => e.FirmId == id).ToListAsync(cancellationToken);
        var contracts = await db.Set<EmploymentContract>().AsNoTracking().Where(c => c.FirmId == id).ToListAsync(cancellationToken);
        var interviews = await db.Set<Career.ProfessionalInterview>().AsNoTracking().Where(i => i.FirmId == id && i.Kind == Career.InterviewKind.Professional)
            .GroupBy(i => i.EmployeeId).Select(g => new { g.Key, Last = g.Max(i => i.HeldOn) }).ToDictionaryAsync(g => g.Key, g => g.Last, cancellationToken);
        var today = clock.Today;
        Employees = employees
            .Select(e => (Employee: e, Contract: contracts.Where(c => c.EmployeeId == e.Id).OrderByDescending(c => c.Start).FirstOrDefault(), Hired: contracts.Where(c => c.EmployeeId == e.Id).Min(c => (DateOnly?)c.Start)))
            .Where(x => x.Contract != null)
            .Select(x => new EmployeeRow(x.Employee.Id, x.Employee.FullName, x.Contract!.JobTitle, x.Contract.Kind, x.Contract.Start, x.Contract.End, x.Contract.WeeklyHours, x.Contract.MonthlyGross,
                x.Contract.End is { } end && end < today ? null
                    : Career.ProfessionalInterviewRules.NextInterview(x.Hired!.Value, interviews.TryGetValue(x.Employee.Id, out var last) ? last : null).Due))
            .OrderBy(e => e.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
        var names = employees.ToDictionary(e => e.Id, e => e.FullName);
        Payslips = (await db.Set<Payslip>().AsNoTracking().Where(p => p.FirmId == id)
                .Select(p => new { p.Id, p.Year, p.Month, p.EmployeeId, p.Gross, p.NetBeforeTax }).ToListAsync(cancellationToken))
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Month).ThenBy(p => names.GetValueOrDefault(p.EmployeeId))
            .Select(p => new PayslipRow(p.Id, p.Year, p.Month, names.GetValueOrDefault(p.EmployeeId, "?"), p.Gross, p.NetBeforeTax)).ToList();
        var offers = await db.Set<Recruitment.JobOffer>().AsNoTracking().Where(o => o.FirmId == id).OrderByDescending(o => o.CreatedAt)
            .Select(o => new { o.Id, o.Reference, o.Title, o.Status }).ToListAsync(cancellationToken);
        var counts = await db.Set<Recruitment.Candidate>().Where(c => c.FirmId == id).GroupBy(c => c.OfferId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Offers = offers.Select(o => new OfferRow(o.Id, o.Reference, o.Title, o.Status, counts.GetValueOrDefault(o.Id))).ToList();
        Hirings = (await db.Set<Recruitment.Hiring>().AsNoTracking().Where(h => h.FirmId == id).ToListAsync(cancellationToken))
            .OrderByDescending(h => h.HireAt).Select(h => new HiringRow(h.Id, $"{h.EmployeeFirstNames} {h.EmployeeLastName}", h.HireAt, h.DpaeDone, h.Complete)).ToList();
        Deadlines = (await Reminders.HrDeadlines.ForFirmAsync(db, firm, today, cancellationToken)).Where(d => d.Due <= today.AddDays(60)).ToList();
        Owners = (await db.Users.AsNoTracking().Where(a => a.OrganisationId == firm.OrganisationId && a.IsActive).Select(a => new { a.DisplayName, a.Email }).ToListAsync(cancellationToken))
            .Select(a => (a.DisplayName, a.Email ?? "")).ToList();
        if (CanEdit)
        {
            var onFirm = Experts.Select(e => e.AccountId).ToList();
            OtherExperts = (await (from a in db.Users
                                   join ur in db.UserRoles on a.Id equals ur.UserId
                                   join r in db.Roles on ur.RoleId equals r.Id
                                   where r.Name == Roles.HrExpert && a.IsActive && !onFirm.Contains(a.Id)
                                   select new { a.Id, a.DisplayName }).ToListAsync(cancellationToken))
                .OrderBy(a => a.DisplayName).Select(a => (a.Id, a.DisplayName)).ToList();
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        auditLog.Add(db, new AuditEvent("employers.firm-read", "Firm", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    /// <summary>Adds an HR expert to the firm with the functions they cover, or changes an expert's functions.</summary>
    public async Task<IActionResult> OnPostExpertAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var functions = Functions.Aggregate(HrFunctions.None, (all, f) => all | (f & HrFunctions.All));
        var isExpert = ExpertId is { } expertId && (Experts.Any(e => e.AccountId == expertId) || OtherExperts.Any(e => e.Id == expertId));
        if (!isExpert)
        {
            ModelState.AddModelError(nameof(ExpertId), "Expert RH : choisissez un expert RH dans la liste.");
        }
        if (functions == HrFunctions.None)
        {
            ModelState.AddModelError(nameof(Functions), "Fonctions : cochez au moins une fonction que l'expert assure pour l'entreprise.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var existing = await db.Set<FirmExpert>().SingleOrDefaultAsync(e => e.FirmId == id && e.AccountId == ExpertId, cancellationToken);
        if (existing == null)
        {
            db.Add(new FirmExpert { FirmId = id, AccountId = ExpertId!.Value, Functions = functions });
        }
        else
        {
            existing.Functions = functions;
        }
        auditLog.Add(db, new AuditEvent("employers.firm-expert", "Firm", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = "Expert RH enregistré pour l'entreprise.";
        return Redirect($"/employeurs/{id}");
    }

    /// <summary>Invites the firm's owner: an account of the firm's organisation with the firm owner's role, by e-mail (the link is valid 72 hours).</summary>
    public async Task<IActionResult> OnPostInviteOwnerAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var (result, _, _) = await invitations.InviteAsync(new InviteAccount(OwnerEmail ?? "", OwnerName ?? "", Firm.OrganisationId, [Roles.FirmOwner]),
            User.AccountId(), appOptions.Value.BaseUrlFor(Request), cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field switch { "Email" => nameof(OwnerEmail), "DisplayName" => nameof(OwnerName), _ => "" }, message);
            }
            return Page();
        }
        TempData["Succes"] = $"Invitation envoyée à {OwnerEmail!.Trim()} : le lien, valable 72 heures, ouvre l'espace « Mon entreprise ».";
        return Redirect($"/employeurs/{id}");
    }

    /// <summary>Takes an expert off the firm (asked first).</summary>
    public async Task<IActionResult> OnPostRemoveExpertAsync(Guid id, Guid expert, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (!CanEdit)
        {
            return Forbid();
        }
        var row = await db.Set<FirmExpert>().SingleOrDefaultAsync(e => e.FirmId == id && e.AccountId == expert, cancellationToken);
        if (row == null)
        {
            return NotFound();
        }
        var name = Experts.FirstOrDefault(e => e.AccountId == expert)?.Name ?? "l'expert";
        if (!Confirmation.IsConfirmed(Request))
        {
            return Confirmation.Ask(this, $"Retirer {name} de {Firm.Name} ?", "Oui, retirer", "Il ou elle ne verra plus l'entreprise ni ses salariés.", $"/employeurs/{id}");
        }
        db.Remove(row);
        auditLog.Add(db, new AuditEvent("employers.firm-expert-removed", "Firm", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"{name} ne suit plus l'entreprise.";
        return Redirect(expert == User.AccountId() && !EmployersAccess.SeesAllFirms(User) ? "/employeurs" : $"/employeurs/{id}");
    }
}
