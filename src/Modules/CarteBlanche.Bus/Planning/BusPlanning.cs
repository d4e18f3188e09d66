using System.Text.Json;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Database;
using CarteBlanche.Platform.Territory;
using CarteBlanche.Tours;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Bus.Planning;

/// <summary>Section "Bus".</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    /// <summary>Where the bus starts and ends each day (INSEE code of the commune).</summary>
    public string DepotInseeCode { get; set; } = "46042";

    /// <summary>Seconds the planner may search.</summary>
    public double PlannerSeconds { get; set; } = 5;

    /// <summary>What the bus costs a year (vehicle, crew, fuel), in euros: gives the cost per contact. Unset: not shown.</summary>
    public decimal? YearlyCost { get; set; } = 150000;
}

public sealed record PlanParameters(DateOnly CycleStart, int CycleDays, int Buses, bool Weekly, IReadOnlyCollection<string> Pinned, IReadOnlyCollection<string> Excluded, IReadOnlyList<Permanence>? Permanences = null);

/// <summary>Who gains and who loses between the published timetable and a proposal, commune by commune.</summary>
public sealed record PlanComparison(IReadOnlyList<string> Gained, IReadOnlyList<string> Lost, IReadOnlyList<string> Kept);

/// <summary>Runs the tour planner on the territory's stops and publishes a plan as the timetable.</summary>
public sealed class BusPlanning(CarteBlancheDbContext db, IOptions<BusOptions> options, TimeProvider timeProvider)
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

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
    /// The proposal becomes the timetable of its cycle: the passages published for those dates are replaced, in one
    /// transaction (a failure leaves the published timetable as it was).
    /// </summary>
    public async Task<string?> PublishAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = await db.Set<TourPlanRun>().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run == null)
        {
            return "Ce plan n'existe pas.";
        }
        if (run.PublishedAt != null)
        {
            return "Ce plan est déjà publié.";
        }
        var plan = PlanOf(run);
        var (from, to) = WindowOf(plan, run);
        var stops = await db.Set<BusStop>().ToDictionaryAsync(s => s.CommuneInseeCode, cancellationToken);
        var missing = plan.Passages.Select(p => p.CommuneCode).Where(code => !stops.ContainsKey(code)).Distinct().ToList();
        if (missing.Count > 0)
        {
            return $"Arrêt supprimé depuis le calcul ({string.Join(", ", missing)}) : relancez la planification.";
        }
        var now = timeProvider.GetUtcNow();
        await db.Set<BusPassage>().Where(p => p.Date >= from && p.Date <= to).ExecuteDeleteAsync(cancellationToken);
        foreach (var p in plan.Passages)
        {
            db.Add(new BusPassage
            {
                StopId = stops[p.CommuneCode].Id,
                Date = p.Date,
                HalfDay = p.HalfDay,
                Start = p.Start,
                End = p.End,
                Bus = p.Bus,
                Specialists = string.Join(", ", p.Specialists),
                PlanRunId = run.Id,
                PublishedAt = now,
            });
        }
        run.PublishedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private static System.Globalization.CultureInfo FrenchFormat() => System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
}
