namespace CarteBlanche.Platform.Audit;

/// <summary>
/// Why something was read or changed. Never free text: a purpose is one of these values, stored in the journal as its
/// stable code (<see cref="AuditPurposes.Code"/>) and shown with its French label. A new purpose is a new member with a
/// new code; a code, once written to the hash-chained journal, is never renamed.
/// </summary>
public enum AuditPurpose
{
    ResidentReception,
    NewCase,
    CaseFollowUp,
    CaseStart,
    CaseWaitForPartner,
    CaseAnswerReady,
    CaseReferral,
    CaseReferralOutcome,
    CaseHandOver,
    CaseShareOtherSite,
    CaseAnswerReturned,
    CaseClosed,
    NewMandate,
    ResidentMandate,
    MandatePrint,
    MandateRevokedByResident,
    MandateSignedForm,
    MandatePapiers,
    MandateFamille,
    MandateSocial,
    MandateTravail,
    MandateLogement,
    MandateTransports,
    MandateArgent,
    MandateJustice,
    MandateEtranger,
    MandateLoisirs,
    DigitalCoaching,
    DeskList,
    SiteDeskList,
    ResidentSearch,
    SiteFigures,
    OutsideAgentSite,
    RetentionElapsed,
    AskPartner,
    SharedWithPartner,
    PartnerAnswer,
    CoordinatorReroute,
    NotCaseAgentNorReferent,
    PartnerApi,
    PartnerApiOtherOrganisation,
    ApiKeyMissing,
    ApiKeyMalformed,
    ApiKeyUnknown,
    ApiKeyRevoked,
    OrganisationReferents,
    OrganisationSettings,
    BusSubscription,
    ResidentConsent,
    ConsentWithdrawal,
    ConsentsByPersonalLink,
    ConventionAdministration,
    OperatorData,
    AccountAdministration,
    TwoFactorResetByAdmin,
    SignInUnknownAccount,
    SignInWrongPassword,
    SignInWrongCode,
    SignInAccountDisabled,
    SignInTwoFactor,
    SignInProConnect,
    SignInProConnectNoAccount,
    SignInProConnectLocked,
    AuditIntact,
    AuditBroken,
    Test,
    /// <summary>A data steward reads a household signalled by a non-take-up campaign, or records the outreach to it.</summary>
    NonTakeUpOutreach,
    /// <summary>« Dites-le nous une fois » : an agent sees what the operators already know of a consenting resident.</summary>
    TellUsOnce,
    /// <summary>A helper or the carpool operator records or reads a person's travel need, trip or ride (solidarity mobility).</summary>
    MobilityHelp,
    /// <summary>An HR expert or a firm owner records or reads an employee's file: contract, payslip (HR service centre for very small firms).</summary>
    EmployerHr,
}

