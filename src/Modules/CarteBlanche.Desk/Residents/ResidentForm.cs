using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CarteBlanche.Desk.Residents;

/// <summary>What the agent types about a resident; <see cref="Validate"/> says in French what is wrong, field by field.</summary>
public sealed partial class ResidentForm
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? BirthName { get; set; }
    /// <summary>jj/mm/aaaa (or the yyyy-MM-dd of a date input).</summary>
    public string? BirthDate { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? PostalAddress { get; set; }
    public ContactChannel PreferredChannel { get; set; } = ContactChannel.Phone;
    public string? CommuneInseeCode { get; set; }
    public string? Nir { get; set; }
    public string? CafNumber { get; set; }
    public string? FranceTravailId { get; set; }

    public DateOnly ParsedBirthDate { get; private set; }

    public List<KeyValuePair<string, string>> Validate(DateOnly today)
    {
        var errors = new List<KeyValuePair<string, string>>();
        void Error(string field, string message) => errors.Add(new(field, message));

        // The columns' sizes: longer text is refused with its length, before anything else is checked or stored.
        foreach (var (field, value, max, what) in new (string, string?, int, string)[]
        {
            (nameof(FirstName), FirstName, DeskLimits.Name, "Le prénom"),
            (nameof(LastName), LastName, DeskLimits.Name, "Le nom"),
            (nameof(BirthName), BirthName, DeskLimits.Name, "Le nom de naissance"),
            (nameof(Phone), Phone, 30, "Le numéro de téléphone"),
            (nameof(Email), Email, 254, "L'adresse e-mail"),
            (nameof(PostalAddress), PostalAddress, 400, "L'adresse postale"),
            (nameof(CommuneInseeCode), CommuneInseeCode, 80, "La commune"),
            (nameof(Nir), Nir, 30, "Le numéro de sécurité sociale"),
            (nameof(CafNumber), CafNumber, 30, "Le numéro d'allocataire CAF"),
            (nameof(FranceTravailId), FranceTravailId, 30, "L'identifiant France Travail"),
        })
        {
            if (DeskLimits.CheckLength(value, max, what) is { } tooLong)
            {
                Error(field, tooLong);
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }

        if (string.IsNullOrWhiteSpace(FirstName))
        {
            Error(nameof(FirstName), "Saisissez le prénom.");
        }
        if (string.IsNullOrWhiteSpace(LastName))
        {
            Error(nameof(LastName), "Saisissez le nom.");
        }
        if (string.IsNullOrWhiteSpace(BirthDate))
        {
            Error(nameof(BirthDate), "Saisissez la date de naissance (jj/mm/aaaa).");
        }
        else if (!DateOnly.TryParseExact(BirthDate.Trim(), ["dd/MM/yyyy", "yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            Error(nameof(BirthDate), $"« {BirthDate} » n'est pas une date au format jj/mm/aaaa.");
        }
        else if (birth > today)
        {
            Error(nameof(BirthDate), "La date de naissance est dans le futur.");
        }
        else if (birth.Year < 1900)
        {
            Error(nameof(BirthDate), "La date de naissance est antérieure à 1900 : vérifiez l'année.");
        }
        else
        {
            ParsedBirthDate = birth;
        }
        if (!string.IsNullOrWhiteSpace(Phone) && !FrenchPhone().IsMatch(Phone.Trim()))
        {
            Error(nameof(Phone), "Le numéro de téléphone n'est pas valide (10 chiffres, par exemple 06 12 34 56 78, ou +33 6 12 34 56 78).");
        }
        if (!string.IsNullOrWhiteSpace(Email) && (!new EmailAddressAttribute().IsValid(Email.Trim()) || !Email.Contains('.', StringComparison.Ordinal)))
        {
            Error(nameof(Email), "L'adresse e-mail n'est pas valide (format attendu : nom@domaine.fr).");
        }
        if (PreferredChannel == ContactChannel.Email && string.IsNullOrWhiteSpace(Email))
        {
            Error(nameof(Email), "Le canal préféré est l'e-mail : saisissez l'adresse e-mail.");
        }
        if (PreferredChannel is ContactChannel.Sms or ContactChannel.Phone && string.IsNullOrWhiteSpace(Phone))
        {
            Error(nameof(Phone), "Le canal préféré est le téléphone ou le SMS : saisissez le numéro.");
        }
        if (PreferredChannel == ContactChannel.Letter && string.IsNullOrWhiteSpace(PostalAddress))
        {
            Error(nameof(PostalAddress), "Le canal préféré est le courrier : saisissez l'adresse postale.");
        }
        if (!string.IsNullOrWhiteSpace(Nir) && CarteBlanche.Platform.People.Nir.Check(Nir) is { } nirError)
        {
            Error(nameof(Nir), nirError);
        }
        if (!string.IsNullOrWhiteSpace(CafNumber) && !CafNumberShape().IsMatch(CafNumber.Trim()))
        {
            Error(nameof(CafNumber), "Le numéro d'allocataire CAF compte 7 chiffres (parfois précédés de zéros).");
        }
        if (!string.IsNullOrWhiteSpace(FranceTravailId) && !FranceTravailShape().IsMatch(FranceTravailId.Trim()))
        {
            Error(nameof(FranceTravailId), "L'identifiant France Travail compte 7 chiffres suivis d'une lettre ou d'un chiffre (par exemple 1234567A).");
        }
        return errors;
    }

    public static string? NormalisePhone(string? phone) => string.IsNullOrWhiteSpace(phone) ? null : Spaces().Replace(phone.Trim(), " ");

    [GeneratedRegex(@"^(?:(?:\+33|0033)\s?[1-9]|0[1-9])(?:[\s.\-]?\d{2}){4}$")]
    private static partial Regex FrenchPhone();

    [GeneratedRegex(@"^\d{7,8}$")]
    private static partial Regex CafNumberShape();

    [GeneratedRegex(@"^\d{7}[0-9A-Za-z]$")]
    private static partial Regex FranceTravailShape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
