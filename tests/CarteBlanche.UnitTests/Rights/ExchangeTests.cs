using CarteBlanche.Rights.Conventions;
using CarteBlanche.Rights.Exchange;
using Xunit;

namespace CarteBlanche.UnitTests.Rights;

/// <summary>Operators' files and API Particulier's answers read into shared persons; bad input named by line.</summary>
public sealed class ExchangeTests
{
    private static readonly SharedAttribute[] Caf =
    [
        Attribute("rsa", AttributeType.YesNo),
        Attribute("quotient_familial", AttributeType.Amount),
        Attribute("revenus_activite", AttributeType.Amount),
    ];

    private static SharedAttribute Attribute(string code, AttributeType type) => new() { Code = code, Label = code, Source = "test", Type = type };

    private static (OperatorFile File, List<SharedPerson> People, bool Ok) Read(string text, string fileName = "caf.csv")
    {
        var file = new OperatorFile(Caf);
        var people = new List<SharedPerson>();
        var ok = file.Read(new StringReader(text), fileName, people.Add);
        return (file, people, ok);
    }

    [Fact]
    public void A_csv_file_with_semicolons_gives_each_person_with_their_facts_by_month()
    {
        var (_, people, ok) = Read("""
            identifiant;foyer;role;nir;nom_naissance;nom_usage;prenoms;sexe;date_naissance;code_insee_naissance;code_insee_commune;rsa;revenus_activite:2026-08;revenus_activite:2026-09
            A1;F1;allocataire;2 84 12 46 042 015 55;Delmas;Roques;Odette Marie;F;12/12/1984;46042;46042;oui;312,50;0
            A2;F1;enfant;;Roques;;Léo;M;2015-03-02;;46042;;;
            """);
        Assert.True(ok);
        Assert.Equal(2, people.Count);
        var odette = people[0];
        Assert.Equal(("Delmas", "Roques", 'F', PersonRole.Applicant), (odette.BirthName, odette.UsageName, odette.Sex, odette.Role));
        Assert.Equal(new DateOnly(1984, 12, 12), odette.BirthDate);
        Assert.Equal("284124604201555", odette.Nir);
        Assert.Equal("oui", odette.Facts["rsa"]);
        Assert.Equal("312.50", odette.Facts["revenus_activite:2026-08"]);
        Assert.Empty(people[1].Facts);
        Assert.Equal(PersonRole.Child, people[1].Role);
    }

    [Fact]
    public void A_wrong_column_rejects_the_file_at_its_header()
    {
        var (file, people, ok) = Read("identifiant,nom_naissance,prenoms,sexe,date_naissance,aspa\nA1,Delmas,Odette,F,1984-12-12,oui\n");
        Assert.False(ok);
        Assert.Empty(people);
        Assert.Equal("ligne 1 : colonne 6 « aspa » inconnue : ni une colonne d'identité, ni une donnée que la convention permet à l'organisme de partager", file.Errors.Single().ToString());
    }

    [Fact]
    public void A_malformed_nir_a_duplicate_and_a_bad_amount_are_each_named_with_their_line()
    {
        var (file, _, ok) = Read("""
            identifiant,nir,nom_naissance,prenoms,sexe,date_naissance,quotient_familial
            A1,184127645108946,Delmas,Odette,F,1984-12-12,612
            A2,184127645108947,Roques,Jean,M,1980-01-01,500
            A1,,Delmas,Odette,F,1984-12-12,612
            A3,,Vidal,Anne,X,1990-13-01,beaucoup
            """);
        Assert.False(ok);
        var errors = file.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("ligne 3 : NIR invalide : La clé du numéro de sécurité sociale ne correspond pas au numéro : vérifiez chaque chiffre.", errors);
        Assert.Contains("ligne 4 : identifiant « A1 » en double (déjà ligne 2)", errors);
        Assert.Contains("ligne 5 : sexe « X » : M ou F attendu", errors);
        Assert.Contains("ligne 5 : date de naissance « 1990-13-01 » : AAAA-MM-JJ ou JJ/MM/AAAA attendu", errors);
        Assert.Contains("ligne 5 : « quotient_familial » = « beaucoup » : un nombre est attendu (1234.56)", errors);
        Assert.Equal(5, file.ErrorCount);
    }

