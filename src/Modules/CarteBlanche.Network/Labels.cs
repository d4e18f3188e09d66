using CarteBlanche.Network.News;
using CarteBlanche.Network.Questions;

namespace CarteBlanche.Network;

/// <summary>What the UI says.</summary>
public static class Labels
{
    public static string Of(QuestionState state) => state switch
    {
        QuestionState.Sent => "Envoyée",
        QuestionState.Taken => "Prise en charge",
        QuestionState.MoreInfoNeeded => "Information demandée",
        QuestionState.Answered => "Répondue",
        QuestionState.NotRightPartner => "À réorienter",
        QuestionState.Closed => "Close",
        _ => state.ToString(),
    };

    public static string BadgeClass(QuestionState state) => state switch
    {
        QuestionState.Sent => "fr-badge--new",
        QuestionState.Taken => "fr-badge--info",
        QuestionState.MoreInfoNeeded or QuestionState.NotRightPartner => "fr-badge--warning",
        QuestionState.Answered => "fr-badge--success",
        _ => "",
    };

    public static string Of(Usefulness usefulness) => usefulness switch
    {
        Usefulness.Yes => "Oui",
        Usefulness.DontKnow => "Je ne sais pas",
        Usefulness.No => "Non",
        _ => usefulness.ToString(),
    };

    public static string Of(MessageKind kind) => kind switch
    {
        MessageKind.Question => "Question",
        MessageKind.Answer => "Réponse",
        MessageKind.MoreInfoRequest => "Demande d'information",
        MessageKind.AgentReply => "Message de l'agent",
        MessageKind.InternalNote => "Note interne",
        MessageKind.NotRightPartner => "Pas le bon partenaire",
        MessageKind.Invitation => "Invitation",
        MessageKind.Rerouted => "Réorientation",
        MessageKind.Closing => "Clôture",
        _ => kind.ToString(),
    };

    public static string Of(NewsCategory category) => category switch
    {
        NewsCategory.Event => "Événement",
        NewsCategory.RuleChange => "Évolution réglementaire",
        NewsCategory.ServiceChange => "Changement de service",
        NewsCategory.Campaign => "Campagne",
        NewsCategory.Other => "Information",
        _ => category.ToString(),
    };

    public static string Of(NewsAudience audience) => audience switch
    {
        NewsAudience.Territory => "Tout le territoire",
        NewsAudience.Sites => "Des lieux d'accueil",
        NewsAudience.Roles => "Des rôles",
        _ => audience.ToString(),
    };
}
