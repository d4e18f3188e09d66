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
}
