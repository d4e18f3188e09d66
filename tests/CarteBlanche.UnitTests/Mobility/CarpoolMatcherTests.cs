using CarteBlanche.Mobility.Carpool;
using Xunit;

namespace CarteBlanche.UnitTests.Mobility;

/// <summary>Lot'ôcar's matching on the bassin de vie's communes (their centres), with the default road times (straight line × 1.4 at 60 km/h).</summary>
public sealed class CarpoolMatcherTests
{
    private static readonly RoadPoint Concots = new("46073", 44.39671, 1.64358);
    private static readonly RoadPoint Cahors = new("46042", 44.45072, 1.44062);
    private static readonly RoadPoint Bach = new("46013", 44.34635, 1.68078);
    private static readonly RoadPoint Escamps = new("46091", 44.36488, 1.61957);
    private const byte TuesdayAndThursday = 0b0001010;
    private static readonly DateOnly Tuesday = new(2026, 12, 8);

    private static readonly CarpoolMatcher Matcher = new(new StraightLineRoadTimes());

    private static IReadOnlyList<CarpoolMatch> MatchesFor(RideRequest request, params DriverTrip[] trips) => Matcher.Match(trips, [request])[0];

    private static RideRequest AppointmentInCahors(TimeOnly at) => new(Guid.NewGuid(), Concots, Cahors, Tuesday, at, ArriveBy: true);

    [Fact]
    public void A_driver_from_bach_takes_the_passenger_of_concots_to_a_nine_oclock_appointment_with_a_minor_detour()
    {
        var trip = new DriverTrip(Guid.NewGuid(), Bach, Cahors, TuesdayAndThursday, new TimeOnly(7, 30), 15, DetourTolerance.Minor);
        var match = Assert.Single(MatchesFor(AppointmentInCahors(new TimeOnly(9, 0)), trip));
        Assert.Equal(DetourTolerance.Minor, match.Level);
        Assert.InRange(match.DetourMinutes, 1, 3);
        Assert.Equal(new DateTime(2026, 12, 8, 7, 45, 0), match.DriverLeaves); // as late as their flexibility allows
        Assert.True(match.DropOff <= new DateTime(2026, 12, 8, 9, 0, 0) && match.DropOff >= new DateTime(2026, 12, 8, 8, 0, 0));
        Assert.InRange(match.SharedKilometres, 20, 30);
    }

    [Fact]
    public void The_detour_is_in_absolute_minutes_a_driver_from_escamps_accepts_it_only_with_a_medium_tolerance()
    {
        var minor = new DriverTrip(Guid.NewGuid(), Escamps, Cahors, TuesdayAndThursday, new TimeOnly(8, 0), 30, DetourTolerance.Minor);
        var medium = minor with { Id = Guid.NewGuid(), Tolerance = DetourTolerance.Medium };
        var match = Assert.Single(MatchesFor(AppointmentInCahors(new TimeOnly(9, 0)), minor, medium));
        Assert.Equal(medium.Id, match.Trip.Id);
        Assert.Equal(DetourTolerance.Medium, match.Level);
        Assert.InRange(match.DetourMinutes, 5, 15);
    }

    [Fact]
    public void No_match_on_another_day_after_the_trip_expires_or_when_the_times_do_not_fit()
    {
        var mondays = new DriverTrip(Guid.NewGuid(), Bach, Cahors, 0b0000001, new TimeOnly(7, 30), 15, DetourTolerance.Minor);
        var expired = mondays with { Id = Guid.NewGuid(), Days = TuesdayAndThursday, Expires = new DateOnly(2026, 12, 1) };
        var evening = mondays with { Id = Guid.NewGuid(), Days = TuesdayAndThursday, Departure = new TimeOnly(17, 0) };
        var tooEarly = mondays with { Id = Guid.NewGuid(), Days = TuesdayAndThursday, Departure = new TimeOnly(6, 0), FlexibilityMinutes = 10 };
        Assert.Empty(MatchesFor(AppointmentInCahors(new TimeOnly(9, 0)), mondays, expired, evening, tooEarly));
    }

    [Fact]
    public void A_passenger_leaving_from_a_time_is_picked_up_within_the_hour()
    {
        var trip = new DriverTrip(Guid.NewGuid(), Bach, Cahors, TuesdayAndThursday, new TimeOnly(7, 30), 15, DetourTolerance.Minor);
        var request = new RideRequest(Guid.NewGuid(), Concots, Cahors, Tuesday, new TimeOnly(7, 20), ArriveBy: false);
        var match = Assert.Single(MatchesFor(request, trip));
        Assert.True(match.PickUp >= new DateTime(2026, 12, 8, 7, 20, 0) && match.PickUp <= new DateTime(2026, 12, 8, 8, 20, 0));
        Assert.Empty(MatchesFor(request with { Time = new TimeOnly(10, 0) }, trip));
    }

    [Fact]
    public void An_imported_road_time_table_replaces_the_straight_line_for_its_pairs_and_its_errors_give_the_line()
    {
        var (table, errors) = TableRoadTimes.Read(new StringReader("origine;destination;minutes\n46013;46042;25\n46073;46042;22,5\n"), new StraightLineRoadTimes());
        Assert.Empty(errors);
        Assert.Equal(25, table!.Minutes(Bach, Cahors));
        Assert.Equal(22.5, table.Minutes(Cahors, Concots)); // either direction
        Assert.Equal(new StraightLineRoadTimes().Minutes(Bach, Escamps), table.Minutes(Bach, Escamps));

        var (none, wrong) = TableRoadTimes.Read(new StringReader("origine;destination;minutes\n46013;Cahors;25\n46073;46042;vingt\n46073;46042\n"), new StraightLineRoadTimes());
        Assert.Null(none);
        Assert.Equal(
            [
                "ligne 2 : « Cahors » n'est pas un code INSEE de commune (5 caractères)",
                "ligne 3 : « vingt » n'est pas une durée en minutes (entre 0 et 600)",
                "ligne 4 : 3 colonnes attendues (origine, destination, minutes), 2 trouvée(s)",
            ], wrong);
    }
}
