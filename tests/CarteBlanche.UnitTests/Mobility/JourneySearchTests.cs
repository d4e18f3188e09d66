using CarteBlanche.Mobility.Journeys;
using CarteBlanche.Mobility.Networks;
using CarteBlanche.UnitTests.Transit;
using Xunit;

namespace CarteBlanche.UnitTests.Mobility;

/// <summary>Journeys on the Lot's demonstration network, told in French as a person (or a helper) reads them.</summary>
public sealed class JourneySearchTests
{
    private static readonly NetworkInService Network = NetworkInService.Read(PlannerTests.CahorsFeed, null, new CarteBlanche.Transit.ValidationReport("cahors"))!;

    // Centres of communes, as the territory's reference data gives them.
    private static JourneyEnd Catus => JourneySearch.Around(Network.Network, "Catus", 44.55804, 1.34114);
    private static JourneyEnd Concots => JourneySearch.Around(Network.Network, "Concots", 44.39671, 1.64358);
    private static JourneyEnd CahorsHospital => JourneySearch.Around(Network.Network, "Cahors Hôpital Jean Rougier", 44.45405, 1.44476);

    [Fact]
    public void Concots_has_no_stop_within_walking_distance_and_the_answer_names_the_nearest_one()
    {
        var answer = JourneySearch.Search(Network, Concots, CahorsHospital, new DateTime(2026, 12, 8, 8, 0, 0), arriveBy: false, wheelchair: false);
        Assert.Empty(answer.Itineraries);
        Assert.Equal("Aucun arrêt de car ou de bus à moins de 1 km de Concots : le plus proche, Saint-Géry Bourg, est à 9,9 km.", answer.Notice);
    }

    [Fact]
    public void On_a_tuesday_morning_catus_is_left_by_the_on_demand_line_with_its_booking_phone()
    {
        var answer = JourneySearch.Search(Network, Catus, CahorsHospital, new DateTime(2026, 12, 8, 9, 0, 0), arriveBy: false, wheelchair: false);
        Assert.Null(answer.Notice);
        Assert.NotEmpty(answer.Itineraries);
        Assert.All(answer.Itineraries, i => Assert.True(i.NeedsBooking));
        var first = answer.Itineraries[0];
        Assert.StartsWith("Mardi 8 décembre : départ 11 h 03, arrivée ", first.Summary, StringComparison.Ordinal);
        Assert.Equal("À pied de Catus jusqu'à l'arrêt Catus Place de la Libération (12 min).", first.Steps[0]);
        Assert.Equal("Mardi 8 décembre, Transport à la demande TAD (Évidence — Grand Cahors) à 11 h 15 depuis Catus Place de la Libération, direction Cahors ; "
            + "descendez à Cahors Place François Mitterrand à 11 h 45. Réservation obligatoire : appelez le 05 65 35 04 32 avant le départ.", first.Steps[1]);
        // Walking the last kilometre, or the town bus: both told.
        Assert.Contains(answer.Itineraries, i => i.Steps[^1] == "Mardi 8 décembre, Car ligne 1 (Évidence — Grand Cahors) à 11 h 48 depuis Cahors Place François Mitterrand, direction Terre Rouge ; descendez à Cahors Hôpital Jean Rougier à 11 h 54.");
    }

