using System.Globalization;
using System.Text.Json;

namespace CarteBlanche.Rights.Exchange;

/// <summary>The civil status a status endpoint of API Particulier v3 was asked about (its answer holds none).</summary>
public sealed record CivilStatusQuery(string BirthName, string FirstNames, char Sex, DateOnly BirthDate, string? BirthPlace);

/// <summary>An error answered by API Particulier (<c>errors[]</c>), or a body it would never send.</summary>
public sealed class ApiParticulierException(string message) : Exception(message);

/// <summary>
/// Adapters that read API Particulier v3's JSON as it is, into <see cref="SharedPerson"/>s with facts named by the data
/// dictionary's codes. Persons are identified by civil status, never by NIR. Shapes as in the state's staging data
/// (etalab/siade_staging_data): <c>{ "data": {…}, "links": {}, "meta": {} }</c>, errors as <c>{ "errors": [{ code, title, detail }] }</c>.
/// </summary>
public static class ApiParticulier
{
    /// <summary>
    /// « Quotient familial CAF &amp; MSA » (<c>/v3/dss/quotient_familial/identite</c>): the household — allocataires then
    /// children — with the quotient (<c>quotient_familial</c>, <c>quotient_familial_fournisseur</c>, <c>quotient_familial_mois</c>)
    /// on the allocataires. The household id is the operator's and the month's.
    /// </summary>
    public static IReadOnlyList<SharedPerson> ReadQuotientFamilial(string json, string householdId)
    {
        var data = Data(json);
        var qf = Required(data, "quotient_familial");
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["quotient_familial"] = Number(Required(qf, "valeur")),
            ["quotient_familial_fournisseur"] = Text(Required(qf, "fournisseur")),
            ["quotient_familial_mois"] = $"{Int(Required(qf, "annee")):0000}-{Int(Required(qf, "mois")):00}",
        };
        var people = new List<SharedPerson>();
        var n = 0;
        foreach (var (array, role) in new[] { ("allocataires", PersonRole.Applicant), ("enfants", PersonRole.Child) })
        {
            if (!data.TryGetProperty(array, out var members) || members.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            foreach (var m in members.EnumerateArray())
            {
                n++;
                var actualRole = role == PersonRole.Applicant && n > 1 ? PersonRole.Partner : role;
                people.Add(new SharedPerson($"{householdId}-{n}", householdId, actualRole, null, Text(Required(m, "nom_naissance")), OptionalText(m, "nom_usage"),
                    Text(Required(m, "prenoms")), Sex(OptionalText(m, "sexe")), Date(OptionalText(m, "date_naissance")), null, null,
                    role == PersonRole.Applicant ? facts : new Dictionary<string, string>()));
            }
        }
        if (people.Count == 0)
        {
            throw new ApiParticulierException("Réponse du quotient familial sans allocataire.");
        }
        return people;
    }

    /// <summary>« Statut revenu de solidarité active » (<c>/v3/dss/revenu_solidarite_active/identite</c>): <c>rsa</c>, <c>rsa_majoration</c>, <c>rsa_date_debut</c>.</summary>
    public static SharedPerson ReadRsa(string json, CivilStatusQuery asked, string sourceId) =>
        Status(json, asked, sourceId, "rsa", "avec_majoration", "rsa_majoration");

    /// <summary>« Statut prime d'activité » (<c>/v3/dss/prime_activite/identite</c>): <c>prime_activite</c>, <c>prime_activite_majoration</c>, <c>prime_activite_date_debut</c>.</summary>
    public static SharedPerson ReadPrimeActivite(string json, CivilStatusQuery asked, string sourceId) =>
        Status(json, asked, sourceId, "prime_activite", "avec_majoration", "prime_activite_majoration");

    /// <summary>« Statut allocation adulte handicapé » (<c>/v3/dss/allocation_adulte_handicape/identite</c>): <c>aah</c>, <c>aah_date_debut</c>.</summary>
    public static SharedPerson ReadAah(string json, CivilStatusQuery asked, string sourceId) =>
        Status(json, asked, sourceId, "aah", null, null);

    /// <summary>« Statut complémentaire santé solidaire » (<c>/v3/dss/complementaire_sante_solidaire/identite</c>): <c>css</c>, <c>css_avec_participation</c>, <c>css_date_debut</c>.</summary>
    public static SharedPerson ReadComplementaireSanteSolidaire(string json, CivilStatusQuery asked, string sourceId) =>
        Status(json, asked, sourceId, "css", "avec_participation", "css_avec_participation");

