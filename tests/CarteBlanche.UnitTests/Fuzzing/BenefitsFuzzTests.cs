using System.Text;
using CarteBlanche.Benefits;
using Xunit;
using Xunit.Abstractions;

namespace CarteBlanche.UnitTests.Fuzzing;

/// <summary>
/// What <c>benefits calculate</c> and <c>benefits test</c> read, mutated: an OpenFisca situation (the command's test
/// situation) is computed or refused with a French error naming the file and the entity, field or JSON line; a YAML
/// test file (each test of tests/benefits/formats.yaml a seed) passes, or fails with a French message naming the file
/// and the test or line; never an exception of another kind.
/// </summary>
public sealed class BenefitsFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] JsonTokens =
    [
        "null", "true", "false", "{}", "[]", "\"\"", "-1", "1e308", "1.7976931348623157e308", "\"ETERNITY\"", "\"month:2025-01:999999999\"", "\"year:2025:99999999\"",
        "\"0000\"", "\"9999-12\"", "\"0001-01\"", "\"1900-01-01\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"parents\"", "\"enfants\"", "\"individus\"", "\"age\"",
        "\"rsa\"", "\"aah\"", "\"taux_incapacite\"", "\"statut_occupation_logement\"", "\"locataire_vide\"", "[\"ana\", \"ana\", \"leo\"]", "\"\\ud800\"",
    ];

    private static readonly string[] YamlTokens =
    [
        "null", "~", "true", "{}", "[]", "''", "-1", "1e308", ".inf", ".nan", "0x1F", "&a [*a]", "*a", "&a", "!!binary aGVsbG8=", "!!str", "? a", "|", ">",
        "---", "...", "%YAML 1.1", "month:2025-01:999999999", "year:2025:99999999", "0000", "9999-12", "0001-01-01", "ETERNITY", "[1, 2, 3]", "{a: 1}",
        "\"1/0\"", "\"1e308 * 1e308\"", "\"((((((1))))))\"", "\"-\"", "\"2 ** 1000\"", "age", "parents", "individus", "famille", "rsa", "aah",
    ];

    private static readonly byte[] Situation = Encoding.UTF8.GetBytes("""
        {
          "individus": {
            "ana": { "date_naissance": { "ETERNITY": "1985-01-01" }, "salaire_net": { "2025-03": 500, "2025-04": 500, "2025-05": 500 } },
            "leo": { "date_naissance": { "ETERNITY": "2018-06-01" } }
          },
          "familles": { "f1": { "parents": ["ana"], "enfants": ["leo"], "aide_logement": { "2025-06": 300 }, "rsa": { "2025-06": null }, "af": { "2025-06": null } } },
          "menages": { "m1": { "personne_de_reference": ["ana"], "enfants": ["leo"], "statut_occupation_logement": { "2025-06": "locataire_vide" }, "couleur": { "2025-06": 1 } } }
        }
        """);

    private readonly string _folder = Directory.CreateTempSubdirectory("benefits-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Mutated_situations_are_computed_or_refused_in_french_with_where()
    {
        var summary = Fuzz.Run("situation", Fuzz.Inputs(10_000), i =>
        {
            var mutator = new Mutator(4, i, JsonTokens);
            return (mutator.Mutate(Situation), mutator.Log);
        }, (_, bytes) => Calculate(bytes), TimeSpan.FromSeconds(20));

        output.WriteLine($"OpenFisca situations: {summary}");
        summary.AssertNoProblem();
    }

    /// <summary>As <c>benefits calculate</c>: the JSON read, then computed and written back.</summary>
    private static FuzzOutcome Calculate(byte[] bytes)
    {
        var message = "";
        try
        {
            var root = Calculator.Read(new MemoryStream(bytes), "situation.json");
            var result = Calculator.Calculate(root, "situation.json");
            result.Situation.ToJsonString();
            return FuzzOutcome.Took;
        }
        catch (Exception e) when (e is SituationException or MissingParameterException)
        {
            message = e.Message;
        }
        return FuzzOutcome.Refused(!Fuzz.IsFrench(message) ? $"not in French: {message}"
            : !message.StartsWith("situation.json : ", StringComparison.Ordinal) ? $"does not name the file: {message}"
            : null);
    }

    [Fact]
    public void Mutated_yaml_tests_pass_or_fail_in_french_with_where()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fuzzing", "formats.yaml"));
        var seeds = text.Split("\n- name:").Skip(1).Select(t => Encoding.UTF8.GetBytes("- name:" + t.TrimEnd() + "\n")).ToList();
        var path = Path.Combine(_folder, "cas.yaml");

        var summary = Fuzz.Run("yaml", Fuzz.Inputs(10_000), i =>
        {
            var mutator = new Mutator(5, i, YamlTokens);
            return (mutator.Mutate(seeds[i % seeds.Count]), $"test {i % seeds.Count + 1} of formats.yaml: {mutator.Log}");
        }, (_, bytes) =>
        {
            File.WriteAllBytes(path, bytes);
            var report = YamlTests.Run([path]);
            if (report.Failed == 0)
            {
                return FuzzOutcome.Took;
            }
            return FuzzOutcome.Refused(report.Failures.Select(Problem).FirstOrDefault(p => p != null));
        }, TimeSpan.FromSeconds(20));

        output.WriteLine($"OpenFisca YAML tests: {summary}");
        summary.AssertNoProblem();
    }

    private static string? Problem(YamlTestFailure failure) =>
        failure.Message.StartsWith("test non lu (", StringComparison.Ordinal) ? $"an unexpected exception, caught as « test non lu »: {failure.Message}"
        : !Fuzz.IsFrench(failure.Message) ? $"not in French: {failure.Message}"
        : failure.File.Length == 0 || (failure.Test.Length == 0 && !failure.Message.Contains("ligne", StringComparison.Ordinal)) ? $"says neither the test nor the line: {failure.Message}"
        : null;
}
