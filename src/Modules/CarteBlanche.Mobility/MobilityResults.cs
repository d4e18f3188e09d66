using CarteBlanche.Mobility.Needs;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Results;

namespace CarteBlanche.Mobility;

/// <summary>
/// The mobility platform's results, by the month of the trip (as its figures page): needs recorded and how they
/// ended (a journey found by transit, carpool or another way, or no solution), carpool rides done and kilometres
/// shared, passengers' satisfaction.
/// </summary>
internal sealed class MobilityResults(MobilityFigures figures, SatisfactionAnswers answers) : ISolutionResults
{
    public string Slug => "mobilite";

    public string Title => "La mobilité solidaire";

    public int Order => 5;

    public async Task<SolutionResults> ComputeAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var rows = await figures.MonthlyAsync(from, to, cancellationToken);
        var months = YearMonth.Range(from, to).ToList();
        ResultSeries Needs(string label, Func<MobilityMonth, int> count) => new(label, rows.Select(m => ResultValue.Count(count(m))).ToList());
        var satisfaction = await answers.MonthlyAsync(Slug, "Note moyenne des passagers", from, to, cancellationToken);
        var charts = new List<ResultChart>
        {
            new("besoins", "Besoins de déplacement et solutions trouvées", ResultUnit.Count, ChartKind.StackedBar,
            [
                Needs("Car, bus ou transport à la demande", m => m.Transit),
                Needs("Covoiturage solidaire", m => m.Carpool),
                Needs("Autre solution", m => m.Other),
                Needs("Sans solution", m => m.Unmet),
            ], "Par mois du déplacement ; les besoins encore à l'étude ne sont pas comptés."),
            new("trouves", "Part des besoins avec une solution", ResultUnit.Percent, ChartKind.Line,
            [
                // Among the needs decided (not those still under study).
                new("Solution trouvée", rows.Select(m => ResultValue.ShareOfCounts(m.Transit + m.Carpool + m.Other, m.Transit + m.Carpool + m.Other + m.Unmet)).ToList()),
            ]),
            new("trajets", "Trajets de covoiturage faits", ResultUnit.Count, ChartKind.Bar,
            [
                new("Trajets faits", rows.Select(m => ResultValue.Count(m.RidesDone)).ToList()),
            ]),
            new("satisfaction", "Satisfaction des passagers", ResultUnit.Rating, ChartKind.Line, [satisfaction]),
        };
        return new SolutionResults(Slug, Title,
            "Les aidants cherchent pour chacun un moyen d'aller à son rendez-vous : car, transport à la demande, covoiturage solidaire.",
            months, charts, []);
    }
}