    /// <summary>
    /// « Statut demandeur d'emploi » of France Travail (<c>/v3/france_travail/statut/identifiant</c>): identity from the
    /// answer, <c>inscription_categorie</c> (code), <c>inscription_date_debut</c>, <c>inscription_date_fin</c>, and the
    /// commune of the address.
    /// </summary>
    public static SharedPerson ReadFranceTravailStatus(string json)
    {
        var data = Data(json);
        var identity = Required(data, "identite");
        var inscription = Required(data, "inscription");
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["inscription_categorie"] = Int(Required(Required(inscription, "categorie"), "code")).ToString(CultureInfo.InvariantCulture),
        };
        if (Date(OptionalText(inscription, "date_debut")) is { } start)
        {
            facts["inscription_date_debut"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        if (Date(OptionalText(inscription, "date_fin")) is { } end)
        {
            facts["inscription_date_fin"] = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        string? commune = null;
        if (data.TryGetProperty("adresse", out var address) && address.ValueKind == JsonValueKind.Object)
        {
            commune = OptionalText(address, "code_cog_insee_commune");
        }
        return new SharedPerson(Text(Required(data, "identifiant")), null, PersonRole.Person, null, Text(Required(identity, "nom_naissance")),
            OptionalText(identity, "nom_usage"), Text(Required(identity, "prenom")), Sex(OptionalText(identity, "sexe")),
            Date(OptionalText(identity, "date_naissance")), null, commune, facts);
    }

    private static SharedPerson Status(string json, CivilStatusQuery asked, string sourceId, string code, string? flag, string? flagCode)
    {
        var data = Data(json);
        var beneficiary = Required(data, "est_beneficiaire").ValueKind == JsonValueKind.True;
        var facts = new Dictionary<string, string>(StringComparer.Ordinal) { [code] = beneficiary ? "oui" : "non" };
        if (beneficiary && flag != null && data.TryGetProperty(flag, out var f) && f.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            facts[flagCode!] = f.ValueKind == JsonValueKind.True ? "oui" : "non";
        }
        if (beneficiary && Date(OptionalText(data, "date_debut_droit")) is { } start)
        {
            facts[code + "_date_debut"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return new SharedPerson(sourceId, null, PersonRole.Person, null, asked.BirthName, null, asked.FirstNames, asked.Sex, asked.BirthDate, asked.BirthPlace, null, facts);
    }

    private static JsonElement Data(string json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new ApiParticulierException($"Réponse d'API Particulier illisible : {e.Message.Split('.')[0]}.");
        }
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            var first = errors.EnumerateArray().FirstOrDefault();
            var title = first.ValueKind == JsonValueKind.Object ? OptionalText(first, "title") : null;
            var detail = first.ValueKind == JsonValueKind.Object ? OptionalText(first, "detail") : null;
            var errorCode = first.ValueKind == JsonValueKind.Object ? OptionalText(first, "code") : null;
            throw new ApiParticulierException($"API Particulier a répondu par une erreur{(errorCode != null ? $" {errorCode}" : "")} : {title ?? "sans titre"}{(detail != null ? $" — {detail}" : "")}");
        }
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new ApiParticulierException("Réponse d'API Particulier sans objet « data ».");
        }
        return data;
    }

    private static JsonElement Required(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new ApiParticulierException($"Réponse d'API Particulier incomplète : « {name} » manque.");

    private static string? OptionalText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text.Trim() : null;

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? value.GetString()!.Trim()
        : throw new ApiParticulierException($"Réponse d'API Particulier : texte attendu, « {value.GetRawText()} » reçu.");

    private static string Number(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? value.GetDecimal().ToString(CultureInfo.InvariantCulture)
        : throw new ApiParticulierException($"Réponse d'API Particulier : nombre attendu, « {value.GetRawText()} » reçu.");

    private static int Int(JsonElement value) => value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n)
        ? n
        : value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var parsed) ? parsed
        : throw new ApiParticulierException($"Réponse d'API Particulier : entier attendu, « {value.GetRawText()} » reçu.");

    private static DateOnly? Date(string? text) =>
        text != null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>« M », « F », « Masculin », « Féminin » (France Travail); '?' otherwise.</summary>
    private static char Sex(string? text) => text?.ToUpperInvariant() switch
    {
        "M" or "MASCULIN" => 'M',
        "F" or "FÉMININ" or "FEMININ" => 'F',
        _ => '?',
    };
}
