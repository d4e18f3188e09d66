using System.Globalization;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Database;
using CarteBlanche.Platform.Files;
using Microsoft.EntityFrameworkCore;

namespace CarteBlanche.Network.Figures;

/// <summary>One organisation's month: no personal data, only counts and times.</summary>
public sealed record AnswerTimeRow(
    string Organisation,
    YearMonth Month,
    int Received,
    int Replied,
    double? MedianHoursToFirstReply,
    // Share of the questions whose deadline has passed (or that got a reply) answered within 48 working hours; null when none.
    double? ShareWithin48Hours,
    int UsefulnessAnswers,
    // Share of "Oui" among the usefulness answers; null when none.
    double? UsefulnessRate);

/// <summary>
/// Published answer times (transparence des résultats): per organisation and month of sending, questions received,
/// median working time to the first reply, share replied within 48 working hours, usefulness rate.
/// </summary>
public sealed class AnswerTimes(CarteBlancheDbContext db, FrenchBusinessCalendar calendar, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<AnswerTimeRow>> ComputeAsync(int months, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var thisMonth = YearMonth.Of(DateOnly.FromDateTime(calendar.ToLocalTime(now)));
        var first = thisMonth.AddMonths(-(months - 1));
        var since = calendar.FromLocalTime(first.FirstDay.ToDateTime(TimeOnly.MinValue));
        var questions = await (from q in db.Set<PartnerQuestion>().AsNoTracking()
                               join o in db.Organisations on q.OrganisationId equals o.Id
                               where q.SentAt >= since
                               select new { Organisation = o.Name, q.SentAt, q.DueAt, q.FirstReplyAt, q.Usefulness }).ToListAsync(cancellationToken);
        return questions
            .GroupBy(q => (q.Organisation, Month: YearMonth.Of(DateOnly.FromDateTime(calendar.ToLocalTime(q.SentAt)))))
            .Select(g =>
            {
                var replied = g.Where(q => q.FirstReplyAt != null).ToList();
                var hours = replied.Select(q => calendar.WorkingTimeBetween(q.SentAt, q.FirstReplyAt!.Value).TotalHours).Order().ToList();
                var judged = g.Where(q => q.FirstReplyAt != null || q.DueAt <= now).ToList();
                var within = judged.Count(q => q.FirstReplyAt != null && q.FirstReplyAt <= q.DueAt);
                var usefulness = g.Where(q => q.Usefulness != null).ToList();
                return new AnswerTimeRow(
                    g.Key.Organisation,
                    g.Key.Month,
                    g.Count(),
                    replied.Count,
                    Median(hours),
                    judged.Count == 0 ? null : (double)within / judged.Count,
                    usefulness.Count,
                    usefulness.Count == 0 ? null : (double)usefulness.Count(q => q.Usefulness == Usefulness.Yes) / usefulness.Count);
            })
            .OrderBy(r => r.Organisation, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true))
            .ThenByDescending(r => r.Month)
            .ToList();
    }

    public static double? Median(IReadOnlyList<double> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>CSV for re-use (open data style): invariant numbers, UTF-8, one row per organisation and month.</summary>
    public static string ToCsv(IEnumerable<AnswerTimeRow> rows)
    {
        var invariant = CultureInfo.InvariantCulture;
        string[] header = ["organisme", "mois", "sollicitations_recues", "sollicitations_repondues", "delai_median_heures_ouvrees", "part_repondue_sous_48h", "avis_utilite", "taux_utilite"];
        return Csv.Write(rows.Select(r => new[]
        {
            r.Organisation, r.Month.ToString(), r.Received.ToString(invariant), r.Replied.ToString(invariant),
            r.MedianHoursToFirstReply?.ToString("0.0", invariant) ?? "", r.ShareWithin48Hours?.ToString("0.000", invariant) ?? "",
            r.UsefulnessAnswers.ToString(invariant), r.UsefulnessRate?.ToString("0.000", invariant) ?? "",
        }).Prepend(header));
    }
}
