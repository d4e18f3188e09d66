using CarteBlanche.Employers.Evaluation;
using CarteBlanche.Employers.Firms;
using Xunit;

namespace CarteBlanche.UnitTests.Employers;

public sealed class EvaluationRulesTests
{
    [Theory]
    [InlineData("1 h 30", 90)]
    [InlineData("1h30", 90)]
    [InlineData("2 h", 120)]
    [InlineData("2H05", 125)]
    [InlineData("45 min", 45)]
    [InlineData("45min", 45)]
    [InlineData("1,5", 90)]
    [InlineData("0.25", 15)]
    [InlineData(" 3 h 00 min ", 180)]
    public void Durations_are_read_as_people_type_them(string text, int minutes)
    {
        Assert.True(Duration.TryParseMinutes(text, out var read), text);
        Assert.Equal(minutes, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1 h 75")]
    [InlineData("une heure")]
    [InlineData("0")]
    [InlineData("0 min")]
    [InlineData("-1")]
    public void Durations_that_say_nothing_clear_are_refused(string text) => Assert.False(Duration.TryParseMinutes(text, out _), text);

    [Theory]
    [InlineData(45, "45 min")]
    [InlineData(60, "1 h")]
    [InlineData(95, "1 h 35")]
    [InlineData(605, "10 h 05")]
    public void Durations_are_written_in_hours_and_minutes(int minutes, string text) => Assert.Equal(text, Duration.Format(minutes));

    [Fact]
    public void Months_served_count_the_started_months_between_enrolment_and_leaving_within_the_period()
    {
        var firm = new Firm { Name = "F", Siret = "x", NafCode = "x", EnrolledOn = new DateOnly(2026, 3, 20), OperationFrom = new DateOnly(2026, 4, 20) };
        Assert.Equal(10, EvaluationReport.MonthsServed(firm, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal(0, EvaluationReport.MonthsServed(firm, new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 28)));
        firm.LeftOn = new DateOnly(2026, 6, 2);
        Assert.Equal(4, EvaluationReport.MonthsServed(firm, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
    }
}
