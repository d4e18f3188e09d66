using CarteBlanche.Mobility.Carpool;
using CarteBlanche.Mobility.Needs;
using CarteBlanche.Mobility.Networks;
using CarteBlanche.Mobility.Offers;

namespace CarteBlanche.Mobility;

/// <summary>What the pages say for the module's values.</summary>
public static class Labels
{
    public static string Of(GtfsImportStatus status) => status switch
    {
        GtfsImportStatus.InService => "En service",
        GtfsImportStatus.Replaced => "Remplacé",
        _ => "Refusé",
    };

    public static string Badge(GtfsImportStatus status) => status switch
    {
        GtfsImportStatus.InService => "fr-badge--success",
        GtfsImportStatus.Replaced => "fr-badge--info",
        _ => "fr-badge--error",
    };

    public static string Of(CarteBlanche.Transit.Severity severity) => severity switch
    {
        CarteBlanche.Transit.Severity.Fatal => "Bloquant",
        CarteBlanche.Transit.Severity.Error => "Erreur",
        CarteBlanche.Transit.Severity.Warning => "Avertissement",
        _ => "Information",
    };

    public static string Of(TravelPurpose purpose) => purpose switch
    {
        TravelPurpose.Work => "Travail",
        TravelPurpose.Training => "Formation",
        TravelPurpose.Care => "Soins",
        TravelPurpose.PublicService => "Service public",
        _ => "Autre",
    };

    public static string Of(NeedStatus status) => status switch
    {
        NeedStatus.Open => "À traiter",
        NeedStatus.Transit => "Solution : car ou bus",
        NeedStatus.Carpool => "Solution : covoiturage",
        NeedStatus.OtherSolution => "Solution : autre",
        _ => "Sans solution",
    };

    public static string Of(UnmetReason reason) => reason switch
    {
        UnmetReason.NoServiceThatDay => "Pas de service ce jour-là",
        UnmetReason.TooFarFromStop => "Trop loin d'un arrêt",
        UnmetReason.Disability => "Handicap",
        UnmetReason.Price => "Prix",
        _ => "Autre raison",
    };

    public static string Of(RideStatus status) => status switch
    {
        RideStatus.Proposed => "À appeler",
        RideStatus.Agreed => "Trajet convenu",
        RideStatus.Done => "Trajet fait",
        RideStatus.Refused => "Refusé",
        _ => "Pas de réponse",
    };

    public static string Of(OfferKind kind) => kind switch
    {
        OfferKind.OnDemand => "Transport à la demande",
        OfferKind.SolidarityTransport => "Transport solidaire",
        OfferKind.VolunteerDrivers => "Conducteurs bénévoles",
        OfferKind.Carpool => "Covoiturage solidaire",
        OfferKind.Rental => "Location",
        _ => "Autre",
    };

    public static string Of(DetourTolerance tolerance) => tolerance == DetourTolerance.Minor ? "mineur (5 min au plus)" : "moyen (15 min au plus)";

    private static readonly string[] DayNames = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];

    /// <summary>« lundi, mardi et jeudi ».</summary>
    public static string Days(byte days)
    {
        var names = Enumerable.Range(0, 7).Where(d => (days & (1 << d)) != 0).Select(d => DayNames[d]).ToList();
        return names.Count switch
        {
            0 => "aucun jour",
            7 => "tous les jours",
            1 => names[0],
            _ => string.Join(", ", names[..^1]) + " et " + names[^1],
        };
    }

    public static string Day(int mondayFirst) => DayNames[mondayFirst];
}
