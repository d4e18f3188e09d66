using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Results;
using CarteBlanche.Tours;

namespace CarteBlanche.Bus.Pages.Car;

/// <summary>A published passage: the crew records the visit; a coordinator cancels or replaces it (the notice shows on the public pages and the calendars mark it cancelled).</summary>
[Authorize(Policy = Policies.BusCrew)]
public sealed class PassageModel(CarteBlancheDbContext db, IAuditLog auditLog, TimeProvider timeProvider, Platform.Calendar.FrenchBusinessCalendar calendar, ChangeNotifier notifier, Timetable timetable, Microsoft.Extensions.Options.IOptions<Platform.Web.AppOptions> appOptions, CarteBlanche.Desk.Contracts.IDeskCases deskCases, SatisfactionAnswers satisfaction) : PageModel
{
    /// <summary>Desk cases opened that day with this stop as the place of reception: the crew's count starts from it.</summary>
    public int DeskCasesOpened { get; private set; }
    public BusPassage Passage { get; private set; } = default!;
    public string CommuneName { get; private set; } = "";
    public BusVisit? Visit { get; private set; }
    public bool IsCoordinator => User.IsInRole(Roles.Coordinator) || User.IsInRole(Roles.Admin);
    /// <summary>The visit is recorded by the day's crew (of this bus) or a coordinator; other agents only read it.</summary>
    public bool CanRecordVisit { get; private set; }

    /// <summary>Forms are typed once the passage has taken place, by its crew or a coordinator.</summary>
    public bool CanTypeOpinions => CanRecordVisit && Passage.Status == PassageStatus.Scheduled && Passage.Date <= timetable.Today && Visit != null && Opinions.Count < Visit.Visitors;

    /// <summary>Opinions typed from the passage's paper forms: how many, and their average score.</summary>
    public (int Count, double? Average) Opinions { get; private set; }

