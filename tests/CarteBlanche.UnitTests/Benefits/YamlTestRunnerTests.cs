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
