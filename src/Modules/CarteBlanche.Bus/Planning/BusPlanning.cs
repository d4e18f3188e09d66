using System.Text.Json;
using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Territory;
using CarteBlanche.Tours;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Bus.Planning;

public sealed record PlanParameters(DateOnly CycleStart, int CycleDays, int Buses, bool Weekly, IReadOnlyCollection<string> Pinned, IReadOnlyCollection<string> Excluded, IReadOnlyList<Permanence>? Permanences = null);

/// <summary>Who gains and who loses between the published timetable and a proposal, commune by commune.</summary>
public sealed record PlanComparison(IReadOnlyList<string> Gained, IReadOnlyList<string> Lost, IReadOnlyList<string> Kept);

/// <summary>Runs the tour planner on the territory's stops and publishes a plan as the timetable.</summary>
public sealed class BusPlanning(CarteBlancheDbContext db, IOptions<BusOptions> options, TimeProvider timeProvider, Timetable timetable, ChangeNotifier notifier, IAuditLog auditLog)
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>
    /// How far ahead the published cycle's repetitions are written as passages: the four weeks residents see, and two
    /// more so that a day or two without the timetable job changes nothing for them.
    /// </summary>
    public const int HorizonDays = 42;

    /// <summary>
    /// A cycle repeats every whole number of weeks that holds it, from its first day to its last passage (10 working
    /// days from a Monday: every 14 days; pushed into a third week by a public holiday: every 21), so that each commune
    /// keeps its weekday and none is crowded out by the next repetition.
    /// </summary>
    public static int PeriodDays(TourPlanRun run, TourPlan plan)
    {
        var (from, to) = WindowOf(plan, run);
        return 7 * Math.Max(1, (to.DayNumber - from.DayNumber + 7) / 7);
    }

    public async Task<(TourPlanRun? Run, IReadOnlyList<string> Errors)> RunAsync(PlanParameters parameters, Guid userId, CancellationToken cancellationToken, TimeSpan? timeLimit = null)
    {
        var depot = await db.Communes.AsNoTracking().SingleOrDefaultAsync(c => c.InseeCode == options.Value.DepotInseeCode, cancellationToken);
        if (depot == null)
        {
            return (null, [$"Le dépôt du car (Bus:DepotInseeCode = {options.Value.DepotInseeCode}) n'est pas une commune du territoire."]);
        }
        var stops = await db.Set<BusStop>().AsNoTracking().Include(s => s.Commune).Where(s => s.IsActive && s.CommuneInseeCode != depot.InseeCode).ToListAsync(cancellationToken);
        if (stops.Count == 0)
        {
            return (null, ["Aucun arrêt actif : créez les arrêts du car avant de planifier."]);
        }
        var servicePoints = await (from p in db.Places.AsNoTracking()
                                   join c in db.Communes on p.CommuneInseeCode equals c.InseeCode
                                   where p.IsActive && p.Kind == PlaceKind.FranceServices
                                   select new { PlaceLat = p.Latitude, PlaceLon = p.Longitude, CommuneLat = c.Latitude, CommuneLon = c.Longitude })
            .ToListAsync(cancellationToken);
        var problem = new TourProblem
        {
            Depot = new GeoPoint(depot.Latitude, depot.Longitude),
            DepotName = depot.Name,
            Communes = stops.Select(s => new CandidateCommune(s.CommuneInseeCode, s.Commune!.Name, s.Commune.Population, new GeoPoint(s.Latitude, s.Longitude), s.PlaceName)).ToList(),
            ServicePoints = servicePoints.Select(p => p.PlaceLat is { } lat && p.PlaceLon is { } lon ? new GeoPoint(lat, lon) : new GeoPoint(p.CommuneLat, p.CommuneLon)).ToList(),
            CycleStart = parameters.CycleStart,
            CycleDays = parameters.CycleDays,
            Buses = parameters.Buses,
            Frequency = parameters.Weekly ? Frequency.EveryWeek : Frequency.EveryCycle,
            Pinned = parameters.Pinned.ToHashSet(),
            Excluded = parameters.Excluded.ToHashSet(),
            Permanences = parameters.Permanences ?? [],
            ClosedDates = FrenchPublicHolidays.ForCycleFrom(parameters.CycleStart),
            TimeLimit = timeLimit ?? TimeSpan.FromSeconds(options.Value.PlannerSeconds),
        };
        var plan = await Task.Run(() => new TourPlanner().Plan(problem, null, cancellationToken), cancellationToken);
        if (!plan.Succeeded)
        {
            return (null, plan.Errors);
        }
        var run = new TourPlanRun
        {
            CreatedAt = timeProvider.GetUtcNow(),
            CreatedBy = userId,
            CycleStart = parameters.CycleStart,
            CycleDays = parameters.CycleDays,
            Buses = parameters.Buses,
            Weekly = parameters.Weekly,
            Pinned = string.Join(",", parameters.Pinned),
            Excluded = string.Join(",", parameters.Excluded),
            PlanJson = JsonSerializer.Serialize(plan, Json),
            Objective = plan.Objective,
            Bound = plan.Bound,
            GapPercent = plan.GapPercent,
        };
        db.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return (run, []);
    }

    public static TourPlan PlanOf(TourPlanRun run) => JsonSerializer.Deserialize<TourPlan>(run.PlanJson, Json)!;

    public static (DateOnly From, DateOnly To) WindowOf(TourPlan plan, TourPlanRun run) =>
        plan.Passages.Count == 0 ? (run.CycleStart, run.CycleStart) : (run.CycleStart, plan.Passages.Max(p => p.Date));

    public async Task<PlanComparison> CompareAsync(TourPlanRun run, CancellationToken cancellationToken)
    {
        var plan = PlanOf(run);
        var (from, to) = WindowOf(plan, run);
        var current = await db.Set<BusPassage>().AsNoTracking().Where(p => p.Date >= from && p.Date <= to && p.Status == PassageStatus.Scheduled)
            .Select(p => p.Stop!.Commune!.Name).Distinct().ToListAsync(cancellationToken);
        var proposed = plan.Passages.Select(p => p.CommuneName).Distinct().ToList();
        var comparer = StringComparer.Create(FrenchFormat(), true);
        return new PlanComparison(
            proposed.Except(current).Order(comparer).ToList(),
            current.Except(proposed).Order(comparer).ToList(),
            proposed.Intersect(current).Order(comparer).ToList());
    }

    /// <summary>
    /// The proposal becomes the timetable from its first day on, and repeats until another one replaces it. Only future
    /// scheduled passages without a visit are replaced: passages already begun or over, those with the crew's visit
    /// record and cancelled ones (with their public notice) stay. The subscribers of each commune whose passages
    /// change get one message. One SaveChanges: a failure leaves the published timetable as it was.
    /// </summary>
    /// <returns>The error to show, or null and the number of communes whose subscribers were told.</returns>
    public async Task<(string? Error, int CommunesTold)> PublishAsync(Guid runId, string baseUrl, CancellationToken cancellationToken, bool journal = true)
    {
        var run = await db.Set<TourPlanRun>().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run == null)
        {
            return ("Ce plan n'existe pas.", 0);
        }
        if (run.PublishedAt != null)
        {
            return ("Ce plan est déjà publié.", 0);
        }
        var today = timetable.Today;
        if (run.CycleStart < today)
        {
            return ($"Ce cycle commence le {run.CycleStart.ToString("dddd d MMMM yyyy", FrenchFormat())}, une date passée : relancez la planification avec un premier jour à partir d'aujourd'hui (les passages passés ne changent pas).", 0);
        }
        var plan = PlanOf(run);
        var (from, to) = WindowOf(plan, run);
        var stops = await db.Set<BusStop>().Include(s => s.Commune).ToDictionaryAsync(s => s.CommuneInseeCode, cancellationToken);
        var missing = plan.Passages.Select(p => p.CommuneCode).Where(code => !stops.ContainsKey(code)).Distinct().ToList();
        if (missing.Count > 0)
        {
            return ($"Arrêt supprimé depuis le calcul ({string.Join(", ", missing)}) : relancez la planification.", 0);
        }
        var now = timeProvider.GetUtcNow();
        // From the cycle's first day on, the new cycle replaces what was published (the older cycle's repetitions included).
        var scheduled = await db.Set<BusPassage>()
            .Where(p => p.Date >= from && p.Status == PassageStatus.Scheduled)
            .Select(p => new { Passage = p, Visited = db.Set<BusVisit>().Any(v => v.PassageId == p.Id) })
            .ToListAsync(cancellationToken);
        var replaced = scheduled.Where(x => !x.Visited && !timetable.IsOver(x.Passage.Date, x.Passage.Start)).Select(x => x.Passage).ToList();
        db.RemoveRange(replaced);
        var occupied = scheduled.Where(x => !replaced.Contains(x.Passage)).Select(x => (x.Passage.Date, x.Passage.Bus, x.Passage.HalfDay)).ToHashSet();
        var added = new List<BusPassage>();
        foreach (var p in plan.Passages)
        {
            // A passage of the new cycle that has already begun today, or whose half-day holds a kept passage, is not added.
            if (!timetable.IsOver(p.Date, p.Start) && occupied.Add((p.Date, p.Bus, p.HalfDay)))
            {
                added.Add(NewPassage(p, p.Date, stops[p.CommuneCode], run.Id, now));
            }
        }
        var horizon = today.AddDays(HorizonDays);
        added.AddRange(Repeat(run, plan, to.AddDays(1), horizon, stops, occupied, now));
        db.AddRange(added);
        run.PublishedAt = now;
        run.RepeatedUntil = horizon > to ? horizon : to;

        // What residents see from the first day on (the cycle, or four weeks when longer), before and after, commune by commune.
        var compareUntil = today.AddDays(Timetable.PublicDays) > to ? today.AddDays(Timetable.PublicDays) : to;
        var byStop = stops.Values.ToDictionary(s => s.Id);
        static (DateOnly, HalfDay, TimeOnly, TimeOnly) Key(BusPassage p) => (p.Date, p.HalfDay, p.Start, p.End);
        var before = replaced.Where(p => p.Date <= compareUntil).ToLookup(p => byStop.TryGetValue(p.StopId, out var s) ? s.CommuneInseeCode : "");
        var after = added.Where(p => p.Date <= compareUntil).ToLookup(p => byStop[p.StopId].CommuneInseeCode);
        var told = 0;
        foreach (var code in before.Select(g => g.Key).Union(after.Select(g => g.Key)).Where(c => c.Length > 0).Order(StringComparer.Ordinal))
        {
            if (before[code].Select(Key).ToHashSet().SetEquals(after[code].Select(Key)))
            {
                continue;
            }
            var name = stops[code].Commune!.Name;
            var next = after[code].OrderBy(p => p.Date).ThenBy(p => p.HalfDay).Take(3).Select(WhenOf).ToList();
            var firstDay = from.ToString("dddd d MMMM", FrenchFormat());
            var text = next.Count == 0
                ? $"Nouvelle tournée du car à partir du {firstDay} : aucun passage n'est plus prévu à {name} pour le moment."
                : $"Nouvelle tournée du car à partir du {firstDay}. Prochains passages à {name} : le {string.Join(" ; le ", next)}.";
            if (await notifier.NotifyAsync(code, name, text, baseUrl, cancellationToken) > 0)
            {
                told++;
            }
        }
        if (journal)
        {
            auditLog.Add(db, new AuditEvent("bus.plan-published", "TourPlanRun", runId.ToString("D")));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A passage was cancelled or changed meanwhile (its sequence moved): nothing is published, nobody is told.
            db.ChangeTracker.Clear();
            return ("Un passage publié vient d'être annulé ou modifié par un autre coordinateur : rien n'a été publié, publiez de nouveau.", 0);
        }
        return (null, told);
    }

    /// <summary>"mardi 5 mai, de 9 h à 12 h".</summary>
    public static string WhenOf(BusPassage passage) =>
        $"{passage.Date.ToString("dddd d MMMM", FrenchFormat())}, de {PassageView.Hour(passage.Start)} à {PassageView.Hour(passage.End)}";

    /// <summary>
    /// Writes the published cycles' repetitions up to the horizon (today + <see cref="HorizonDays"/>): each cycle
    /// repeats from its first day until the first day of a cycle published after it. Run by the timetable job; idempotent.
    /// </summary>
    /// <returns>The number of passages written.</returns>
    public async Task<int> ExtendAsync(CancellationToken cancellationToken)
    {
        var today = timetable.Today;
        var horizon = today.AddDays(HorizonDays);
        var published = await db.Set<TourPlanRun>().AsNoTracking().Where(r => r.PublishedAt != null)
            .Select(r => new { r.Id, r.CycleStart, r.PublishedAt, r.RepeatedUntil }).ToListAsync(cancellationToken);
        published = published.OrderBy(r => r.PublishedAt).ToList();
        Dictionary<string, BusStop>? stops = null;
        var now = timeProvider.GetUtcNow();
        var written = 0;
        for (var i = 0; i < published.Count; i++)
        {
            var later = published.Skip(i + 1).Select(r => (DateOnly?)r.CycleStart).Min();
            var segmentEnd = later is { } next && next.AddDays(-1) < horizon ? next.AddDays(-1) : horizon;
            if (published[i].RepeatedUntil is { } done && done >= segmentEnd)
            {
                continue;
            }
            var run = await db.Set<TourPlanRun>().SingleAsync(r => r.Id == published[i].Id, cancellationToken);
            var plan = PlanOf(run);
            var repeatedUntil = run.RepeatedUntil ?? WindowOf(plan, run).To;
            var from = new[] { repeatedUntil.AddDays(1), today, run.CycleStart }.Max();
            if (from <= segmentEnd)
            {
                stops ??= await db.Set<BusStop>().Where(s => s.IsActive).ToDictionaryAsync(s => s.CommuneInseeCode, cancellationToken);
                var occupied = (await db.Set<BusPassage>().Where(p => p.Date >= from && p.Date <= segmentEnd && p.Status == PassageStatus.Scheduled)
                    .Select(p => new { p.Date, p.Bus, p.HalfDay }).ToListAsync(cancellationToken)).Select(p => (p.Date, p.Bus, p.HalfDay)).ToHashSet();
                var repetitions = Repeat(run, plan, from, segmentEnd, stops, occupied, now);
                db.AddRange(repetitions);
                written += repetitions.Count;
            }
            run.RepeatedUntil = segmentEnd > repeatedUntil ? segmentEnd : repeatedUntil;
        }
        await db.SaveChangesAsync(cancellationToken);
        return written;
    }

    /// <summary>
    /// The cycle's passages again every <see cref="PeriodDays"/> days, dated between the two days: not on public
    /// holidays, not at a stop no longer active, not on a half-day where the bus already has a passage.
    /// </summary>
    private static List<BusPassage> Repeat(TourPlanRun run, TourPlan plan, DateOnly from, DateOnly until, IReadOnlyDictionary<string, BusStop> stops, HashSet<(DateOnly, int, HalfDay)> occupied, DateTimeOffset now)
    {
        var period = PeriodDays(run, plan);
        var occurrences = new List<(DateOnly Date, Tours.Passage Passage)>();
        foreach (var p in plan.Passages)
        {
            var k = Math.Max(1, (from.DayNumber - p.Date.DayNumber + period - 1) / period);
            for (var date = p.Date.AddDays(k * period); date <= until; date = date.AddDays(period))
            {
                if (date >= from && !FrenchPublicHolidays.IsHoliday(date))
                {
                    occurrences.Add((date, p));
                }
            }
        }
        return occurrences.OrderBy(o => o.Date).ThenBy(o => o.Passage.Date)
            .Where(o => stops.TryGetValue(o.Passage.CommuneCode, out var stop) && stop.IsActive && occupied.Add((o.Date, o.Passage.Bus, o.Passage.HalfDay)))
            .Select(o => NewPassage(o.Passage, o.Date, stops[o.Passage.CommuneCode], run.Id, now)).ToList();
    }

    private static BusPassage NewPassage(Tours.Passage p, DateOnly date, BusStop stop, Guid runId, DateTimeOffset now) => new()
    {
        StopId = stop.Id,
        Date = date,
        HalfDay = p.HalfDay,
        Start = p.Start,
        End = p.End,
        Bus = p.Bus,
        Specialists = date == p.Date ? string.Join(", ", p.Specialists) : "",
        PlanRunId = runId,
        PublishedAt = now,
    };

    internal static System.Globalization.CultureInfo FrenchFormat() => System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
}