    /// <summary>
    /// The crew types one visitor's paper form (score 1 to 5, optional comment): once the visit is recorded, at most
    /// one form per visitor. The comment waits for a coordinator's review before the results show it.
    /// </summary>
    public async Task<IActionResult> OnPostOpinionAsync(Guid id, int? score, string? comment, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        if (!CanRecordVisit || Passage.Status == PassageStatus.Cancelled || Passage.Date > timetable.Today)
        {
            ModelState.AddModelError("", "Seul l'équipage du passage ou un coordinateur peut saisir les avis d'un passage qui a eu lieu.");
            return Page();
        }
        if (Visit == null)
        {
            ModelState.AddModelError("", "Enregistrez d'abord la visite (le nombre de visiteurs), puis les avis.");
            return Page();
        }
        if (Opinions.Count >= Visit.Visitors)
        {
            ModelState.AddModelError("score", $"Ce passage compte déjà {Opinions.Count} avis pour {Visit.Visitors} visiteur(s) : corrigez d'abord le nombre de visiteurs.");
            return Page();
        }
        if (score == null)
        {
            ModelState.AddModelError("score", "Choisissez la note du formulaire, de 1 à 5.");
            return Page();
        }
        if (satisfaction.Add("car", null, id, Passage.Date, score.Value, comment, "Formulaire papier") is { } error)
        {
            ModelState.AddModelError(error.StartsWith("Le commentaire", StringComparison.Ordinal) ? "comment" : "score", error);
            return Page();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = $"Avis ajouté ({Opinions.Count + 1} pour ce passage).";
        return Redirect($"/car/passages/{id:D}#avis");
    }

    /// <summary>The crew records the passage: visitors, domains, desk cases opened, notes. Recording again replaces it.</summary>
    public async Task<IActionResult> OnPostVisitAsync(Guid id, int? visitors, List<string> domains, int? casesOpened, string? notes, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        if (!CanRecordVisit)
        {
            ModelState.AddModelError("", $"Seul l'équipage du {Passage.Date.ToString("dddd d MMMM", Platform.Web.FrenchFormat.Culture)} (car {Passage.Bus + 1}) ou un coordinateur peut enregistrer la visite de ce passage.");
            return Page();
        }
        if (Passage.Status == PassageStatus.Cancelled)
        {
            ModelState.AddModelError("", "Ce passage a été annulé : il n'y a pas de visite à enregistrer.");
        }
        if (visitors is not (>= 0 and <= 500))
        {
            ModelState.AddModelError(nameof(visitors), "Indiquez le nombre de visiteurs (0 à 500).");
        }
        if (casesOpened is not (>= 0 and <= 500) || casesOpened > visitors)
        {
            ModelState.AddModelError(nameof(casesOpened), "Le nombre de demandes ouvertes est entre 0 et le nombre de visiteurs.");
        }
        if (notes?.Trim().Length > 2000)
        {
            ModelState.AddModelError(nameof(notes), "Les notes dépassent 2 000 caractères.");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var known = CarteBlanche.Desk.Contracts.NeedDomains.All.Select(d => d.Code).ToHashSet();
        var visit = await db.Set<BusVisit>().SingleOrDefaultAsync(v => v.PassageId == id, cancellationToken);
        if (visit == null)
        {
            visit = new BusVisit { PassageId = id };
            db.Add(visit);
        }
        visit.Visitors = visitors!.Value;
        visit.CasesOpened = casesOpened!.Value;
        visit.Domains = string.Join(",", domains.Where(known.Contains).Distinct());
        visit.Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        visit.RecordedBy = User.AccountId();
        visit.RecordedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Succes"] = "Visite enregistrée.";
        return Redirect($"/car/passages/{id:D}");
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken) ?? Page();

    /// <summary>The longest notice typed by the coordinator (the stored notice adds when the bus comes next, within 500).</summary>
    public const int NoticeMaxLength = 300;

    /// <summary>
    /// Cancels the passage, or replaces it when a new day is given: the replacement is a new passage at the same
    /// stop, the old one stays visible as cancelled with a notice naming the new day, and subscribers are told once.
    /// </summary>
    /// <remarks>
    /// <paramref name="sequence"/> is the passage's version the coordinator read: two coordinators cancelling at once,
    /// the second is refused (concurrency token), so subscribers are told once.
    /// </remarks>
    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? notice, DateOnly? replacementDate, HalfDay? replacementHalfDay, int? sequence, CancellationToken cancellationToken)
    {
        var denied = await LoadAsync(id, cancellationToken);
        if (denied != null)
        {
            return denied;
        }
        if (!IsCoordinator)
        {
            return Forbid();
        }
        if (Passage.Status == PassageStatus.Cancelled)
        {
            ModelState.AddModelError("", "Ce passage est déjà annulé.");
            return Page();
        }
        if (sequence != null && sequence != Passage.Sequence)
        {
            ModelState.AddModelError("", StaleMessage);
            return Page();
        }
        var replacing = replacementDate != null || replacementHalfDay != null;
        // 300 typed characters: the sentence saying when the bus comes next is added to it (the column holds 500).
        if (replacing ? notice?.Trim().Length > NoticeMaxLength : string.IsNullOrWhiteSpace(notice) || notice.Trim().Length > NoticeMaxLength)
        {
            ModelState.AddModelError(nameof(notice), $"Écrivez l'avis affiché aux habitants ({NoticeMaxLength} caractères au plus), par exemple : « le car est en panne ».");
            return Page();
        }
        // The form is valid: ask first (the residents subscribed to the commune are told at once).
        if (!CarteBlanche.Platform.Web.Confirmation.IsConfirmed(Request))
        {
            if (replacing && await ReplacementErrorAsync(replacementDate, replacementHalfDay, cancellationToken) is { } replacementError)
            {
                ModelState.AddModelError(nameof(replacementDate), replacementError);
                return Page();
            }
            return CarteBlanche.Platform.Web.Confirmation.Ask(this, replacing ? "Remplacer ce passage ?" : "Annuler ce passage ?", replacing ? "Oui, remplacer le passage" : "Oui, annuler le passage",
                "Les habitants abonnés à la commune sont prévenus aussitôt.", $"/car/passages/{id}");
        }
        BusPassage? replacement = null;
        if (replacing)
        {
            var error = await ReplacementErrorAsync(replacementDate, replacementHalfDay, cancellationToken);
            if (error != null)
            {
                ModelState.AddModelError(nameof(replacementDate), error);
                return Page();
            }
            var (start, end) = CrewDay.Default.Hours(replacementHalfDay!.Value);
            replacement = new BusPassage
            {
                StopId = Passage.StopId,
                Date = replacementDate!.Value,
                HalfDay = replacementHalfDay.Value,
                Start = start,
                End = end,
                Bus = Passage.Bus,
                Specialists = Passage.Specialists,
                PlanRunId = Passage.PlanRunId,
                PublishedAt = timeProvider.GetUtcNow(),
            };
            db.Add(replacement);
        }
        var passage = await db.Set<BusPassage>().SingleAsync(p => p.Id == id, cancellationToken);
        // The sequence read with the page: if another coordinator changed the passage since, SaveChanges refuses.
        db.Entry(passage).Property(p => p.Sequence).OriginalValue = Passage.Sequence;
        // Residents are told when the bus comes next: the replacement, or the stop's next scheduled passage.
        var next = replacement ?? await db.Set<BusPassage>().AsNoTracking()
            .Where(p => p.StopId == passage.StopId && p.Id != passage.Id && p.Status == PassageStatus.Scheduled
                && (p.Date > passage.Date || (p.Date == passage.Date && p.Start > passage.Start)))
            .OrderBy(p => p.Date).ThenBy(p => p.Start).FirstOrDefaultAsync(cancellationToken);
        var nextText = replacement != null ? $"Remplacé par le {WhenOf(replacement)}."
            : next != null ? $"Prochain passage : le {WhenOf(next)}."
            : $"Aucun autre passage n'est prévu à {CommuneName} pour le moment.";
        // Left with no passage at all in the four weeks the public pages show: the coordinator is warned (here and on the planning page).
        var (today, fourWeeks) = (timetable.Today, timetable.Today.AddDays(Timetable.PublicDays));
        var stopId = passage.StopId;
        var leftWithout = replacement == null && passage.Date <= fourWeeks && !(await db.Set<BusPassage>().AsNoTracking()
            .Where(p => p.StopId == stopId && p.Id != id && p.Status == PassageStatus.Scheduled && p.Date >= today && p.Date <= fourWeeks)
            .Select(p => new { p.Date, p.End }).ToListAsync(cancellationToken)).Any(p => !timetable.IsOver(p.Date, p.End));
        passage.Status = PassageStatus.Cancelled;
        passage.Notice = Platform.Web.FrenchFormat.Cut(string.Join(" ", new[] { notice?.Trim(), nextText }.Where(t => !string.IsNullOrEmpty(t))), 500);
        passage.Sequence++;
        var told = await notifier.NotifyAsync(Passage.Stop!.CommuneInseeCode, CommuneName, $"Le passage du {WhenOf(passage)} est annulé. {passage.Notice}", appOptions.Value.BaseUrlFor(Request), cancellationToken);
        // The passages, the messages, the subscribers' new unsubscribe links and the journal line are saved together.
        auditLog.Add(db, new AuditEvent(replacement == null ? "bus.passage-cancelled" : "bus.passage-replaced", "BusPassage", id.ToString("D")));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another coordinator cancelled or changed it meanwhile: nothing saved, no message sent twice.
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError("", StaleMessage);
            return Page();
        }
        var left = leftWithout
            ? $" Attention : {CommuneName} n'a plus aucun passage dans les quatre prochaines semaines ; ajoutez un remplacement si possible."
            : "";
        TempData["Succes"] = $"Passage {(replacement == null ? "annulé" : "remplacé")} : l'avis est affiché sur la page de la commune{(told > 0 ? $" et {told} abonné(s) sont prévenus" : "")}.{left}";
        return Redirect($"/car/passages/{(replacement?.Id ?? id):D}");
    }

