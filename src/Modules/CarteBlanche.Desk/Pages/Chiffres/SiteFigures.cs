using System.Globalization;
using CarteBlanche.Desk.Cases;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Files;

namespace CarteBlanche.Desk.Pages.Chiffres;

/// <summary>What the figures need of a case: no resident, no free text.</summary>
public sealed record CaseFacts(
    DateTimeOffset OpenedAt,
    DateOnly DueDate,
    DateTimeOffset? AnswerReturnedAt,
    DateTimeOffset? ClosedAt,
    CaseOutcome? Outcome,
    ResolutionPath? Path,
    IReadOnlyCollection<NeedDomain> Domains);

/// <summary>
/// A month's figures (or the whole period's, <see cref="Month"/> null). Each event counts in the month it
/// happened, on the Paris wall clock: a case in its opening month, an answer in the month it was given back,
/// a closing in the month of the closing.
/// </summary>
public sealed record MonthFigures(
    YearMonth? Month,
    int Opened,
    IReadOnlyDictionary<NeedDomain, int> OpenedByDomain,
    int AnswersReturned,
    double? MedianWorkingDays,
    int WithinCommitment,
    int Closed,
    IReadOnlyDictionary<ResolutionPath, int> ClosedByPath,
    int ClosedWithoutPath,
    int Resolved,
    int ResolvedAtCounter)
{
    /// <summary>Share of the answers given back by the due date; null without any answer.</summary>
    public double? WithinCommitmentShare => AnswersReturned == 0 ? null : (double)WithinCommitment / AnswersReturned;

    /// <summary>Share of the resolved cases that were handled at the counter; null without any resolved case.</summary>
    public double? ResolvedAtCounterShare => Resolved == 0 ? null : (double)ResolvedAtCounter / Resolved;
}

public sealed record FiguresReport(YearMonth From, YearMonth To, IReadOnlyList<MonthFigures> Months, MonthFigures Total);

/// <summary>
/// A site's figures by month (or every site's): cases opened, by domain, by resolution path, median time to give
/// the answer back in working days, share within the commitment, share resolved at the counter. Two queries,
/// then memory: a site's cases over a few months are few. Counts, medians and shares only, never personal data.
/// </summary>
public sealed class SiteFigures(CarteBlancheDbContext db, FrenchBusinessCalendar calendar)
{
    public static readonly IReadOnlyList<NeedDomain> Domains = Enum.GetValues<NeedDomain>();
    public static readonly IReadOnlyList<ResolutionPath> Paths = Enum.GetValues<ResolutionPath>();

    /// <summary>The figures of a site (<paramref name="siteId"/>), or of every site (null), from the database.</summary>
    public async Task<FiguresReport> ComputeAsync(Guid? siteId, YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var start = calendar.FromLocalTime(from.FirstDay.ToDateTime(TimeOnly.MinValue));
        var end = calendar.FromLocalTime(to.AddMonths(1).FirstDay.ToDateTime(TimeOnly.MinValue));
        var cases = db.Set<Case>().AsNoTracking();
        if (siteId != null)
        {
            cases = cases.Where(c => c.SiteId == siteId);
        }
        cases = cases.Where(c => (c.OpenedAt >= start && c.OpenedAt < end)
                                 || (c.AnswerReturnedAt >= start && c.AnswerReturnedAt < end)
                                 || (c.ClosedAt >= start && c.ClosedAt < end));
        var rows = await cases
            .Select(c => new { c.Id, c.OpenedAt, c.DueDate, c.AnswerReturnedAt, c.ClosedAt, c.Outcome, c.Path })
            .ToListAsync(cancellationToken);
        var needs = await (from n in db.Set<Need>()
                           join c in cases on n.CaseId equals c.Id
                           select new { n.CaseId, n.Domain }).ToListAsync(cancellationToken);
        var domains = needs.ToLookup(n => n.CaseId, n => n.Domain);
        var facts = rows.Select(r => new CaseFacts(r.OpenedAt, r.DueDate, r.AnswerReturnedAt, r.ClosedAt, r.Outcome, r.Path,
            domains[r.Id].Distinct().ToList()));
        return Compute(facts, from, to, calendar);
    }

