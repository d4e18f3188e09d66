using System.Text.Json.Nodes;
using CarteBlanche.Benefits;
using Xunit;

namespace CarteBlanche.UnitTests.Benefits;

/// <summary>Properties of the rules on random households, dated parameters, explanations, bad input.</summary>
public sealed class RuleTests
{
    private static readonly Month Year = Month.Of(2026, 1);

    private static Population RandomPopulation(int households, int seed) =>
        Synthesizer.Generate(households, seed, Year.AddMonths(-(Synthesizer.HistoryMonths - 12)), Synthesizer.HistoryMonths, out _);

    [Fact]
    public void More_earned_income_never_raises_the_rsa()
    {
        var pop = RandomPopulation(30_000, 11);
        var before = Batch.Compute(pop, Year, 12, Benefit.Rsa);
        var random = new Random(11);
        for (var p = 0; p < pop.PersonCount; p++)
        {
            for (var h = 0; h < pop.Months; h++)
            {
                pop.Activity[p * pop.Months + h] += random.NextDouble() < 0.3 ? random.Next(1, 800) : 0;
            }
        }
        var after = Batch.Compute(pop, Year, 12, Benefit.Rsa);
        var raised = Enumerable.Range(0, before.Rsa.Length).Where(i => after.Rsa[i] > before.Rsa[i] + 1e-9).ToList();
        Assert.True(raised.Count == 0, $"{raised.Count} cases, e.g. {string.Join(", ", raised.Take(3).Select(i => $"{before.Rsa[i]} → {after.Rsa[i]}"))}");
        Assert.True(Enumerable.Range(0, before.Rsa.Length).Count(i => after.Rsa[i] < before.Rsa[i]) > 100, "the added income should lower some RSA amounts");
    }

    [Fact]
    public void The_prime_d_activite_is_zero_without_earned_income()
    {
        var pop = RandomPopulation(30_000, 12);
        Assert.Contains(Batch.Compute(pop, Year, 12, Benefit.Ppa).Ppa, a => a > 0);
        Array.Clear(pop.Activity);
        Assert.All(Batch.Compute(pop, Year, 12, Benefit.Ppa).Ppa, a => Assert.Equal(0, a));
    }

    [Fact]
    public void Results_never_depend_on_the_order_of_members()
    {
        var pop = RandomPopulation(3_000, 13);
        for (var f = 0; f < pop.FamilyCount; f++)
        {
            if (pop.FirstPerson[f + 1] - pop.FirstPerson[f] < 2)
            {
                continue;
            }
            var month = Year.AddMonths(f % 12);
            var straight = Calculator.Calculate(SituationBuilder.Of(pop, f, month), "ordre").Situation["familles"]!["f"]!.ToJsonString();
            var reversed = Calculator.Calculate(SituationBuilder.Of(pop, f, month, reverseOrder: true), "ordre inverse").Situation["familles"]!["f"]!.ToJsonString();
            Assert.Equal(Normalise(straight), Normalise(reversed));
        }

        // The role lists are written in another order; the computed values must not move.
        static string Normalise(string json)
        {
            var o = JsonNode.Parse(json)!.AsObject();
            o.Remove("parents");
            o.Remove("enfants");
            return o.ToJsonString();
        }
    }

