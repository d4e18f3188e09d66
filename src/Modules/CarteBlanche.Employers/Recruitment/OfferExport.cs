using System.Globalization;
using System.Text.Json.Nodes;
using CarteBlanche.Employers.Firms;
using CarteBlanche.Employers.Staff;
using CarteBlanche.Platform.Territory;

namespace CarteBlanche.Employers.Recruitment;

/// <summary>
/// An offer in the shape of France Travail's offers (API « Offres d'emploi v2 », one element of its « resultats »):
/// the fields a job board or the agency's own tools read, with France Travail's codes (typeContrat CDI or CDD,
/// experienceExige D, S or E) and its wording of the labels.
/// </summary>
public static class OfferExport
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static JsonObject ToFranceTravail(JobOffer offer, Firm firm, Commune commune)
    {
        var months = offer.DurationMonths is { } m ? $" - {m} Mois" : "";
        var (type, typeLabel, nature) = offer.ContractKind switch
        {
            ContractKind.Cdi => ("CDI", "Contrat à durée indéterminée", "Contrat travail"),
            ContractKind.Cdd => ("CDD", $"Contrat à durée déterminée{months}", "Contrat travail"),
            _ => ("CDD", $"Contrat à durée déterminée{months}", "Cont. apprentissage"),
        };
        var experience = offer.Experience switch
        {
            ExperienceLevel.Beginner => ("D", "Débutant accepté"),
            ExperienceLevel.Desirable => ("S", offer.ExperienceMonths is { } s ? $"{s} mois - expérience souhaitée" : "Expérience souhaitée"),
            _ => ("E", offer.ExperienceMonths is { } e ? $"{e} mois - expérience exigée" : "Expérience exigée"),
        };
        var salary = offer.MonthlyGrossMax is { } max && max > offer.MonthlyGrossMin
            ? $"Mensuel de {offer.MonthlyGrossMin.ToString("0.00", French)} Euros à {max.ToString("0.00", French)} Euros sur 12 mois"
            : $"Mensuel de {offer.MonthlyGrossMin.ToString("0.00", French)} Euros sur 12 mois";
        var partTime = offer.WeeklyHours < EmploymentContract.FullTimeWeeklyHours;
        return new JsonObject
        {
            ["id"] = offer.Reference,
            ["intitule"] = offer.Title,
            ["description"] = offer.Description,
            ["dateCreation"] = offer.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["dateActualisation"] = (offer.PublishedAt ?? offer.CreatedAt).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["lieuTravail"] = new JsonObject
            {
                ["libelle"] = $"{commune.InseeCode[..2]} - {commune.Name.ToUpper(French)}",
                ["latitude"] = commune.Latitude,
                ["longitude"] = commune.Longitude,
                ["codePostal"] = commune.PostalCode,
                ["commune"] = commune.InseeCode,
            },
            ["romeCode"] = offer.RomeCode,
            ["entreprise"] = new JsonObject { ["nom"] = firm.Name, ["entrepriseAdaptee"] = false },
            ["typeContrat"] = type,
            ["typeContratLibelle"] = typeLabel,
            ["natureContrat"] = nature,
            ["experienceExige"] = experience.Item1,
            ["experienceLibelle"] = experience.Item2,
            ["salaire"] = new JsonObject { ["libelle"] = salary },
            ["dureeTravailLibelle"] = $"{offer.WeeklyHours.ToString("0.##", French)}H Horaires normaux",
            ["dureeTravailLibelleConverti"] = partTime ? "Temps partiel" : "Temps plein",
            ["alternance"] = offer.ContractKind == ContractKind.Apprenticeship,
            ["nombrePostes"] = offer.Positions,
            ["codeNAF"] = firm.NafCode,
        };
    }
}
