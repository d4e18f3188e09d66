using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace CarteBlanche.Employers.Firms;

/// <summary>A firm's identity and contacts as the HR expert types them, with French messages naming the field.</summary>
public sealed partial class FirmForm
{
    [Required(ErrorMessage = "Raison sociale : indiquez le nom de l'entreprise.")][MaxLength(200, ErrorMessage = "Raison sociale : 200 caractères au plus.")] public string? Name { get; set; }
    [MaxLength(20, ErrorMessage = "SIRET : 14 chiffres.")] public string? Siret { get; set; }
    [Required(ErrorMessage = "Code NAF : indiquez le code d'activité, par exemple 10.71C.")][MaxLength(6, ErrorMessage = "Code NAF : par exemple 10.71C.")] public string? NafCode { get; set; }
    [Required(ErrorMessage = "Effectif : indiquez le nombre de salariés.")][Range(0, 249, ErrorMessage = "Effectif : entre 0 et 249 salariés (le service accompagne les très petites entreprises).")] public int? Headcount { get; set; }
    [MaxLength(5, ErrorMessage = "IDCC : 4 chiffres, par exemple 0843.")] public string? Idcc { get; set; }
    [MaxLength(300, ErrorMessage = "Convention collective : 300 caractères au plus.")] public string? AgreementName { get; set; }
    [MaxLength(300, ErrorMessage = "Adresse : 300 caractères au plus.")] public string? Address { get; set; }
    [MaxLength(5)] public string? Commune { get; set; }
    [MaxLength(150, ErrorMessage = "Contact : 150 caractères au plus.")] public string? ContactName { get; set; }
    [MaxLength(30)][RegularExpression(@"^[0-9 +.]{4,20}$", ErrorMessage = "Téléphone : des chiffres, par exemple 05 65 35 04 32.")] public string? ContactPhone { get; set; }
    [MaxLength(254)][EmailAddress(ErrorMessage = "Courriel : une adresse comme nom@exemple.fr.")] public string? ContactEmail { get; set; }
    [Required(ErrorMessage = "Date d'inscription : indiquez le jour où l'entreprise entre dans le service.")] public DateOnly? EnrolledOn { get; set; }

    [GeneratedRegex(@"^(\d{2})\.?(\d{2})([A-Za-z])$")]
    private static partial Regex NafPattern();

    /// <summary>« 1071c » or « 10.71C » → « 10.71C »; null when it is not a NAF code.</summary>
    public static string? NormaliseNaf(string? text) =>
        NafPattern().Match((text ?? "").Trim()) is { Success: true } m ? $"{m.Groups[1].Value}.{m.Groups[2].Value}{m.Groups[3].Value.ToUpperInvariant()}" : null;

    /// <summary>« 843 » → « 0843 »; null when it is not 1 to 4 digits.</summary>
    public static string? NormaliseIdcc(string? text)
    {
        var trimmed = (text ?? "").Trim();
        return trimmed.Length is >= 1 and <= 4 && trimmed.All(char.IsAsciiDigit) ? trimmed.PadLeft(4, '0') : null;
    }

    /// <summary>Checks what annotations cannot (SIRET key, NAF and IDCC shapes, the commune), adding errors under <paramref name="prefix"/>; the SIRET, NAF and IDCC normalised.</summary>
    public async Task<(string? Siret, string? Naf, string? Idcc)> CheckAsync(CarteBlancheDbContext db, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string prefix, CancellationToken cancellationToken)
    {
        var (siret, siretError) = Firms.Siret.Parse(Siret);
        if (siretError != null)
        {
            state.AddModelError($"{prefix}.Siret", siretError);
        }
        var naf = NormaliseNaf(NafCode);
        if (naf == null && !string.IsNullOrWhiteSpace(NafCode))
        {
            state.AddModelError($"{prefix}.NafCode", $"Code NAF : « {NafCode.Trim()} » n'est pas un code d'activité (4 chiffres et une lettre, par exemple 10.71C).");
        }
        string? idcc = null;
        if (!string.IsNullOrWhiteSpace(Idcc))
        {
            idcc = NormaliseIdcc(Idcc);
            if (idcc == null)
            {
                state.AddModelError($"{prefix}.Idcc", $"IDCC : « {Idcc.Trim()} » n'est pas un identifiant de convention collective (4 chiffres, par exemple 0843).");
            }
        }
        if (!string.IsNullOrWhiteSpace(Commune) && !await db.Communes.AnyAsync(c => c.InseeCode == Commune, cancellationToken))
        {
            state.AddModelError($"{prefix}.Commune", "Commune : choisissez une commune du territoire dans la liste.");
        }
        return (siret, naf, idcc);
    }
}
