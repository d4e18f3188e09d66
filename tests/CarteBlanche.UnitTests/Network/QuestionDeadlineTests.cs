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
        var referent = Guid.NewGuid();

        Assert.Null(question.Take(referent, Now.AddHours(1)));
        Assert.Null(question.Answer(referent, Now.AddHours(2)));
        Assert.Equal(QuestionState.Answered, question.State);
        Assert.Equal(Now.AddHours(2), question.FirstReplyAt);
        Assert.Null(question.Close(Usefulness.Yes, Now.AddHours(3)));
        Assert.Equal("La sollicitation est close : on n'y répond plus.", question.Answer(referent, Now.AddHours(4)));
        Assert.Equal("La sollicitation est déjà close.", question.Close(Usefulness.No, Now.AddHours(4)));
        Assert.Equal(Usefulness.Yes, question.Usefulness);
    }

    [Fact]
    public void More_information_then_the_agent_replies_and_the_partner_answers()
    {
        var question = NewQuestion();
        var referent = Guid.NewGuid();

        Assert.Null(question.AskMoreInformation(referent, Now.AddHours(1)));
        Assert.False(question.AwaitsPartner);
        Assert.Equal("Vous attendez déjà une information de l'agent.", question.Answer(referent, Now.AddHours(2)));
        Assert.Null(question.ReplyWithInformation());
        Assert.Equal(QuestionState.Taken, question.State);
        Assert.Null(question.Answer(referent, Now.AddHours(5)));
        Assert.Equal(Now.AddHours(1), question.FirstReplyAt);
    }

    [Fact]
    public void Not_the_right_partner_then_rerouted_with_a_new_deadline_and_round()
    {
        var question = NewQuestion();
        var other = Guid.NewGuid();

        Assert.Null(question.DeclareNotRightPartner());
        Assert.NotNull(question.Answer(Guid.NewGuid(), Now));
        Assert.Null(question.Reroute(other, Now.AddDays(1), Calendar));

        Assert.Equal(other, question.OrganisationId);
        Assert.Equal(2, question.Round);
        Assert.Equal(QuestionState.Sent, question.State);
        Assert.Equal(QuestionDeadline.DueAt(Calendar, Now.AddDays(1)), question.DueAt);
        Assert.NotNull(question.Reroute(other, Now.AddDays(1), Calendar));
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
