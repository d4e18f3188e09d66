using CarteBlanche.Benefits;
using Xunit;

namespace CarteBlanche.UnitTests.Benefits;

/// <summary>The OpenFisca YAML runner: a wrong value fails with the test, variable, period, expected and actual; bad files are named.</summary>
public sealed class YamlTestRunnerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("benefits-yaml-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private YamlTestReport Run(string yaml)
    {
        File.WriteAllText(Path.Combine(_folder, "cas.yaml"), yaml);
        return YamlTests.Run([_folder]);
    }

    [Fact]
    public void A_right_value_passes_and_a_wrong_one_fails_with_expected_and_actual()
    {
        var report = Run("""
            - name: juste
              period: 2025-06
              absolute_error_margin: 0.01
              input:
                date_naissance: 1980-01-01
                statut_occupation_logement: locataire_vide
              output:
                rsa: 646.52
            - name: faux
              period: 2025-06
              absolute_error_margin: {default: 0.01, rsa: 0.5}
              input:
                date_naissance: 1980-01-01
                statut_occupation_logement: locataire_vide
              output:
                rsa: "646.52 * 2"
            """);
        Assert.Equal((1, 1, 0), (report.Passed, report.Failed, report.Skipped));
        var failure = Assert.Single(report.Failures);
        Assert.Equal("faux", failure.Test);
        Assert.Contains("rsa (individu_1, 2025-06) : attendu 1293.04, obtenu 646.52", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_needing_an_unimplemented_variable_is_skipped_not_passed()
    {
        var report = Run("""
            name: logement
            period: 2025-06
            input:
              date_naissance: 1980-01-01
            output:
              aide_logement_montant: 300
            """);
        Assert.Equal((0, 0, 1), (report.Passed, report.Failed, report.Skipped));
        Assert.Contains("aide_logement_montant", Assert.Single(report.Skips), StringComparison.Ordinal);
    }

    [Fact]
    public void Numeric_person_ids_and_arithmetic_inputs_are_read_as_OpenFisca_reads_them()
    {
        // OpenFisca-France's own tests name persons 1 and 2 and write amounts as arithmetic: this used to stop the whole run.
        var report = Run("""
            - name: identifiants numériques
              period: 2025-06
              absolute_error_margin: 0.01
              input:
                individus:
                  1: {date_naissance: 1980-01-01, salaire_net: {2025-03: "100 * 0", 2025-04: "0/1", 2025-05: "0 + 0"}}
                famille: {parents: [1]}
                menage: {personne_de_reference: [1], statut_occupation_logement: locataire_vide}
                foyer_fiscal: {declarants: [1]}
              output:
                rsa: 646.52
            """);
        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures.Select(f => f.Message)));
        Assert.Equal((1, 0, 0), (report.Passed, report.Failed, report.Skipped));
    }

    [Fact]
    public void A_test_the_runner_cannot_read_fails_alone_and_the_run_goes_on()
    {
        var report = Run("""
            - name: illisible
              period: 2025-06
              input:
                individus: {a: {date_naissance: 1980-01-01}}
                famille: {parents: [{x: 1}]}
              output: {rsa: 0}
            - name: lisible
              period: 2025-06
              absolute_error_margin: 0.01
              input:
                date_naissance: 1980-01-01
                statut_occupation_logement: locataire_vide
              output: {rsa: 646.52}
            """);
        Assert.Equal((1, 1, 0), (report.Passed, report.Failed, report.Skipped));
        Assert.Equal("illisible", Assert.Single(report.Failures).Test);
    }

    [Fact]
    public void Bad_input_fails_the_test_naming_the_file_the_test_and_the_field()
    {
        var report = Run("""
            - name: inconnu
              period: 2025-06
              input:
                famille: {parents: [ana, bob]}
                individus: {ana: {date_naissance: 1980-01-01}}
              output: {rsa: 0}
            - name: négatif
              period: 2025-06
              input: {chomage_net: {2025-05: -3}}
              output: {rsa: 0}
            """);
        Assert.Equal(2, report.Failed);
        Assert.Equal("familles.famille.parents : « bob » n'est pas une personne de « individus »", report.Failures[0].Message);
        Assert.Equal("négatif", report.Failures[1].Test);
        Assert.Contains("individus.individu_1.chomage_net (2025-05) : valeur négative (-3)", report.Failures[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_is_named_with_its_line()
    {
        var report = Run("- name: x\n  period: 2025-06\n  input: {a: [1, 2\n");
        Assert.Equal(1, report.Failed);
        Assert.Contains("YAML illisible, ligne 4", report.Failures[0].Message, StringComparison.Ordinal);
    }

    // Inputs the fuzz test (Fuzzing/BenefitsFuzzTests) made that crashed the runner or reached its « test non lu » catch
    // with an English message: each is now a French failure that names the file and the test or the line.

    private YamlTestFailure SingleFailure(string yaml)
    {
        var failure = Assert.Single(Run(yaml).Failures);
        Assert.DoesNotContain("test non lu", failure.Message, StringComparison.Ordinal);
        return failure;
    }

    [Fact]
    public void Parentheses_nested_too_deep_in_an_expected_value_fail_the_test_instead_of_overflowing_the_stack()
    {
        // Fuzz input 377: 17,814 « ( » in an expected value overflowed the stack (the whole test run stopped).
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fuzzing", "formats.yaml")).Split("\n- name:")[1];
        yaml = ("- name:" + yaml.TrimEnd() + "\n").Replace("rsa_forfait_logement: \"646.52 * 0.12\"", "rsa_forfait_logement: \"646.52 * " + new string('(', 17_814) + "0.12\"", StringComparison.Ordinal);

        var failure = SingleFailure(yaml);

        Assert.Contains("plus de 100 parenthèses ou signes moins imbriqués", failure.Message, StringComparison.Ordinal);
        Assert.Equal("Variables seules, personne locataire avec aide au logement et salaire (sortie sans période)", failure.Test);
    }

    [Fact]
    public void Yaml_that_makes_the_yaml_scanner_fail_is_unreadable_with_its_line()
    {
        // fuzz input 326: YamlDotNet's scanner threw InvalidOperationException out of the runner (aaubry/YamlDotNet#541).
        var failure = SingleFailure("""
            - name: Variables seules, propriétaire retraité de 70 ans (ASPA et RSA)
              period: 2025-06
              absolute_error_margin: 0.01
              input:
                date_naissance: 1955-01-01
                retraite_nette: {2025-03: 500, 2025-04: 500, 2025- statut_occupation_logement: proprietaire
              output:
                age: 70
                aspa: "12411.44 / 12 - 500"
                rsa: "646.52 - 646.52 * 0.12 - 500"{}
            """ + "\n");

        Assert.Contains("YAML illisible après la ligne 6", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_in_a_comment_is_unreadable_yaml_with_its_line()
    {
        // fuzz input 4500: YamlDotNet threw ArgumentException (« unsupported event ») out of the runner.
        var failure = SingleFailure("- name: Variables seules, valeur sans période appliquée au seul mois du test\n"
            + "  period: 2025-06\n"
            + "  absolute_error_margin: 0.01\n"
            + "  input:\n"
            + "    date_naissance: 1980-01-01\n"
            + "    salaire_net: 1000\n"
            + "    statut_occupation_logement: locataire_vide\n"
            + "  output:\n"
            + "    # le salaire ne vaut que pour 2025-06\0 : rien dans les ressources de mars à mai\n"
            + "    rsa_base_ressources: 0\n"
            + "    rsa: 646.52\n"
            + "    ppa_bonification: \"184.27 * (1000 - 59 * 11.88) / (61 * 11.88)\"\n");

        Assert.Contains("YAML illisible après la ligne", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_inside_the_node_it_names_is_refused_before_it_overflows_the_stack()
    {
        // fuzz input 778: « {&a [*a] 2014-12-12} », a key that contains itself, overflowed the stack in YamlDotNet's hash of the key.
        var failure = SingleFailure("""
            - name: Montants annuels de famille et de personne répartis sur douze mois
              period: 2025-06
              absolute_error_margin: 0.01
              input:
                famille:
                  parents: [parent1: parent2]
                  enfants: [enfant1: enfant2]
                  af: {2025: 1800}
                menage:
                  personne_de_reference: parent1
                  conjoint: parent2
                  enfants: [enfant1: enfant2]
                  statut_occupation_logement: locataire_vide
                individus:
                  parent1:
                    date_naissance: 1982-02-02
                    chomage_net: {2025: 6000}
                  parent2:
                    date_naissance: 1984-04-04
                    indemnites_journalieres: {2025: 1200}
                  enfant1: {date_naissance: 2011-11-11}
                  enfant2: {&a [*a] 2014-12-12}
              output:
                rsa_base_ressources: {2025-06: "6000 / 12 + 1200 / 12 + 1800 / 12"}
                rsa: {2025-06: "646.52 * 2.1 - (6000 + 1200 + 1800) / 12"}
            """ + "\n");

        Assert.Contains("l'alias *a est à l'intérieur du nœud qu'il désigne", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_input_is_not_a_number()
    {
        // fuzz input 1238: -Infinity became a JSON number that could not be copied (ArgumentException, « test non lu »).
        var failure = SingleFailure("\uFEFF- name: Variables seules, âge donné en entrée au lieu de la date de naissance\r\n"
            + "  period: 2025-06\r\n"
            + "  absolute_error_margin: 0.01\r\n"
            + "  input:\r\n"
            + "    age: 40\r\n"
            + "    chomage_net: {2025-03: 100, 2025-04: 200, 2025-05: -Infinity}\r\n"
            + "    statut_occupation_logement: locataire_vide\r\n"
            + "  output:\r\n"
            + "    rsa_eligibilite: true\r\n"
            + "    rsa: \"646.52 - (100 + 200 + 300) / 3\"\r\n");

        Assert.Contains("n'est pas un nombre", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_age_beyond_150_is_refused()
    {
        // fuzz input 4606: an age of 9223372036854775808 made a birth date before year 1 (ArgumentOutOfRangeException, « test non lu »).
        var failure = SingleFailure("- name: Âge donné en entrée pour une participation CSS\n"
            + "\n"
            + "  period: 2025-06\n"
            + "\n"
            + "  absolute_error_margin: 0.01\n"
            + "\n"
            + "  input:\n"
            + "\n"
            + "    famille:\n"
            + "\n"
            + "      parents: [parent1, parent2]\n"
            + "\n"
            + "    individus:\n"
            + "\n"
            + "      parent1:\n"
            + "\n"
            + "        age: 35\n"
            + "\n"
            + "        salaire_net: {2024: 18000, 2025: 18000}\n"
            + "\n"
            + "      parent2:\n"
            + "\n"
            + "        age: 9223372036854775808\n"
            + "\n"
            + "  output:\n"
            + "\n"
            + "    css_participation_forfaitaire: \"14 + 25\"\n"
            + "\n");

        Assert.Contains("un âge est de 150 ans au plus", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_of_individus_without_a_person_are_refused_with_where()
    {
        // fuzz input 7862: a person's name deleted left her variables under individus (InvalidOperationException, « test non lu »).
        var failure = SingleFailure("""
            - name: Booléen annuel appliqué à chaque mois (département d'expérimentation)
              period: 2025-06
              absolute_error_margin: 0.01
              input:
                famill�e:
                  parents: [demandeur]
                  departement_experimentation_rsa: {2025: true}
                menage:
                  personne_de_reference: demandeur
                  statut_occupation_logement: locataire_vide
                individus:
                    date_naissance: 1985-03-10
                    salaire_net: {2025-02: 300, 2025-05: 600}
              output:
                rsa_base_ressources: {2025-06: "300 / 3"}
                rsa: {2025-06: "646.52 - 300 / 3"}
            """ + "\n");

        Assert.Contains("individus.date_naissance : une personne se décrit par un dictionnaire de variables", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_dividing_by_zero_is_refused()
    {
        // fuzz input 6683: « 1/0 » as an input became an infinite JSON number (ArgumentException, « test non lu »).
        var failure = SingleFailure("""
            - name: Variables seules, propriétaire retraité de 70 ans (ASPA et RSA)
              period: 2025-06
              absolute_error_margin: 0.01
              input:
                date_naissance: 1955-01-01
                retraite_nette: {2025-03: "1/0", 2025-04: 500, 2025-05: 500}
                rsa: "646.52 - 646.52 * 0.12 - 500"
              output:
                age: 70
                aspa: "12411.44 / 12 - 500"
                statut_occupation_logement: proprietaire
            """ + "\n");

        Assert.Contains("le résultat n'est pas un nombre (division par zéro ?)", failure.Message, StringComparison.Ordinal);
    }
}