    /// <summary>The figures of <paramref name="cases"/> for the months from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static FiguresReport Compute(IEnumerable<CaseFacts> cases, YearMonth from, YearMonth to, FrenchBusinessCalendar calendar)
    {
        var list = cases.ToList();
        YearMonth? MonthOf(DateTimeOffset? instant) =>
            instant is { } i ? YearMonth.Of(DateOnly.FromDateTime(calendar.ToLocalTime(i))) : null;
        var facts = list.Select(c => (Case: c, Opened: MonthOf(c.OpenedAt), Answered: MonthOf(c.AnswerReturnedAt), Closed: MonthOf(c.ClosedAt))).ToList();

        MonthFigures Figures(YearMonth? month, Func<YearMonth?, bool> within)
        {
            var opened = facts.Where(f => within(f.Opened)).Select(f => f.Case).ToList();
            var answered = facts.Where(f => within(f.Answered)).Select(f => f.Case).ToList();
            var closed = facts.Where(f => within(f.Closed)).Select(f => f.Case).ToList();
            var resolved = closed.Where(c => c.Outcome == CaseOutcome.Resolved).ToList();
            return new MonthFigures(
                month,
                opened.Count,
                Domains.ToDictionary(d => d, d => opened.Count(c => c.Domains.Contains(d))),
                answered.Count,
                Median(answered.Select(c => WorkingDaysToAnswer(c, calendar)).ToList()),
                answered.Count(c => LocalDate(c.AnswerReturnedAt!.Value, calendar) <= c.DueDate),
                closed.Count,
                Paths.ToDictionary(p => p, p => closed.Count(c => c.Path == p)),
                closed.Count(c => c.Path == null),
                resolved.Count,
                resolved.Count(c => c.Path == ResolutionPath.AtCounter));
        }

        var months = YearMonth.Range(from, to).Select(m => Figures(m, x => x == m)).ToList();
        var total = Figures(null, x => x >= from && x <= to);
        return new FiguresReport(from, to, months, total);
    }

    /// <summary>Working days from the opening day to the day the answer was given back (same day: 0; Friday to Monday: 1).</summary>
    public static int WorkingDaysToAnswer(CaseFacts c, FrenchBusinessCalendar calendar) =>
        calendar.WorkingDaysBetween(LocalDate(c.OpenedAt, calendar), LocalDate(c.AnswerReturnedAt!.Value, calendar));

    /// <summary>The middle value, or the mean of the two middle ones; null for no value.</summary>
    public static double? Median(IReadOnlyCollection<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }

    private static DateOnly LocalDate(DateTimeOffset instant, FrenchBusinessCalendar calendar) =>
        DateOnly.FromDateTime(calendar.ToLocalTime(instant));

    /// <summary>
    /// The figures as French Excel reads them: UTF-8 with a byte order mark, semicolons, decimal commas, a header
    /// line, one line per month and a total line. Months as "2026-03", shares in percent.
    /// </summary>
    public static byte[] ToCsv(FiguresReport report)
    {
        var french = CultureInfo.GetCultureInfo("fr-FR");
        var header = new List<string> { "Mois", "Demandes ouvertes" };
        header.AddRange(Domains.Select(d => $"Domaine : {Labels.Of(d)}"));
        header.AddRange(["Réponses rendues", "Délai médian de réponse (jours ouvrés)", "Réponses rendues dans l'engagement", "Part dans l'engagement (%)", "Demandes closes"]);
        header.AddRange(Paths.Select(p => $"Close : {Labels.Of(p)}"));
        header.AddRange(["Close sans traitement", "Demandes résolues", "Résolues au guichet", "Part résolue au guichet (%)"]);

        var lines = new List<IEnumerable<string>>();
        void Line(IEnumerable<string> fields) => lines.Add(fields);
        string Number(double? value) => value?.ToString("0.#", french) ?? "";
        string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

        Line(header);
        foreach (var m in report.Months.Append(report.Total))
        {
            var fields = new List<string> { m.Month?.ToString() ?? "Total", Count(m.Opened) };
            fields.AddRange(Domains.Select(d => Count(m.OpenedByDomain[d])));
            fields.AddRange([Count(m.AnswersReturned), Number(m.MedianWorkingDays), Count(m.WithinCommitment), Number(m.WithinCommitmentShare * 100), Count(m.Closed)]);
            fields.AddRange(Paths.Select(p => Count(m.ClosedByPath[p])));
            fields.AddRange([Count(m.ClosedWithoutPath), Count(m.Resolved), Count(m.ResolvedAtCounter), Number(m.ResolvedAtCounterShare * 100)]);
            Line(fields);
        }
        return Csv.WithByteOrderMark(Csv.Write(lines, ';', "\r\n"));
    }
}
