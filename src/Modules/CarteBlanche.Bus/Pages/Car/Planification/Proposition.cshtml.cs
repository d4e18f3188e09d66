using CarteBlanche.Bus.Planning;
using CarteBlanche.Tours;

namespace CarteBlanche.Bus.Pages.Car.Planification;

/// <summary>A proposal: its timetable, figures and the communes left out (and why), compared with what is published; publishing it replaces the cycle's timetable.</summary>
[Authorize(Policy = Policies.TerritoryEditors)]
public sealed class PropositionModel(CarteBlancheDbContext db, BusPlanning planning, Platform.Calendar.FrenchBusinessCalendar calendar, Microsoft.Extensions.Options.IOptions<Platform.Web.AppOptions> appOptions) : PageModel
{
    public TourPlanRun Run { get; private set; } = default!;
    public TourPlan Plan { get; private set; } = default!;
    public PlanComparison Comparison { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CarteBlanche.Platform.Web.Confirmation.IsConfirmed(Request))
        {
            return CarteBlanche.Platform.Web.Confirmation.Ask(this, "Publier cette tournée ?", "Oui, publier la tournée",
                "Les passages à venir qu'elle remplace disparaissent des pages du car et les abonnés des communes concernées sont prévenus.", $"/car/planification/{id}");
        }
        var (error, told) = await planning.PublishAsync(id, appOptions.Value.BaseUrlFor(Request), cancellationToken);
        if (error != null)
        {
            var denied = await LoadAsync(id, cancellationToken);
            ModelState.AddModelError("", error);
            return denied ?? Page();
        }
        TempData["Succes"] = "La tournée est publiée : les habitants la voient sur les pages du car" + (told > 0 ? $", et les abonnés de {told} commune(s) dont les passages changent sont prévenus." : ".");
        return Redirect("/car");
    }

    /// <summary>Edits by hand before publishing: remove a passage, or move it to a free half-day of the cycle (adding a commune: <see cref="OnPostAddAsync"/>). A bad edit changes nothing.</summary>
    public async Task<IActionResult> OnPostEditAsync(Guid id, int index, string? action, DateOnly? date, HalfDay? halfDay, CancellationToken cancellationToken)
    {
        var run = await db.Set<TourPlanRun>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run == null)
        {
            return NotFound();
        }
        var plan = BusPlanning.PlanOf(run);
        var error = run.PublishedAt != null ? "Ce plan est publié : modifiez les passages publiés depuis la page de la tournée."
            : index < 0 || index >= plan.Passages.Count ? "Ce passage n'est plus dans la proposition : rechargez la page."
            : null;
        var passages = plan.Passages.ToList();
        var leftOut = plan.LeftOut.ToList();
        if (error == null && action == "retirer")
        {
            var removed = passages[index];
            passages.RemoveAt(index);
            if (passages.All(p => p.CommuneCode != removed.CommuneCode))
            {
                leftOut.Add(new LeftOut(removed.CommuneCode, removed.CommuneName, "Retirée à la main par le coordinateur."));
            }
        }
        else if (error == null && action == "deplacer")
        {
            var moved = passages[index];
            if (date == null || halfDay == null)
            {
                error = "Choisissez le jour et la demi-journée où déplacer le passage.";
            }
            else if ((error = SlotError(run, passages, date.Value, halfDay.Value, moved.Bus, moved)) == null)
            {
                var (start, end) = CrewDay.Default.Hours(halfDay.Value);
                passages[index] = moved with { Date = date.Value, HalfDay = halfDay.Value, Start = start, End = end };
            }
        }
        else if (error == null)
        {
            error = "Action inconnue.";
        }
        if (error != null)
        {
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError("", error);
            return Page();
        }
        var edited = plan with
        {
            Passages = passages.OrderBy(p => p.Date).ThenBy(p => p.Bus).ThenBy(p => p.HalfDay).ToList(),
            LeftOut = leftOut.OrderBy(l => l.CommuneName, StringComparer.Ordinal).ToList(),
        };
        run.PlanJson = System.Text.Json.JsonSerializer.Serialize(edited, BusPlanning.Json);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = action == "retirer" ? "Passage retiré de la proposition." : "Passage déplacé.";
        return Redirect($"/car/planification/{id:D}");
    }

    /// <summary>Adds by hand a commune the planner left out, on a free working half-day of the cycle. A bad addition changes nothing.</summary>
    public async Task<IActionResult> OnPostAddAsync(Guid id, string? commune, DateOnly? date, HalfDay? halfDay, int bus, CancellationToken cancellationToken)
    {
        var run = await db.Set<TourPlanRun>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run == null)
        {
            return NotFound();
        }
        var plan = BusPlanning.PlanOf(run);
        var left = plan.LeftOut.FirstOrDefault(l => l.CommuneCode == commune);
        var stop = commune == null ? null : await db.Set<BusStop>().AsNoTracking().SingleOrDefaultAsync(s => s.CommuneInseeCode == commune && s.IsActive, cancellationToken);
        var error = run.PublishedAt != null ? "Ce plan est publié : il ne se modifie plus."
            : left == null ? "Choisissez une commune non desservie par la proposition."
            : stop == null ? $"{left.CommuneName} n'a pas d'arrêt actif : créez-le dans Arrêts."
            : date == null || halfDay == null ? "Choisissez le jour et la demi-journée du passage ajouté."
            : bus < 0 || bus >= run.Buses ? "Ce car n'existe pas dans la proposition."
            : SlotError(run, plan.Passages, date.Value, halfDay.Value, bus);
        if (error != null)
        {
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError("", error);
            return Page();
        }
        var (start, end) = CrewDay.Default.Hours(halfDay!.Value);
        var added = new Passage(date!.Value, bus, halfDay.Value, left!.CommuneCode, left.CommuneName, stop!.PlaceName, start, end, []);
        var edited = plan with
        {
            Passages = [.. plan.Passages.Append(added).OrderBy(p => p.Date).ThenBy(p => p.Bus).ThenBy(p => p.HalfDay)],
            LeftOut = [.. plan.LeftOut.Where(l => l.CommuneCode != left.CommuneCode)],
        };
        run.PlanJson = System.Text.Json.JsonSerializer.Serialize(edited, BusPlanning.Json);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"{left.CommuneName} ajoutée à la proposition.";
        return Redirect($"/car/planification/{id:D}");
    }

    /// <summary>Why a passage cannot go on that half-day for that bus, or null: it must be a working day of the cycle where the bus has no other stop.</summary>
    private string? SlotError(TourPlanRun run, IReadOnlyList<Passage> passages, DateOnly date, HalfDay halfDay, int bus, Passage? moving = null)
    {
        var cycleEnd = passages.Count == 0 ? run.CycleStart : passages.Max(p => p.Date);
        var fr = Platform.Web.FrenchFormat.Culture;
        if (date < run.CycleStart || date > cycleEnd || !calendar.IsWorkingDay(date))
        {
            return $"Le {date.ToString("d MMMM", fr)} n'est pas un jour ouvré du cycle ({run.CycleStart.ToString("d MMMM", fr)} – {cycleEnd.ToString("d MMMM", fr)}).";
        }
        return passages.Any(p => p != moving && p.Date == date && p.Bus == bus && p.HalfDay == halfDay)
            ? "Le car a déjà un arrêt à cette demi-journée : retirez-le ou choisissez une autre demi-journée."
            : null;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await db.Set<TourPlanRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run == null)
        {
            return NotFound();
        }
        Run = run;
        Plan = BusPlanning.PlanOf(run);
        Comparison = await planning.CompareAsync(run, cancellationToken);
        return null;
    }
}
