using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CarteBlanche.Network.Knowledge;

/// <summary>What a card's text must be, whether proposed or rewritten: written, not too long, and nothing the anonymiser would still take out.</summary>
public static class CardText
{
    public static void Check(ModelStateDictionary state, string? text, string key, string label, int max, IReadOnlyList<string>? names = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            state.AddModelError(key, $"{label} : à écrire.");
        }
        else if (text.Trim().Length > max)
        {
            state.AddModelError(key, $"{label} : {max:N0} caractères au plus.".Replace(',', ' '));
        }
        else if (Anonymiser.Clean(text, names) != text)
        {
            state.AddModelError(key, $"{label} : il reste des données personnelles (nom, date, numéro, adresse, téléphone ou e-mail) ; remplacez-les par un mot entre crochets, comme [nom].");
        }
    }
}
