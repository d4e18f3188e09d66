using System.Globalization;
using CarteBlanche.Platform.Calendar;
using Xunit;

namespace CarteBlanche.UnitTests.Calendar;

public sealed class FrenchBusinessCalendarTests
{
    private static readonly TimeSpan _summer = TimeSpan.FromHours(2);
    private static readonly TimeSpan _winter = TimeSpan.FromHours(1);

    private readonly FrenchBusinessCalendar _calendar = new();

    // Well-known Easter dates, including the earliest (22 March) and latest (25 April) possible.
    [Theory]
    [InlineData(2000, 4, 23)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void EasterSunday_matches_known_dates(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), FrenchPublicHolidays.EasterSunday(year));
    }

    [Theory]
    [InlineData(2024, 4, 1, "Lundi de Pâques")]
    [InlineData(2025, 4, 21, "Lundi de Pâques")]
    [InlineData(2025, 5, 29, "Ascension")]
    [InlineData(2025, 6, 9, "Lundi de Pentecôte")]
    [InlineData(2026, 5, 25, "Lundi de Pentecôte")]
    [InlineData(2026, 1, 1, "Jour de l'an")]
    [InlineData(2025, 5, 1, "Fête du Travail")]
    [InlineData(2025, 5, 8, "Victoire 1945")]
    [InlineData(2025, 7, 14, "Fête nationale")]
    [InlineData(2025, 8, 15, "Assomption")]
    [InlineData(2025, 11, 1, "Toussaint")]
    [InlineData(2025, 11, 11, "Armistice 1918")]
    [InlineData(2025, 12, 25, "Noël")]
    public void Holidays_fall_on_their_dates(int year, int month, int day, string name)
    {
        var date = new DateOnly(year, month, day);

        Assert.True(FrenchPublicHolidays.IsHoliday(date));
        Assert.Equal(name, FrenchPublicHolidays.NameOf(date));
        Assert.Contains((date, name), FrenchPublicHolidays.For(year));
    }

    [Fact]
    public void For_returns_the_eleven_holidays_in_date_order()
    {
        var holidays = FrenchPublicHolidays.For(2025);

        Assert.Equal(11, holidays.Count);
        Assert.Equal(holidays.OrderBy(h => h.Date), holidays);
        Assert.Equal(
            [
                "Jour de l'an", "Lundi de Pâques", "Fête du Travail", "Victoire 1945", "Ascension",
                "Lundi de Pentecôte", "Fête nationale", "Assomption", "Toussaint", "Armistice 1918", "Noël",
            ],
            holidays.Select(h => h.Name));
    }

    [Fact]
    public void Good_Friday_and_ordinary_days_are_not_holidays()
    {
        Assert.False(FrenchPublicHolidays.IsHoliday(new DateOnly(2025, 4, 18)));
        Assert.Null(FrenchPublicHolidays.NameOf(new DateOnly(2025, 4, 22)));
    }

    [Fact]
    public void Ascension_on_labour_day_keeps_both_names()
    {
        // Easter 2008 was 23 March, so Ascension fell on 1 May.
        var date = new DateOnly(2008, 5, 1);

        Assert.Equal(11, FrenchPublicHolidays.For(2008).Count);
        Assert.Equal("Fête du Travail et Ascension", FrenchPublicHolidays.NameOf(date));
    }

    [Fact]
    public void Holiday_cache_is_safe_across_threads()
    {
        var counts = new int[200];
        Parallel.For(0, 2000, i => counts[i % 200] = FrenchPublicHolidays.For(1900 + (i % 200)).Count);

        Assert.All(counts, c => Assert.Equal(11, c));
    }

    [Theory]
    [InlineData(2025, 6, 13, true)] // Friday
    [InlineData(2025, 6, 14, false)] // Saturday
    [InlineData(2025, 6, 15, false)] // Sunday
    [InlineData(2025, 4, 21, false)] // Lundi de Pâques
    [InlineData(2025, 4, 22, true)] // Tuesday after Easter
    [InlineData(2025, 7, 14, false)] // Monday, Fête nationale
    public void IsWorkingDay(int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, _calendar.IsWorkingDay(new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData("2025-06-13", 1, "2025-06-16")] // Friday + 1 = Monday
    [InlineData("2025-06-13", 0, "2025-06-13")] // working day stays
    [InlineData("2025-06-14", 0, "2025-06-16")] // Saturday moves to Monday
    [InlineData("2025-06-14", 1, "2025-06-16")] // first working day after Saturday
    [InlineData("2025-04-18", 1, "2025-04-22")] // Lundi de Pâques skipped
    [InlineData("2025-12-24", 1, "2025-12-26")] // Noël (Thursday) skipped
    [InlineData("2025-12-31", 1, "2026-01-02")] // Jour de l'an (Thursday) skipped
    [InlineData("2025-12-24", 5, "2026-01-02")] // 26, 29, 30, 31 Dec, 2 Jan
    [InlineData("2025-12-19", 5, "2025-12-29")] // 22, 23, 24, 26, 29 Dec
    public void AddWorkingDays(string start, int days, string expected)
    {
        Assert.Equal(Day(expected), _calendar.AddWorkingDays(Day(start), days));
    }

    [Fact]
    public void AddWorkingDays_rejects_negative_days()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingDays(new DateOnly(2025, 6, 13), -1));
    }

    [Theory]
    [InlineData("2025-12-24", "2026-01-02", 5)]
    [InlineData("2026-01-02", "2025-12-24", -5)]
    [InlineData("2025-06-13", "2025-06-13", 0)]
    [InlineData("2025-06-13", "2025-06-15", 0)] // only the weekend
    [InlineData("2024-12-31", "2025-12-31", 251)] // 261 weekdays in 2025, 10 holidays on weekdays
    public void WorkingDaysBetween(string from, string to, int expected)
    {
        Assert.Equal(expected, _calendar.WorkingDaysBetween(Day(from), Day(to)));
    }

    [Fact]
    public void WorkingDaysBetween_is_the_inverse_of_AddWorkingDays()
    {
        for (var start = new DateOnly(2025, 12, 1); start < new DateOnly(2026, 2, 1); start = start.AddDays(1))
        {
            foreach (var n in new[] { 1, 2, 3, 7, 20, 300 })
            {
                Assert.Equal(n, _calendar.WorkingDaysBetween(start, _calendar.AddWorkingDays(start, n)));
            }
        }
    }

    [Fact]
    public void Friday_afternoon_plus_48_hours_is_Tuesday_afternoon()
    {
        var sent = new DateTimeOffset(2025, 6, 13, 16, 0, 0, _summer);

        AssertSameLocal(new DateTimeOffset(2025, 6, 17, 16, 0, 0, _summer), _calendar.AddWorkingHours(sent, 48));
    }

    [Fact]
    public void Start_given_in_utc_is_read_on_the_Paris_clock()
    {
        var sent = new DateTimeOffset(2025, 6, 13, 14, 0, 0, TimeSpan.Zero);

        AssertSameLocal(new DateTimeOffset(2025, 6, 17, 16, 0, 0, _summer), _calendar.AddWorkingHours(sent, 48));
    }

    [Fact]
    public void Ascension_adds_a_day()
    {
        // Wednesday 28 May 2025; Thursday 29 May is Ascension.
        var sent = new DateTimeOffset(2025, 5, 28, 10, 0, 0, _summer);

        AssertSameLocal(new DateTimeOffset(2025, 6, 2, 10, 0, 0, _summer), _calendar.AddWorkingHours(sent, 48));
    }

    [Fact]
    public void Fete_nationale_adds_a_day()
    {
        // Friday 11 July 2025; Monday 14 July is a holiday.
        var sent = new DateTimeOffset(2025, 7, 11, 9, 0, 0, _summer);

        AssertSameLocal(new DateTimeOffset(2025, 7, 16, 9, 0, 0, _summer), _calendar.AddWorkingHours(sent, 48));
    }

    [Fact]
    public void Easter_Monday_adds_a_day()
    {
        // Good Friday 18 April 2025 is worked in metropolitan France; Monday 21 April is not.
        var sent = new DateTimeOffset(2025, 4, 18, 16, 0, 0, _summer);

        AssertSameLocal(new DateTimeOffset(2025, 4, 23, 16, 0, 0, _summer), _calendar.AddWorkingHours(sent, 48));
    }

    [Fact]
    public void Toussaint_adds_a_day()
    {
        // Tuesday 31 October 2023; Wednesday 1 November is Toussaint.
        var sent = new DateTimeOffset(2023, 10, 31, 10, 0, 0, _winter);

        AssertSameLocal(new DateTimeOffset(2023, 11, 3, 10, 0, 0, _winter), _calendar.AddWorkingHours(sent, 48));
    }

    [Fact]
    public void Autumn_clock_change_keeps_the_wall_clock_time()
    {
        // Clocks go back on Sunday 26 October 2025.
        var sent = new DateTimeOffset(2025, 10, 24, 16, 0, 0, _summer);

        AssertSameLocal(new DateTimeOffset(2025, 10, 28, 16, 0, 0, _winter), _calendar.AddWorkingHours(sent, 48));
    }

    [Fact]
    public void Spring_clock_change_keeps_the_wall_clock_time()
    {
        // Clocks go forward on Sunday 30 March 2025.
        var sent = new DateTimeOffset(2025, 3, 28, 16, 0, 0, _winter);

        AssertSameLocal(new DateTimeOffset(2025, 4, 1, 16, 0, 0, _summer), _calendar.AddWorkingHours(sent, 48));
    }

    [Fact]
    public void Saturday_start_counts_from_Monday_midnight()
    {
        var sent = new DateTimeOffset(2025, 6, 14, 10, 0, 0, _summer);

        AssertSameLocal(new DateTimeOffset(2025, 6, 18, 0, 0, 0, _summer), _calendar.AddWorkingHours(sent, 48));
    }

    [Fact]
    public void Zero_hours_on_a_weekend_is_Monday_midnight()
    {
        var sent = new DateTimeOffset(2025, 6, 15, 10, 0, 0, _summer);

        AssertSameLocal(new DateTimeOffset(2025, 6, 16, 0, 0, 0, _summer), _calendar.AddWorkingHours(sent, 0));
    }

    [Fact]
    public void Fractional_hours_spill_over_the_weekend()
    {
        var sent = new DateTimeOffset(2025, 6, 13, 16, 0, 0, _summer);

        AssertSameLocal(new DateTimeOffset(2025, 6, 16, 0, 30, 0, _summer), _calendar.AddWorkingHours(sent, 8.5));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void AddWorkingHours_rejects_invalid_hours(double hours)
    {
        var sent = new DateTimeOffset(2025, 6, 13, 16, 0, 0, _summer);

        Assert.Throws<ArgumentOutOfRangeException>(() => _calendar.AddWorkingHours(sent, hours));
    }

    [Fact]
    public void Deadline_in_a_skipped_hour_moves_past_the_jump()
    {
        // A zone that springs forward on a working day (Wednesday 26 March 2025, 02:00 -> 03:00).
        var calendar = new FrenchBusinessCalendar(ZoneChangingOnWednesdays());
        var sent = new DateTimeOffset(2025, 3, 25, 2, 30, 0, _winter);

        AssertSameLocal(new DateTimeOffset(2025, 3, 26, 3, 30, 0, _summer), calendar.AddWorkingHours(sent, 24));
    }

    [Fact]
    public void Deadline_in_a_repeated_hour_takes_the_second_occurrence()
    {
        // The same zone falls back on Wednesday 29 October 2025, 03:00 -> 02:00.
        var calendar = new FrenchBusinessCalendar(ZoneChangingOnWednesdays());
        var sent = new DateTimeOffset(2025, 10, 28, 2, 30, 0, _summer);

        AssertSameLocal(new DateTimeOffset(2025, 10, 29, 2, 30, 0, _winter), calendar.AddWorkingHours(sent, 24));
    }

    [Fact]
    public void WorkingTimeBetween_counts_working_days_only()
    {
        var friday = new DateTimeOffset(2025, 6, 13, 16, 0, 0, _summer);
        var tuesday = new DateTimeOffset(2025, 6, 17, 16, 0, 0, _summer);

        Assert.Equal(TimeSpan.FromHours(48), _calendar.WorkingTimeBetween(friday, tuesday));
        Assert.Equal(TimeSpan.FromHours(-48), _calendar.WorkingTimeBetween(tuesday, friday));
    }

    [Fact]
    public void WorkingTimeBetween_is_zero_over_a_weekend()
    {
        var saturday = new DateTimeOffset(2025, 6, 14, 10, 0, 0, _summer);
        var sunday = new DateTimeOffset(2025, 6, 15, 22, 0, 0, _summer);

        Assert.Equal(TimeSpan.Zero, _calendar.WorkingTimeBetween(saturday, sunday));
    }

    [Fact]
    public void WorkingTimeBetween_within_one_day()
    {
        var morning = new DateTimeOffset(2025, 6, 16, 9, 0, 0, _summer);
        var evening = new DateTimeOffset(2025, 6, 16, 17, 30, 0, _summer);

        Assert.Equal(TimeSpan.FromHours(8.5), _calendar.WorkingTimeBetween(morning, evening));
    }

    [Fact]
    public void WorkingTimeBetween_uses_wall_clock_across_clock_change()
    {
        // 97 real hours elapse (the Sunday lasts 25 hours), but only two working days' worth of wall clock.
        var friday = new DateTimeOffset(2025, 10, 24, 16, 0, 0, _summer);
        var tuesday = new DateTimeOffset(2025, 10, 28, 16, 0, 0, _winter);

        Assert.Equal(TimeSpan.FromHours(97), tuesday - friday);
        Assert.Equal(TimeSpan.FromHours(48), _calendar.WorkingTimeBetween(friday, tuesday));
    }

    [Fact]
    public void WorkingTimeBetween_is_the_inverse_of_AddWorkingHours()
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, _winter);
        for (var i = 0; i < 250; i++)
        {
            // Steps of 35 h land at every hour of the day and every day of the week over the year.
            var sent = start.AddHours(35 * i);
            foreach (var hours in new[] { 0, 1, 7.25, 24, 48, 72, 200 })
            {
                var due = _calendar.AddWorkingHours(sent, hours);
                Assert.Equal(TimeSpan.FromHours(hours), _calendar.WorkingTimeBetween(sent, due));
            }
        }
    }

    private static DateOnly Day(string iso) =>
        DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void AssertSameLocal(DateTimeOffset expected, DateTimeOffset actual)
    {
        // DateTimeOffset equality ignores the offset; the local reading matters here.
        Assert.Equal(expected.DateTime, actual.DateTime);
        Assert.Equal(expected.Offset, actual.Offset);
    }

    private static TimeZoneInfo ZoneChangingOnWednesdays()
    {
        var rule = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(2025, 1, 1),
            new DateTime(2025, 12, 31),
            TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 26),
            TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 3, 0, 0), 10, 29));
        return TimeZoneInfo.CreateCustomTimeZone("Test/Wednesday", _winter, "Test", "Test", "Test Summer", [rule]);
    }
}
