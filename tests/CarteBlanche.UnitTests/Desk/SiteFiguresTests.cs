using System.Text;
using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Pages.Chiffres;
using CarteBlanche.Desk.Retention;
using CarteBlanche.Platform.Calendar;
using Xunit;

namespace CarteBlanche.UnitTests.Desk;

public sealed class SiteFiguresTests
{
    private static readonly FrenchBusinessCalendar Calendar = new();
    private static readonly YearMonth April = new(2026, 4);
    private static readonly YearMonth May = new(2026, 5);

    /// <summary>10:00 in Paris (summer time) on that day.</summary>
    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 8, 0, 0, TimeSpan.Zero);

    private static CaseFacts Answered(DateTimeOffset opened, DateTimeOffset returned, DateOnly due, params NeedDomain[] domains) =>
        new(opened, due, returned, null, null, null, domains.Length == 0 ? [NeedDomain.Autre] : domains);

    private static CaseFacts Closed(DateTimeOffset closed, CaseOutcome outcome, ResolutionPath? path) =>
        new(closed.AddDays(-3), DateOnly.FromDateTime(closed.UtcDateTime), outcome == CaseOutcome.Resolved ? closed.AddHours(-1) : null, closed, outcome, path, [NeedDomain.Autre]);

    [Fact]
    public void The_median_time_to_answer_counts_working_days_skipping_weekends_and_public_holidays()
    {
        // May 2026: Friday 8 (Victoire 1945) and Thursday 14 (Ascension) are public holidays.
        CaseFacts[] cases =
        [
            Answered(At(5, 7), At(5, 11), new DateOnly(2026, 5, 14)),  // Thu → Mon, over a holiday and a weekend: 1
            Answered(At(5, 13), At(5, 18), new DateOnly(2026, 5, 20)), // Wed → Mon, over Ascension and a weekend: 2
            Answered(At(5, 11), At(5, 20), new DateOnly(2026, 5, 18)), // Mon → Wed of the next week: 6
        ];

        var may = SiteFigures.Compute(cases, May, May, Calendar).Months.Single();

        Assert.Equal([1, 2, 6], cases.Select(c => SiteFigures.WorkingDaysToAnswer(c, Calendar)));
        Assert.Equal(3, may.AnswersReturned);
        Assert.Equal(2, may.MedianWorkingDays); // in calendar days it would be 5
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two_and_there_is_none_without_answers()
    {
        Assert.Equal(2.5, SiteFigures.Median([6, 2, 3, 1]));
        Assert.Equal(4, SiteFigures.Median([4]));
        Assert.Null(SiteFigures.Median([]));
        var empty = SiteFigures.Compute([], May, May, Calendar).Months.Single();
        Assert.Null(empty.MedianWorkingDays);
        Assert.Null(empty.WithinCommitmentShare);
        Assert.Null(empty.ResolvedAtCounterShare);
    }

    [Fact]
    public void An_answer_is_within_the_commitment_when_given_back_on_or_before_the_due_date_on_the_paris_clock()
    {
        CaseFacts[] cases =
        [
            Answered(At(5, 11), At(5, 18), new DateOnly(2026, 5, 20)), // two days early
            Answered(At(5, 4), At(5, 11), new DateOnly(2026, 5, 11)),  // on the due date
            Answered(At(5, 11), At(5, 20), new DateOnly(2026, 5, 19)), // a day late
            // 22:30 UTC on the 18th is 00:30 on the 19th in Paris: a day late.
            Answered(At(5, 12), new DateTimeOffset(2026, 5, 18, 22, 30, 0, TimeSpan.Zero), new DateOnly(2026, 5, 18)),
        ];

        var may = SiteFigures.Compute(cases, May, May, Calendar).Months.Single();

        Assert.Equal(4, may.AnswersReturned);
        Assert.Equal(2, may.WithinCommitment);
        Assert.Equal(0.5, may.WithinCommitmentShare);
    }

    [Fact]
    public void Each_event_counts_in_its_own_month_and_a_case_with_two_needs_counts_in_both_domains()
    {
        CaseFacts[] cases =
        [
            // Opened in April, answered in May.
            Answered(At(4, 28), At(5, 4), new DateOnly(2026, 5, 5), NeedDomain.Sante, NeedDomain.Emploi),
            Answered(At(5, 4), At(5, 5), new DateOnly(2026, 5, 11), NeedDomain.Sante),
            // Before the period: counts nowhere.
            Answered(At(3, 2), At(3, 3), new DateOnly(2026, 3, 9), NeedDomain.Sante),
        ];

        var report = SiteFigures.Compute(cases, April, May, Calendar);

        var (april, may) = (report.Months[0], report.Months[1]);
        Assert.Equal([April, May], report.Months.Select(m => m.Month!.Value));
        Assert.Equal((1, 0), (april.Opened, april.AnswersReturned));
        Assert.Equal((1, 2), (may.Opened, may.AnswersReturned));
        Assert.Equal(1, april.OpenedByDomain[NeedDomain.Sante]);
        Assert.Equal(1, april.OpenedByDomain[NeedDomain.Emploi]);
        Assert.Equal(0, april.OpenedByDomain[NeedDomain.Logement]);
        Assert.Equal(2, report.Total.Opened);
        Assert.Equal(2, report.Total.OpenedByDomain[NeedDomain.Sante]);
        Assert.Equal(2, report.Total.AnswersReturned);
    }

    [Fact]
    public void The_share_resolved_at_the_counter_is_taken_among_the_resolved_cases()
    {
        CaseFacts[] cases =
        [
            Closed(At(5, 4), CaseOutcome.Resolved, ResolutionPath.AtCounter),
            Closed(At(5, 5), CaseOutcome.Resolved, ResolutionPath.AtCounter),
            Closed(At(5, 6), CaseOutcome.Resolved, ResolutionPath.WithPartner),
            Closed(At(5, 7), CaseOutcome.Abandoned, null),
            Closed(At(5, 11), CaseOutcome.NotResolved, ResolutionPath.Referred),
        ];

        var may = SiteFigures.Compute(cases, May, May, Calendar).Months.Single();

        Assert.Equal(5, may.Closed);
        Assert.Equal(3, may.Resolved);
        Assert.Equal(2, may.ResolvedAtCounter);
        Assert.Equal(2.0 / 3, may.ResolvedAtCounterShare);
        Assert.Equal(2, may.ClosedByPath[ResolutionPath.AtCounter]);
        Assert.Equal(1, may.ClosedByPath[ResolutionPath.WithPartner]);
        Assert.Equal(1, may.ClosedByPath[ResolutionPath.Referred]);
        Assert.Equal(1, may.ClosedWithoutPath);
    }

    [Fact]
    public void The_csv_is_what_french_excel_reads_semicolons_decimal_commas_and_a_header()
    {
        CaseFacts[] cases =
        [
            Answered(At(5, 4), At(5, 5), new DateOnly(2026, 5, 11), NeedDomain.Retraite),  // 1 working day
            Answered(At(5, 4), At(5, 7), new DateOnly(2026, 5, 11), NeedDomain.Retraite),  // 3
            Answered(At(5, 4), At(5, 15), new DateOnly(2026, 5, 11), NeedDomain.Retraite), // 7, late
            Closed(At(5, 5), CaseOutcome.Resolved, ResolutionPath.AtCounter),               // Saturday 2 → Tuesday 5: 2
        ];

        var bytes = SiteFigures.ToCsv(SiteFigures.Compute(cases, April, May, Calendar));

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length); // header, April, May, total
        var header = lines[0].Split(';');
        var may = lines[2].Split(';');
        Assert.Equal(header.Length, may.Length);
        string Field(string[] line, string column) => line[Array.IndexOf(header, column)];
        Assert.Equal("Mois", header[0]);
        Assert.Equal("2026-05", may[0]);
        Assert.Equal("Total", lines[3].Split(';')[0]);
        Assert.Equal("4", Field(may, "Demandes ouvertes"));
        Assert.Equal("3", Field(may, "Domaine : Retraite"));
        Assert.Equal("4", Field(may, "Réponses rendues"));
        Assert.Equal("2,5", Field(may, "Délai médian de réponse (jours ouvrés)"));
        Assert.Equal("3", Field(may, "Réponses rendues dans l'engagement"));
        Assert.Equal("75", Field(may, "Part dans l'engagement (%)"));
        Assert.Equal("100", Field(may, "Part résolue au guichet (%)"));
        Assert.Equal("", Field(lines[1].Split(';'), "Délai médian de réponse (jours ouvrés)"));
    }

    [Fact]
    public void Personal_data_is_kept_while_a_case_is_open_then_for_the_retention_period_after_the_last_closing()
    {
        var registered = At(1, 5);
        Assert.Null(RetentionRule.KeptUntil(registered, [(false, At(2, 2)), (true, null)], 12));
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 8, 0, 0, TimeSpan.Zero), RetentionRule.KeptUntil(registered, [(false, At(2, 2)), (false, At(3, 2))], 12));
        Assert.Equal(new DateTimeOffset(2026, 7, 5, 8, 0, 0, TimeSpan.Zero), RetentionRule.KeptUntil(registered, [], 6));
        Assert.Equal(At(3, 2).AddMonths(-12), RetentionRule.Cutoff(At(3, 2), 12));
    }
}
