using CarteBlanche.Desk.Cases;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Territory;
using CarteBlanche.Platform.Web;

namespace CarteBlanche.Desk.Pages.Chiffres;

public sealed record SiteOption(Guid Id, string Name);

/// <summary>
/// A site's figures by month, and their CSV export. Agents and social workers see their own site's;
/// coordinators and administrators choose a site, or all of them. Counts, medians and shares: no personal data.
/// </summary>
[Authorize(Policy = Policies.Figures)]
public sealed class IndexModel(SiteFigures figures, CarteBlancheDbContext db, DeskAccess access, IAuditLog auditLog,
    FrenchBusinessCalendar calendar, TimeProvider timeProvider) : PageModel
{
    /// <summary>Default period: the last six months, this one included.</summary>
    public const int DefaultMonths = 6;
    /// <summary>At most ten years at once.</summary>
    public const int MaxMonths = 120;

    [BindProperty(SupportsGet = true)] public Guid? Lieu { get; set; }
    [BindProperty(SupportsGet = true)] public string? Du { get; set; }
    [BindProperty(SupportsGet = true)] public string? Au { get; set; }

    public bool CanChooseSite => User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin);
    /// <summary>The site whose figures are shown; null for every site.</summary>
    public Guid? SiteId { get; private set; }
    public string? SiteName { get; private set; }
    public bool WithoutSite { get; private set; }
    public IReadOnlyList<SiteOption> Sites { get; private set; } = [];
    public IReadOnlyList<YearMonth> MonthChoices { get; private set; } = [];
    public YearMonth From { get; private set; }
    public YearMonth To { get; private set; }
    public FiguresReport? Report { get; private set; }
    /// <summary>Satisfaction answers by month of answer: (month, answers, average score 1–5).</summary>
    public IReadOnlyList<(YearMonth Month, int Answers, double? Average)> Satisfaction { get; private set; } = [];

    public string Scope => SiteName ?? "tous les lieux d'accueil";

    public string CsvUrl =>
        $"/chiffres?handler=Csv{(SiteId == null ? "" : "&lieu=" + SiteId.Value.ToString("D"))}&du={From}&au={To}";

    public string CsvFileName => $"chiffres-{(SiteName == null ? "tous-les-lieux" : SearchText.Slug(SiteName))}-{From}-{To}.csv";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(cancellationToken);
        if (refused != null)
        {
            return refused;
        }
        if (Report == null || !ModelState.IsValid)
        {
            return BadRequest();
        }
        await auditLog.RecordAsync(new AuditEvent("figures.export", SiteId == null ? null : "Place", SiteId?.ToString("D"), AuditPurpose.SiteFigures), cancellationToken);
        return File(SiteFigures.ToCsv(Report), "text/csv; charset=utf-8", CsvFileName);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        if (CanChooseSite)
        {
            SiteId = Lieu;
            Sites = await db.Places
                .Where(p => db.Set<Case>().Any(c => c.SiteId == p.Id) || db.Users.Any(u => u.SiteId == p.Id))
                .OrderBy(p => p.Name).Select(p => new SiteOption(p.Id, p.Name)).ToListAsync(cancellationToken);
            if (Lieu != null)
            {
                SiteName = await db.Places.Where(p => p.Id == Lieu).Select(p => p.Name).SingleOrDefaultAsync(cancellationToken);
                if (SiteName == null)
                {
                    return NotFound();
                }
            }
        }
        else
        {
            var own = DeskAccess.SiteOf(User);
            if (Lieu != null && Lieu != own)
            {
                await access.RecordRefusalAsync("Place", Lieu.Value, cancellationToken);
                return Forbid();
            }
            if (own == null)
            {
                WithoutSite = true;
                return null;
            }
            SiteId = own;
            SiteName = await db.Places.Where(p => p.Id == own).Select(p => p.Name).SingleAsync(cancellationToken);
        }

        var thisMonth = YearMonth.Of(DateOnly.FromDateTime(calendar.ToLocalTime(timeProvider.GetUtcNow())));
        (From, To) = (thisMonth.AddMonths(1 - DefaultMonths), thisMonth);
        var from = ReadMonth(Du, nameof(Du), "de début");
        var to = ReadMonth(Au, nameof(Au), "de fin");
        if (ModelState.IsValid)
        {
            var (f, t) = (from ?? (to ?? thisMonth).AddMonths(1 - DefaultMonths), to ?? (from is { } x && x > thisMonth ? x : thisMonth));
            if (f > t)
            {
                ModelState.AddModelError(nameof(Du), "Le mois de début doit précéder le mois de fin.");
            }
            else if (f.MonthsUntil(t) >= MaxMonths)
            {
                ModelState.AddModelError(nameof(Du), $"Choisissez au plus {FrenchFormat.Number(MaxMonths)} mois à la fois.");
            }
            else
            {
                (From, To) = (f, t);
            }
        }

        var cases = db.Set<Case>().AsQueryable();
        if (SiteId != null)
        {
            cases = cases.Where(c => c.SiteId == SiteId);
        }
        var first = await cases.OrderBy(c => c.OpenedAt).Select(c => (DateTimeOffset?)c.OpenedAt).FirstOrDefaultAsync(cancellationToken);
        var earliest = first is { } instant ? YearMonth.Of(DateOnly.FromDateTime(calendar.ToLocalTime(instant))) : thisMonth;
        var firstChoice = new[] { earliest, thisMonth.AddMonths(-11), From }.Min();
        var lastChoice = To > thisMonth ? To : thisMonth;
        MonthChoices = YearMonth.Range(firstChoice, lastChoice).Reverse().ToList();

        Report = await figures.ComputeAsync(SiteId, From, To, cancellationToken);

        // Anonymous scores only; answers are few per site, so they are grouped in memory.
        var surveys = db.Set<Desk.Satisfaction.SatisfactionSurvey>().Where(s => s.AnsweredAt != null);
        if (SiteId != null)
        {
            surveys = surveys.Where(s => s.SiteId == SiteId);
        }
        var answers = (await surveys.Select(s => new { s.AnsweredAt, s.Score }).ToListAsync(cancellationToken))
            .Select(a => (Month: YearMonth.Of(DateOnly.FromDateTime(calendar.ToLocalTime(a.AnsweredAt!.Value))), Score: a.Score!.Value))
            .Where(a => a.Month >= From && a.Month <= To).ToList();
        Satisfaction = YearMonth.Range(From, To)
            .Select(m =>
            {
                var scores = answers.Where(a => a.Month == m).Select(a => (double)a.Score).ToList();
                return (m, scores.Count, scores.Count == 0 ? (double?)null : scores.Average());
            })
            .ToList();
        return null;
    }

    private YearMonth? ReadMonth(string? value, string field, string which)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!YearMonth.TryParse(value.Trim(), out var month))
        {
            ModelState.AddModelError(field, $"Le mois {which} n'est pas valide : attendu sous la forme AAAA-MM, par exemple 2026-03.");
            return null;
        }
        return month;
    }

    public static string Month(YearMonth month) => month.ToString("MMMM yyyy", FrenchFormat.Culture);

    public static string Days(double? value) => value?.ToString("0.#", FrenchFormat.Culture) ?? "—";

    /// <summary>"4 sur 5 (80 %)", or "—" when there is nothing to share.</summary>
    public static string Share(int part, int whole) => whole == 0
        ? "—"
        : $"{FrenchFormat.Number(part)} sur {FrenchFormat.Number(whole)} ({((double)part / whole * 100).ToString("0.#", FrenchFormat.Culture)}\u00A0%)";
}
