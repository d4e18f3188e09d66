using CarteBlanche.Network.Questions;
using CarteBlanche.Platform.Calendar;
using Xunit;

namespace CarteBlanche.UnitTests.Network;

/// <summary>"48 heures ouvrées": two working days after sending, across weekends and every public holiday of 2026 and 2027.</summary>
public sealed class QuestionDeadlineTests
{
    private static readonly FrenchBusinessCalendar Calendar = new();

    // Sent (Paris time) → due (Paris time), written out by hand from the calendar of each year.
    [Theory]
    [InlineData("2026-11-06 16:00", "2026-11-10 16:00")] // Friday → Tuesday, the issue's own example
    [InlineData("2026-11-24 09:30", "2026-11-26 09:30")] // an ordinary week
    [InlineData("2026-11-28 10:00", "2026-12-02 00:00")] // Saturday: counts from Monday 00:00, due at the end of Tuesday (Wednesday 00:00)
    [InlineData("2025-12-31 10:00", "2026-01-05 10:00")] // Jour de l'an 2026 (Thursday)
    [InlineData("2026-04-03 10:00", "2026-04-08 10:00")] // Lundi de Pâques 2026 (6 April)
    [InlineData("2026-04-30 10:00", "2026-05-05 10:00")] // Fête du Travail 2026 (Friday)
    [InlineData("2026-05-07 10:00", "2026-05-12 10:00")] // Victoire 1945, 2026 (Friday)
    [InlineData("2026-05-13 10:00", "2026-05-18 10:00")] // Ascension 2026 (14 May)
    [InlineData("2026-05-22 10:00", "2026-05-27 10:00")] // Lundi de Pentecôte 2026 (25 May)
    [InlineData("2026-07-13 10:00", "2026-07-16 10:00")] // Fête nationale 2026 (Tuesday)
    [InlineData("2026-08-14 10:00", "2026-08-18 10:00")] // Assomption 2026 (Saturday): nothing changes
    [InlineData("2026-10-30 10:00", "2026-11-03 10:00")] // Toussaint 2026 (Sunday): nothing changes
    [InlineData("2026-11-10 10:00", "2026-11-13 10:00")] // Armistice 2026 (Wednesday)
    [InlineData("2026-12-24 10:00", "2026-12-29 10:00")] // Noël 2026 (Friday)
    [InlineData("2026-12-31 10:00", "2027-01-05 10:00")] // Jour de l'an 2027 (Friday)
    [InlineData("2027-03-26 10:00", "2027-03-31 10:00")] // Lundi de Pâques 2027 (29 March), across the spring clock change
    [InlineData("2027-04-30 10:00", "2027-05-04 10:00")] // Fête du Travail 2027 (Saturday)
    [InlineData("2027-05-05 10:00", "2027-05-10 10:00")] // Ascension 2027 (6 May), then Victoire 1945 on a Saturday
    [InlineData("2027-05-14 10:00", "2027-05-19 10:00")] // Lundi de Pentecôte 2027 (17 May)
    [InlineData("2027-07-13 10:00", "2027-07-16 10:00")] // Fête nationale 2027 (Wednesday)
    [InlineData("2027-08-13 10:00", "2027-08-17 10:00")] // Assomption 2027 (Sunday)
    [InlineData("2027-10-29 10:00", "2027-11-03 10:00")] // Toussaint 2027 (Monday), across the autumn clock change
    [InlineData("2027-11-10 10:00", "2027-11-15 10:00")] // Armistice 2027 (Thursday)
    [InlineData("2027-12-24 10:00", "2027-12-28 10:00")] // Noël 2027 (Saturday)
    public void The_answer_is_due_48_working_hours_after_sending(string sent, string due)
    {
        var sentAt = Calendar.FromLocalTime(DateTime.Parse(sent, System.Globalization.CultureInfo.InvariantCulture));

        var dueAt = QuestionDeadline.DueAt(Calendar, sentAt);

        Assert.Equal(due, Calendar.ToLocalTime(dueAt).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_public_holiday_of_2026_and_2027_falling_on_a_weekday_is_skipped()
    {
        foreach (var year in new[] { 2026, 2027 })
        {
            foreach (var (holiday, name) in FrenchPublicHolidays.For(year).Where(h => h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
            {
                // Sent at noon the working day before the holiday: the holiday itself never counts.
                var before = holiday.AddDays(-1);
                while (!Calendar.IsWorkingDay(before))
                {
                    before = before.AddDays(-1);
                }
                var sentAt = Calendar.FromLocalTime(before.ToDateTime(new TimeOnly(12, 0)));
                var dueAt = QuestionDeadline.DueAt(Calendar, sentAt);
                var holidayEnd = Calendar.FromLocalTime(holiday.AddDays(1).ToDateTime(TimeOnly.MinValue));

                Assert.True(dueAt > holidayEnd, $"{name} {year}: due {dueAt} should come after the holiday");
                Assert.Equal(TimeSpan.FromHours(48), Calendar.WorkingTimeBetween(sentAt, dueAt));
            }
        }
    }

    [Fact]
    public void The_countdown_reads_in_working_hours()
    {
        Assert.Equal("reste 31 h ouvrées", QuestionDeadline.Countdown(TimeSpan.FromHours(30.2)));
        Assert.Equal("reste 1 h ouvrée", QuestionDeadline.Countdown(TimeSpan.FromMinutes(20)));
        Assert.Equal("en retard de 3 h ouvrées", QuestionDeadline.Countdown(TimeSpan.FromHours(-3)));
    }

    [Fact]
    public void Half_time_is_24_working_hours_after_sending()
    {
        var sentAt = Calendar.FromLocalTime(new DateTime(2026, 11, 6, 16, 0, 0));

        Assert.Equal(new DateTime(2026, 11, 9, 16, 0, 0), Calendar.ToLocalTime(QuestionDeadline.HalfTimeAt(Calendar, sentAt)));
    }
}

public sealed class PartnerQuestionTests
{
    private static readonly FrenchBusinessCalendar Calendar = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static PartnerQuestion NewQuestion() =>
        PartnerQuestion.Send(Now, Calendar, Guid.NewGuid(), "D-1", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "46", "Famille", "Famille", "nom et prénom, date de naissance", null);

    [Fact]
    public void Sent_taken_answered_closed()
    {
        var question = NewQuestion();
        var referent = Taker.Account(Guid.NewGuid());

        Assert.Null(question.Take(referent, Now.AddHours(1)));
        Assert.Null(question.Answer(referent, Now.AddHours(2)));
        Assert.Equal(QuestionState.Answered, question.State);
        Assert.Equal(Now.AddHours(2), question.Current.FirstReplyAt);
        Assert.Equal(RoundOutcome.Answered, question.Current.Outcome);
        Assert.Null(question.Close(Usefulness.Yes, Now.AddHours(3)));
        Assert.Equal("La sollicitation est close : on n'y répond plus.", question.Answer(referent, Now.AddHours(4)));
        Assert.Equal("La sollicitation est déjà close.", question.Close(Usefulness.No, Now.AddHours(4)));
        Assert.Equal(Usefulness.Yes, question.Usefulness);
        Assert.Equal(RoundOutcome.Answered, question.Current.Outcome); // closing after the answer does not rewrite the round
    }

    [Fact]
    public void More_information_then_the_agent_replies_and_the_partner_answers()
    {
        var question = NewQuestion();
        var referent = Taker.Account(Guid.NewGuid());

        Assert.Null(question.AskMoreInformation(referent, Now.AddHours(1)));
        Assert.False(question.AwaitsPartner);
        Assert.Equal("Vous attendez déjà une information de l'agent.", question.Answer(referent, Now.AddHours(2)));
        Assert.Null(question.ReplyWithInformation(Calendar, Now.AddHours(3)));
        Assert.Equal(QuestionState.Taken, question.State);
        Assert.Null(question.Answer(referent, Now.AddHours(5)));
        Assert.Equal(Now.AddHours(1), question.Current.FirstReplyAt);
    }

    [Fact]
    public void The_taker_is_an_account_or_an_api_key_never_one_for_the_other()
    {
        var question = NewQuestion();
        var id = Guid.NewGuid();

        Assert.Null(question.Take(Taker.ApiKey(id), Now.AddHours(1)));
        Assert.Null(question.Current.TakenByAccountId);
        Assert.Equal(id, question.Current.TakenByApiKeyId);
        // A referent whose account id happened to equal the key's id is someone else: they may take it.
        Assert.Null(question.Take(Taker.Account(id), Now.AddHours(2)));
        Assert.Equal(id, question.Current.TakenByAccountId);
        Assert.Null(question.Current.TakenByApiKeyId);
        Assert.Equal("Vous vous occupez déjà de cette sollicitation.", question.Take(Taker.Account(id), Now.AddHours(3)));
    }

    [Fact]
    public void Not_the_right_partner_then_rerouted_with_a_new_deadline_and_round()
    {
        var question = NewQuestion();
        var first = question.OrganisationId;
        var other = Guid.NewGuid();

        Assert.Null(question.DeclareNotRightPartner(Taker.Account(Guid.NewGuid()), Now.AddDays(3)));
        Assert.NotNull(question.Answer(Taker.Account(Guid.NewGuid()), Now));
        Assert.Null(question.Reroute(other, Now.AddDays(4), Calendar));

        Assert.Equal(other, question.OrganisationId);
        Assert.Equal(2, question.Round);
        Assert.Equal(QuestionState.Sent, question.State);
        Assert.Equal(QuestionDeadline.DueAt(Calendar, Now.AddDays(4)), question.Current.DueAt);
        Assert.NotNull(question.Reroute(other, Now.AddDays(4), Calendar));

        // The first organisation's round is kept as it ended: « pas de notre ressort » after its 48 hours, late.
        var firstRound = question.Rounds.Single(r => r.Number == 1);
        Assert.Equal(first, firstRound.OrganisationId);
        Assert.Equal(RoundOutcome.NotRightPartner, firstRound.Outcome);
        Assert.Equal(Now.AddDays(3), firstRound.EndedAt);
        Assert.Equal(QuestionDeadline.DueAt(Calendar, Now), firstRound.DueAt);
        Assert.True(firstRound.WasLate(Calendar, Now.AddDays(5)));
        Assert.Null(question.Current.WasLate(Calendar, Now.AddDays(4))); // the new round is not judged yet
    }

    [Fact]
    public void A_reroute_before_any_reply_ends_the_round_as_rerouted_and_late_only_after_its_due_time()
    {
        var early = NewQuestion();
        Assert.Null(early.Reroute(Guid.NewGuid(), Now.AddHours(2), Calendar));
        var round = early.Rounds.Single(r => r.Number == 1);
        Assert.Equal(RoundOutcome.Rerouted, round.Outcome);
        Assert.Null(round.WasLate(Calendar, Now.AddDays(10)));

        var late = NewQuestion();
        Assert.Null(late.Reroute(Guid.NewGuid(), Now.AddDays(7), Calendar));
        Assert.True(late.Rounds.Single(r => r.Number == 1).WasLate(Calendar, Now.AddDays(10)));
    }

    [Fact]
    public void Withdrawn_when_closed_before_an_answer()
    {
        var question = NewQuestion();
        Assert.Null(question.Close(null, Now.AddHours(1)));
        Assert.Equal(RoundOutcome.Withdrawn, question.Current.Outcome);
        Assert.Equal(Now.AddHours(1), question.Current.EndedAt);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, "image/png")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)] // a Windows program, whatever its name
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C }, null)] // "<html"
    public void Attachment_types_are_read_from_the_content(byte[] head, string? expected)
    {
        Assert.Equal(expected, QuestionProtection.Sniff(head)?.ContentType);
    }
}

