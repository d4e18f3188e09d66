using CarteBlanche.Bus.Planning;

namespace CarteBlanche.Bus.Pages.Car.Planification;

/// <summary>The coordinator runs the planner with the cycle's parameters; the proposal is shown before anything is published.</summary>
[Authorize(Policy = Policies.TerritoryEditors)]
public sealed class IndexModel(BusPlanning planning, CarteBlancheDbContext db, Timetable timetable) : PageModel
{
    [BindProperty] public DateOnly? CycleStart { get; set; }
    [BindProperty] public int CycleDays { get; set; } = 10;
    [BindProperty] public int Buses { get; set; } = 1;
    [BindProperty] public bool Weekly { get; set; }
    [BindProperty] public List<string> Pinned { get; set; } = [];
    [BindProperty] public List<string> Excluded { get; set; } = [];
    /// <summary>Rows of the form's specialists who join passages during a period (the tax office during the declaration season...), by position.</summary>
    [BindProperty] public List<string?> Specialist { get; set; } = [];
    [BindProperty] public List<DateOnly?> SpecialistFrom { get; set; } = [];
    [BindProperty] public List<DateOnly?> SpecialistTo { get; set; } = [];
    [BindProperty] public List<int?> SpecialistPassages { get; set; } = [];

    /// <summary>Specialist rows shown in the form.</summary>
    public const int SpecialistRows = 3;

    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];
    public IReadOnlyList<TourPlanRun> Runs { get; private set; } = [];
    /// <summary>Communes whose passages of the next four weeks are all cancelled: to replace, or to plan again.</summary>
    public IReadOnlyList<(string Code, string Name)> LeftWithoutPassage { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = timetable.Today;
        CycleStart = today.AddDays(((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (CycleStart == null && ModelState.GetFieldValidationState(nameof(CycleStart)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(CycleStart), "Indiquez le premier jour du cycle.");
        }
        if (CycleStart != null && CycleStart < timetable.Today)
        {
            ModelState.AddModelError(nameof(CycleStart), "Le premier jour du cycle est passé : une tournée se publie à partir d'aujourd'hui.");
        }
        if (CycleDays is < 1 or > 60)
        {
            ModelState.AddModelError(nameof(CycleDays), "Le cycle compte entre 1 et 60 jours ouvrés.");
        }
        if (Buses is < 1 or > 10)
        {
            ModelState.AddModelError(nameof(Buses), "Entre 1 et 10 cars.");
        }
        List<Tours.Permanence> permanences = [];
        for (var i = 0; i < Specialist.Count; i++)
        {
            var name = Specialist[i]?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }
            var (from, to, passages) = (SpecialistFrom.ElementAtOrDefault(i), SpecialistTo.ElementAtOrDefault(i), SpecialistPassages.ElementAtOrDefault(i));
            var row = Specialist.Count(n => !string.IsNullOrWhiteSpace(n)) > 1 ? $"{name} : " : "";
            var valid = true;
            // Up to three names are joined into a passage's 300-character column.
            if (name.Length > 95)
            {
                ModelState.AddModelError(nameof(Specialist), "Le nom du spécialiste dépasse 95 caractères.");
                valid = false;
            }
            if (from == null || to == null || to < from)
            {
                ModelState.AddModelError(nameof(SpecialistFrom), $"{row}Indiquez la période de la permanence (début avant fin).");
                valid = false;
            }
            if (passages is not null and (< 1 or > 100))
            {
                ModelState.AddModelError(nameof(SpecialistPassages), $"{row}Entre 1 et 100 passages, ou laissez vide pour tous ceux de la période.");
                valid = false;
            }
            if (permanences.Any(p => p.Specialist == name))
            {
                ModelState.AddModelError(nameof(Specialist), $"« {name} » est indiqué deux fois : une ligne par spécialiste.");
                valid = false;
            }
            if (valid)
            {
                permanences.Add(new Tours.Permanence(name, from!.Value, to!.Value, passages ?? int.MaxValue));
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (run, errors) = await planning.RunAsync(new PlanParameters(CycleStart!.Value, CycleDays, Buses, Weekly, Pinned, Excluded, permanences), Actor(), cancellationToken);
        if (run == null)
        {
            foreach (var error in errors)
            {
                ModelState.AddModelError("", error);
            }
            return Page();
        }
        return Redirect($"/car/planification/{run.Id:D}");
    }

    private Guid Actor() => User.AccountId();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Communes = (await db.Set<BusStop>().AsNoTracking().Where(s => s.IsActive).Select(s => new { s.CommuneInseeCode, s.Commune!.Name }).ToListAsync(cancellationToken))
            .OrderBy(c => c.Name, StringComparer.Create(Platform.Web.FrenchFormat.Culture, true)).Select(c => (c.CommuneInseeCode, c.Name)).ToList();
        Runs = await db.Set<TourPlanRun>().AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(10).ToListAsync(cancellationToken);
        LeftWithoutPassage = await timetable.CommunesLeftWithoutPassageAsync(cancellationToken);
    }
}
