using CarteBlanche.Rights.Consents;
using CarteBlanche.Rights.Conventions;

namespace CarteBlanche.Rights;

/// <summary>What the pages say for each value.</summary>
public static class Labels
{
    public static string Of(ConventionStatus status) => status switch
    {
        ConventionStatus.AwaitingSignatures => "En attente de signature",
        ConventionStatus.Upcoming => "Signée, pas encore en vigueur",
        ConventionStatus.InForce => "En vigueur",
        ConventionStatus.Ended => "Échue",
        _ => status.ToString(),
    };

    public static string BadgeClass(ConventionStatus status) => status switch
    {
        ConventionStatus.InForce => "fr-badge--success",
        ConventionStatus.Ended => "fr-badge--error",
        _ => "fr-badge--info",
    };

    public static string Of(AttributeType type) => type switch
    {
        AttributeType.Text => "Texte",
        AttributeType.Number => "Nombre",
        AttributeType.Amount => "Montant en euros",
        AttributeType.Date => "Date",
        AttributeType.YesNo => "Oui / non",
        AttributeType.Code => "Code",
        _ => type.ToString(),
    };

    public static string Of(RefreshFrequency refresh) => refresh switch
    {
        RefreshFrequency.Daily => "Chaque jour",
        RefreshFrequency.Weekly => "Chaque semaine",
        RefreshFrequency.Monthly => "Chaque mois",
        RefreshFrequency.Quarterly => "Chaque trimestre",
        RefreshFrequency.Yearly => "Chaque année",
        RefreshFrequency.OnEvent => "À chaque changement",
        _ => refresh.ToString(),
    };

    public static string Of(Sensitivity sensitivity) => sensitivity switch
    {
        Sensitivity.Normal => "Courante",
        Sensitivity.Sensitive => "Sensible (chiffrée)",
        _ => sensitivity.ToString(),
    };

    public static string Of(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.NonTakeUp => "Repérer les droits non ouverts et être contacté pour les ouvrir",
        ConsentPurpose.TellUsOnce => "Ne plus redonner les informations déjà connues (« Dites-le nous une fois »)",
        _ => purpose.ToString(),
    };

    public static string Short(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.NonTakeUp => "Accès aux droits",
        ConsentPurpose.TellUsOnce => "Dites-le nous une fois",
        _ => purpose.ToString(),
    };

    public static string Of(ConsentChannel channel) => channel switch
    {
        ConsentChannel.SignedPaperForm => "Formulaire papier signé",
        ConsentChannel.InPerson => "Oralement, au guichet",
        ConsentChannel.Online => "En ligne",
        _ => channel.ToString(),
    };

    public static string Of(ConsentStatus status) => status switch
    {
        ConsentStatus.Active => "Valide",
        ConsentStatus.Expired => "Expiré",
        ConsentStatus.Withdrawn => "Retiré",
        _ => status.ToString(),
    };

    public static string BadgeClass(ConsentStatus status) => status switch
    {
        ConsentStatus.Active => "fr-badge--success",
        ConsentStatus.Withdrawn => "fr-badge--error",
        _ => "fr-badge--info",
    };

    public static string Of(WithdrawalChannel channel) => channel switch
    {
        WithdrawalChannel.Desk => "au guichet",
        WithdrawalChannel.PersonalLink => "par l'usager, en ligne",
        _ => channel.ToString(),
    };
}