    [Fact]
    public void On_a_monday_without_any_service_the_first_possible_journey_is_the_next_day()
    {
        var answer = JourneySearch.Search(Network, Catus, CahorsHospital, new DateTime(2026, 12, 7, 8, 0, 0), arriveBy: false, wheelchair: false);
        Assert.Equal("Aucun départ dans les 3 heures qui suivent : voici les premiers possibles.", answer.Notice);
        Assert.StartsWith("Mardi 8 décembre : départ 11 h 03", answer.Itineraries[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Arriving_by_a_time_gives_the_latest_departure_that_arrives_before_it_that_day_or_says_there_is_none()
    {
        var answer = JourneySearch.Search(Network, Catus, CahorsHospital, new DateTime(2026, 12, 8, 12, 0, 0), arriveBy: true, wheelchair: false);
        var journey = Assert.Single(answer.Itineraries);
        Assert.True(journey.Arrival <= new DateTime(2026, 12, 8, 12, 0, 0));
        Assert.Contains(journey.Steps, s => s.Contains("Transport à la demande TAD (Évidence — Grand Cahors) à 11 h 15", StringComparison.Ordinal));

        // On Wednesdays the morning coach at Catus goes the other way (to Gourdon): nothing reaches Cahors by 10 h.
        var none = JourneySearch.Search(Network, Catus, CahorsHospital, new DateTime(2026, 12, 9, 10, 0, 0), arriveBy: true, wheelchair: false);
        Assert.Empty(none.Itineraries);
        Assert.Equal("Aucun trajet en transport en commun n'arrive avant 10 h le mercredi 9 décembre.", none.Notice);
    }

    [Fact]
    public void A_wheelchair_user_is_not_offered_the_on_demand_minibus_which_is_not_accessible()
    {
        var answer = JourneySearch.Search(Network, Catus, CahorsHospital, new DateTime(2026, 12, 8, 8, 0, 0), arriveBy: false, wheelchair: true);
        Assert.All(answer.Itineraries, i => Assert.False(i.NeedsBooking));
    }

    [Fact]
    public void A_day_outside_the_timetables_says_which_days_they_cover()
    {
        var answer = JourneySearch.Search(Network, Catus, CahorsHospital, new DateTime(2027, 9, 1, 8, 0, 0), arriveBy: false, wheelchair: false);
        Assert.Empty(answer.Itineraries);
        Assert.Equal("Les horaires connus vont du 31 août 2026 au 4 juillet 2027 : choisissez une date dans cette période.", answer.Notice);
    }

    [Fact]
    public void Times_are_written_the_french_way()
    {
        Assert.Equal("7 h 42", JourneySearch.Time(new DateTime(2026, 12, 8, 7, 42, 0)));
        Assert.Equal("8 h", JourneySearch.Time(new DateTime(2026, 12, 8, 8, 0, 0)));
    }

    private static readonly CarteBlanche.Mobility.Offers.MobilityOffer Tad = new()
    {
        Kind = CarteBlanche.Mobility.Offers.OfferKind.OnDemand, Name = "TAD", Operator = "Évidence", RouteId = "EVITAD", Phone = "05 65 35 04 32",
        NoticeDays = 1, NoticeTime = new TimeOnly(17, 0),
    };

    [Fact]
    public void The_on_demand_leg_says_until_when_to_book_under_the_lines_rule_and_when_it_is_too_late()
    {
        var monday9 = new OnDemandBooking(new Dictionary<string, CarteBlanche.Mobility.Offers.MobilityOffer> { ["EVITAD"] = Tad }, new DateTime(2026, 12, 7, 9, 0, 0));
        var answer = JourneySearch.Search(Network, Catus, CahorsHospital, new DateTime(2026, 12, 8, 9, 0, 0), arriveBy: false, wheelchair: false, monday9);
        Assert.EndsWith("descendez à Cahors Place François Mitterrand à 11 h 45. Réservation obligatoire : appelez le 05 65 35 04 32 au plus tard lundi 7 décembre à 17 h.", answer.Itineraries[0].Steps[1], StringComparison.Ordinal);
        Assert.False(answer.Itineraries[0].TooLateToBook);

        var monday18 = monday9 with { Now = new DateTime(2026, 12, 7, 18, 0, 0) };
        var late = JourneySearch.Search(Network, Catus, CahorsHospital, new DateTime(2026, 12, 8, 9, 0, 0), arriveBy: false, wheelchair: false, monday18);
        Assert.True(late.Itineraries[0].TooLateToBook);
        Assert.EndsWith("Réservation obligatoire au plus tard lundi 7 décembre à 17 h : il est trop tard pour ce départ.", late.Itineraries[0].Steps[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_booking_rule_gives_its_deadline_and_says_itself_in_french()
    {
        Assert.Equal(new DateTime(2026, 12, 7, 17, 0, 0), Tad.BookingDeadline(new DateTime(2026, 12, 8, 11, 15, 0)));
        Assert.Equal("la veille avant 17 h", Tad.BookingRuleText);
        var sameDay = new CarteBlanche.Mobility.Offers.MobilityOffer { Name = "x", Operator = "y", NoticeMinutes = 120 };
        Assert.Equal(new DateTime(2026, 12, 8, 9, 15, 0), sameDay.BookingDeadline(new DateTime(2026, 12, 8, 11, 15, 0)));
        Assert.Equal("au moins 2 h avant le départ", sameDay.BookingRuleText);
        Assert.Equal("3 jours avant le départ, avant 12 h", new CarteBlanche.Mobility.Offers.MobilityOffer { Name = "x", Operator = "y", NoticeDays = 3, NoticeTime = new TimeOnly(12, 0) }.BookingRuleText);
        Assert.Null(new CarteBlanche.Mobility.Offers.MobilityOffer { Name = "x", Operator = "y" }.BookingDeadline(new DateTime(2026, 12, 8, 11, 15, 0)));
    }
}