    [Fact]
    public void Json_lines_are_read_like_the_csv_and_an_unknown_field_is_refused()
    {
        var (_, people, ok) = Read("""
            {"identifiant": "A1", "nom_naissance": "Delmas", "prenoms": "Odette", "sexe": "F", "date_naissance": "1984-12-12", "rsa": true, "revenus_activite:2026-09": 812.4}
            """, "caf.jsonl");
        Assert.True(ok);
        Assert.Equal("oui", people.Single().Facts["rsa"]);
        Assert.Equal("812.4", people.Single().Facts["revenus_activite:2026-09"]);

        var (file, _, refused) = Read("""
            {"identifiant": "A1", "nom_naissance": "Delmas", "prenoms": "Odette", "sexe": "F", "date_naissance": "1984-12-12"}
            {"identifiant": "A2", "nom_naissance": "Roques", "prenoms": "Jean", "sexe": "M", "date_naissance": "1980-01-01", "salaire": 1}
            not json
            """, "caf.jsonl");
        Assert.False(refused);
        Assert.Equal("ligne 2 : champ inconnu « salaire » : ni une colonne d'identité, ni une donnée que la convention permet à l'organisme de partager", file.Errors[0].ToString());
        Assert.StartsWith("ligne 3 : JSON invalide", file.Errors[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_an_error_not_an_empty_import()
    {
        var (file, _, ok) = Read("identifiant,nom_naissance,prenoms,sexe,date_naissance\n");
        Assert.False(ok);
        Assert.Equal("le fichier ne contient aucune personne", file.Errors.Single().Message);
    }

    [Fact]
    public void The_quotient_familial_answer_gives_the_household_with_the_quotient_on_the_allocataires()
    {
        var people = ApiParticulier.ReadQuotientFamilial("""
            {"data": {"quotient_familial": {"fournisseur": "CNAF", "valeur": 612, "annee": 2026, "mois": 9, "annee_calcul": 2026, "mois_calcul": 10},
              "allocataires": [{"nom_naissance": "DELMAS", "nom_usage": "ROQUES", "prenoms": "ODETTE MARIE", "date_naissance": "1984-12-12", "sexe": "F"},
                               {"nom_naissance": "ROQUES", "nom_usage": null, "prenoms": "JEAN", "date_naissance": "1980-01-01", "sexe": "M"}],
              "enfants": [{"nom_naissance": "ROQUES", "nom_usage": null, "prenoms": "LEO", "date_naissance": "2015-03-02", "sexe": "M"}],
              "adresse": null},
             "links": {}, "meta": {}}
            """, "0001234");
        Assert.Equal([PersonRole.Applicant, PersonRole.Partner, PersonRole.Child], people.Select(p => p.Role));
        Assert.All(people, p => Assert.Equal("0001234", p.HouseholdId));
        Assert.Equal("612", people[0].Facts["quotient_familial"]);
        Assert.Equal("CNAF", people[1].Facts["quotient_familial_fournisseur"]);
        Assert.Equal("2026-09", people[0].Facts["quotient_familial_mois"]);
        Assert.Empty(people[2].Facts);
        Assert.Equal("ROQUES", people[0].UsageName);
    }

    [Fact]
    public void Status_answers_carry_the_asked_civil_status_and_the_benefit()
    {
        var asked = new CivilStatusQuery("DELMAS", "ODETTE", 'F', new DateOnly(1984, 12, 12), "46042");
        var rsa = ApiParticulier.ReadRsa("""{"data": {"est_beneficiaire": true, "avec_majoration": false, "date_debut_droit": "2025-11-01"}, "links": {}, "meta": {}}""", asked, "q1");
        Assert.Equal("oui", rsa.Facts["rsa"]);
        Assert.Equal("non", rsa.Facts["rsa_majoration"]);
        Assert.Equal("2025-11-01", rsa.Facts["rsa_date_debut"]);
        Assert.Equal(("DELMAS", "46042"), (rsa.BirthName, rsa.BirthPlace));

        var css = ApiParticulier.ReadComplementaireSanteSolidaire("""{"data": {"est_beneficiaire": false, "avec_participation": false, "date_debut_droit": null}, "links": {}, "meta": {}}""", asked, "q2");
        Assert.Equal("non", css.Facts["css"]);
        Assert.False(css.Facts.ContainsKey("css_avec_participation"));

        var error = Assert.Throws<ApiParticulierException>(() => ApiParticulier.ReadRsa("""{"errors": [{"code": "37003", "title": "Entité non trouvée", "detail": "Dossier allocataire inexistant.", "source": null, "meta": {}}]}""", asked, "q3"));
        Assert.Equal("API Particulier a répondu par une erreur 37003 : Entité non trouvée — Dossier allocataire inexistant.", error.Message);
        Assert.Throws<ApiParticulierException>(() => ApiParticulier.ReadRsa("""{"data": {"avec_majoration": true}}""", asked, "q4"));
        Assert.Throws<ApiParticulierException>(() => ApiParticulier.ReadRsa("<html>", asked, "q5"));
    }

    [Fact]
    public void The_france_travail_status_gives_identity_category_and_dates()
    {
        var person = ApiParticulier.ReadFranceTravailStatus("""
            {"data": {"identifiant": "123461A",
              "identite": {"civilite": "Mme", "nom_naissance": "Vidal", "nom_usage": null, "prenom": "Anne", "sexe": "Féminin", "date_naissance": "1990-08-15"},
              "contact": {"email": null, "telephone": null, "telephone2": null},
              "adresse": {"code_cog_insee_commune": "46042", "code_postal": "46000", "localite": "46000 CAHORS"},
              "inscription": {"date_debut": "2026-03-01", "date_fin": null, "code_certification_cnav": "VC", "categorie": {"code": 1, "libelle": "PERSONNE SANS EMPLOI DISPONIBLE DUREE INDETERMINEE PLEIN TPS"}}},
             "links": {}, "meta": {}}
            """);
        Assert.Equal(("123461A", "Vidal", 'F', "46042"), (person.SourceId, person.BirthName, person.Sex, person.Commune));
        Assert.Equal("1", person.Facts["inscription_categorie"]);
        Assert.Equal("2026-03-01", person.Facts["inscription_date_debut"]);
        Assert.False(person.Facts.ContainsKey("inscription_date_fin"));
    }

    [Fact]
    public void Facts_are_encrypted_with_a_fresh_nonce_and_a_changed_byte_is_refused()
    {
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        const string Facts = "{\"rsa\":\"oui\",\"revenus_activite:2026-09\":\"412.5\"}";
        var once = FactCipher.Encrypt(key, Facts);
        var twice = FactCipher.Encrypt(key, Facts);
        Assert.NotEqual(once, twice); // the same facts do not give the same text
        Assert.DoesNotContain("412.5", once, StringComparison.Ordinal);
        Assert.Equal(Facts, FactCipher.Decrypt(key, once));
        var bytes = Convert.FromBase64String(once[3..]);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => FactCipher.Decrypt(key, "g1:" + Convert.ToBase64String(bytes)));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => FactCipher.Decrypt(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), once));
    }

    [Fact]
    public void An_amount_already_in_its_stable_form_is_kept_as_is_and_the_others_are_normalised_as_before()
    {
        static string? Slow(string value) => decimal.TryParse(value.Replace(',', '.').Replace(" ", "", StringComparison.Ordinal),
            System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        var random = new Random(7);
        var alphabet = "0123456789.,- +e";
        var values = new List<string> { "412.50", "0.5", "0", "00", "007", "0.0", "1200", "-0", "-12.5", "1 200,50", "12.", ".5", "1.2.3", "99999999999999999999999999999", "9999999999999999999999999999", "1.000000000000000000000000001" };
        for (var i = 0; i < 20000; i++)
        {
            values.Add(new string(Enumerable.Range(0, random.Next(1, 9)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
        }
        foreach (var value in values)
        {
            Assert.Equal(Slow(value), OperatorFile.Normalise(CarteBlanche.Rights.Conventions.AttributeType.Amount, value));
        }
        Assert.True(OperatorFile.IsStableNumber("412.50"));
        Assert.False(OperatorFile.IsStableNumber("0412.50"));
    }
}
