using System.Globalization;
using CarteBlanche.Platform.Calendar;
using Xunit;

namespace CarteBlanche.UnitTests.Calendar;

public sealed class OpeningHoursTests
{
    private readonly FrenchBusinessCalendar _calendar = new();

    [Fact]
    public void Parse_reads_days_and_slots()
    {
        var hours = OpeningHours.Parse("lun-ven 09:00-12:00 13:30-17:00; sam 09:00-12:00");

        Assert.Equal(
            [new OpeningSlot(new TimeOnly(9, 0), new TimeOnly(12, 0)), new OpeningSlot(new TimeOnly(13, 30), new TimeOnly(17, 0))],
            hours.SlotsOn(DayOfWeek.Friday));
        Assert.Equal([new OpeningSlot(new TimeOnly(9, 0), new TimeOnly(12, 0))], hours.SlotsOn(DayOfWeek.Saturday));
        Assert.Empty(hours.SlotsOn(DayOfWeek.Sunday));
    }

    [Fact]
    public void Parse_reads_day_lists()
    {
        var hours = OpeningHours.Parse("lun,mer 09:00-12:00");

        Assert.Single(hours.SlotsOn(DayOfWeek.Monday));
        Assert.Empty(hours.SlotsOn(DayOfWeek.Tuesday));
        Assert.Single(hours.SlotsOn(DayOfWeek.Wednesday));
        Assert.Empty(hours.SlotsOn(DayOfWeek.Thursday));
    }

    [Theory]
    [InlineData("lun-ven 09:00-12:00 13:30-17:00; sam 09:00-12:00", "lun-ven 09:00-12:00 13:30-17:00; sam 09:00-12:00")]
    [InlineData("lun,mer 09:00-12:00", "lun,mer 09:00-12:00")]
    [InlineData("LUN - VEN 9h-12h 14h00-17h00", "lun-ven 09:00-12:00 14:00-17:00")]
    [InlineData("lundi-vendredi 09:00-12:00;", "lun-ven 09:00-12:00")]
    [InlineData("lun 09:00-12:00; mar-ven 09:00-12:00", "lun-ven 09:00-12:00")]
    [InlineData("sam 10:00-12:00; lun-mar 09:00-12:00; mer 09:00-12:00", "lun-mer 09:00-12:00; sam 10:00-12:00")]
    [InlineData("lun-ven 14:00-17:00 09:00-12:00", "lun-ven 09:00-12:00 14:00-17:00")]
    [InlineData("lun-ven,mer 09:00-12:00", "lun-ven 09:00-12:00")]
    [InlineData("lun, mer, ven 09:00-12:00 12:00-13:00", "lun,mer,ven 09:00-12:00 12:00-13:00")]
    [InlineData("sam-dim 10:00-18:00", "sam-dim 10:00-18:00")]
    [InlineData("ven 10h - 12h 14h -18h", "ven 10:00-12:00 14:00-18:00")]
    [InlineData("mar – jeu 10:00-12:00", "mar-jeu 10:00-12:00")]
    public void ToString_gives_the_canonical_text(string text, string canonical)
    {
        var hours = OpeningHours.Parse(text);

        Assert.Equal(canonical, hours.ToString());
        Assert.Equal(hours, OpeningHours.Parse(hours.ToString()));
    }

    [Fact]
    public void Default_is_weekdays_morning_and_afternoon()
    {
        // Territory.Place stores this text as its default value.
        Assert.Equal("lun-ven 09:00-12:00 14:00-17:00", OpeningHours.Default.ToString());
    }

