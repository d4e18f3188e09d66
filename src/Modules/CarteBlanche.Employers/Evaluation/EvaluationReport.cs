using System.Globalization;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Payslips;
using CarteBlanche.Employers.Recruitment;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Platform.Files;

namespace CarteBlanche.Employers.Evaluation;

/// <summary>One firm's line of the experiment's report over a period.</summary>
public sealed record FirmEvaluation(
    Guid FirmId, string Name, string Siret, EnrolmentStage Stage, DateOnly EnrolledOn,
    int MonthsServed, IReadOnlyDictionary<HrFunctions, int> MinutesByFunction, int Employees,
    int OffersPublished, int Hirings, int Payslips, int Feedbacks, decimal? AverageSatisfaction, decimal? CoFinancingPerMonth)
{
    public int TotalMinutes => MinutesByFunction.Values.Sum();

    /// <summary>Time per month served, the figure to compare with what the firm would pay.</summary>
    public int? MinutesPerMonth => MonthsServed == 0 ? null : TotalMinutes / MonthsServed;
}

/// <summary>
/// The experiment's report (issue 17 §6, seed 001's evaluation): per firm and overall, over a period — time spent per
/// function, what the service did (offers, hirings, payslips), satisfaction and willingness to co-finance. The
/// co-financing figure is the firm's latest answer up to the period's end: it is a wish about the future, not a sum
/// over the period.
/// </summary>
public sealed record EvaluationReport(DateOnly From, DateOnly To, IReadOnlyList<FirmEvaluation> Firms)
{
    public int TotalMinutes => Firms.Sum(f => f.TotalMinutes);
    public int MinutesFor(HrFunctions function) => Firms.Sum(f => f.MinutesByFunction.GetValueOrDefault(function));
    public int Feedbacks => Firms.Sum(f => f.Feedbacks);

    /// <summary>The mean of the firms' means (each firm counts once, however often it answered).</summary>
    public decimal? AverageSatisfaction =>
        Firms.Where(f => f.AverageSatisfaction != null).Select(f => f.AverageSatisfaction!.Value).ToList() is { Count: > 0 } s ? Math.Round(s.Average(), 1) : null;

    public int FirmsWillingToCoFinance => Firms.Count(f => f.CoFinancingPerMonth > 0);
    public int FirmsAnsweredCoFinancing => Firms.Count(f => f.CoFinancingPerMonth != null);
    public decimal CoFinancingPerMonth => Firms.Sum(f => f.CoFinancingPerMonth ?? 0);

    public static async Task<EvaluationReport> ComputeAsync(CarteBlancheDbContext db, IQueryable<Firm> firms, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var list = await firms.AsNoTracking().OrderBy(f => f.Name).ToListAsync(cancellationToken);
        var ids = list.Select(f => f.Id).ToList();
        var time = await db.Set<TimeEntry>().Where(t => ids.Contains(t.FirmId) && t.Day >= from && t.Day <= to)
            .GroupBy(t => new { t.FirmId, t.Function }).Select(g => new { g.Key.FirmId, g.Key.Function, Minutes = g.Sum(t => t.Minutes) }).ToListAsync(cancellationToken);
        var feedback = await db.Set<FirmFeedback>().AsNoTracking().Where(f => ids.Contains(f.FirmId) && f.Day <= to).ToListAsync(cancellationToken);
        var contracts = await db.Set<EmploymentContract>().AsNoTracking().Where(c => ids.Contains(c.FirmId) && c.Start <= to && (c.End == null || c.End >= to))
            .Select(c => new { c.FirmId, c.EmployeeId }).ToListAsync(cancellationToken);
        var published = (await db.Set<JobOffer>().Where(o => ids.Contains(o.FirmId) && o.PublishedAt != null)
                .Select(o => new { o.FirmId, o.PublishedAt }).ToListAsync(cancellationToken))
            .Where(o => Platform.Calendar.ParisClock.DayOf(o.PublishedAt!.Value) is var d && d >= from && d <= to).ToList();
        var hirings = await db.Set<Hiring>().Where(h => ids.Contains(h.FirmId) && h.HireDate >= from && h.HireDate <= to).Select(h => h.FirmId).ToListAsync(cancellationToken);
        var firstMonth = (from.Year * 12) + from.Month;
        var lastMonth = (to.Year * 12) + to.Month;
        var payslips = await db.Set<Payslip>().Where(p => ids.Contains(p.FirmId) && (p.Year * 12) + p.Month >= firstMonth && (p.Year * 12) + p.Month <= lastMonth)
            .Select(p => p.FirmId).ToListAsync(cancellationToken);

        var rows = list.Select(f =>
        {
            var minutes = Labels.Functions.ToDictionary(fn => fn, fn => time.Where(t => t.FirmId == f.Id && t.Function == fn).Sum(t => t.Minutes));
            var inPeriod = feedback.Where(x => x.FirmId == f.Id && x.Day >= from).ToList();
            var latest = feedback.Where(x => x.FirmId == f.Id).OrderByDescending(x => x.Day).ThenByDescending(x => x.RecordedAt).FirstOrDefault();
            return new FirmEvaluation(f.Id, f.Name, f.Siret, f.StageOn(to), f.EnrolledOn, MonthsServed(f, from, to), minutes,
                contracts.Where(c => c.FirmId == f.Id).Select(c => c.EmployeeId).Distinct().Count(),
                published.Count(o => o.FirmId == f.Id), hirings.Count(h => h == f.Id), payslips.Count(p => p == f.Id), inPeriod.Count,
                inPeriod.Count == 0 ? null : Math.Round((decimal)inPeriod.Average(x => x.Satisfaction), 1), latest?.CoFinancingPerMonth);
        }).ToList();
        return new EvaluationReport(from, to, rows);
    }