    [Fact]
    public void A_month_without_a_parameter_value_fails_naming_the_parameter_and_the_date()
    {
        var pop = RandomPopulation(10, 1);
        // Before the RSA existed (June 2009): no amount to take.
        var error = Assert.Throws<MissingParameterException>(() => Batch.Compute(pop, Month.Of(2009, 1), 1, Benefit.Rsa));
        Assert.Equal("rsa.montant_de_base", error.Name);
        Assert.Contains("2009-01-01", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-03", 635.71)]
    [InlineData("2025-04", 646.52)]
    [InlineData("2026-04", 651.69)]
    public void The_rsa_base_follows_its_dated_values(string month, double expected)
    {
        Month.TryParse(month, out var m);
        Assert.Equal(expected, MonthParameters.Embedded.Rsa(m).Scale.Base.Value);
    }

    private static JsonObject Single(string extraPerson = "", string extraFamily = "") => JsonNode.Parse($$"""
        {
          "individus": { "ana": { "date_naissance": { "ETERNITY": "1980-05-02" }, "salaire_net": { "2025-03": 400, "2025-04": 700, "2025-05": 0 } {{extraPerson}} } },
          "familles": { "f1": { "parents": ["ana"], "rsa": { "2025-06": null } {{extraFamily}} } },
          "menages": { "m1": { "personne_de_reference": "ana", "statut_occupation_logement": { "2025-06": "locataire_vide" } } }
        }
        """)!.AsObject();

    [Fact]
    public void The_explanation_names_the_rule_the_dated_parameters_and_the_amounts()
    {
        var (explanation, value, _) = Calculator.Explain(Single(), "situation.json", "rsa", new Period(Month.Of(2025, 6), 1));
        Assert.Equal(646.52 - (400 + 700 + 0) / 3.0, value!.GetValue<double>(), 9);
        var text = string.Join("\n", explanation.Steps.Select(s => s.Text));
        Assert.Contains("moyenne des mois 2025-03 à 2025-05", text, StringComparison.Ordinal);
        Assert.Contains("646,52 €", text, StringComparison.Ordinal);
        Assert.Contains(explanation.Parameters, p => p.Name == "rsa.montant_de_base" && p.Since == new DateOnly(2025, 4, 1) && p.Reference.Contains("L262-2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", ", \"enfants\": [\"bob\"]", "familles.f1.enfants : « bob » n'est pas une personne de « individus »")]
    [InlineData(", \"chomage_net\": { \"2025-04\": -100 }", "", "individus.ana.chomage_net (2025-04) : valeur négative (-100)")]
    [InlineData("", ", \"aide_logement\": { \"2025-06\": \"beaucoup\" }", "familles.f1.aide_logement (2025-06) : « \"beaucoup\" » n'est pas un nombre")]
    public void Bad_input_is_named_with_its_source_entity_and_field(string extraPerson, string extraFamily, string expected)
    {
        var error = Assert.Throws<SituationException>(() => Calculator.Calculate(Single(extraPerson, extraFamily), "situation.json"));
        Assert.Contains("situation.json : " + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_enumeration_value_and_a_person_in_two_families_are_refused()
    {
        var situation = Single();
        situation["menages"]!["m1"]!["statut_occupation_logement"]!["2025-06"] = "chateau";
        Assert.Contains("valeur inconnue « chateau »", Assert.Throws<SituationException>(() => Calculator.Calculate(situation, "s.json")).Message, StringComparison.Ordinal);

        var twice = Single();
        twice["familles"]!["f2"] = new JsonObject { ["parents"] = new JsonArray("ana") };
        Assert.Contains("« ana » est déjà dans familles.f1", Assert.Throws<SituationException>(() => Calculator.Calculate(twice, "s.json")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_inputs_are_warned_once_and_unimplemented_outputs_are_reported_not_zero()
    {
        var situation = Single(", \"couleur_yeux\": { \"2025-06\": 1 }", ", \"couleur_yeux_famille\": { \"2025-06\": 1 }, \"asf_montant\": { \"2025-06\": 2 }, \"paje\": { \"2025-06\": null }");
        situation["individus"]!["ana"]!["couleur_yeux"] = new JsonObject { ["2025-05"] = 1 };
        var result = Calculator.Calculate(situation, "s.json");
        Assert.Single(result.Warnings, w => w.Contains("couleur_yeux »", StringComparison.Ordinal));
        Assert.Contains(result.NotImplemented, n => n.StartsWith("paje", StringComparison.Ordinal));
        Assert.Null(result.Situation["familles"]!["f1"]!["paje"]!["2025-06"]);
    }
}
