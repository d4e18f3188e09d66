using System.Text;
using CarteBlanche.Rights;
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
    public void A_file_saved_in_windows_1252_is_refused_at_its_first_accent_not_stored_with_broken_names()
    {
        // A spreadsheet's plain « CSV » is Windows-1252: « é » is one byte that is not UTF-8. Read as the importer reads.
        var csv = "identifiant;nom_naissance;prenoms;sexe;date_naissance\nA1;Delmas;Odette;F;1984-12-12\nA2;Roques;Hélène;F;1980-01-01\n";
        var file = new OperatorFile(Caf);
        var people = new List<SharedPerson>();
        using var reader = new StreamReader(new MemoryStream(Encoding.Latin1.GetBytes(csv)), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

        Assert.False(file.Read(reader, "caf.csv", people.Add));
        Assert.Equal("ligne 3 : caractère illisible : le fichier n'est pas enregistré en UTF-8 (dans un tableur, enregistrez-le en « CSV UTF-8 »)", file.Errors.Single().ToString());

        var json = "{\"identifiant\": \"A2\", \"nom_naissance\": \"Roques\", \"prenoms\": \"Hélène\", \"sexe\": \"F\", \"date_naissance\": \"1980-01-01\"}\n";
        people.Clear(); // a refused file's persons are never kept (the importer removes what it wrote)
        var jsonFile = new OperatorFile(Caf);
        using var jsonReader = new StreamReader(new MemoryStream(Encoding.Latin1.GetBytes(json)), Encoding.UTF8);
        Assert.False(jsonFile.Read(jsonReader, "caf.jsonl", people.Add));
        Assert.StartsWith("ligne 1 : caractère illisible : le fichier n'est pas enregistré en UTF-8", jsonFile.Errors.Single().ToString(), StringComparison.Ordinal);
        Assert.Empty(people);

        // The same file in UTF-8 is read whole, accents included.
        using var utf8 = new StreamReader(new MemoryStream(Encoding.UTF8.GetBytes(csv)), Encoding.UTF8);
        Assert.True(new OperatorFile(Caf).Read(utf8, "caf.csv", people.Add));
        Assert.Equal("Hélène", people[1].FirstNames);
    }

    [Fact]
    public void Broken_json_says_where_in_french()
    {
        var (file, _, ok) = Read("""
            {"identifiant": "A1", "nom_naissance": "Delmas", "prenoms": "Odette", "sexe": "F", "date_naissance": "1984-12-12"}
            {"identifiant": "A2", "nom_naissance": "Rouquié" "prenoms": "Jean"}
            """, "caf.jsonl");
        Assert.False(ok);
        Assert.Equal("ligne 2 : JSON invalide au caractère 50", file.Errors.Single().ToString());
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

    // Inputs of the fuzz test (Fuzzing/OperatorFileFuzzTests) that failed with other exceptions, had errors without their
    // line, or were accepted though PostgreSQL would refuse to store them (a NUL, a value longer than its column).

    [Fact]
    public void An_unknown_field_is_refused_on_every_line_it_is_on()
    {
        // Fuzz input 159: the field was checked on its first line only; on the third, KeyNotFoundException.
        var (file, _, ok) = Read("""
            {"iédentifiant": "A2", "foyer": "F1", "role": "enfant", "nom_naissance": "Roques", "prenoms": "Léo", "sexe": "M", "date_naissance": "2015-03-02", "code_insee_commune": "46042", "rsa": null}
            {"identifiant": "A1", "foyer": "F1", "role": "allocataire", "nir": "2 84 12 46 042 015 55", "nom_naissance": "Delmas", "nom_usage": "Roques", "prenoms": "Odette Marie", "sexe": "F", "date_naissance": "12/12/1984", "code_insee_naissance": "46042", "code_insee_commune": "46042", "rsa": true, "revenus_activite:2026-05": 812.4}
            {"iédentifiant": "A2", "foyer": "F1", "role": "enfant", "nom_naissance": "Roques", "prenoms": "Léo", "sexe": "M", "date_naissance": "2015-03-02", "code_insee_commune": "46042", "rsa": null}
            """ + "\n", "caf.jsonl");

        Assert.False(ok);
        Assert.Equal([1, 3], file.Errors.Where(e => e.Message.StartsWith("champ inconnu « ie\u0301dentifiant »", StringComparison.Ordinal)).Select(e => e.Line));
    }

    [Fact]
    public void A_nir_with_arabic_digits_is_invalid_not_an_exception()
    {
        // Fuzz input 851: « ١٢ » matched the NIR's \d and its key's int.Parse threw FormatException.
        var (file, _, ok) = Read("""
            {"identifiant": "A1", "foyer": "F1", "role": "allocataire", "nir": "2 84 12 46 042 015 ١٢", "nom_naissance": "Delmas", "nom_usage": "Roques", "prenoms": "Odette Marie", "sexe": "F", "date_naissance": "12/12/1984", "code_insee_naissance": "46042", "code_insee_commune": "46042", "rsa": true, "revenus_activite:2026-05": 812.4}
            {"identifiant": "A2", "foyer": "F1", "role": "enfant", "nom_naissance": "Roques", "prenoms": "Léo", "sexe": "M", "date_naissance": "2015-03-02", "code_insee_commune": "46042", "rsa": null}
            """ + "\n", "caf.jsonl");

        Assert.False(ok);
        Assert.StartsWith("ligne 1 : NIR invalide : Le numéro de sécurité sociale compte 15 caractères", file.Errors.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Half_a_character_in_json_lines_is_refused_with_its_line()
    {
        // Fuzz input 391: « \ud800 » alone; System.Text.Json threw InvalidOperationException when the text was read.
        var (file, _, ok) = Read("""
            {"identifiant": "A1", "foyer": "F1", "role": "allocataire", "nir": "\ud800", "nom_naissance": "Delmas", "nom_usage": "Roques", "prenoms": "Odette Marie", "sexe": "F", "date_naissance": "12/12/1984", "code_insee_naissance": "46042", "code_insee_commune": "46042", "rsa": true, "revenus_activite:2026-05": 812.4}
            {"identifiant": "A2", "foyer": "F1", "role": "enfant", "nom_naissance": "Roques", "prenoms": "Léo", "sexe": "M", "date_naissance": " 12 -03-02", "code_insee_commune": "46042", "rsa": null}
            """ + "\n", "caf.jsonl");

        Assert.False(ok);
        Assert.Equal("ligne 1 : texte illisible : un « \\u » n'y donne qu'une moitié de caractère", file.Errors[0].ToString());
    }

    private static OperatorFile LotFile(DemoOperator of)
    {
        var operators = new Dictionary<DemoOperator, Guid> { [DemoOperator.Caf] = Guid.NewGuid(), [DemoOperator.FranceTravail] = Guid.NewGuid(), [DemoOperator.Cpam] = Guid.NewGuid() };
        return new OperatorFile(RightsDemoData.Dictionary(operators).Where(a => a.OperatorId == operators[of]).ToList());
    }

    [Fact]
    public void A_nul_in_a_name_is_refused_with_its_line()
    {
        // Fuzz input 30 (a synthetic Lot's CPAM file): accepted, and PostgreSQL refuses a NUL in a text (the import failed).
        var file = LotFile(DemoOperator.Cpam);

        Assert.False(file.Read(new StringReader("identifiant;foyer;role;nir;nom_naissance;nom_usage;prenoms;sexe;date_naissance;code_insee_naissance;code_insee_commune;css;css_avec_participation;revenus_activite:2025-05;revenus_activite:2025-06;revenus_activite:2025-07;revenus_activite:2025-08;revenus_activite:2025-09;revenus_activite:2025-10;revenus_activite:2025-11;revenus_activite:2025-12;revenus_activite:2026-01;revenus_activite:2026-02;revenus_activite:2026-03;revenus_activite:2026-04;revenus_activite:2026-05;autres_revenus:2025-05;autres_revenus:2025-06;autres_revenus:2025-07;autres_revenus:2025-08;autres_revenus:2025-09;autres_revenus:2025-10;autres_revenus:2025-11;autres_revenus:2025-12;autres_revenus:2026-01;autres_revenus:2026-02;autres_revenus:2026-03;autres_revenus:2026-04;autres_revenus:2026-05\n"
            + "AM122969861;38339063;allocataire;160064604274567;Monferreau;;Raymond, Ludovic;M;1960-06-05;46042;46148;non;;;;;;;;;;;;;;;1449.31;1449.31;1449.31;1449.31;1449.31;1449.31;1449.31;1449.31;1449.31;1449.31;1449.31;1449.31;1449.31\n"
            + "AM567734640;47893584;allocataire;194044604227206;Collier;;Christophe, André;M;1994-04-01;46042;46140;non;;2489.26;1993.03;2127.14;3659.21;;;;;1369.5;1273.71;2551.36;3791.93;3234.71;;;;;1967.93;1967.93;1967.93;1967.93;;;;;\n"
            + "AM898693328;93189131;allocataire;187124614957865;Belbasteau;;Georges, Yannick, Lucien;M;1987-12-05;46149;46322;oui;non;;;;;432.39;648.8;438.73;;;;;;;567.79;567.79;567.79;567.79;;;;567.79;567.79;567.79;567.79;567.79;567.79\n"
            + "AM555650358;93189131;conjoint;290056912390474;Monvinceau;;Charlotte, Hélène, Fabienne;F;1990-05-10;69123;46322;;;;;;;;;;;;;;;;;;;;;;;;;;;;\n"
            + "AM568718557;38649576;allocataire;202054603723709;Dos Santos;Barthélemy;C\0laudine, Véronique;F;2002-05-05;46037;46109;non;;1062.22;1045.19;749.38;990.09;1489.5;473.03;1307.96;747.76;1359.91;723.75;1278.98;1212.4;961.6;;;;;;;;;;;;;\n"), "cpam.csv", _ => { }));
        Assert.Equal("ligne 6 : « prenoms » contient un caractère de contrôle (U+0000) : retirez-le", file.Errors.Single().ToString());
    }

    [Fact]
    public void An_unclosed_quote_is_named_with_the_files_own_line()
    {
        // Fuzz input 165 (a synthetic Lot's France Travail file): the error had no line, and its text named line 6 (the
        // lines after the header counted from 1).
        var file = LotFile(DemoOperator.FranceTravail);

        Assert.False(file.Read(new StringReader("\uFEFFidentifiant;foyer;role;nir;nom_naissance;nom_usage;prenoms;sexe;date_naissance;code_insee_naissance;code_insee_commune;inscription_categorie;allocation_chomage:2025-05;allocation_chomage:2025-06;allocation_chomage:2025-07;allocation_chomage:2025-08;allocation_chomage:2025-09;allocation_chomage:2025-10;allocation_chomage:2025-11;allocation_chomage:2025-12;allocation_chomage:2026-01;allocation_chomage:2026-02;allocation_chomage:2026-03;allocation_chomage:2026-04;allocation_chomage:2026-05\n"
            + "\n"
            + "FT94960688;;personne;;BELBASTEAU;;GEORGES;M;1987-12-05;;46322;A;567.79;567.79;567.79;567.79;;;;567.79;567.79;567.79;567.79;567.79;567.79\n"
            + "FT54153870;;personne;;MONVINCEAU;;CHARLOTTE;F;1990-05-10;69123;46322;A;;;;;;;;;;;;;\n"
            + "FT90007737;;personne;;BARTHELEMY;;THIERRY;M;2004-03-19;46042;46109;C;806.5;806.5;806.5;806.5;806.5;806.5;806.5;806.5;806.5;806.5;806.5;;\n"
            + "FT47478778;;personne;;MONCHASTIE;;ANDRE;M;1975-04-02;13055;46095;C;;;773.43;;;;;773.43;773.43;;773.43;;\n"
            + "FT35204654;;personne;194044604227206;COLLIER;;CHRISTOPHE;\";1994-04-01;46042;46042;C;;;;;1967.93;1967.93;1967.93;1967.93;;;;;"), "france-travail.csv", _ => { }));
        Assert.Equal("ligne 7 : guillemet non fermé au champ 8 : il court jusqu'à la fin du fichier", file.Errors.Single().ToString());
    }

    [Fact]
    public void A_household_or_usage_name_longer_than_its_column_is_refused()
    {
        // The fuzz test's long lines: a « foyer » of 29,955 characters (input 344), a « nom_usage » of 86,763 (input 10),
        // accepted, and PostgreSQL refuses a value longer than its column.
        var (file, _, ok) = Read($"identifiant,foyer,nom_naissance,nom_usage,prenoms,sexe,date_naissance\nA1,{new string('9', 61)},Delmas,{new string('a', 101)},Odette,F,1984-12-12\n");

        Assert.False(ok);
        Assert.Equal(["ligne 2 : identifiant du foyer trop long (60 caractères au plus)", "ligne 2 : nom d'usage trop long (100 caractères au plus)"], file.Errors.Select(e => e.ToString()));
    }
}
