using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Payslips;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Employers.Pages.Employeurs.Salaries;

/// <summary>
/// The end of an employee's contract, recorded once (asked first: it closes the contract and writes the exit date on
/// the staff register), then the three end-of-contract documents, printable: the certificate of employment
/// (art. D1234-6), the data of the France Travail employer certificate (art. R1234-9; sent through the DSN's
/// end-of-contract event, which the firm's software files) and the final settlement receipt (art. L1234-20).
/// </summary>
[Authorize(Policy = Policies.Employers)]
public sealed class FinDeContratModel(CarteBlancheDbContext db, EmployersAccess access, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public Employee Employee { get; private set; } = null!;
    public Firm Firm { get; private set; } = null!;
    public string? FirmCommune { get; private set; }
    public bool CanEdit { get; private set; }
    public EmploymentContract? Contract { get; private set; }
    public DateOnly HiredOn { get; private set; }
    public IReadOnlyList<EmploymentContract> Contracts { get; private set; } = [];
    public ContractEnd? Ended { get; private set; }
    /// <summary>The payslips of the 12 months before the last day, newest first (the France Travail certificate's salaries).</summary>
    public IReadOnlyList<Payslip> LastPayslips { get; private set; } = [];
    /// <summary>The CDD's gross pay on the payslips issued, for the 10 % end-of-contract indemnity.</summary>
    public decimal CddGrossPaid { get; private set; }

    [BindProperty] public DateOnly? LastDay { get; set; }
    [BindProperty] public EndReason? Reason { get; set; }
    [BindProperty] public string? FinalSalary { get; set; }
    [BindProperty] public string? PaidLeaveIndemnity { get; set; }
    [BindProperty] public string? EndOfContractIndemnity { get; set; }
    [BindProperty] public string? SeveranceIndemnity { get; set; }
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public DateOnly? DocumentsOn { get; set; }

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
        CanEdit = await access.CanEditAsync(User, firm.Id, cancellationToken);
        FirmCommune = firm.CommuneInseeCode is { } code ? await db.Communes.Where(c => c.InseeCode == code).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken) : null;
        Contracts = (await db.Set<EmploymentContract>().AsNoTracking().Where(c => c.EmployeeId == id).ToListAsync(cancellationToken)).OrderBy(c => c.Start).ToList();
        Contract = Contracts.LastOrDefault();
        HiredOn = Contracts.Count > 0 ? Contracts[0].Start : default;
        Ended = Contract == null ? null : await db.Set<ContractEnd>().AsNoTracking().SingleOrDefaultAsync(e => e.ContractId == Contract.Id, cancellationToken);
        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => p.EmployeeId == id).ToListAsync(cancellationToken);
        _payslipMonths = payslips.Select(p => (p.Year, p.Month)).ToList();
        var last = Ended?.LastDay ?? clock.Today;
        var firstMonth = (last.Year * 12) + last.Month - 12;
        LastPayslips = payslips.Where(p => (p.Year * 12) + p.Month > firstMonth && (p.Year * 12) + p.Month <= (last.Year * 12) + last.Month)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Month).ToList();
        CddGrossPaid = Contract?.Kind == ContractKind.Cdd ? payslips.Where(p => p.ContractId == Contract.Id).Sum(p => p.Gross) : 0;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Ended == null && !CanEdit)
        {
            return NotFound();
        }
        if (Ended == null && Contract != null)
        {
            LastDay = Contract.End;
            Reason = Contract.Kind switch { ContractKind.Cdd => EndReason.EndOfFixedTerm, ContractKind.Apprenticeship => EndReason.EndOfApprenticeship, _ => null };
            EndOfContractIndemnity = Contract.Kind == ContractKind.Cdd ? FrenchNumber.Format(Math.Round(CddGrossPaid * 0.10m, 2, MidpointRounding.AwayFromZero)) : null;
            Place = FirmCommune;
        }
        auditLog.Add(db, new AuditEvent("employers.contract-end-read", "Employee", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
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
        if (Contract == null || Ended != null)
        {
            TempData["Erreur"] = Ended != null ? $"Le contrat est déjà terminé, le {FrenchFormat.Date(Ended.LastDay)}." : "Aucun contrat à terminer.";
            return Redirect($"/employeurs/salaries/{id}/fin-de-contrat");
        }
        var today = clock.Today;
        if (LastDay == null)
        {
            ModelState.AddModelError(nameof(LastDay), "Dernier jour du contrat : indiquez-le.");
        }
        else if (LastDay < Contract.Start)
        {
            ModelState.AddModelError(nameof(LastDay), $"Dernier jour du contrat : le {FrenchFormat.Date(LastDay.Value)} est avant son début, le {FrenchFormat.Date(Contract.Start)}.");
        }
        else if (Contract.End is { } planned && LastDay > planned)
        {
            ModelState.AddModelError(nameof(LastDay), $"Dernier jour du contrat : le contrat finit le {FrenchFormat.Date(planned)} ; un renouvellement est un nouveau contrat.");
        }
        else if (LastDay > today.AddMonths(3))
        {
            ModelState.AddModelError(nameof(LastDay), "Dernier jour du contrat : au plus 3 mois à l'avance ; les documents se remettent à la fin du contrat.");
        }
        else if (LastPayslipAfter(LastDay.Value) is { } after)
        {
            ModelState.AddModelError(nameof(LastDay), $"Dernier jour du contrat : un bulletin de paie existe pour {Labels.Month(after.Year, after.Month)}, après ce jour.");
        }
        if (Reason is not { } reason || !Enum.IsDefined(reason))
        {
            ModelState.AddModelError(nameof(Reason), "Motif de la fin du contrat : choisissez-le dans la liste.");
        }
        else if (reason == EndReason.EndOfFixedTerm && Contract.Kind != ContractKind.Cdd)
        {
            ModelState.AddModelError(nameof(Reason), $"Motif de la fin du contrat : « {Labels.Of(reason)} » ne vaut que pour un CDD, et le contrat est un {Labels.Of(Contract.Kind)}.");
        }
        else if (reason == EndReason.EndOfApprenticeship && Contract.Kind != ContractKind.Apprenticeship)
        {
            ModelState.AddModelError(nameof(Reason), $"Motif de la fin du contrat : « {Labels.Of(reason)} » ne vaut que pour un contrat d'apprentissage.");
        }
        const string amountError = "écrivez un montant en euros entre 0 et 1 000 000, par exemple 1 250,40 ; 0 s'il n'y en a pas.";
        var finalSalary = Amount(FinalSalary, nameof(FinalSalary), $"Dernier salaire : {amountError}");
        var leave = Amount(PaidLeaveIndemnity, nameof(PaidLeaveIndemnity), $"Indemnité compensatrice de congés payés : {amountError}");
        var endOfContract = Amount(EndOfContractIndemnity, nameof(EndOfContractIndemnity), $"Indemnité de fin de contrat : {amountError}");
        var severance = Amount(SeveranceIndemnity, nameof(SeveranceIndemnity), $"Indemnité de rupture : {amountError}");
        if (string.IsNullOrWhiteSpace(Place) || Place.Trim().Length > 100)
        {
            ModelState.AddModelError(nameof(Place), "Lieu : écrivez la commune où les documents sont établis (100 caractères au plus).");
        }
        if (DocumentsOn == null)
        {
            ModelState.AddModelError(nameof(DocumentsOn), "Date des documents : indiquez le jour où ils sont remis.");
        }
        else if (LastDay is { } lastDay && DocumentsOn < lastDay)
        {
            ModelState.AddModelError(nameof(DocumentsOn), $"Date des documents : ils se remettent à la fin du contrat, le {FrenchFormat.Date(lastDay)} ou après.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (!Confirmation.IsConfirmed(Request))
        {
            return Confirmation.Ask(this, $"Mettre fin au contrat de {Employee.FullName} le {FrenchFormat.Date(LastDay!.Value)} ?", "Oui, mettre fin au contrat",
                "La date de sortie sera écrite sur le registre unique du personnel, qui ne se corrige pas.", $"/employeurs/salaries/{id}/fin-de-contrat");
        }

        var contract = await db.Set<EmploymentContract>().SingleAsync(c => c.Id == Contract.Id, cancellationToken);
        var end = new ContractEnd
        {
            FirmId = Firm.Id, EmployeeId = id, ContractId = contract.Id, LastDay = LastDay!.Value, PlannedEnd = contract.End, Reason = Reason!.Value,
            FinalSalary = finalSalary ?? 0, PaidLeaveIndemnity = leave ?? 0, EndOfContractIndemnity = endOfContract ?? 0, SeveranceIndemnity = severance ?? 0,
            Place = Place!.Trim(), DocumentsOn = DocumentsOn!.Value, RecordedAt = clock.Now, RecordedBy = User.AccountId(),
        };
        db.Add(end);
        contract.End = end.LastDay;
        // The register's line gets its exit date, its only change (art. D1221-23).
        var line = await db.Set<StaffRegisterEntry>().SingleOrDefaultAsync(e => e.EmployeeId == id, cancellationToken);
        if (line != null && line.ExitDate == null)
        {
            line.ExitDate = end.LastDay;
        }
        auditLog.Add(db, new AuditEvent("employers.contract-end", "Employee", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Recorded meanwhile (a second click, a colleague): the unique contract kept the first; nothing of this one is stored.
            TempData["Erreur"] = "La fin de ce contrat vient d'être enregistrée par ailleurs.";
            return Redirect($"/employeurs/salaries/{id}/fin-de-contrat");
        }
        TempData["Succes"] = $"Fin du contrat enregistrée au {FrenchFormat.Date(end.LastDay)} ; les documents sont prêts à imprimer.";
        return Redirect($"/employeurs/salaries/{id}/fin-de-contrat");
    }

    private List<(int Year, int Month)> _payslipMonths = [];

    private (int Year, int Month)? LastPayslipAfter(DateOnly lastDay) =>
        _payslipMonths.Where(p => (p.Year * 12) + p.Month > (lastDay.Year * 12) + lastDay.Month).OrderBy(p => p.Year).ThenBy(p => p.Month)
            .Select(p => ((int, int)?)p).FirstOrDefault();

    private decimal? Amount(string? text, string key, string error) =>
        string.IsNullOrWhiteSpace(text) ? 0 : FrenchNumber.Read(text, 0m, 1_000_000m, ModelState, key, error);
}
