using CarteBlanche.Rights.Consents;
using CarteBlanche.Rights.Conventions;

namespace CarteBlanche.Rights;

/// <summary>What the pages say for each value.</summary>
public static class Labels
{
    public static string Benefit(string code) => code switch
    {
        "rsa" => "RSA",
        "ppa" => "Prime d'activité",
        "css" => "Complémentaire santé solidaire",
        _ => code,
    };

    /// <summary>National non-take-up rates (DREES, ../shared/rules/BENEFITS.md), to compare a campaign's figures with.</summary>
    public static string NationalRate(string code) => code switch
    {
        "rsa" => "34 %",
        "ppa" => "environ 32 %",
        "css" => "31 % (gratuite) à 67 % (avec participation)",
        _ => "",
    };

    public static string Of(Campaigns.CampaignStatus status) => status switch
    {
        Campaigns.CampaignStatus.Running => "En cours",
        Campaigns.CampaignStatus.Succeeded => "Terminée",
        Campaigns.CampaignStatus.Failed => "Échouée",
        _ => status.ToString(),
    };

    public static string Of(Campaigns.ReviewDecision decision) => decision switch
    {
        Campaigns.ReviewDecision.SamePerson => "Même personne",
        Campaigns.ReviewDecision.DifferentPersons => "Deux personnes différentes",
        _ => "À vérifier",
    };

    public static string Of(Campaigns.Certainty certainty) => certainty switch
    {
        Campaigns.Certainty.Characterised => "Caractérisé",
        _ => "Probable",
    };

    public static string Of(Campaigns.SignalKind kind) => kind switch
    {
        Campaigns.SignalKind.Anomaly => "Anomalie de donnée",
        _ => "Non-recours",
    };

    public static string Of(Campaigns.OutreachStatus status) => status switch
    {
        Campaigns.OutreachStatus.ToContact => "À contacter",
        Campaigns.OutreachStatus.Contacted => "Contacté",
        Campaigns.OutreachStatus.RightOpened => "Droit ouvert",
        Campaigns.OutreachStatus.NotEligible => "Non éligible après examen",
        Campaigns.OutreachStatus.Refused => "Refus de la personne",
        Campaigns.OutreachStatus.Unreachable => "Injoignable",
        _ => status.ToString(),
    };

    public static string Of(Campaigns.OutreachChannel channel) => channel switch
    {
        Campaigns.OutreachChannel.Letter => "Courrier",
        Campaigns.OutreachChannel.Sms => "SMS",
        Campaigns.OutreachChannel.Call => "Appel",
        Campaigns.OutreachChannel.BusVisit => "Visite du car des services publics",
        Campaigns.OutreachChannel.Appointment => "Rendez-vous avec un agent",
        _ => channel.ToString(),
    };

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
