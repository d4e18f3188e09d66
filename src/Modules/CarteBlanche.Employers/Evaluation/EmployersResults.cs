using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Payslips;
using CarteBlanche.Employers.Recruitment;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Results;

namespace CarteBlanche.Employers.Evaluation;

/// <summary>
/// The HR service centre's results: firms served (enrolled and not gone in the month, as in the evaluation report),
/// the experts' time per firm served, payslips and hirings, firms' satisfaction; time per HR function over the period.
/// No firm is named: a very small firm is often one person.
/// </summary>
internal sealed class EmployersResults(CarteBlancheDbContext db, SatisfactionAnswers answers) : ISolutionResults
{
    public string Slug => "employeurs";

    public string Title => "Le centre de services RH";

    public int Order => 6;

    public async Task<SolutionResults> ComputeAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var (first, last) = (from.FirstDay, to.LastDay);
        var firms = await db.Set<Firm>().AsNoTracking().Where(f => f.EnrolledOn <= last && (f.LeftOn == null || f.LeftOn >= first)).ToListAsync(cancellationToken);
        var time = await db.Set<TimeEntry>().AsNoTracking().Where(t => t.Day >= first && t.Day <= last).Select(t => new { t.Day, t.Function, t.Minutes }).ToListAsync(cancellationToken);
        var (firstMonth, lastMonth) = ((from.Year * 12) + from.Month, (to.Year * 12) + to.Month);
        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => (p.Year * 12) + p.Month >= firstMonth && (p.Year * 12) + p.Month <= lastMonth)
            .Select(p => new { p.Year, p.Month }).ToListAsync(cancellationToken);
        var hirings = await db.Set<Hiring>().AsNoTracking().Where(h => h.HireDate >= first && h.HireDate <= last).Select(h => h.HireDate).ToListAsync(cancellationToken);
        var months = YearMonth.Range(from, to).ToList();
        var served = months.Select(m => firms.Count(f => EvaluationReport.MonthsServed(f, m.FirstDay, m.LastDay) > 0)).ToList();
        var hours = months.Select(m => time.Where(t => m.Contains(t.Day)).Sum(t => t.Minutes) / 60.0).ToList();
        var satisfaction = await answers.MonthlyAsync(Slug, "Note moyenne des entreprises", from, to, cancellationToken);
        var charts = new List<ResultChart>
        {
            new("entreprises", "Entreprises accompagnées", ResultUnit.Count, ChartKind.Bar,
            [
                new("Entreprises accompagnées", served.Select(ResultValue.Count).ToList(), Additive: false),
                new("Bulletins de paie", months.Select(m => ResultValue.Count(payslips.Count(p => p.Year == m.Year && p.Month == m.Month))).ToList()),
                new("Embauches", months.Select(m => ResultValue.Count(hirings.Count(m.Contains))).ToList()),
            ]),
            new("temps", "Temps des experts RH par entreprise", ResultUnit.Hours, ChartKind.Line,
            [
                new("Heures par entreprise accompagnée", months.Select((m, i) => ResultValue.Of(served[i] == 0 ? null : Math.Round(hours[i] / served[i], 1), served[i])).ToList()),
            ], "Le temps noté par les experts RH, divisé par le nombre d'entreprises accompagnées dans le mois."),
            new("satisfaction", "Satisfaction des entreprises", ResultUnit.Rating, ChartKind.Line, [satisfaction]),
        };
        var perFunction = new ResultBreakdown("fonctions", "Temps par fonction RH, sur la période", "Fonction",
            [("Heures", ResultUnit.Hours)],
            Labels.Functions.Select(fn =>
            {
                var entries = time.Where(t => t.Function == fn).ToList();
                return (Labels.Of(fn), (IReadOnlyList<ResultValue>)[ResultValue.Of(Math.Round(entries.Sum(t => t.Minutes) / 60.0, 1), entries.Count)]);
            }).ToList());
        return new SolutionResults(Slug, Title,
            "Des experts RH font pour les très petites entreprises ce qu'un service du personnel ferait : recrutement, paie, formalités.",
            months, charts, [perFunction]);
    }
}
