using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Residents;

namespace CarteBlanche.Desk;

/// <summary>What the UI says.</summary>
public static class Labels
{
    public static string Of(NeedDomain domain) => domain switch
    {
        NeedDomain.Sante => "Santé",
        NeedDomain.Emploi => "Emploi",
        NeedDomain.Famille => "Famille",
        NeedDomain.Fiscalite => "Fiscalité",
        NeedDomain.Retraite => "Retraite",
        NeedDomain.Logement => "Logement",
        NeedDomain.Mobilite => "Mobilité",
        NeedDomain.PapiersIdentitePermis => "Papiers d'identité et permis",
        NeedDomain.Handicap => "Handicap",
        NeedDomain.Justice => "Justice",
        NeedDomain.Numerique => "Numérique",
        _ => "Autre",
    };

    public static string Of(CaseState state) => state switch
    {
        CaseState.New => "Nouvelle",
        CaseState.InProgress => "En cours",
        CaseState.WaitingForPartner => "En attente d'un partenaire",
        CaseState.AnswerReady => "Réponse prête",
        CaseState.AnswerReturned => "Réponse rendue",
        _ => "Close",
    };

    public static string BadgeClass(CaseState state) => state switch
    {
        CaseState.New => "fr-badge--new",
        CaseState.WaitingForPartner => "fr-badge--warning",
        CaseState.AnswerReady => "fr-badge--info",
        CaseState.AnswerReturned or CaseState.Closed => "fr-badge--success",
        _ => "",
    };

    public static string Of(CaseOutcome outcome) => outcome switch
    {
        CaseOutcome.Resolved => "Résolue",
        CaseOutcome.NotResolved => "Non résolue",
        _ => "Abandonnée",
    };

    public static string Of(ResolutionPath path) => path switch
    {
        ResolutionPath.AtCounter => "Traitée au guichet",
        ResolutionPath.WithPartner => "Traitée avec un partenaire pour le compte de l'usager",
        _ => "Orientée vers un service expert",
    };

    public static string Of(ContactChannel channel) => channel switch
    {
        ContactChannel.InPerson => "En personne",
        ContactChannel.Phone => "Téléphone",
        ContactChannel.Email => "E-mail",
        ContactChannel.Sms => "SMS",
        _ => "Courrier",
    };

    public static string Of(CaseChannel channel) => channel == CaseChannel.Phone ? "Par téléphone" : "Sur place";
}
