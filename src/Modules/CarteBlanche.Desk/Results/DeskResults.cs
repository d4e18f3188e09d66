using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Pages.Chiffres;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Results;

namespace CarteBlanche.Desk.Results;

/// <summary>
/// The desk's results for the results pages, every site together: people received, requests by domain, answers
/// given back within the commitment and their median time, residents' satisfaction (overall and per site). The month figures are the
/// site figures' (<see cref="SiteFigures"/>), so that the two pages agree.
/// </summary>
internal sealed class DeskResults(CarteBlancheDbContext db, SiteFigures figures, SatisfactionAnswers answers, FrenchBusinessCalendar calendar) : ISolutionResults
{
    public string Slug => "guichet";

    public string Title => "Le guichet France Services";

    public int Order => 1;

    public async Task<SolutionResults> ComputeAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var report = await figures.ComputeAsync(null, from, to, cancellationToken);
        var months = YearMonth.Range(from, to).ToList();
        var start = calendar.FromLocalTime(from.FirstDay.ToDateTime(TimeOnly.MinValue));
        var end = calendar.FromLocalTime(to.AddMonths(1).FirstDay.ToDateTime(TimeOnly.MinValue));

        // People received: each resident once a month; a request without a registered resident is one person.
        var opened = await db.Set<Case>().AsNoTracking().Where(c => c.OpenedAt >= start && c.OpenedAt < end)
            .Select(c => new { c.Id, c.ResidentId, c.OpenedAt }).ToListAsync(cancellationToken);
        var people = months.Select(m => ResultValue.Count(opened.Where(c => MonthOf(c.OpenedAt) == m)
            .Select(c => c.ResidentId ?? c.Id).Distinct().Count())).ToList();

        var satisfaction = await answers.MonthlyAsync(Slug, "Note moyenne (questionnaire à la clôture)", from, to, cancellationToken);
        var bySite = await answers.BySiteAsync(Slug, from, to, cancellationToken);

        var charts = new List<ResultChart>
        {
            new("personnes", "Personnes reçues et demandes ouvertes", ResultUnit.Count, ChartKind.Bar,
            [
                new("Personnes reçues", people, Additive: false),
                new("Demandes ouvertes", report.Months.Select(m => ResultValue.Count(m.Opened)).ToList()),
            ]),
            new("domaines", "Demandes par domaine", ResultUnit.Count, ChartKind.StackedBar,
                SiteFigures.Domains.Select(d => new ResultSeries(Labels.Of(d), report.Months.Select(m => ResultValue.Count(m.OpenedByDomain[d])).ToList())).ToList(),
                "Une demande qui touche plusieurs domaines compte dans chacun."),
            new("engagement", "Réponses rendues dans l'engagement", ResultUnit.Percent, ChartKind.Line,
            [
                new("Part des réponses rendues à la date promise", report.Months.Select(m => ResultValue.Share(m.WithinCommitment, m.AnswersReturned)).ToList()),
            ]),
            new("delai", "Délai médian pour rendre la réponse", ResultUnit.WorkingDays, ChartKind.Line,
            [
                new("Délai médian (jours ouvrés)", report.Months.Select(m => ResultValue.Of(m.MedianWorkingDays, m.AnswersReturned)).ToList()),
            ]),
            new("satisfaction", "Satisfaction des usagers", ResultUnit.Rating, ChartKind.Line,
            [satisfaction]),
        };
        return new SolutionResults(Slug, Title,
            "Un agent d'accueil suit la demande de l'usager jusqu'au bout, quelle que soit l'administration.",
            months, charts, [bySite]);

        YearMonth MonthOf(DateTimeOffset instant) => YearMonth.Of(DateOnly.FromDateTime(calendar.ToLocalTime(instant)));
    }
}