/// <summary>The clock of a round: stopped while the partner waits for the agent's information, restarted with the time that was left.</summary>
public sealed class QuestionRoundClockTests
{
    private static readonly FrenchBusinessCalendar Calendar = new();
    // Tuesday 24 November 2026, 10:00 in Paris: due Thursday 26 at 10:00.
    private static readonly DateTimeOffset Sent = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static QuestionRound NewRound() => QuestionRound.Start(Calendar, Guid.NewGuid(), 1, Guid.NewGuid(), Sent);

    [Fact]
    public void A_round_starts_with_48_working_hours_and_its_half_time()
    {
        var round = NewRound();
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero), round.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), round.HalfTimeAt);
    }

    [Fact]
    public void Resume_moves_the_due_time_forward_by_the_paused_working_time()
    {
        var round = NewRound();
        // Paused after 10 hours, 38 left; the agent answers 30 hours later.
        round.Pause(Sent.AddHours(10));
        round.Resume(Calendar, Sent.AddHours(40));

        Assert.Null(round.PausedAt);
        Assert.Equal(Sent.AddHours(40 + 38), round.DueAt);
        Assert.Equal(TimeSpan.FromHours(38), Calendar.WorkingTimeBetween(Sent.AddHours(40), round.DueAt));
        Assert.Equal(Sent.AddHours(24 + 30), round.HalfTimeAt);
    }

    [Fact]
    public void An_answer_after_the_original_due_time_still_leaves_the_time_that_was_left()
    {
        var round = NewRound();
        var originalDue = round.DueAt;
        // Asked in time (Wednesday), answered by the agent the next Monday, after the original due time.
        round.Pause(Sent.AddHours(30));
        var answeredAt = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        round.Resume(Calendar, answeredAt);

        Assert.True(round.DueAt > answeredAt);
        Assert.True(round.DueAt > originalDue);
        Assert.Equal(TimeSpan.FromHours(18), Calendar.WorkingTimeBetween(answeredAt, round.DueAt));
    }

    [Fact]
    public void The_weekend_does_not_count_in_the_paused_time()
    {
        var round = NewRound();
        // Paused Thursday 26 at 08:00 UTC (one working hour left), resumed Monday 30 at 08:00 UTC: 48 working hours paused, the weekend left out.
        round.Pause(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        round.Resume(Calendar, new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), round.DueAt);
    }

    [Fact]
    public void A_second_pause_keeps_the_first_pause_time_and_resume_without_pause_changes_nothing()
    {
        var round = NewRound();
        var due = round.DueAt;
        round.Resume(Calendar, Sent.AddHours(5));
        Assert.Equal(due, round.DueAt);

        round.Pause(Sent.AddHours(5));
        round.Pause(Sent.AddHours(8));
        Assert.Equal(Sent.AddHours(5), round.PausedAt);
        round.Resume(Calendar, Sent.AddHours(6));
        Assert.Equal(due.AddHours(1), round.DueAt);
    }

    [Fact]
    public void A_first_reply_is_judged_against_the_original_due_time()
    {
        var round = NewRound();
        round.Reply(Taker.Account(Guid.NewGuid()), Sent.AddHours(20));
        round.Pause(Sent.AddHours(20));
        round.Resume(Calendar, Sent.AddHours(60));
        Assert.False(round.WasLate(Calendar, Sent.AddHours(200)));

        var late = NewRound();
        late.Reply(Taker.Account(Guid.NewGuid()), Sent.AddHours(50));
        late.Pause(Sent.AddHours(50));
        late.Resume(Calendar, Sent.AddHours(60)); // the moved due time does not excuse the late first reply
        Assert.True(late.WasLate(Calendar, Sent.AddHours(200)));
    }
}
