using System.Globalization;
using CarteBlanche.Tours;
using Xunit;

namespace CarteBlanche.UnitTests.Tours;

/// <summary>The planner on the real 59 communes of the Cahors bassin de vie: the plan keeps its own constraints.</summary>
public sealed class CahorsTourTests
{
    private static readonly DateOnly Monday = new(2027, 4, 26); // 1 May (Saturday) and 8 May (Saturday) in the cycle; Ascension on 6 May

    private static List<CandidateCommune> Communes()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Tours", "communes-bassin-de-vie-cahors.csv");
        return File.ReadAllLines(path).Skip(1).Select(line => line.Split(','))
            .Select(f => new CandidateCommune(f[0], f[1], int.Parse(f[2], CultureInfo.InvariantCulture), new(double.Parse(f[6], CultureInfo.InvariantCulture), double.Parse(f[7], CultureInfo.InvariantCulture)), $"Mairie de {f[1]}"))
            .ToList();
    }

    [Fact]
    public void The_plan_for_the_bassin_de_vie_respects_slots_hours_pins_exclusions_and_holidays()
    {
        var all = Communes();
        Assert.Equal(59, all.Count);
        var cahors = all.Single(c => c.Code == "46042");
        var problem = new TourProblem
        {
            Depot = cahors.Stop,
            Communes = all.Where(c => c.Code != "46042").ToList(),
            ServicePoints = all.Where(c => c.Code is "46042" or "46148" or "46064").Select(c => c.Stop).ToList(),
            CycleStart = Monday,
            ClosedDates = new HashSet<DateOnly> { new(2027, 5, 6) },
            CrewDaysOff = new HashSet<DayOfWeek> { DayOfWeek.Wednesday },
            Pinned = new HashSet<string> { "46224" },       // Pradines: not isolated, but the coordinator wants it
            Excluded = new HashSet<string> { "46256" },     // Saint-Cirq-Lapopie
            Permanences = [new Permanence("DDFiP (déclaration de revenus)", new(2027, 4, 26), new(2027, 4, 30), MaxPassages: 3)],
            TimeLimit = TimeSpan.FromSeconds(2),
        };

        var plan = new TourPlanner().Plan(problem);

        Assert.True(plan.Succeeded, string.Join(" ", plan.Errors));
        Assert.DoesNotContain(plan.Passages, p => p.Date == new DateOnly(2027, 5, 6) || p.Date.DayOfWeek is DayOfWeek.Wednesday or DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.All(plan.Passages.GroupBy(p => (p.Date, p.Bus, p.HalfDay)), g => Assert.Single(g));
        Assert.Equal(2 * 8, plan.Passages.Count); // 10 working days, minus Ascension and two Wednesdays: 8 days of two half-days, all used
        Assert.Contains(plan.Passages, p => p.CommuneCode == "46224");
        Assert.DoesNotContain(plan.Passages, p => p.CommuneCode is "46256" or "46042");
        Assert.Contains(plan.LeftOut, l => l.CommuneCode == "46256" && l.Reason == "Exclue par le coordinateur.");
        // Every commune is either served or told why not.
        Assert.Equal(58, plan.Passages.Select(p => p.CommuneCode).Distinct().Count() + plan.LeftOut.Count);
        // Hours: a stop is a half-day at the published hours; each day fits the crew's day with the drive and lunch.
        var travel = new TravelModel();
        var stops = problem.Communes.ToDictionary(c => c.Code, c => c.Stop);
        foreach (var day in plan.Passages.GroupBy(p => (p.Date, p.Bus)))
        {
            var ordered = day.OrderBy(p => p.HalfDay).ToList();
            Assert.All(ordered, p => Assert.Equal(p.HalfDay == HalfDay.Morning ? new TimeOnly(9, 0) : new TimeOnly(14, 0), p.Start));
            var first = Math.Round(travel.Minutes(problem.Depot, stops[ordered[0].CommuneCode]));
            var last = Math.Round(travel.Minutes(stops[ordered[^1].CommuneCode], problem.Depot));
            Assert.True(8 * 60 + first <= ordered[0].Start.Hour * 60, $"{day.Key}: departure before the crew's day");
            Assert.True((ordered[^1].End.Hour * 60) + last <= 18 * 60, $"{day.Key}: return after the crew's day");
            if (ordered.Count == 2)
            {
                var between = Math.Round(travel.Minutes(stops[ordered[0].CommuneCode], stops[ordered[1].CommuneCode]));
                Assert.True(12 * 60 + 45 + between <= 14 * 60, $"{day.Key}: no time for lunch and the drive");
            }
        }
        // The specialist joins at most three passages, all in the season.
        var withSpecialist = plan.Passages.Where(p => p.Specialists.Count > 0).ToList();
        Assert.InRange(withSpecialist.Count, 1, 3);
        Assert.All(withSpecialist, p => Assert.InRange(p.Date, new DateOnly(2027, 4, 26), new DateOnly(2027, 4, 30)));
        // The plan is never better than its bound, and close to it.
        Assert.True(plan.Bound <= plan.Objective);
        Assert.True(plan.GapPercent < 1, $"gap {plan.GapPercent:0.00} %");
        Assert.InRange(plan.Figures.IsolatedResidentsReached, 0.01, 1);
    }
}
