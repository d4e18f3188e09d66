using System.Globalization;
using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Files;

namespace CarteBlanche.Network.Figures;

/// <summary>One organisation's month: no personal data, only counts and times.</summary>
public sealed record AnswerTimeRow(
    string Organisation,
    YearMonth Month,
    int Received,
    int Replied,
    double? MedianHoursToFirstReply,
    // Share of the rounds whose deadline has passed (or that got a reply) replied to within 48 working hours; null when none.
    double? ShareWithin48Hours,
    int UsefulnessAnswers,
    // Share of "Oui" among the usefulness answers; null when none.
    double? UsefulnessRate);

/// <summary>
/// Published answer times (transparence des résultats): per organisation and month of sending, questions received,
/// median working time to the first reply, share replied within 48 working hours, usefulness rate. Counted per round:
/// an organisation is judged on its own rounds, also those that ended with « pas de notre ressort » or a re-routing
/// (<see cref="QuestionRound.WasLate"/>).
/// </summary>
public sealed class AnswerTimes(CarteBlancheDbContext db, FrenchBusinessCalendar calendar, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<AnswerTimeRow>> ComputeAsync(int months, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var thisMonth = YearMonth.Of(DateOnly.FromDateTime(calendar.ToLocalTime(now)));
        var first = thisMonth.AddMonths(-(months - 1));
        var since = calendar.FromLocalTime(first.FirstDay.ToDateTime(TimeOnly.MinValue));
        var rounds = await (from r in db.Set<QuestionRound>().AsNoTracking()
                            join q in db.Set<PartnerQuestion>() on r.QuestionId equals q.Id
                            join o in db.Organisations on r.OrganisationId equals o.Id
                            where r.SentAt >= since
                            // The usefulness of the answer is that of the round that answered (the question's last).
                            select new { Organisation = o.Name, Round = r, Usefulness = r.Number == q.Round && r.Outcome == RoundOutcome.Answered ? q.Usefulness : null })
            .ToListAsync(cancellationToken);
        return rounds
            .GroupBy(x => (x.Organisation, Month: YearMonth.Of(DateOnly.FromDateTime(calendar.ToLocalTime(x.Round.SentAt)))))
            .Select(g =>
            {
                var replied = g.Where(x => x.Round.FirstReplyAt != null).ToList();
                var hours = replied.Select(x => calendar.WorkingTimeBetween(x.Round.SentAt, x.Round.FirstReplyAt!.Value).TotalHours).Order().ToList();
                var judged = g.Select(x => x.Round.WasLate(calendar, now)).Where(late => late != null).ToList();
                var within = judged.Count(late => late == false);
                var usefulness = g.Where(x => x.Usefulness != null).ToList();
                return new AnswerTimeRow(
                    g.Key.Organisation,
                    g.Key.Month,
                    g.Count(),
                    replied.Count,
                    Median(hours),
                    judged.Count == 0 ? null : (double)within / judged.Count,
                    usefulness.Count,
                    usefulness.Count == 0 ? null : (double)usefulness.Count(x => x.Usefulness == Usefulness.Yes) / usefulness.Count);
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
