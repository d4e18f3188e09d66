using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace CarteBlanche.Web.Hosting;

/// <summary>The model binder's own messages ("The value 'x' is not valid..."), in French.</summary>
internal static class FrenchModelBinding
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"La valeur « {value} » n'est pas valide pour ce champ.");
        p.SetMissingBindRequiredValueAccessor(field => "Ce champ est obligatoire.");
        p.SetMissingKeyOrValueAccessor(() => "Ce champ est obligatoire.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire est vide.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Saisissez un nombre.");
        p.SetUnknownValueIsInvalidAccessor(field => "La valeur saisie n'est pas valide pour ce champ.");
        p.SetValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
        p.SetValueMustBeANumberAccessor(field => "Saisissez un nombre.");
        p.SetValueMustNotBeNullAccessor(value => "Ce champ est obligatoire.");
    }
}
