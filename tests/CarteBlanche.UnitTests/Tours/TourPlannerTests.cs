using CarteBlanche.Tours;
using Xunit;

namespace CarteBlanche.UnitTests.Tours;

public sealed class TourPlannerTests
{
    private static readonly GeoPoint Cahors = new(44.45072, 1.44062);
    private static readonly DateOnly Monday = new(2027, 3, 1);

    /// <summary>Two pairs of neighbouring villages, 30 min from the depot, 10 min apart, 50 min between the pairs.</summary>
    private static TourProblem TwoClusters(int cycleDays) => new()
    {
        Depot = Cahors,
        Communes =
        [
            new("A", "Aujols", 400, new(44.40, 1.50)), new("B", "Bach", 300, new(44.35, 1.60)),
            new("C", "Cras", 250, new(44.55, 1.40)), new("D", "Douelle", 200, new(44.50, 1.35)),
        ],
        ServicePoints = [new(45.5, 2.5)], // far away: every village is isolated
        CycleStart = Monday,
        CycleDays = cycleDays,
        TravelMinutes = new double[,]
        {
            { 0, 30, 30, 30, 30 },
            { 30, 0, 10, 50, 50 },
            { 30, 10, 0, 50, 50 },
            { 30, 50, 50, 0, 10 },
            { 30, 50, 50, 10, 0 },
        },
        TimeLimit = TimeSpan.FromSeconds(1),
    };

    [Fact]
    public void The_known_optimum_pairs_neighbouring_villages_and_drives_140_minutes()
    {
        var plan = new TourPlanner().Plan(TwoClusters(cycleDays: 2));

        Assert.True(plan.Succeeded, string.Join(" ", plan.Errors));
        Assert.Equal(140, plan.Objective); // all four served: 30 + 10 + 30, twice
        Assert.Equal(140, plan.Figures.DrivingMinutes);
        var days = plan.Passages.GroupBy(p => p.Date).Select(g => g.Select(p => p.CommuneCode).Order().ToArray()).OrderBy(d => d[0]).ToList();
        Assert.Equal([["A", "B"], ["C", "D"]], days);
        Assert.All(plan.Passages.GroupBy(p => p.Date), g => Assert.Equal([HalfDay.Morning, HalfDay.Afternoon], g.Select(p => p.HalfDay).Order()));
        Assert.True(plan.Bound <= plan.Objective);
    }

    [Fact]
    public void With_one_day_the_two_most_isolated_residents_are_served_and_the_others_are_told_why()
    {
        var plan = new TourPlanner().Plan(TwoClusters(cycleDays: 1));

        Assert.Equal(["A", "B"], plan.Passages.Select(p => p.CommuneCode).Order());
        Assert.Equal(["C", "D"], plan.LeftOut.Select(l => l.CommuneCode).Order());
        Assert.All(plan.LeftOut, l => Assert.StartsWith("Moins prioritaire", l.Reason, StringComparison.Ordinal));
        Assert.Equal(700, plan.Figures.ResidentsServed);
    }

    [Fact]
    public void A_weekly_commune_comes_back_the_same_weekday_and_half_day_a_week_later()
    {
        var plan = new TourPlanner().Plan(TwoClusters(cycleDays: 10) with { Frequency = Frequency.EveryWeek });

        Assert.True(plan.Succeeded);
        foreach (var commune in plan.Passages.GroupBy(p => p.CommuneCode))
        {
            var visits = commune.OrderBy(p => p.Date).ToList();
            Assert.Equal(2, visits.Count);
            Assert.Equal(7, visits[1].Date.DayNumber - visits[0].Date.DayNumber);
            Assert.Equal(visits[0].HalfDay, visits[1].HalfDay);
        }
    }

    [Fact]
    public void Impossible_constraints_are_named_instead_of_an_empty_plan()
    {
        var planner = new TourPlanner();

        var tooManyPins = planner.Plan(TwoClusters(cycleDays: 1) with { Pinned = new HashSet<string> { "A", "B", "C" } });
        Assert.Contains("3 passages épinglés pour 2 demi-journées disponibles dans le cycle (1 car(s), 1 jour(s) de travail) : retirez des épinglages ou allongez le cycle.", tooManyPins.Errors);

        var noDay = planner.Plan(TwoClusters(cycleDays: 5) with { CrewDaysOff = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday } });
        Assert.StartsWith("L'équipage n'a aucun jour disponible dans le cycle de 5 jours ouvrés", Assert.Single(noDay.Errors), StringComparison.Ordinal);

        var unknown = planner.Plan(TwoClusters(cycleDays: 2) with { Pinned = new HashSet<string> { "46999" } });
        Assert.Contains("Commune épinglée inconnue : 46999.", unknown.Errors);

        var problem = TwoClusters(cycleDays: 2);
        var noCoordinates = planner.Plan(problem with { TravelMinutes = null, Communes = [.. problem.Communes.Take(3), new("Z", "Zénac", 100, new(double.NaN, 1.4))] });
        Assert.Contains("L'arrêt de Zénac (Z) n'a pas de coordonnées valides.", noCoordinates.Errors);

        var far = problem with { TravelMinutes = null, Communes = [.. problem.Communes, new("F", "Figeac", 900, new(44.61, 2.03))], Pinned = new HashSet<string> { "F" } };
        Assert.StartsWith("Figeac est épinglée mais ne peut pas être desservie. Trop loin", Assert.Single(planner.Plan(far).Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Interrupting_returns_the_best_plan_so_far()
    {
        using var cancellation = new CancellationTokenSource();
        var problem = TourInstances.Synthetic(200, seed: 3, Monday) with { TimeLimit = TimeSpan.FromSeconds(30) };

        var plan = new TourPlanner().Plan(problem, new CancelAtFirst(cancellation), cancellation.Token);

        Assert.True(plan.Interrupted);
        Assert.True(plan.Succeeded);
        Assert.NotEmpty(plan.Passages);
        Assert.True(plan.Elapsed < TimeSpan.FromSeconds(30));
    }

    private sealed class CancelAtFirst(CancellationTokenSource source) : IProgress<TourProgress>
    {
        public void Report(TourProgress value) => source.Cancel();
    }
}