/// <summary>The stable code and French label of each <see cref="AuditPurpose"/>.</summary>
public static class AuditPurposes
{
    private static readonly Dictionary<AuditPurpose, (string Code, string Label)> All = new()
    {
        [AuditPurpose.ResidentReception] = ("resident-reception", "Accueil de l'usager"),
        [AuditPurpose.NewCase] = ("case-new", "Nouvelle demande"),
        [AuditPurpose.CaseFollowUp] = ("case-follow-up", "Suivi de la demande"),
        [AuditPurpose.CaseStart] = ("case-start", "Prise en charge de la demande"),
        [AuditPurpose.CaseWaitForPartner] = ("case-wait-for-partner", "Demande en attente d'un partenaire"),
        [AuditPurpose.CaseAnswerReady] = ("case-answer-ready", "Réponse prête"),
        [AuditPurpose.CaseReferral] = ("case-referral", "Orientation vers un service"),
        [AuditPurpose.CaseReferralOutcome] = ("case-referral-outcome", "Issue de l'orientation"),
        [AuditPurpose.CaseHandOver] = ("case-hand-over", "Demande transmise à un collègue"),
        [AuditPurpose.CaseShareOtherSite] = ("case-share-other-site", "Partage avec un autre lieu"),
        [AuditPurpose.CaseAnswerReturned] = ("case-answer-returned", "Réponse rendue à l'usager"),
        [AuditPurpose.CaseClosed] = ("case-closed", "Clôture de la demande"),
        [AuditPurpose.NewMandate] = ("mandate-new", "Nouveau mandat"),
        [AuditPurpose.ResidentMandate] = ("mandate-of-resident", "Mandat de l'usager"),
        [AuditPurpose.MandatePrint] = ("mandate-print", "Impression du mandat"),
        [AuditPurpose.MandateRevokedByResident] = ("mandate-revoked-by-resident", "Révocation par l'usager"),
        [AuditPurpose.MandateSignedForm] = ("mandate-signed-form", "Formulaire signé conservé"),
        [AuditPurpose.MandatePapiers] = ("mandate-domain-papiers", "Mandat : papiers, citoyenneté"),
        [AuditPurpose.MandateFamille] = ("mandate-domain-famille", "Mandat : famille"),
        [AuditPurpose.MandateSocial] = ("mandate-domain-social", "Mandat : social, santé"),
        [AuditPurpose.MandateTravail] = ("mandate-domain-travail", "Mandat : travail"),
        [AuditPurpose.MandateLogement] = ("mandate-domain-logement", "Mandat : logement"),
        [AuditPurpose.MandateTransports] = ("mandate-domain-transports", "Mandat : transports"),
        [AuditPurpose.MandateArgent] = ("mandate-domain-argent", "Mandat : argent"),
        [AuditPurpose.MandateJustice] = ("mandate-domain-justice", "Mandat : justice"),
        [AuditPurpose.MandateEtranger] = ("mandate-domain-etranger", "Mandat : étranger"),
        [AuditPurpose.MandateLoisirs] = ("mandate-domain-loisirs", "Mandat : loisirs"),
        [AuditPurpose.DigitalCoaching] = ("digital-coaching", "Accompagnement en autonomie (îlot numérique)"),
        [AuditPurpose.DeskList] = ("desk-list", "Mon guichet"),
        [AuditPurpose.SiteDeskList] = ("desk-list-site", "Guichet du lieu"),
        [AuditPurpose.ResidentSearch] = ("resident-search", "Recherche d'usager"),
        [AuditPurpose.SiteFigures] = ("site-figures", "Chiffres du lieu d'accueil"),
        [AuditPurpose.OutsideAgentSite] = ("outside-agent-site", "Hors du lieu de l'agent"),
        [AuditPurpose.RetentionElapsed] = ("retention-elapsed", "Durée de conservation écoulée"),
        [AuditPurpose.AskPartner] = ("ask-partner", "Sollicitation d'un partenaire"),
        [AuditPurpose.SharedWithPartner] = ("shared-with-partner", "Partage avec un organisme partenaire"),
        [AuditPurpose.PartnerAnswer] = ("partner-answer", "Réponse du partenaire"),
        [AuditPurpose.CoordinatorReroute] = ("coordinator-reroute", "Réorientation par la coordination"),
        [AuditPurpose.NotCaseAgentNorReferent] = ("not-case-agent-nor-referent", "Ni agent de la demande ni référent de l'organisme"),
        [AuditPurpose.PartnerApi] = ("partner-api", "API d'un organisme partenaire"),
        [AuditPurpose.PartnerApiOtherOrganisation] = ("partner-api-other-organisation", "API : sollicitation d'un autre organisme"),
        [AuditPurpose.ApiKeyMissing] = ("api-key-missing", "API : clé manquante"),
        [AuditPurpose.ApiKeyMalformed] = ("api-key-malformed", "API : clé mal formée"),
        [AuditPurpose.ApiKeyUnknown] = ("api-key-unknown", "API : clé inconnue"),
        [AuditPurpose.ApiKeyRevoked] = ("api-key-revoked", "API : clé révoquée"),
        [AuditPurpose.OrganisationReferents] = ("organisation-referents", "Référents d'un organisme partenaire"),
        [AuditPurpose.OrganisationSettings] = ("organisation-settings", "Réglages d'un organisme partenaire"),
        [AuditPurpose.BusSubscription] = ("bus-subscription", "Abonnement aux passages du car"),
        [AuditPurpose.ResidentConsent] = ("resident-consent", "Consentement au partage de données"),
        [AuditPurpose.ConsentWithdrawal] = ("consent-withdrawal", "Retrait d'un consentement"),
        [AuditPurpose.ConsentsByPersonalLink] = ("consents-personal-link", "L'usager consulte ses consentements par son lien personnel"),
        [AuditPurpose.ConventionAdministration] = ("convention-administration", "Gestion des conventions de partage de données"),
        [AuditPurpose.OperatorData] = ("operator-data", "Données transmises par un organisme sous convention"),
        [AuditPurpose.NonTakeUpOutreach] = ("non-take-up-outreach", "Démarche vers un foyer signalé par une campagne de non-recours"),
        [AuditPurpose.TellUsOnce] = ("tell-us-once", "Données déjà connues des organismes montrées au guichet (« Dites-le nous une fois »)"),
        [AuditPurpose.MobilityHelp] = ("mobility-help", "Aide à la mobilité : besoin de déplacement, trajet de covoiturage"),
        [AuditPurpose.EmployerHr] = ("employer-hr", "Service RH des TPE : salarié, contrat, bulletin de paie"),
        [AuditPurpose.AccountAdministration] = ("account-administration", "Administration des comptes"),
        [AuditPurpose.TwoFactorResetByAdmin] = ("two-factor-reset-by-admin", "Réinitialisation par un administrateur"),
        [AuditPurpose.SignInUnknownAccount] = ("sign-in-unknown-account", "Compte inconnu"),
        [AuditPurpose.SignInWrongPassword] = ("sign-in-wrong-password", "Mot de passe incorrect"),
        [AuditPurpose.SignInWrongCode] = ("sign-in-wrong-code", "Code de double authentification incorrect"),
        [AuditPurpose.SignInAccountDisabled] = ("sign-in-account-disabled", "Compte désactivé"),
        [AuditPurpose.SignInTwoFactor] = ("sign-in-two-factor", "Double authentification"),
        [AuditPurpose.SignInProConnect] = ("sign-in-proconnect", "ProConnect"),
        [AuditPurpose.SignInProConnectNoAccount] = ("sign-in-proconnect-no-account", "ProConnect : aucun compte actif"),
        [AuditPurpose.SignInProConnectLocked] = ("sign-in-proconnect-locked", "ProConnect : compte verrouillé"),
        [AuditPurpose.AuditIntact] = ("audit-intact", "Journal intact"),
        [AuditPurpose.AuditBroken] = ("audit-broken", "Journal rompu"),
        [AuditPurpose.Test] = ("test", "Essai"),
    };

    private static readonly Dictionary<string, AuditPurpose> ByCode = All.ToDictionary(p => p.Value.Code, p => p.Key, StringComparer.Ordinal);

    public static IReadOnlyCollection<AuditPurpose> Values => All.Keys;

    /// <summary>The code written to the journal.</summary>
    public static string Code(AuditPurpose purpose) => All[purpose].Code;

    public static string Label(AuditPurpose purpose) => All[purpose].Label;

    public static bool TryParse(string? code, out AuditPurpose purpose) =>
        ByCode.TryGetValue(code ?? "", out purpose);

    /// <summary>The French label of a stored purpose; an older entry's text (before codes) is shown as it was written.</summary>
    public static string LabelOfStored(string? stored) =>
        stored == null ? "" : TryParse(stored, out var purpose) ? Label(purpose) : stored;
}
