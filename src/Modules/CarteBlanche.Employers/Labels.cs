using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Staff;

namespace CarteBlanche.Employers;

/// <summary>What the pages say for the module's values.</summary>
public static class Labels
{
    public static string Of(EnrolmentStage stage) => stage switch
    {
        EnrolmentStage.Preparation => "Mois de préparation",
        EnrolmentStage.Operation => "Accompagnement en cours",
        _ => "Sortie du service",
    };

    public static string Badge(EnrolmentStage stage) => stage switch
    {
        EnrolmentStage.Preparation => "fr-badge--new",
        EnrolmentStage.Operation => "fr-badge--success",
        _ => "fr-badge--info",
    };

    public static string Of(HrFunctions function) => function switch
    {
        HrFunctions.Recruitment => "Recrutement",
        HrFunctions.Career => "Suivi des parcours",
        HrFunctions.Payroll => "Paie",
        HrFunctions.Formalities => "Formalités RH",
        _ => function.ToString(),
    };

    public static readonly IReadOnlyList<HrFunctions> Functions = [HrFunctions.Recruitment, HrFunctions.Career, HrFunctions.Payroll, HrFunctions.Formalities];

    public static string List(HrFunctions functions) =>
        functions == HrFunctions.None ? "aucune" : string.Join(", ", Functions.Where(f => functions.HasFlag(f)).Select(Of));

    public static string Of(ContractKind kind) => kind switch
    {
        ContractKind.Cdi => "CDI",
        ContractKind.Cdd => "CDD",
        _ => "Contrat d'apprentissage",
    };

    public static string Of(Career.MedicalVisitKind kind) => kind switch
    {
        Career.MedicalVisitKind.InformationPrevention => "Visite d'information et de prévention",
        Career.MedicalVisitKind.ReinforcedAptitude => "Examen médical d'aptitude (suivi renforcé)",
        Career.MedicalVisitKind.MidCareer => "Visite de mi-carrière",
        _ => "Visite de reprise",
    };

    public static string Of(EndReason reason) => reason switch
    {
        EndReason.EndOfFixedTerm => "Fin de contrat à durée déterminée",
        EndReason.Resignation => "Démission",
        EndReason.ConventionalTermination => "Rupture conventionnelle",
        EndReason.Dismissal => "Licenciement",
        EndReason.TrialPeriodEndedByEmployer => "Rupture de la période d'essai par l'employeur",
        EndReason.TrialPeriodEndedByEmployee => "Rupture de la période d'essai par le salarié",
        EndReason.Retirement => "Départ à la retraite",
        _ => "Fin de contrat d'apprentissage",
    };

    /// <summary>« juin 2026 ».</summary>
    public static string Month(int year, int month) => Platform.Web.FrenchFormat.MonthYear(new DateOnly(year, month, 1));

    /// <summary>Hours as the French write them: « 151,67 h ».</summary>
    public static string Hours(decimal hours) => hours.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + " h";
}

/// <summary>The recruitment's words.</summary>
public static class RecruitmentLabels
{
    public static string Of(Recruitment.OfferStatus status) => status switch
    {
        Recruitment.OfferStatus.Draft => "Brouillon",
        Recruitment.OfferStatus.Published => "Publiée",
        Recruitment.OfferStatus.Filled => "Pourvue",
        _ => "Retirée",
    };

    public static string Badge(Recruitment.OfferStatus status) => status switch
    {
        Recruitment.OfferStatus.Draft => "fr-badge--new",
        Recruitment.OfferStatus.Published => "fr-badge--info",
        Recruitment.OfferStatus.Filled => "fr-badge--success",
        _ => "",
    };

    public static string Of(Recruitment.CandidateStatus status) => status switch
    {
        Recruitment.CandidateStatus.Received => "Candidature reçue",
        Recruitment.CandidateStatus.Interview => "Entretien",
        Recruitment.CandidateStatus.Selected => "Retenu",
        Recruitment.CandidateStatus.Hired => "Embauché",
        _ => "Non retenu",
    };

    public static string Of(Recruitment.ExperienceLevel level) => level switch
    {
        Recruitment.ExperienceLevel.Beginner => "Débutant accepté",
        Recruitment.ExperienceLevel.Desirable => "Expérience souhaitée",
        _ => "Expérience exigée",
    };
}