    /// <summary>Months of the period (started months) when the firm was enrolled and had not left.</summary>
    public static int MonthsServed(Firm firm, DateOnly from, DateOnly to)
    {
        var start = firm.EnrolledOn > from ? firm.EnrolledOn : from;
        var end = firm.LeftOn is { } left && left < to ? left : to;
        return end < start ? 0 : ((end.Year - start.Year) * 12) + end.Month - start.Month + 1;
    }

    /// <summary>The report as CSV (semicolons, French decimals: opens as is in a French spreadsheet), one line per firm, then the total.</summary>
    public string ToCsv()
    {
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        string Hours(int minutes) => (minutes / 60m).ToString("0.##", fr);
        var header = new List<string> { "Entreprise", "SIRET", "Étape", "Inscrite le", "Mois accompagnés" };
        header.AddRange(Labels.Functions.Select(fn => $"Heures {Labels.Of(fn).ToLower(fr)}"));
        header.AddRange(["Heures au total", "Heures par mois", "Salariés", "Offres publiées", "Embauches", "Bulletins de paie", "Avis recueillis", "Satisfaction moyenne (sur 5)", "Cofinancement envisagé (€ par mois)"]);
        var rows = new List<List<string>> { header };
        foreach (var f in Firms)
        {
            var line = new List<string> { f.Name, f.Siret, Labels.Of(f.Stage), f.EnrolledOn.ToString("dd/MM/yyyy", fr), f.MonthsServed.ToString(fr) };
            line.AddRange(Labels.Functions.Select(fn => Hours(f.MinutesByFunction.GetValueOrDefault(fn))));
            line.AddRange([Hours(f.TotalMinutes), f.MinutesPerMonth is { } m ? Hours(m) : "", f.Employees.ToString(fr), f.OffersPublished.ToString(fr), f.Hirings.ToString(fr),
                f.Payslips.ToString(fr), f.Feedbacks.ToString(fr), f.AverageSatisfaction?.ToString("0.0", fr) ?? "", f.CoFinancingPerMonth?.ToString("0.00", fr) ?? ""]);
            rows.Add(line);
        }
        var total = new List<string> { "Total", "", "", "", Firms.Sum(f => f.MonthsServed).ToString(fr) };
        total.AddRange(Labels.Functions.Select(fn => Hours(MinutesFor(fn))));
        total.AddRange([Hours(TotalMinutes), "", Firms.Sum(f => f.Employees).ToString(fr), Firms.Sum(f => f.OffersPublished).ToString(fr), Firms.Sum(f => f.Hirings).ToString(fr),
            Firms.Sum(f => f.Payslips).ToString(fr), Feedbacks.ToString(fr), AverageSatisfaction?.ToString("0.0", fr) ?? "", CoFinancingPerMonth.ToString("0.00", fr)]);
        rows.Add(total);
        return Csv.Write(rows, ';', "\r\n");
    }
}
