using System.Diagnostics;
using System.Globalization;
using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace CarteBlanche.Tours;

public sealed record TourProgress(TimeSpan Elapsed, long Objective, int Solutions);

/// <summary>
/// Plans the bus's tour as a vehicle routing problem (Google OR-Tools): one vehicle per bus and working day of the
/// cycle, visiting at most a morning and an afternoon stop; every visit of a candidate commune is optional with a
/// penalty proportional to its isolation weight, so that the solver serves the most isolated residents first, then
/// drives the least. A commune visited every week has its two visits on the same weekday and half-day of each half
/// of the cycle. See docs/adr/0007-tour-planning-model.md.
/// </summary>
public sealed class TourPlanner
{
    /// <summary>Penalty of the least isolated candidate's visit, in driving minutes: far above any driving saving.</summary>
    private const long BasePenalty = 1000;

    public TourPlan Plan(TourProblem problem, IProgress<TourProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var errors = Validate(problem);
        if (errors.Count > 0)
        {
            return TourPlan.Failed(errors);
        }

        var day = problem.Day;
        var days = WorkingDays(problem);
        var available = days.Select((date, index) => (date, index)).Where(d => !problem.CrewDaysOff.Contains(d.date.DayOfWeek)).ToList();
        if (available.Count == 0)
        {
            return TourPlan.Failed([$"L'équipage n'a aucun jour disponible dans le cycle de {days.Count} jours ouvrés (jours de repos : {string.Join(", ", problem.CrewDaysOff.Select(FrenchDay))})."]);
        }
        var half = days.Count / 2;

        // Travel: index 0 is the depot, i + 1 the commune i.
        var points = new[] { problem.Depot }.Concat(problem.Communes.Select(c => c.Stop)).ToArray();
        var n = points.Length;
        var minutes = new long[n, n];
        var kilometres = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var m = problem.TravelMinutes?[i, j] ?? problem.Travel.Minutes(points[i], points[j]);
                minutes[i, j] = i == j ? 0 : (long)Math.Round(m);
                kilometres[i, j] = problem.Travel.Kilometres(points[i], points[j]);
            }
        }

        // Isolation and weight of each commune.
        var communes = problem.Communes.Select((c, i) =>
        {
            var isolation = problem.ServicePoints.Count == 0 ? 0 : problem.ServicePoints.Min(p => problem.Travel.Minutes(c.Stop, p));
            return new CommuneFigures(c.Code, c.Name, c.Population, isolation, problem.Isolation.Weight(c.Population, isolation));
        }).ToList();

        var morning = Minutes(day.MorningStart);
        var afternoon = Minutes(day.AfternoonStart);
        var stop = day.StopMinutes;
        bool FitsAlone(long toDepot) =>
            (Minutes(day.DayStart) + toDepot <= morning && Minutes(day.MorningEnd) + toDepot <= Minutes(day.DayEnd))
            || (Minutes(day.DayStart) + toDepot <= afternoon && Minutes(day.AfternoonEnd) + toDepot <= Minutes(day.DayEnd));

        var leftOut = new List<LeftOut>();
        var candidates = new List<int>();
        for (var i = 0; i < communes.Count; i++)
        {
            var c = problem.Communes[i];
            var toDepot = Math.Max(minutes[0, i + 1], minutes[i + 1, 0]);
            var pinned = problem.Pinned.Contains(c.Code);
            if (problem.Excluded.Contains(c.Code))
            {
                leftOut.Add(new(c.Code, c.Name, "Exclue par le coordinateur."));
            }
            else if (!FitsAlone(toDepot))
            {
                var reason = $"Trop loin : {toDepot} min de route depuis {problem.DepotName}, une demi-journée sur place ne tient pas dans la journée de l'équipage ({day.DayStart:HH\\:mm}–{day.DayEnd:HH\\:mm}).";
                if (pinned)
                {
                    errors.Add($"{c.Name} est épinglée mais ne peut pas être desservie. {reason}");
                }
                leftOut.Add(new(c.Code, c.Name, reason));
            }
            else if (communes[i].Weight <= 0 && !pinned)
            {
                leftOut.Add(new(c.Code, c.Name, string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"Pas isolée : un point d'accueil permanent est à {communes[i].IsolationMinutes:0} min.")));
            }
            else if (problem.FrequencyOf(c.Code) == Frequency.EveryWeek && !available.Any(d => d.index < half && available.Any(e => e.index == d.index + half)))
            {
                var reason = "Un passage chaque semaine est impossible : aucun jour disponible ne se répète dans les deux moitiés du cycle.";
                if (pinned)
                {
                    errors.Add($"{c.Name} est épinglée. {reason}");
                }
                leftOut.Add(new(c.Code, c.Name, reason));
            }
            else
            {
                candidates.Add(i);
            }
        }
        var slots = 2 * problem.Buses * available.Count;
        var pinnedVisits = candidates.Where(i => problem.Pinned.Contains(problem.Communes[i].Code)).Sum(i => VisitsOf(problem, i));
        if (pinnedVisits > slots)
        {
            errors.Add($"{pinnedVisits} passages épinglés pour {slots} demi-journées disponibles dans le cycle ({problem.Buses} car(s), {available.Count} jour(s) de travail) : retirez des épinglages ou allongez le cycle.");
        }
        if (errors.Count > 0)
        {
            return TourPlan.Failed(errors);
        }

        // Visits: node 1.. in the routing model; a weekly commune has two.
        var visits = new List<(int Commune, int Occurrence)>();
        foreach (var i in candidates)
        {
            for (var k = 0; k < VisitsOf(problem, i); k++)
            {
                visits.Add((i, k));
            }
        }
        var minWeight = candidates.Select(i => communes[i].Weight).Where(w => w > 0).DefaultIfEmpty(1).Min();
        long PenaltyOf(int commune) => BasePenalty + (long)Math.Round(BasePenalty * communes[commune].Weight / minWeight);

        // Vehicles: bus b on the available day at position p.
        var vehicles = new List<(int Bus, int DayIndex)>();
        for (var b = 0; b < problem.Buses; b++)
        {
            vehicles.AddRange(available.Select(d => (b, d.index)));
        }
        int VehicleOf(int bus, int dayIndex) => vehicles.FindIndex(v => v.Bus == bus && v.DayIndex == dayIndex);

        var nodeCount = visits.Count + 1;
        long NodeTravel(int from, int to) => from == to ? 0 : minutes[from == 0 ? 0 : visits[from - 1].Commune + 1, to == 0 ? 0 : visits[to - 1].Commune + 1];
        var manager = new RoutingIndexManager(nodeCount, vehicles.Count, 0);
        var model = new RoutingModel(manager);
        var driving = model.RegisterTransitCallback((from, to) => NodeTravel(manager.IndexToNode(from), manager.IndexToNode(to)));
        model.SetArcCostEvaluatorOfAllVehicles(driving);
        var lunch = day.LunchMinutes;
        var time = model.RegisterTransitCallback((from, to) =>
        {
            var a = manager.IndexToNode(from);
            var b = manager.IndexToNode(to);
            return (a == 0 ? 0 : stop) + NodeTravel(a, b) + (a != 0 && b != 0 ? lunch : 0);
        });
        model.AddDimension(time, Minutes(day.DayEnd), Minutes(day.DayEnd), false, "Time");
        var timeDimension = model.GetMutableDimension("Time");
        for (var v = 0; v < vehicles.Count; v++)
        {
            timeDimension.CumulVar(model.Start(v)).SetRange(Minutes(day.DayStart), afternoon);
            timeDimension.CumulVar(model.End(v)).SetRange(Minutes(day.DayStart), Minutes(day.DayEnd));
        }
        var solver = model.solver();
        for (var node = 1; node < nodeCount; node++)
        {
            var index = manager.NodeToIndex(node);
            timeDimension.CumulVar(index).SetValues([morning, afternoon]);
            var (commune, occurrence) = visits[node - 1];
            if (!problem.Pinned.Contains(problem.Communes[commune].Code))
            {
                model.AddDisjunction([index], PenaltyOf(commune));
            }
            if (problem.FrequencyOf(problem.Communes[commune].Code) == Frequency.EveryWeek && occurrence == 1)
            {
                // Second visit: same bus, same position in the second half of the cycle, same half-day.
                var first = manager.NodeToIndex(node - 1);
                var map = new long[vehicles.Count + 1];
                map[0] = 0; // inactive first visit → inactive second visit
                for (var v = 0; v < vehicles.Count; v++)
                {
                    var (bus, dayIndex) = vehicles[v];
                    var second = dayIndex < half ? VehicleOf(bus, dayIndex + half) : -1;
                    map[v + 1] = second >= 0 ? second + 1 : vehicles.Count + 10; // impossible value: forbids that day
                }
                var firstVehiclePlusOne = solver.MakeSum(model.VehicleVar(first), 1).Var();
                solver.Add(solver.MakeEquality(solver.MakeSum(model.VehicleVar(index), 1), solver.MakeElement(map, firstVehiclePlusOne)));
                solver.Add(solver.MakeEquality(timeDimension.CumulVar(first), timeDimension.CumulVar(index)));
            }
        }

        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.ParallelCheapestInsertion;
        parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        parameters.TimeLimit = Duration.FromTimeSpan(problem.TimeLimit);
        var solutions = 0;
        var interrupted = false;
        model.AddAtSolutionCallback(() =>
        {
            solutions++;
            progress?.Report(new TourProgress(clock.Elapsed, model.CostVar().Min(), solutions));
            if (cancellationToken.IsCancellationRequested)
            {
                interrupted = true;
                solver.FinishCurrentSearch();
            }
        });
        var solution = model.SolveWithParameters(parameters);
        if (solution == null)
        {
            return TourPlan.Failed(["Aucun plan ne respecte les contraintes (épinglages, fréquences, horaires de l'équipage) : relâchez-en une."]);
        }

        // Read the plan.
        var passages = new List<Passage>();
        var servedCommunes = new HashSet<int>();
        double drivingMinutes = 0, drivingKm = 0;
        for (var v = 0; v < vehicles.Count; v++)
        {
            var index = model.Start(v);
            var previous = 0;
            while (!model.IsEnd(index))
            {
                index = solution.Value(model.NextVar(index));
                var node = manager.IndexToNode(index);
                var from = previous == 0 ? 0 : visits[previous - 1].Commune + 1;
                var to = node == 0 || model.IsEnd(index) ? 0 : visits[node - 1].Commune + 1;
                if (from != to || (previous != 0 && node != 0))
                {
                    drivingMinutes += minutes[from, to];
                    drivingKm += kilometres[from, to];
                }
                if (!model.IsEnd(index) && node != 0)
                {
                    var commune = visits[node - 1].Commune;
                    servedCommunes.Add(commune);
                    var start = solution.Min(timeDimension.CumulVar(index));
                    var halfDay = start == morning ? HalfDay.Morning : HalfDay.Afternoon;
                    var c = problem.Communes[commune];
                    var (stopStart, stopEnd) = day.Hours(halfDay);
                    passages.Add(new Passage(days[vehicles[v].DayIndex], vehicles[v].Bus, halfDay, c.Code, c.Name, c.PlaceName, stopStart, stopEnd, []));
                }
                previous = model.IsEnd(index) ? 0 : node;
            }
        }
        passages = AssignSpecialists(problem, passages, communes)
            .OrderBy(p => p.Date).ThenBy(p => p.Bus).ThenBy(p => p.HalfDay).ToList();

        var minServedWeight = servedCommunes.Select(i => communes[i].Weight).DefaultIfEmpty(0).Min();
        foreach (var i in candidates.Where(i => !servedCommunes.Contains(i)))
        {
            var c = communes[i];
            leftOut.Add(new(c.Code, c.Name, c.Weight <= minServedWeight
                ? string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"Moins prioritaire : les {slots} demi-journées du cycle vont à des communes plus isolées (poids {c.Weight:0}, la moins isolée des communes desservies pèse {minServedWeight:0}).")
                : "Aucune journée ne peut l'accueillir avec les autres arrêts sans dépasser les horaires de l'équipage."));
        }

        var isolatedPopulation = candidates.Sum(i => (long)communes[i].Population) + leftOut.Where(l => l.Reason.StartsWith("Trop loin", StringComparison.Ordinal)).Sum(l => (long)problem.Communes.First(c => c.Code == l.CommuneCode).Population);
        var servedPopulation = servedCommunes.Sum(i => communes[i].Population);
        var figures = new TourFigures(
            servedCommunes.Count,
            passages.Count,
            servedPopulation,
            servedCommunes.Sum(i => communes[i].Weight),
            drivingMinutes,
            Math.Round(drivingKm, 1),
            isolatedPopulation == 0 ? 0 : (double)servedPopulation / isolatedPopulation);

        var objective = solution.ObjectiveValue();
        var bound = LowerBound(problem, candidates, minutes, slots, PenaltyOf);
        var gap = objective == 0 ? 0 : Math.Max(0, (objective - bound) * 100.0 / objective);
        return new TourPlan(passages, leftOut.OrderBy(l => l.CommuneName, StringComparer.Ordinal).ToList(), communes, figures, objective, bound, gap, clock.Elapsed, interrupted, []);
    }

    /// <summary>
    /// A lower bound on the objective by relaxation: each visit costs at least its depot edge plus the cheaper of a
    /// second depot edge or half its cheapest edge to another commune; choosing which communes to serve within the
    /// cycle's half-days is then a knapsack, solved exactly by dynamic programming. Weekly day pairing and crew hours
    /// are relaxed.
    /// </summary>
    internal static long LowerBound(TourProblem problem, IReadOnlyList<int> candidates, long[,] minutes, int slots, Func<int, long> penaltyOf)
    {
        long LeastCost(int commune)
        {
            var node = commune + 1;
            var nearest = candidates.Where(j => j != commune).Select(j => Math.Min(minutes[node, j + 1], minutes[j + 1, node])).DefaultIfEmpty(long.MaxValue / 4).Min();
            var depot = Math.Min(minutes[0, node], minutes[node, 0]);
            return depot + Math.Min(depot, nearest / 2);
        }
        long bound = 0;
        var capacity = slots;
        var items = new List<(int Size, long Value)>();
        foreach (var c in candidates)
        {
            var size = VisitsOf(problem, c);
            var least = LeastCost(c) * size;
            if (problem.Pinned.Contains(problem.Communes[c].Code))
            {
                bound += least;
                capacity -= size;
                continue;
            }
            var penalty = penaltyOf(c) * size;
            bound += penalty;
            if (penalty > least)
            {
                items.Add((size, penalty - least));
            }
        }
        var best = new long[Math.Max(0, capacity) + 1];
        foreach (var (size, value) in items)
        {
            for (var cap = best.Length - 1; cap >= size; cap--)
            {
                best[cap] = Math.Max(best[cap], best[cap - size] + value);
            }
        }
        return bound - best[^1];
    }

    private static int VisitsOf(TourProblem problem, int commune) => problem.FrequencyOf(problem.Communes[commune].Code) == Frequency.EveryWeek ? 2 : 1;

    private static List<Passage> AssignSpecialists(TourProblem problem, List<Passage> passages, IReadOnlyList<CommuneFigures> communes)
    {
        var weight = communes.ToDictionary(c => c.Code, c => c.Weight);
        var specialists = passages.ToDictionary(p => p, _ => new List<string>());
        foreach (var permanence in problem.Permanences)
        {
            foreach (var passage in passages.Where(p => p.Date >= permanence.From && p.Date <= permanence.To)
                         .OrderByDescending(p => weight[p.CommuneCode]).ThenBy(p => p.Date).Take(permanence.MaxPassages))
            {
                specialists[passage].Add(permanence.Specialist);
            }
        }
        return passages.Select(p => p with { Specialists = specialists[p] }).ToList();
    }

    /// <summary>The cycle's working days: weekdays from the start, skipping closed dates.</summary>
    public static List<DateOnly> WorkingDays(TourProblem problem)
    {
        var days = new List<DateOnly>();
        for (var date = problem.CycleStart; days.Count < problem.CycleDays; date = date.AddDays(1))
        {
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !problem.ClosedDates.Contains(date))
            {
                days.Add(date);
            }
        }
        return days;
    }

    private static List<string> Validate(TourProblem problem)
    {
        var errors = new List<string>();
        if (!problem.Depot.IsValid)
        {
            errors.Add($"Le dépôt ({problem.DepotName}) n'a pas de coordonnées valides.");
        }
        if (problem.Buses is < 1 or > 100)
        {
            errors.Add("Le nombre de cars doit être compris entre 1 et 100.");
        }
        if (problem.CycleDays is < 1 or > 60)
        {
            errors.Add("Le cycle doit compter entre 1 et 60 jours ouvrés.");
        }
        if (problem.TimeLimit <= TimeSpan.Zero)
        {
            errors.Add("Le temps de calcul doit être positif.");
        }
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in problem.Communes)
        {
            if (!codes.Add(c.Code))
            {
                errors.Add($"La commune {c.Code} apparaît deux fois.");
            }
            if (!c.Stop.IsValid || (c.Stop.Latitude == 0 && c.Stop.Longitude == 0))
            {
                errors.Add($"L'arrêt de {c.Name} ({c.Code}) n'a pas de coordonnées valides.");
            }
        }
        foreach (var code in problem.Pinned.Where(c => !codes.Contains(c)))
        {
            errors.Add($"Commune épinglée inconnue : {code}.");
        }
        foreach (var code in problem.Excluded.Where(c => !codes.Contains(c)))
        {
            errors.Add($"Commune exclue inconnue : {code}.");
        }
        foreach (var code in problem.Pinned.Where(problem.Excluded.Contains))
        {
            errors.Add($"La commune {code} est à la fois épinglée et exclue.");
        }
        if (problem.TravelMinutes != null && (problem.TravelMinutes.GetLength(0) != problem.Communes.Count + 1 || problem.TravelMinutes.GetLength(1) != problem.Communes.Count + 1))
        {
            errors.Add($"La matrice des temps de trajet doit être carrée de taille {problem.Communes.Count + 1} (le dépôt puis chaque commune).");
        }
        var d = problem.Day;
        if (!(d.DayStart <= d.MorningStart && d.MorningStart < d.MorningEnd && d.MorningEnd <= d.AfternoonStart && d.AfternoonStart < d.AfternoonEnd && d.AfternoonEnd <= d.DayEnd)
            || d.AfternoonEnd - d.AfternoonStart != d.MorningEnd - d.MorningStart)
        {
            errors.Add("Les horaires de la journée sont incohérents (début ≤ matin < fin du matin ≤ après-midi < fin ≤ fin de journée, deux demi-journées de même durée).");
        }
        return errors;
    }

    private static long Minutes(TimeOnly time) => (long)time.ToTimeSpan().TotalMinutes;

    private static string FrenchDay(DayOfWeek day) => CultureInfo.GetCultureInfo("fr-FR").DateTimeFormat.GetDayName(day);
}
