using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Mandates;
using CarteBlanche.Desk.Residents;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;

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

    /// <summary>A case waiting for a partner whose answer came in reads « Réponse du partenaire reçue » (lists and case page alike).</summary>
    public static string Of(CaseState state, bool hasPartnerAnswer) => hasPartnerAnswer ? "Réponse du partenaire reçue" : Of(state);

    public static string BadgeClass(CaseState state, bool hasPartnerAnswer) => hasPartnerAnswer ? "fr-badge--new" : BadgeClass(state);

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

    public static string Of(MandateDomain domain) => domain switch
    {
        MandateDomain.Papiers => "Papiers - Citoyenneté",
        MandateDomain.Famille => "Famille",
        MandateDomain.Social => "Social - Santé",
        MandateDomain.Travail => "Travail",
        MandateDomain.Logement => "Logement",
        MandateDomain.Transports => "Transports",
        MandateDomain.Argent => "Argent",
        MandateDomain.Justice => "Justice",
        MandateDomain.Etranger => "Étranger",
        _ => "Loisirs",
    };

    /// <summary>What a mandate domain covers, as the resident reads it on the form.</summary>
    public static string ExamplesOf(MandateDomain domain) => domain switch
    {
        MandateDomain.Papiers => "État civil, carte d'identité, passeport, élections, papiers à conserver",
        MandateDomain.Famille => "Allocations familiales, naissance, mariage, PACS, scolarité",
        MandateDomain.Social => "Allocations, handicap, soins, assurance maladie, retraite",
        MandateDomain.Travail => "Chômage, emploi, formation, retraite",
        MandateDomain.Logement => "Aides au logement, déménagement, urbanisme, énergie",
        MandateDomain.Transports => "Carte grise, permis de conduire, transports en commun",
        MandateDomain.Argent => "Impôts, crédit, consommation, banque, assurance",
        MandateDomain.Justice => "Casier judiciaire, plainte, aide juridictionnelle, saisie",
        MandateDomain.Etranger => "Titre de séjour, naturalisation, expatriation",
        _ => "Sports, culture, associations, chasse, pêche",
    };

    public static string Of(MandateDuration duration) => duration switch
    {
        MandateDuration.OneDay => "1 jour",
        MandateDuration.OneMonth => "1 mois",
        MandateDuration.SixMonths => "6 mois",
        _ => "1 an",
    };

    public static string Of(MandateConsent consent) => consent == MandateConsent.InPerson
        ? "En personne, au guichet"
        : "Formulaire papier signé par l'usager, numérisé";

    public static string Of(MandateStatus status) => status switch
    {
        MandateStatus.AwaitingSignedForm => "En attente du formulaire signé",
        MandateStatus.Active => "Actif",
        MandateStatus.Expired => "Expiré",
        _ => "Révoqué",
    };

    public static string BadgeClass(MandateStatus status) => status switch
    {
        MandateStatus.AwaitingSignedForm => "fr-badge--warning",
        MandateStatus.Active => "fr-badge--success",
        MandateStatus.Revoked => "fr-badge--error",
        _ => "",
    };

    /// <summary>"24 novembre 2026".</summary>
    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", FrenchFormat.Culture);

    /// <summary>The French calendar day of an instant, "24 novembre 2026".</summary>
    public static string Day(DateTimeOffset at) => Day(ParisClock.DayOf(at));
}
