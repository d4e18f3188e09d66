using System.Globalization;
using System.Text.Json;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Payslips;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Payroll;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Employers.Pages.Employeurs.Bulletins;

/// <summary>
/// An HR expert issues an employee's payslip for a month: the contract gives the pay and working time, the expert the
/// month's overtime and unpaid hours; the URSSAF's model computes it (shown first), then the expert issues it. A month
/// outside the model's dates, a month the contract does not cover or a payslip already issued: refused, nothing stored.
/// </summary>
[Authorize(Policy = Policies.EmployersExperts)]
public sealed class NouveauModel(CarteBlancheDbContext db, EmployersAccess access, PayslipCalculator calculator, IAuditLog auditLog, ParisClock clock) : PageModel
{
    /// <summary>Stored as read (« salarié », « 'CDI' »), not escaped: it is data, never written raw into a page.</summary>
    private static readonly JsonSerializerOptions Stored = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [BindProperty] public Guid? EmployeeId { get; set; }
    /// <summary>« 2026-06 », as an input of type month sends it.</summary>
    [BindProperty] public string? Month { get; set; }
    [BindProperty] public string? OvertimeHours { get; set; }
    [BindProperty] public string? UnpaidHours { get; set; }

    public Firm Firm { get; private set; } = null!;
    public IReadOnlyList<(Employee Employee, EmploymentContract Contract)> Staff { get; private set; } = [];
    public PayslipView? Preview { get; private set; }
    public (Employee Employee, EmploymentContract Contract)? Chosen { get; private set; }

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
        var employees = await db.Set<Employee>().AsNoTracking().Where(e => e.FirmId == id).ToListAsync(cancellationToken);
        var contracts = await db.Set<EmploymentContract>().AsNoTracking().Where(c => c.FirmId == id).ToListAsync(cancellationToken);
        Staff = employees.Select(e => (e, contracts.Where(c => c.EmployeeId == e.Id).OrderByDescending(c => c.Start).FirstOrDefault()))
            .Where(x => x.Item2 != null).Select(x => (x.e, x.Item2!))
            .OrderBy(x => x.e.LastName, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? salarie, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        EmployeeId = salarie ?? (Staff.Count == 1 ? Staff[0].Employee.Id : null);
        var today = clock.Today;
        Month = $"{today.Year:0000}-{today.Month:00}";
        OvertimeHours = "0";
        UnpaidHours = "0";
        return Page();
    }

