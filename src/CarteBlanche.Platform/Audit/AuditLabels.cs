namespace CarteBlanche.Platform.Audit;

/// <summary>What the audit journal says in French for each action and kind of record (the codes stay in the journal, for searching).</summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["account.deactivate"] = "Compte désactivé",
        ["account.invitation-accepted"] = "Invitation acceptée",
        ["account.invite"] = "Invitation envoyée",
        ["account.invite-resend"] = "Invitation renvoyée",
        ["account.reactivate"] = "Compte réactivé",
        ["account.read"] = "Compte consulté",
        ["account.training-add"] = "Formation ajoutée",
        ["account.update"] = "Compte modifié",
        ["api.access-denied"] = "Appel à l'API refusé",
        ["audit.verify"] = "Intégrité du journal vérifiée",
        ["bus.passage-cancelled"] = "Passage du car annulé",
        ["bus.passage-replaced"] = "Passage du car remplacé",
        ["bus.plan-published"] = "Tournée du car publiée",
        ["bus.subscription-confirmed"] = "Abonnement au car confirmé",
        ["bus.subscription-removed"] = "Désabonnement du car",
        ["bus.subscription-requested"] = "Abonnement au car demandé",
        ["case.access-denied"] = "Accès à une demande refusé",
        ["case.create"] = "Demande ouverte",
        ["case.list"] = "Liste des demandes consultée",
        ["case.read"] = "Demande consultée",
        ["case.retention-wipe"] = "Données d'une demande effacées (durée de conservation)",
        ["case.share"] = "Demande partagée",
        ["case.update"] = "Demande modifiée",
        ["figures.export"] = "Chiffres exportés",
        ["mandate.create"] = "Mandat créé",
        ["mandate.read"] = "Mandat consulté",
        ["mandate.revoke"] = "Mandat révoqué",
        ["mandate.signed-form"] = "Mandat signé enregistré",
        ["mandate.use"] = "Action sous mandat",
        ["mandate.use-denied"] = "Action sous mandat refusée",
        ["network.api-key-created"] = "Clé d'API créée",
        ["network.api-key-revoked"] = "Clé d'API révoquée",
        ["network.referent-named"] = "Référent désigné",
        ["network.referent-removed"] = "Référent retiré",
        ["procedure.suggestion-published"] = "Proposition de démarche publiée",
        ["procedure.suggestion-rejected"] = "Proposition de démarche refusée",
        ["procedure.suggestion-pending"] = "Proposition de démarche envoyée",
        ["question.agent-reply"] = "Message de l'agent au partenaire",
        ["question.answer"] = "Réponse du partenaire",
        ["question.attachment-read"] = "Pièce jointe consultée",
        ["question.close"] = "Sollicitation close",
        ["question.invite"] = "Autre organisme invité",
        ["question.more-info"] = "Information demandée par le partenaire",
        ["question.not-right-partner"] = "Sollicitation déclarée hors champ",
        ["question.note"] = "Note interne",
        ["question.read"] = "Sollicitation consultée",
        ["question.reroute"] = "Sollicitation réorientée",
        ["question.send"] = "Sollicitation envoyée",
        ["question.take"] = "Sollicitation prise en charge",
        ["resident.coaching"] = "Accompagnement en autonomie",
        ["resident.create"] = "Usager enregistré",
        ["resident.read"] = "Fiche d'usager consultée",
        ["resident.retention-delete"] = "Usager effacé (durée de conservation)",
        ["resident.search"] = "Recherche d'usager",
        ["resident.update"] = "Usager modifié",
        ["security.2fa-disabled"] = "Double authentification désactivée",
        ["security.2fa-enabled"] = "Double authentification activée",
        ["security.2fa-reset"] = "Double authentification réinitialisée",
        ["security.access-denied"] = "Accès refusé",
        ["security.locked-out"] = "Compte verrouillé après des échecs de connexion",
        ["security.sign-in"] = "Connexion",
        ["security.sign-in-failed"] = "Échec de connexion",
        ["security.sign-in-refused"] = "Connexion refusée",
        ["security.sign-out"] = "Déconnexion",
        ["territory.commune-update"] = "Commune modifiée",
        ["territory.organisation-create"] = "Organisation créée",
        ["territory.organisation-update"] = "Organisation modifiée",
        ["territory.place-create"] = "Lieu créé",
        ["territory.place-update"] = "Lieu modifié",
    };

    private static readonly Dictionary<string, string> RecordTypes = new(StringComparer.Ordinal)
    {
        ["Account"] = "Compte",
        ["ApiKey"] = "Clé d'API",
        ["ApiPath"] = "Adresse de l'API",
        ["AuditEntry"] = "Entrée du journal",
        ["BusPassage"] = "Passage du car",
        ["BusSubscription"] = "Abonnement au car",
        ["BusPlanningRun"] = "Tournée du car",
        ["TourPlanRun"] = "Tournée du car",
        ["Case"] = "Demande",
        ["Commune"] = "Commune",
        ["Mandate"] = "Mandat",
        ["Organisation"] = "Organisation",
        ["PartnerQuestion"] = "Sollicitation",
        ["Place"] = "Lieu",
        ["Procedure"] = "Démarche",
        ["QuestionAttachment"] = "Pièce jointe d'une sollicitation",
        ["Referent"] = "Référent",
        ["Resident"] = "Usager",
    };

    /// <summary>The French label of an action code; an access refusal of any kind reads « Accès refusé ».</summary>
    public static string Action(string action) =>
        Actions.TryGetValue(action, out var label) ? label
        : action.EndsWith(".access-denied", StringComparison.Ordinal) ? "Accès refusé"
        : action;

    public static string RecordType(string? recordType) =>
        recordType == null ? "" : RecordTypes.TryGetValue(recordType, out var label) ? label : recordType;
}
