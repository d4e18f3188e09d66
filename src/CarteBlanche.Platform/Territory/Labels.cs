namespace CarteBlanche.Platform.Territory;

/// <summary>What the UI says for the territory's enumerations.</summary>
public static class Labels
{
    public static string Of(OrganisationKind kind) => kind switch
    {
        OrganisationKind.State => "Service de l'État",
        OrganisationKind.LocalAuthority => "Collectivité territoriale",
        OrganisationKind.SocialOperator => "Organisme de protection sociale",
        OrganisationKind.PublicOperator => "Opérateur public",
        OrganisationKind.Association => "Association",
        _ => "Autre",
    };

    public static string Of(PlaceKind kind) => kind switch
    {
        PlaceKind.FranceServices => "France Services",
        PlaceKind.Mairie => "Mairie",
        PlaceKind.BusStop => "Arrêt du car des services publics",
        PlaceKind.PartnerOffice => "Accueil d'un partenaire",
        _ => "Autre lieu",
    };
}