    /// <summary>Reads the form and computes the payslip; null with the errors in the model state.</summary>
    private async Task<(MonthInputs Inputs, ComputedPayslip Payslip)?> ComputeAsync(CancellationToken cancellationToken)
    {
        Chosen = Staff.FirstOrDefault(s => s.Employee.Id == EmployeeId) is { Employee: not null } chosen ? chosen : null;
        if (Chosen == null)
        {
            ModelState.AddModelError(nameof(EmployeeId), "Salarié : choisissez un salarié de l'entreprise dans la liste.");
        }
        DateOnly? month = DateOnly.TryParseExact((Month ?? "").Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m
            : DateOnly.TryParseExact((Month ?? "").Trim(), "MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fr) ? fr : null;
        if (month == null)
        {
            ModelState.AddModelError(nameof(Month), "Mois : indiquez le mois du bulletin, par exemple 06/2026.");
        }
        var overtime = FrenchNumber.Read(string.IsNullOrWhiteSpace(OvertimeHours) ? "0" : OvertimeHours, 0m, 100m, ModelState, nameof(OvertimeHours),
            "Heures supplémentaires : un nombre d'heures du mois entre 0 et 100.");
        var unpaid = FrenchNumber.Read(string.IsNullOrWhiteSpace(UnpaidHours) ? "0" : UnpaidHours, 0m, 300m, ModelState, nameof(UnpaidHours),
            "Heures non payées : un nombre d'heures du mois entre 0 et 300.");
        if (Chosen is { } c && month is { } first)
        {
            if (!c.Contract.Covers(first.Year, first.Month))
            {
                ModelState.AddModelError(nameof(Month), $"Mois : le contrat de {c.Employee.FullName} ne couvre pas {Labels.Month(first.Year, first.Month)} (du {Platform.Web.FrenchFormat.Date(c.Contract.Start)}{(c.Contract.End is { } end ? $" au {Platform.Web.FrenchFormat.Date(end)}" : "")}).");
            }
            if (unpaid is { } u && u > c.Contract.MonthlyHours)
            {
                ModelState.AddModelError(nameof(UnpaidHours), $"Heures non payées : au plus les {Labels.Hours(c.Contract.MonthlyHours)} du mois prévues au contrat.");
            }
            if (await db.Set<Payslip>().AnyAsync(p => p.EmployeeId == c.Employee.Id && p.Year == first.Year && p.Month == first.Month, cancellationToken))
            {
                ModelState.AddModelError(nameof(Month), $"Mois : le bulletin de {Labels.Month(first.Year, first.Month)} de {c.Employee.FullName} est déjà établi.");
            }
        }
        if (!ModelState.IsValid)
        {
            return null;
        }
        var inputs = new MonthInputs(month!.Value.Year, month.Value.Month, overtime!.Value, unpaid!.Value);
        try
        {
            // The DGFiP's personalised rate when the employee's declaration data has one; the neutral grid otherwise.
            var employeeId = Chosen!.Value.Employee.Id;
            var rate = await db.Set<Declarations.EmployeeDeclarationData>().Where(d => d.EmployeeId == employeeId).Select(d => d.TaxRate).SingleOrDefaultAsync(cancellationToken);
            return (inputs, calculator.Compute(Firm, Chosen!.Value.Contract, inputs, rate));
        }
        catch (PayrollInputException e)
        {
            ModelState.AddModelError(nameof(Month), $"Mois : {e.Message}");
            return null;
        }
    }

    public async Task<IActionResult> OnPostCalculateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        Preview = await ComputeAsync(cancellationToken) is { } computed ? PayslipView.Of(computed.Payslip, computed.Inputs) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (await ComputeAsync(cancellationToken) is not { } computed)
        {
            return Page();
        }
        var (inputs, p) = computed;
        var (employee, contract) = Chosen!.Value;
        var payslip = new Payslip
        {
            FirmId = id, EmployeeId = employee.Id, ContractId = contract.Id, Year = inputs.Year, Month = inputs.Month,
            ContractGross = p.ContractGross, OvertimeHours = inputs.OvertimeHours, UnpaidHours = inputs.UnpaidHours, BaseGross = p.BaseGross, OvertimePay = p.OvertimePay, Gross = p.Gross,
            NetBeforeTax = p.NetBeforeTax, NetSocial = p.NetSocial, EmployeeContributions = p.EmployeeContributions, EmployerContributions = p.EmployerContributions,
            TotalCost = p.TotalCost, Rgdu = p.Rgdu, NetTaxable = p.NetTaxable, SmicReference = p.SmicReference,
            TaxRate = p.Tax?.Rate ?? 0, TaxRatePersonalised = p.Tax?.Personalised ?? false, Tax = p.Tax?.Amount ?? 0, NetPaid = p.NetPaid, ModelVersion = p.ModelVersion,
            SituationJson = JsonSerializer.Serialize(p.Situation, Stored), LinesJson = JsonSerializer.Serialize(p.Lines, Stored),
            IssuedAt = clock.Now, IssuedBy = User.AccountId(),
        };
        db.Add(payslip);
        auditLog.Add(db, new AuditEvent("employers.payslip-issue", "Payslip", payslip.Id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Issued meanwhile by someone else (the unique month per employee).
            ModelState.AddModelError(nameof(Month), $"Mois : le bulletin de {Labels.Month(inputs.Year, inputs.Month)} de {employee.FullName} vient d'être établi par ailleurs.");
            return Page();
        }
        TempData["Succes"] = $"Bulletin de {Labels.Month(inputs.Year, inputs.Month)} de {employee.FullName} établi : net à payer avant impôt {Platform.Web.FrenchFormat.Euros(p.NetBeforeTax, cents: true)}.";
        return Redirect($"/employeurs/bulletins/{payslip.Id}");
    }
}
