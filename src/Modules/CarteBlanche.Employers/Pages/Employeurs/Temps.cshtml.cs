using CarteBlanche.Employers.Evaluation;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Employers.Pages.Employeurs;

public sealed record TimeRow(Guid Id, DateOnly Day, string Firm, HrFunctions Function, int Minutes, string? Note);

/// <summary>
/// Quick entry of the time an HR expert spends for a firm (one line: firm, function, day, duration), and the expert's
/// own lines, newest first, with this month's total; a line is deleted only by its author, asked first.
/// </summary>
[Authorize(Policy = Policies.EmployersExperts)]
public sealed class TempsModel(CarteBlancheDbContext db, EmployersAccess access, ParisClock clock) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<(Guid Id, string Name)> Firms { get; private set; } = [];
    public IReadOnlyList<TimeRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int MinutesThisMonth { get; private set; }
    public DateOnly Today => clock.Today;

    [BindProperty(SupportsGet = true, Name = "entreprise")] public Guid? FirmId { get; set; }
    [BindProperty] public HrFunctions? Function { get; set; }
    [BindProperty] public DateOnly? Day { get; set; }
    [BindProperty] public string? Duration { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PaginationModel Pagination => new(PageNumber, (Total + PageSize - 1) / PageSize, page => $"/employeurs/temps?p={page}");

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Firms = (await access.EditableFirms(User).AsNoTracking().Where(f => f.Stage != EnrolmentStage.Left).Select(f => new { f.Id, f.Name }).ToListAsync(cancellationToken))
            .OrderBy(f => f.Name, StringComparer.Create(FrenchFormat.Culture, true)).Select(f => (f.Id, f.Name)).ToList();
        var account = User.AccountId();
        var mine = db.Set<TimeEntry>().AsNoTracking().Where(t => t.AccountId == account);
        Total = await mine.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var monthStart = new DateOnly(Today.Year, Today.Month, 1);
        MinutesThisMonth = await mine.Where(t => t.Day >= monthStart && t.Day <= Today).SumAsync(t => t.Minutes, cancellationToken);
        Rows = await mine.OrderByDescending(t => t.Day).ThenByDescending(t => t.CreatedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Join(db.Set<Firm>(), t => t.FirmId, f => f.Id, (t, f) => new TimeRow(t.Id, t.Day, f.Name, t.Function, t.Minutes, t.Note)).ToListAsync(cancellationToken);
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Day = Today;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (FirmId is not { } firmId || Firms.All(f => f.Id != firmId))
        {
            ModelState.AddModelError(nameof(FirmId), "Entreprise : choisissez une entreprise que vous suivez.");
        }
        if (Function is not { } function || !Labels.Functions.Contains(function))
        {
            ModelState.AddModelError(nameof(Function), "Fonction : choisissez la fonction exercée (recrutement, suivi des parcours, paie ou formalités).");
        }
        if (Day == null)
        {
            ModelState.AddModelError(nameof(Day), "Date : indiquez le jour du travail.");
        }
        else if (Day < Today.AddYears(-1))
        {
            ModelState.AddModelError(nameof(Day), $"Date : le {FrenchFormat.Date(Day.Value)} remonte à plus d'un an ; vérifiez l'année.");
        }
        else if (Day > Today)
        {
            ModelState.AddModelError(nameof(Day), $"Date : le {FrenchFormat.Date(Day.Value)} n'est pas encore arrivé ; notez le temps une fois passé.");
        }
        if (!Evaluation.Duration.TryParseMinutes(Duration, out var minutes))
        {
            ModelState.AddModelError(nameof(Duration), "Durée : écrivez-la comme « 1 h 30 », « 45 min » ou « 2 h ».");
        }
        else if (minutes > Evaluation.Duration.MaxMinutes)
        {
            ModelState.AddModelError(nameof(Duration), $"Durée : {Evaluation.Duration.Format(minutes)} dépasse {Evaluation.Duration.Format(Evaluation.Duration.MaxMinutes)} pour une journée ; saisissez une ligne par jour.");
        }
        if (Note?.Length > 300)
        {
            ModelState.AddModelError(nameof(Note), "Objet : 300 caractères au plus.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.Add(new TimeEntry
        {
            FirmId = FirmId!.Value, AccountId = User.AccountId(), Function = Function!.Value, Day = Day!.Value, Minutes = minutes, Note = FormText.Blank(Note), CreatedAt = clock.Now,
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"{Evaluation.Duration.Format(minutes)} notées pour {Firms.First(f => f.Id == FirmId).Name} ({Labels.Of(Function!.Value).ToLower(FrenchFormat.Culture)}, le {FrenchFormat.Date(Day!.Value)}).";
        // The same firm and function stay chosen: an expert often notes several days of the same work.
        return Redirect($"/employeurs/temps?entreprise={FirmId:D}");
    }

    /// <summary>Deletes one of the expert's own lines (asked first).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid entry, CancellationToken cancellationToken)
    {
        var account = User.AccountId();
        var row = await db.Set<TimeEntry>().SingleOrDefaultAsync(t => t.Id == entry && t.AccountId == account, cancellationToken);
        if (row == null)
        {
            return NotFound();
        }
        var what = $"{Evaluation.Duration.Format(row.Minutes)} du {FrenchFormat.Date(row.Day)}";
        if (!Confirmation.IsConfirmed(Request))
        {
            return Confirmation.Ask(this, $"Supprimer la ligne de temps ({what}) ?", "Oui, supprimer", "Elle ne comptera plus dans le bilan de l'expérimentation.", "/employeurs/temps");
        }
        db.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Ligne de temps supprimée ({what}).";
        return Redirect("/employeurs/temps");
    }
}
