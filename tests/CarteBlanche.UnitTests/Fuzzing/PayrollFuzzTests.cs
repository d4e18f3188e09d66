using System.Text;
using CarteBlanche.Payroll;
using Xunit;
using Xunit.Abstractions;

namespace CarteBlanche.UnitTests.Fuzzing;

/// <summary>
/// What <c>payroll calculate</c> reads, mutated from the command's reference situation and a part-time one: each is
/// computed by the model, or refused with a French <see cref="PayrollInputException"/> that names the key or the JSON
/// line. A payslip takes the model some 20–50 ms: the suite runs 500 inputs, CARTEBLANCHE_FUZZ_INPUTS=10000 the full run.
/// </summary>
public sealed class PayrollFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Tokens =
    [
        "null", "true", "{}", "[]", "\"\"", "\"'CDD'\"", "\"oui\"", "\"non\"", "1e308", "-1", "\"-2000 €/mois\"", "\"1e308 €/mois\"", "\"2000 €/an\"",
        "\"2000 heure/mois\"", "\"'29/02/2026'\"", "\"'31/12/2026'\"", "\"'01/01/0001'\"", "\"salarié . contrat . salaire brut * 2\"", "\"salarié . contrat . salaire brut\"",
        "\"date\"", "\"entreprise . salariés . effectif\"", "\"(((((((((1)))))))))\"", "\"1/0\"", "\"\\u0000\"", "\"\\ud800\"",
    ];

    private static readonly byte[][] Seeds =
    [
        Encoding.UTF8.GetBytes("""
            {
              "date": "'01/06/2026'",
              "salarié . contrat . salaire brut": "2000 €/mois",
              "salarié . contrat": "'CDI'",
              "entreprise . salariés . effectif": 5
            }
            """),
        Encoding.UTF8.GetBytes("""
            {
              "date": "'01/03/2026'",
              "salarié . contrat . salaire brut": "1412.50 €/mois",
              "salarié . contrat": "'CDD'",
              "entreprise . salariés . effectif": 60,
              "salarié . contrat . temps de travail . temps partiel": "oui",
              "salarié . contrat . temps de travail . temps partiel . heures par semaine": "24 heure/semaine"
            }
            """),
    ];

    [Fact]
    public void Mutated_payroll_situations_are_computed_or_refused_in_french_with_where()
    {
        using var model = PayrollModel.Load(maxEngines: 1);

        var summary = Fuzz.Run("paie", Fuzz.Inputs(500), i =>
        {
            var mutator = new Mutator(6, i, Tokens);
            return (mutator.Mutate(Seeds[i % Seeds.Length]), mutator.Log);
        }, (_, bytes) =>
        {
            var message = "";
            try
            {
                // As the command reads the file (File.ReadAllText: UTF-8, a BOM recognised).
                var situation = PayrollModel.ReadSituation(new StreamReader(new MemoryStream(bytes), Encoding.UTF8).ReadToEnd());
                model.Calculate(situation, PayrollRules.Main);
                return FuzzOutcome.Took;
            }
            catch (PayrollInputException e)
            {
                message = e.Message;
            }
            return FuzzOutcome.Refused(!Fuzz.IsFrench(message) ? $"not in French: {message}"
                : !(message.StartsWith("Situation : ", StringComparison.Ordinal) || message.StartsWith("JSON illisible (ligne ", StringComparison.Ordinal) || message == "un objet JSON est attendu."
                    || message.StartsWith("Le modèle de paie refuse la situation", StringComparison.Ordinal)) ? $"says not where: {message}"
                : null);
        }, TimeSpan.FromSeconds(60));

        output.WriteLine($"Payroll situations: {summary}");
        summary.AssertNoProblem();
    }
}
