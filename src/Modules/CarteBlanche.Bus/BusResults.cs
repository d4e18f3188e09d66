using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Results;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Bus;

/// <summary>
/// The bus's results: passages, contacts (visitors recorded by the crew) and desk requests opened per month, cost per
/// contact (the bus's yearly cost spread over the month's days), visitors' satisfaction (paper forms), and the
/// contacts per stop over the period (<see cref="BusFigures"/>, as on the bus's own figures page).
/// </summary>
internal sealed class BusResults(BusFigures figures, SatisfactionAnswers answers, IOptions<BusOptions> options, ParisClock clock) : ISolutionResults
{
    public string Slug => "car";

    public string Title => "Le car France Services";

    public int Order => 3;

    public async Task<SolutionResults> ComputeAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        // Up to today: the month under way counts the passages (and the days of cost) so far.
        var today = clock.Today;
        var (first, last) = (from.FirstDay, to.LastDay < today ? to.LastDay : today);
        // One read of the passages: the bus's figures give the stops and the months (those with a passage).
        var (stops, monthFigures, _) = await figures.ComputeAsync(first, last, cancellationToken);
        var months = YearMonth.Range(from, to).ToList();
        var byKey = monthFigures.ToDictionary(m => m.Month, StringComparer.Ordinal);
        var byMonth = months.Select(m => byKey.GetValueOrDefault(m.ToString()) ?? new MonthFigures(m.ToString(), 0, 0, 0)).ToList();
        var yearly = options.Value.YearlyCost;
        var cost = months.Select((m, i) =>
        {
            var visitors = byMonth[i].Visitors;
            return yearly is { } y && visitors > 0 ? ResultValue.Money(Math.Round(y * DaysSoFar(m) / 365m / visitors, 2), visitors) : new ResultValue(null, visitors);
        }).ToList();
        int DaysSoFar(YearMonth m) => m.Contains(today) ? today.Day : m.LastDay.Day;
        var satisfaction = await answers.MonthlyAsync(Slug, "Note moyenne (formulaires papier)", from, to, cancellationToken);

        var charts = new List<ResultChart>
        {
            new("contacts", "Passages et contacts", ResultUnit.Count, ChartKind.Bar,
            [
                new("Passages", byMonth.Select(m => ResultValue.Count(m.Passages)).ToList()),
                new("Contacts (visiteurs)", byMonth.Select(m => ResultValue.Count(m.Visitors)).ToList()),
                new("Demandes ouvertes au guichet", byMonth.Select(m => ResultValue.Count(m.CasesOpened)).ToList()),
            ], "Les visiteurs sont comptés par l'équipage à chaque passage."),
            new("cout", "Coût par contact", ResultUnit.Euros, ChartKind.Line, [new("Coût par contact (€)", cost)],
                yearly is { } y ? $"Coût annuel du car : {y.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))} €, réparti sur les jours du mois (jusqu'à aujourd'hui pour le mois en cours)." : "Le coût annuel du car n'est pas renseigné."),
            new("satisfaction", "Satisfaction des visiteurs", ResultUnit.Rating, ChartKind.Line, [satisfaction]),
        };
        var perStop = new ResultBreakdown("arrets", "Contacts par arrêt", "Commune",
            [("Passages", ResultUnit.Count), ("Contacts", ResultUnit.Count), ("Contacts par passage", ResultUnit.Average), ("Demandes ouvertes", ResultUnit.Count)],
            stops.Select(s => (s.CommuneName, (IReadOnlyList<ResultValue>)
            [
                ResultValue.Count(s.Passages), ResultValue.Count(s.Visitors), ResultValue.Of(Math.Round(s.VisitorsPerPassage, 1), s.Visitors), ResultValue.Count(s.CasesOpened),
            ])).ToList());
        var breakdowns = new List<ResultBreakdown> { perStop };
        // Reach (what the bus is for): residents of the isolated communes of the last published planning who live in a commune served.
        if (await figures.ReachAsync(first, last, cancellationToken) is { } reach)
        {
            breakdowns.Add(new ResultBreakdown("portee", "Portée auprès des communes isolées", "Sur la période",
                [("Communes isolées desservies", ResultUnit.Count), ("Communes isolées", ResultUnit.Count), ("Habitants atteints", ResultUnit.Count), ("Part des habitants isolés", ResultUnit.Percent)],
                [("Communes et habitants", [ResultValue.Count(reach.ReachedCommunes), ResultValue.Count(reach.IsolatedCommunes), ResultValue.Count(reach.ReachedResidents),
                    ResultValue.Share(reach.ReachedResidents, reach.IsolatedResidents)])],
                "Habitants des communes à plus de la durée minimale d'un lieu France Services (planning publié), vivant dans une commune où le car est passé."));
        }
        return new SolutionResults(Slug, Title,
            "Un car itinérant vient, une demi-journée à la fois, dans les communes éloignées des services publics.",
            months, charts, breakdowns);
    }
}