    private const string StaleMessage = "Ce passage vient d'être modifié par un autre coordinateur : relisez-le (la page est rechargée), puis recommencez si besoin.";

    private static string WhenOf(BusPassage passage) => Planning.BusPlanning.WhenOf(passage);

    /// <summary>A replacement is a future working half-day when the same bus has no other stop.</summary>
    private async Task<string?> ReplacementErrorAsync(DateOnly? date, HalfDay? halfDay, CancellationToken cancellationToken)
    {
        if (date == null || halfDay == null)
        {
            return "Pour remplacer le passage, choisissez le jour et la demi-journée (ou laissez les deux vides pour l'annuler seulement).";
        }
        var today = timetable.Today;
        var day = date.Value.ToString("dddd d MMMM yyyy", Platform.Web.FrenchFormat.Culture);
        if (date <= today)
        {
            return $"Le remplacement doit être après aujourd'hui (le {day} est passé ou aujourd'hui).";
        }
        if (!calendar.IsWorkingDay(date.Value))
        {
            return $"Le {day} n'est pas un jour ouvré.";
        }
        var bus = Passage.Bus;
        var taken = await db.Set<BusPassage>().Include(p => p.Stop).ThenInclude(s => s!.Commune)
            .Where(p => p.Date == date && p.HalfDay == halfDay && p.Bus == bus && p.Status == PassageStatus.Scheduled)
            .Select(p => p.Stop!.Commune!.Name).FirstOrDefaultAsync(cancellationToken);
        return taken == null ? null : $"Le car est déjà à {taken} le {day} {(halfDay == HalfDay.Morning ? "matin" : "après-midi")} : choisissez une autre demi-journée.";
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var passage = await db.Set<BusPassage>().AsNoTracking().Include(p => p.Stop).ThenInclude(s => s!.Commune).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (passage == null)
        {
            return NotFound();
        }
        (Passage, CommuneName) = (passage, passage.Stop!.Commune!.Name);
        Visit = await db.Set<BusVisit>().AsNoTracking().SingleOrDefaultAsync(v => v.PassageId == id, cancellationToken);
        var scores = await db.Set<SatisfactionAnswer>().AsNoTracking().Where(a => a.Solution == "car" && a.SourceId == id).Select(a => a.Score).ToListAsync(cancellationToken);
        Opinions = (scores.Count, scores.Count == 0 ? null : scores.Average());
        var me = User.AccountId();
        CanRecordVisit = IsCoordinator || await db.Set<CrewAssignment>().AnyAsync(c => c.Date == passage.Date && c.Bus == passage.Bus && c.AccountId == me, cancellationToken);
        var stopPlaces = await db.Places.Where(p => p.Kind == Platform.Territory.PlaceKind.BusStop && p.CommuneInseeCode == passage.Stop.CommuneInseeCode).Select(p => p.Id).ToListAsync(cancellationToken);
        DeskCasesOpened = await deskCases.CountOpenedAtAsync(stopPlaces, passage.Date, cancellationToken);
        return null;
    }
}
