using System.Globalization;
using System.Text.Json.Nodes;
using CarteBlanche.Benefits;

namespace CarteBlanche.UnitTests.Benefits;

/// <summary>Writes one household of a columnar population as an OpenFisca situation, independently of the engine's reader.</summary>
internal static class SituationBuilder
{
    public static JsonObject Of(Population pop, int family, Month month, bool reverseOrder = false)
    {
        var individus = new JsonObject();
        var parents = new JsonArray();
        var enfants = new JsonArray();
        var ids = new List<int>();
        for (var p = pop.FirstPerson[family]; p < pop.FirstPerson[family + 1]; p++)
        {
            ids.Add(p);
        }
        if (reverseOrder)
        {
            ids.Reverse();
        }
        foreach (var p in ids)
        {
            var id = $"p{p}";
            var person = new JsonObject
            {
                ["date_naissance"] = new JsonObject { ["ETERNITY"] = Population.Unpack(pop.Birth[p]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                ["enceinte"] = new JsonObject { [month.ToString()] = pop.Pregnant[p] },
                ["taux_incapacite"] = new JsonObject { [month.ToString()] = (double)pop.Incapacity[p] },
                ["aah_restriction_substantielle_durable_acces_emploi"] = new JsonObject { [month.ToString()] = pop.Restriction[p] },
                ["garde_alternee"] = new JsonObject { [month.ToString()] = pop.SharedCustody[p] },
                ["salaire_net"] = Series(pop.Activity, p, pop),
                ["chomage_net"] = Series(pop.OtherIncome, p, pop),
            };
            var isParent = p < pop.FirstPerson[family] + pop.Parents[family];
            if (isParent)
            {
                person["aah"] = new JsonObject { [month.ToString()] = null };
            }
            individus[id] = person;
            (isParent ? parents : enfants).Add(JsonValue.Create(id));
        }
        var status = Variables.HousingStatusNames[(int)pop.Housing[family]];
        return new JsonObject
        {
            ["individus"] = individus,
            ["familles"] = new JsonObject
            {
                ["f"] = new JsonObject
                {
                    ["parents"] = parents,
                    ["enfants"] = enfants,
                    ["aide_logement"] = Series(pop.HousingAid, family, pop),
                    ["af"] = Series(pop.FamilyResources, family, pop),
                    ["rsa_isolement_recent"] = new JsonObject { [month.ToString()] = pop.RecentIsolation[family] },
                    ["departement_experimentation_rsa"] = new JsonObject { [month.ToString()] = pop.LaterMonths[family] },
                    ["rsa"] = new JsonObject { [month.ToString()] = null },
                    ["ppa"] = new JsonObject { [month.ToString()] = null },
                    ["cmu_c"] = new JsonObject { [month.ToString()] = null },
                    ["css_participation_forfaitaire"] = new JsonObject { [month.ToString()] = null },
                    ["aspa"] = new JsonObject { [month.ToString()] = null },
                },
            },
            ["menages"] = new JsonObject
            {
                ["m"] = new JsonObject
                {
                    ["personne_de_reference"] = parents[0]!.DeepClone(),
                    ["statut_occupation_logement"] = new JsonObject { [month.ToString()] = status },
                    // The synthetic population marks owners without a loan and people housed free as housed in kind.
                    ["loyer"] = new JsonObject { [month.ToString()] = pop.InKindHousing[family] ? 0 : 500 },
                },
            },
        };
    }

    private static JsonObject Series(double[] column, int row, Population pop)
    {
        var series = new JsonObject();
        for (var h = 0; h < pop.Months; h++)
        {
            var v = column[row * pop.Months + h];
            if (v != 0)
            {
                series[pop.FirstMonth.AddMonths(h).ToString()] = v;
            }
        }
        return series;
    }
}
