using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CarteBlanche.Benefits;
using CarteBlanche.IntegrationTests.Infrastructure;
using CarteBlanche.Platform.Calendar;
using Xunit;

namespace CarteBlanche.IntegrationTests.Rights;

/// <summary>The public rights simulator: answers become the engine's situation, each right comes with its explanation.</summary>
public sealed class SimulatorTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task A_single_parent_with_a_small_salary_sees_the_engine_s_rsa_and_prime_d_activite_with_their_explanation_without_an_account()
    {
        using var anonymous = factory.CreateClient();
        var home = await (await anonymous.GetAsync("/")).ReadPageAsync();
        Assert.Contains("href=\"/simulateur\"", home, StringComparison.Ordinal);
        using var answered = await Html.PostFormAsync(anonymous, "/simulateur",
        [
            new("Form.Couple", "false"), new("Form.Age", "36"), new("Form.ChildrenAges", "6"), new("Form.Housing", "locataire_vide"), new("Form.Rent", "500"),
            new("Form.Salary", "600"), new("Form.Disability", "aucun"),
        ]);
        var page = await answered.ReadPageAsync();

        // The same household written by hand in OpenFisca's format, computed by the engine.
        var today = ParisClock.DayOf(DateTimeOffset.UtcNow);
        var month = Month.Of(today.Year, today.Month);
        var salary = new JsonObject();
        for (var m = month.AddMonths(-13); m <= month; m = m.AddMonths(1))
        {
            salary[m.ToString()] = 600;
        }
        var situation = new JsonObject
        {
            ["individus"] = new JsonObject
            {
                ["parent"] = new JsonObject { ["date_naissance"] = new JsonObject { ["ETERNITY"] = today.AddYears(-36).AddMonths(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, ["salaire_net"] = salary },
                ["enfant"] = new JsonObject { ["date_naissance"] = new JsonObject { ["ETERNITY"] = today.AddYears(-6).AddMonths(-6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } },
            },
            ["familles"] = new JsonObject { ["f"] = new JsonObject { ["parents"] = new JsonArray("parent"), ["enfants"] = new JsonArray("enfant"), ["rsa"] = new JsonObject { [month.ToString()] = null }, ["ppa"] = new JsonObject { [month.ToString()] = null } } },
            ["menages"] = new JsonObject { ["m"] = new JsonObject { ["personne_de_reference"] = new JsonArray("parent"), ["enfants"] = new JsonArray("enfant"), ["statut_occupation_logement"] = new JsonObject { [month.ToString()] = "locataire_vide" }, ["loyer"] = new JsonObject { [month.ToString()] = 500 } } },
        };
        var computed = Calculator.Calculate(situation, "test").Situation["familles"]!["f"]!;
        var rsa = computed["rsa"]![month.ToString()]!.GetValue<float>();
        var ppa = computed["ppa"]![month.ToString()]!.GetValue<float>();
        Assert.True(rsa > 0 && ppa > 0);
        string Euros(double v) => v.ToString("#,##0", CultureInfo.GetCultureInfo("fr-FR")).Replace('\u202f', ' ') + " €";
        Assert.Contains($"Environ {Euros(rsa)} par mois.", WebUtility.HtmlDecode(page).Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Contains($"Environ {Euros(ppa)} par mois.", WebUtility.HtmlDecode(page).Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Contains("Revenu de solidarité active (RSA) — droit probable", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("Le détail du calcul", page, StringComparison.Ordinal);
        Assert.Contains("montant forfaitaire", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("Allocation aux adultes handicapés (AAH) — pas de droit estimé", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_answers_are_shown_in_french_next_to_their_field_and_nothing_is_estimated()
    {
        using var anonymous = factory.CreateClient();
        using var answered = await Html.PostFormAsync(anonymous, "/simulateur",
        [
            new("Form.Couple", "true"), new("Form.Age", "trente"), new("Form.ChildrenAges", "3, douze"), new("Form.Housing", "locataire_vide"), new("Form.Salary", "-5"),
            new("Form.Disability", "aucun"),
        ]);
        var page = WebUtility.HtmlDecode(await answered.ReadPageAsync());
        Assert.Contains("Indiquez votre âge en années, par exemple 42.", page, StringComparison.Ordinal);
        Assert.Contains("Indiquez l'âge de votre conjoint en années", page, StringComparison.Ordinal);
        Assert.Contains("Indiquez l'âge de chaque enfant", page, StringComparison.Ordinal);
        Assert.Contains("Indiquez un montant mensuel en euros", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Vos droits estimés", page, StringComparison.Ordinal);
    }
}
