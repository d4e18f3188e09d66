using System.Globalization;
using System.Text.RegularExpressions;

namespace CarteBlanche.Platform.People;

/// <summary>
/// Numéro d'inscription au répertoire (numéro de sécurité sociale): 13 characters and a 2-digit key,
/// key = 97 − (number mod 97), with Corsica's 2A/2B read as 19/18 for the computation.
/// </summary>
public static partial class Nir
{
    /// <summary>Spaces and dots removed, upper case: "1 84 12 76 451 089 46" → "184127645108946".</summary>
    public static string Normalise(string text) => Separators().Replace(text ?? "", "").ToUpperInvariant();

    /// <summary>null when valid, else a French message that says what is wrong.</summary>
    public static string? Check(string text)
    {
        var nir = Normalise(text);
        if (!Shape().IsMatch(nir))
        {
            return "Le numéro de sécurité sociale compte 15 caractères : 13 chiffres (2A ou 2B pour la Corse) et une clé de 2 chiffres.";
        }
        var body = nir[..13].Replace("2A", "19", StringComparison.Ordinal).Replace("2B", "18", StringComparison.Ordinal);
        if (!long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return "Le numéro de sécurité sociale contient des caractères invalides.";
        }
        var expected = 97 - (int)(number % 97);
        var key = int.Parse(nir[13..], CultureInfo.InvariantCulture);
        return key == expected ? null : "La clé du numéro de sécurité sociale ne correspond pas au numéro : vérifiez chaque chiffre.";
    }

    /// <summary>"1 84 12 76 451 089 46" for display.</summary>
    public static string Format(string nir)
    {
        var n = Normalise(nir);
        return n.Length != 15 ? n : $"{n[0]} {n[1..3]} {n[3..5]} {n[5..7]} {n[7..10]} {n[10..13]} {n[13..]}";
    }

    [GeneratedRegex(@"[\s.\-]")]
    private static partial Regex Separators();

    // [0-9], not \d: \d takes any script's digits (« ١٢ »), which the key's parsing then refuses with an exception.
    [GeneratedRegex(@"^[1-478][0-9]{2}(0[1-9]|1[0-2]|[2-9][0-9])([0-9]{2}|2A|2B)[0-9]{6}[0-9]{2}$")]
    private static partial Regex Shape();
}
