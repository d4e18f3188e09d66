using System.Globalization;
using CarteBlanche.Employers.Declarations;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;

namespace CarteBlanche.Employers.Pages.Employeurs;

/// <summary>
/// The month's DSN, prepared as a file for the firm's declaration software to check (DSN-Val) and file: what is still
/// missing (with the page that completes it), the payslip lines left to the software, the deadline, the file. Its
/// experts and coordinators prepare it; reading it reads NIRs: journaled.
/// </summary>
[Authorize(Policy = Policies.EmployersExperts)]
public sealed partial class DsnModel(CarteBlancheDbContext db, EmployersAccess access, DsnPreparation preparation, IAuditLog auditLog, ParisClock clock) : PageModel
{
    public Firm Firm { get; private set; } = null!;
    [BindProperty(SupportsGet = true, Name = "mois")] public string? Month { get; set; }
    [BindProperty] public string? AtRiskCode { get; set; }
    public int Year { get; private set; }
    public int MonthNumber { get; private set; }
    public DsnPrepared Prepared { get; private set; } = null!;
    public IReadOnlyList<(string Value, string Label)> Months { get; private set; } = [];

    /// <summary>The filing deadline: the 5th of the next month at noon from 50 employees, the 15th below (art. R133-14 of the social security code).</summary>
    public DateOnly Deadline => new DateOnly(Year, MonthNumber, 1).AddMonths(1).AddDays(Firm.Headcount >= 50 ? 4 : 14);

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var firm = await access.FindAsync(User, id, cancellationToken);
        if (firm == null || !await access.CanEditAsync(User, id, cancellationToken))
        {
            return false;
        }
        Firm = firm;
        var today = clock.Today;
        // The month to declare is usually the one just ended.
        var chosen = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var start = new DateOnly(today.Year, today.Month, 1);
        // Only the months the page offers: the last twelve and the current one.
        if (Month != null && DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asked)
            && asked <= start && asked >= start.AddMonths(-12))
        {
            chosen = asked;
        }
        Year = chosen.Year;
        MonthNumber = chosen.Month;
        Month = chosen.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        Months = Enumerable.Range(0, 13).Select(i => start.AddMonths(-i)).Select(m => (m.ToString("yyyy-MM", CultureInfo.InvariantCulture), Labels.Month(m.Year, m.Month))).ToList();
        Prepared = await preparation.PrepareAsync(firm, Year, MonthNumber, today, cancellationToken);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>The file, when nothing is missing; its reading is journaled (it holds the employees' NIR).</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Prepared.File is not { } file)
        {
            TempData["Erreur"] = "La DSN ne peut pas encore être préparée : complétez d'abord ce qui manque.";
            return Redirect($"/employeurs/{id}/dsn?mois={Month}");
        }
        auditLog.Add(db, new AuditEvent("employers.dsn-file", "Firm", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        return File(file.ToBytes(), "text/plain; charset=iso-8859-1", $"dsn-{Firm.Siret}-{Month}.txt");
    }

    /// <summary>Records the firm's accident-at-work risk code (3 digits and 2 letters).</summary>
    public async Task<IActionResult> OnPostRiskAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        var code = (AtRiskCode ?? "").Trim().ToUpperInvariant();
        if (!RiskCode().IsMatch(code))
        {
            ModelState.AddModelError(nameof(AtRiskCode), "Code risque AT : 3 chiffres et 2 lettres, comme sur la notification de taux de la CARSAT (par exemple 158ZA).");
            return Page();
        }
        var firm = await db.Set<Firm>().SingleAsync(f => f.Id == id, cancellationToken);
        firm.AtRiskCode = code;
        auditLog.Add(db, new AuditEvent("employers.firm-update", "Firm", id.ToString("D"), AuditPurpose.EmployerHr, ActorId: User.AccountId()));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Code risque accident du travail enregistré : {code}.";
        return Redirect($"/employeurs/{id}/dsn?mois={Month}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{3}[A-Z]{2}$")]
    private static partial System.Text.RegularExpressions.Regex RiskCode();
}
