using CarteBlanche.Desk.Residents;

namespace CarteBlanche.Desk.Cases;

/// <summary>French messages sent to residents.</summary>
public static class Templates
{
    public static string AnswerEmail(Resident resident, Case @case, string answer, string siteName, string agentName) =>
        $"""
        Bonjour {resident.FirstName} {resident.LastName},

        Voici la réponse à votre demande {@case.Reference} :

        {answer}

        Pour toute question, vous pouvez revenir nous voir ou nous appeler.

        {agentName}
        {siteName}
        """;

    public static string SurveyEmail(Resident resident, string siteName, string link) =>
        $"""
        Bonjour {resident.FirstName} {resident.LastName},

        Votre demande auprès de {siteName} est close. Êtes-vous satisfait(e) de la réponse apportée ?
        Une seule question, anonyme, en moins d'une minute :

        {link}

        Ce lien est personnel et valable 14 jours.

        {siteName}
        """;

    public static string SurveySms(string siteName, string link) =>
        $"{siteName} : votre avis sur la réponse à votre demande, en une question : {link}";

    public static string AnswerSms(Case @case, string answer, string siteName)
    {
        var text = $"{siteName} – demande {@case.Reference} : {answer}";
        // Three SMS at most.
        return text.Length <= 459 ? text : text[..456] + "...";
    }
}
