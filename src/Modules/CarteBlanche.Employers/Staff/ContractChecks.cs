using CarteBlanche.Platform.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CarteBlanche.Employers.Staff;

/// <summary>What a new contract must respect, whether the employee is recorded directly or hired from an offer: the errors go under « Form.… ».</summary>
public static class ContractChecks
{
    public static void Check(ModelStateDictionary state, ContractKind kind, DateOnly? start, DateOnly? end, string? cddReason, DateOnly? birthDate, DateOnly today)
    {
        if (birthDate is { } birth && (birth > today.AddYears(-14) || birth < today.AddYears(-100)))
        {
            state.AddModelError("Form.BirthDate", "Date de naissance : le salarié doit avoir entre 14 et 100 ans.");
        }
        if (kind is ContractKind.Cdd or ContractKind.Apprenticeship && end == null)
        {
            state.AddModelError("Form.End", $"Fin du contrat : un {Labels.Of(kind)} a une date de fin.");
        }
        if (kind == ContractKind.Cdi && end != null)
        {
            state.AddModelError("Form.End", "Fin du contrat : un CDI n'a pas de date de fin ; laissez la case vide.");
        }
        if (start is { } first && end is { } last && last < first)
        {
            state.AddModelError("Form.End", $"Fin du contrat : le contrat finirait le {FrenchFormat.Date(last)}, avant de commencer le {FrenchFormat.Date(first)}.");
        }
        if (kind == ContractKind.Cdd && string.IsNullOrWhiteSpace(cddReason))
        {
            state.AddModelError("Form.CddReason", "Motif du CDD : un CDD n'est possible que pour un motif prévu par la loi (remplacement d'un salarié absent, accroissement temporaire d'activité, emploi saisonnier…) ; indiquez-le.");
        }
    }
}
