using CarteBlanche.Mobility.Needs;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Results;

namespace CarteBlanche.Mobility;

/// <summary>
/// The mobility platform's results, by the month of the trip (as its figures page): needs recorded and how they
/// ended (a journey found by transit, carpool or another way, or no solution), carpool rides done and kilometres
/// shared, passengers' satisfaction.
/// </summary>
internal sealed class MobilityResults(CarteBlancheDbContext db, SatisfactionAnswers answers) : ISolutionResults
{
    public string Slug => "mobilite";

    public string Title => "La mobilité solidaire";

    public int Order => 5;

    public async Task<SolutionResults> ComputeAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var (first, last) = (from.FirstDay, to.LastDay);
        var needs = await db.Set<TravelNeed>().AsNoTracking().Where(n => n.Day >= first && n.Day <= last).Select(n => new { n.Day, n.Status }).ToListAsync(cancellationToken);
        var rides = await db.Set<Ride>().AsNoTracking().Where(r => r.Need!.Day >= first && r.Need.Day <= last && r.Status == RideStatus.Done)
            .Select(r => new { r.Need!.Day, r.Kilometres }).ToListAsync(cancellationToken);
        var months = YearMonth.Range(from, to).ToList();
        ResultSeries Needs(string label, Func<NeedStatus, bool> which) =>
            new(label, months.Select(m => ResultValue.Count(needs.Count(n => m.Contains(n.Day) && which(n.Status)))).ToList());
        var satisfaction = await answers.MonthlyAsync(Slug, "Note moyenne des passagers", from, to, cancellationToken);
        var charts = new List<ResultChart>
        {
            new("besoins", "Besoins de déplacement et solutions trouvées", ResultUnit.Count, ChartKind.StackedBar,
            [
                Needs("Car, bus ou transport à la demande", s => s == NeedStatus.Transit),
                Needs("Covoiturage solidaire", s => s == NeedStatus.Carpool),
                Needs("Autre solution", s => s == NeedStatus.OtherSolution),
                Needs("Sans solution", s => s == NeedStatus.Unmet),
            ], "Par mois du déplacement ; les besoins encore à l'étude ne sont pas comptés."),
            new("trouves", "Part des besoins avec une solution", ResultUnit.Percent, ChartKind.Line,
            [
                new("Solution trouvée", months.Select(m =>
                {
                    var decided = needs.Where(n => m.Contains(n.Day) && n.Status != NeedStatus.Open).ToList();
                    return ResultValue.ShareOfCounts(decided.Count(n => n.Status != NeedStatus.Unmet), decided.Count);
                }).ToList()),
            ]),
            new("trajets", "Trajets de covoiturage faits", ResultUnit.Count, ChartKind.Bar,
            [
                new("Trajets faits", months.Select(m => ResultValue.Count(rides.Count(r => m.Contains(r.Day)))).ToList()),
            ]),
            new("satisfaction", "Satisfaction des passagers", ResultUnit.Rating, ChartKind.Line, [satisfaction]),
        };
        return new SolutionResults(Slug, Title,
            "Les aidants cherchent pour chacun un moyen d'aller à son rendez-vous : car, transport à la demande, covoiturage solidaire.",
            months, charts, []);
    }
}
