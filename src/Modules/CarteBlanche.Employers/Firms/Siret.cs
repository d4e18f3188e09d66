namespace CarteBlanche.Employers.Firms;

/// <summary>
/// A SIRET: 14 digits, the SIREN (9) and the establishment's number (5), whose key is Luhn's (the sum of the digits,
/// every second one doubled from the right, is a multiple of 10). La Poste's establishments (SIREN 356 000 000) are
/// numbered beyond Luhn's range: theirs is valid when its digits add up to a multiple of 5 (INSEE's rule).
/// </summary>
public static class Siret
{
    /// <summary>The SIRET without spaces, or null with the French reason it is not one.</summary>
    public static (string? Siret, string? Error) Parse(string? text)
    {
        var digits = new string((text ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length == 0)
        {
            return (null, "SIRET : indiquez les 14 chiffres du SIRET de l'établissement.");
        }
        if (digits.Length != 14 || !digits.All(char.IsAsciiDigit))
        {
            return (null, $"SIRET : « {text!.Trim()} » n'a pas 14 chiffres (il en faut 14 : 9 pour le SIREN, 5 pour l'établissement).");
        }
        if (!IsValid(digits))
        {
            return (null, $"SIRET : « {Format(digits)} » n'est pas un SIRET valide (sa clé de contrôle ne correspond pas) : vérifiez chaque chiffre.");
        }
        return (digits, null);
    }

    public static bool IsValid(string digits)
    {
        if (digits.Length != 14 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }
        if (digits.StartsWith("356000000", StringComparison.Ordinal) && digits.Sum(c => c - '0') % 5 == 0)
        {
            return true;
        }
        var sum = 0;
        for (var i = 0; i < 14; i++)
        {
            var digit = digits[13 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /// <summary>« 123 456 789 00012 » : SIREN by threes, then the establishment's number.</summary>
    public static string Format(string digits) =>
        digits.Length == 14 ? $"{digits[..3]} {digits[3..6]} {digits[6..9]} {digits[9..]}" : digits;
}
