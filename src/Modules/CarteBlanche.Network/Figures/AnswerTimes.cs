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
    double? UsefulnessRate,
    // Rounds judged for the 48 hours (replied, or past their deadline): the share's basis.
    int Judged);

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
        var rounds = await RoundsAsync(thisMonth.AddMonths(-(months - 1)), thisMonth, cancellationToken);
        return rounds
            .GroupBy(x => (x.Organisation, Month: MonthOf(x.Round.SentAt)))
            .Select(g => Summarise(g.Key.Organisation, g.Key.Month, g.ToList(), now))
            .OrderBy(r => r.Organisation, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true))
            .ThenByDescending(r => r.Month)
            .ToList();
    }

    /// <summary>Every organisation together, one row per month from <paramref name="from"/> to <paramref name="to"/> (empty months included).</summary>
    public async Task<IReadOnlyList<AnswerTimeRow>> MonthlyAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var rounds = (await RoundsAsync(from, to, cancellationToken)).ToLookup(x => MonthOf(x.Round.SentAt));
        return YearMonth.Range(from, to).Select(m => Summarise("", m, rounds[m].ToList(), now)).ToList();
    }

    private sealed record RoundFact(string Organisation, QuestionRound Round, Usefulness? Usefulness);

    private async Task<List<RoundFact>> RoundsAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken)
    {
        var since = calendar.FromLocalTime(from.FirstDay.ToDateTime(TimeOnly.MinValue));
        var until = calendar.FromLocalTime(to.AddMonths(1).FirstDay.ToDateTime(TimeOnly.MinValue));
        return await (from r in db.Set<QuestionRound>().AsNoTracking()
                      join q in db.Set<PartnerQuestion>() on r.QuestionId equals q.Id
                      join o in db.Organisations on r.OrganisationId equals o.Id
                      where r.SentAt >= since && r.SentAt < until
                      // The usefulness of the answer is that of the round that answered (the question's last).
                      select new RoundFact(o.Name, r, r.Number == q.Round && r.Outcome == RoundOutcome.Answered ? q.Usefulness : null))
            .ToListAsync(cancellationToken);
    }

    private YearMonth MonthOf(DateTimeOffset instant) => YearMonth.Of(DateOnly.FromDateTime(calendar.ToLocalTime(instant)));

    private AnswerTimeRow Summarise(string organisation, YearMonth month, IReadOnlyList<RoundFact> rounds, DateTimeOffset now)
    {
        var replied = rounds.Where(x => x.Round.FirstReplyAt != null).ToList();
        var hours = replied.Select(x => calendar.WorkingTimeBetween(x.Round.SentAt, x.Round.FirstReplyAt!.Value).TotalHours).Order().ToList();
        var judged = rounds.Select(x => x.Round.WasLate(calendar, now)).Where(late => late != null).ToList();
        var within = judged.Count(late => late == false);
        var usefulness = rounds.Where(x => x.Usefulness != null).ToList();
        return new AnswerTimeRow(
            organisation,
            month,
            rounds.Count,
            replied.Count,
            Median(hours),
            judged.Count == 0 ? null : (double)within / judged.Count,
            usefulness.Count,
            usefulness.Count == 0 ? null : (double)usefulness.Count(x => x.Usefulness == Usefulness.Yes) / usefulness.Count,
            judged.Count);
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