    [Fact]
    public void Equal_hours_written_differently_are_equal()
    {
        var a = OpeningHours.Parse("lun-ven 09:00-12:00");
        var b = OpeningHours.Parse("lun,mar,mer,jeu,ven 9h-12h");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, OpeningHours.Parse("lun-ven 09:00-12:30"));
    }

    [Theory]
    [InlineData("lum-ven 09:00-12:00", "Jour inconnu « lum » dans « lum-ven 09:00-12:00 »")]
    [InlineData("lun-ven 09:00-12:00; sma 09:00-12:00", "Jour inconnu « sma » dans « sma 09:00-12:00 »")]
    [InlineData("ven-lun 09:00-12:00", "Plage de jours inversée « ven-lun » dans « ven-lun 09:00-12:00 »")]
    [InlineData("lun- 09:00-12:00", "Plage de jours incomplète « lun- » dans « lun- 09:00-12:00 »")]
    [InlineData("lun,,mer 09:00-12:00", "Jour manquant autour d'une virgule dans « lun,,mer 09:00-12:00 »")]
    [InlineData("09:00-12:00", "Jours manquants avant « 09:00-12:00 »")]
    [InlineData("lun-ven", "Aucun créneau horaire après « lun-ven »")]
    [InlineData("lun-ven 09:00", "Créneau invalide « 09:00 » dans « lun-ven 09:00 »")]
    [InlineData("lun-ven 09:00-12:00 matin", "Créneau invalide « matin »")]
    [InlineData("lun-ven 09:00-25:00", "Heure invalide « 25:00 » dans « lun-ven 09:00-25:00 »")]
    [InlineData("lun-ven 9:7-12:00", "Heure invalide « 9:7 »")]
    [InlineData("lun-ven 12:00-09:00", "Créneau « 12:00-09:00 » dans « lun-ven 12:00-09:00 » : l'heure de début doit précéder l'heure de fin")]
    [InlineData("lun-ven 09:00-09:00", "l'heure de début doit précéder l'heure de fin")]
    [InlineData("lun-ven 09:00-12:00 11:00-14:00", "Créneaux qui se chevauchent le lundi : « 09:00-12:00 » et « 11:00-14:00 »")]
    [InlineData("lun-ven 09:00-12:00; mer 10:00-11:00", "Créneaux qui se chevauchent le mercredi : « 09:00-12:00 » et « 10:00-11:00 »")]
    [InlineData("", "Horaires vides")]
    [InlineData(" ; ", "Horaires vides")]
    public void Parse_errors_say_which_part_is_wrong(string text, string message)
    {
        var exception = Assert.Throws<FormatException>(() => OpeningHours.Parse(text));
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);

        Assert.False(OpeningHours.TryParse(text, out var hours, out var error));
        Assert.Null(hours);
        Assert.Equal(exception.Message, error);
    }

    [Fact]
    public void TryParse_succeeds_without_error()
    {
        Assert.True(OpeningHours.TryParse("sam 09:00-12:00", out var hours, out var error));
        Assert.Null(error);
        Assert.Equal("sam 09:00-12:00", hours.ToString());
    }

    [Theory]
    [InlineData(2025, 6, 16, 9, 0, true)] // Monday, opening minute
    [InlineData(2025, 6, 16, 11, 59, true)]
    [InlineData(2025, 6, 16, 12, 0, false)] // closing minute is closed
    [InlineData(2025, 6, 16, 13, 0, false)] // lunch
    [InlineData(2025, 6, 16, 14, 0, true)]
    [InlineData(2025, 6, 16, 17, 0, false)]
    [InlineData(2025, 6, 14, 10, 0, false)] // Saturday
    [InlineData(2025, 4, 21, 10, 0, false)] // Lundi de Pâques
    [InlineData(2025, 4, 22, 10, 0, true)] // the Tuesday after
    [InlineData(2025, 5, 29, 10, 0, false)] // Ascension
    public void IsOpenAt_with_default_hours(int year, int month, int day, int hour, int minute, bool open)
    {
        var time = new DateTime(year, month, day, hour, minute, 0);

        Assert.Equal(open, OpeningHours.Default.IsOpenAt(time, _calendar));
    }

    [Fact]
    public void Saturday_opening_is_closed_on_a_Saturday_holiday()
    {
        // 1 November 2025 (Toussaint) is a Saturday.
        var hours = OpeningHours.Parse("lun-ven 09:00-12:00; sam 09:00-12:00");

        Assert.False(hours.IsOpenAt(new DateTime(2025, 11, 1, 10, 0, 0), _calendar));
        Assert.True(hours.IsOpenAt(new DateTime(2025, 11, 8, 10, 0, 0), _calendar));
    }

    [Fact]
    public void Utc_times_are_rejected()
    {
        var utc = new DateTime(2025, 6, 16, 10, 0, 0, DateTimeKind.Utc);

        Assert.Throws<ArgumentException>(() => OpeningHours.Default.IsOpenAt(utc, _calendar));
        Assert.Throws<ArgumentException>(() => OpeningHours.Default.NextOpening(utc, _calendar));
    }

    [Theory]
    [InlineData("2025-06-16T10:00", "2025-06-16T10:00")] // open now
    [InlineData("2025-06-16T07:30", "2025-06-16T09:00")] // before opening
    [InlineData("2025-06-16T12:30", "2025-06-16T14:00")] // lunch break
    [InlineData("2025-06-13T17:30", "2025-06-16T09:00")] // Friday evening to Monday
    [InlineData("2025-04-18T18:00", "2025-04-22T09:00")] // over Lundi de Pâques
    [InlineData("2025-12-24T17:00", "2025-12-26T09:00")] // over Noël
    public void NextOpening_with_default_hours(string now, string expected)
    {
        Assert.Equal(At(expected), OpeningHours.Default.NextOpening(At(now), _calendar));
    }

    [Fact]
    public void NextOpening_looks_fourteen_days_ahead()
    {
        // Thursdays 1 and 8 May 2025 are holidays; the next Thursday, 15 May, is 15 days after 30 April.
        var thursdays = OpeningHours.Parse("jeu 09:00-12:00");

        Assert.Null(thursdays.NextOpening(new DateTime(2025, 4, 30, 12, 0, 0), _calendar));
        Assert.Equal(new DateTime(2025, 5, 15, 9, 0, 0), thursdays.NextOpening(new DateTime(2025, 5, 1, 0, 0, 0), _calendar));
    }

    private static DateTime At(string iso) =>
        DateTime.ParseExact(iso, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
