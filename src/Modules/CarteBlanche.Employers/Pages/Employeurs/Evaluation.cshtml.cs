using CarteBlanche.Employers.Evaluation;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Files;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Employers.Pages.Employeurs;

/// <summary>
/// The experiment's report over a period, per firm and overall: time spent per function, what the service did,
/// satisfaction and willingness to co-finance; printable and as CSV. HR experts see their firms, coordinators all.
/// No employee is named: the figures are the firm's.
/// </summary>
[Authorize(Policy = Policies.EmployersExperts)]
public sealed class EvaluationModel(CarteBlancheDbContext db, EmployersAccess access, ParisClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "du")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "au")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "entreprise")] public Guid? FirmId { get; set; }

    public EvaluationReport Report { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> Firms { get; private set; } = [];

    public string CsvUrl => $"/employeurs/evaluation?handler=Csv&du={Report.From:yyyy-MM-dd}&au={Report.To:yyyy-MM-dd}{(FirmId is { } f ? $"&entreprise={f:D}" : "")}";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return BadRequest();
        }
        var name = FirmId != null && Report.Firms.Count == 1 ? Platform.Territory.SearchText.Slug(Report.Firms[0].Name) : "toutes-entreprises";
        return File(Csv.WithByteOrderMark(Report.ToCsv()), "text/csv; charset=utf-8", $"bilan-service-rh-{name}-{Report.From:yyyy-MM-dd}-{Report.To:yyyy-MM-dd}.csv");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var from = From ?? new DateOnly(today.Year, 1, 1);
        var to = To ?? today;
        var valid = true;
        if (from > to)
        {
            ModelState.AddModelError("du", $"Période : le début ({FrenchFormat.Date(from)}) est après la fin ({FrenchFormat.Date(to)}).");
            (from, to) = (new DateOnly(today.Year, 1, 1), today);
            valid = false;
        }
        var firms = access.EditableFirms(User);
        Firms = (await firms.AsNoTracking().Select(f => new { f.Id, f.Name }).ToListAsync(cancellationToken))
            .OrderBy(f => f.Name, StringComparer.Create(FrenchFormat.Culture, true)).Select(f => (f.Id, f.Name)).ToList();
        if (FirmId is { } firmId)
        {
            firms = firms.Where(f => f.Id == firmId);
        }
        Report = await EvaluationReport.ComputeAsync(db, firms, from, to, cancellationToken);
        From = from;
        To = to;
        return valid;
    }
}
