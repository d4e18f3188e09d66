using System.Globalization;
using System.Text.Json.Nodes;
using CarteBlanche.Benefits;

namespace CarteBlanche.Rights.Simulator;

/// <summary>The simulator's questionnaire, as typed (amounts in French: « 1 200,50 »).</summary>
public sealed class SimulatorForm
{
    public bool Couple { get; set; }
    public string? Age { get; set; }
    public string? PartnerAge { get; set; }
    /// <summary>The children's ages, separated by commas (« 3, 7 »).</summary>
    public string? ChildrenAges { get; set; }
    public bool RecentlyAlone { get; set; }
    public string Housing { get; set; } = "locataire_vide";
    public string? Rent { get; set; }
    public string? HousingAid { get; set; }
    public string? Salary { get; set; }
    public string? PartnerSalary { get; set; }
    public string? Unemployment { get; set; }
    public string? Pensions { get; set; }
    public string? OtherIncome { get; set; }
    /// <summary>aucun, 50 (50 à 79 % with a substantial restriction of access to work) or 80 (80 % or more).</summary>
    public string Disability { get; set; } = "aucun";
}

/// <summary>One estimated right: amount per month (0 when not entitled), what the engine did, where to ask.</summary>
public sealed record SimulatedRight(string Code, string Label, bool Entitled, decimal MonthlyAmount, string Summary, IReadOnlyList<string> Steps, string HowToApply);

/// <summary>
/// The rights simulator (like mes-aides): a short questionnaire becomes an OpenFisca situation for the benefits
/// engine — resources taken as the same every month over the last year — and each right comes back with the engine's
/// own French explanation. Nothing is stored.
/// </summary>
public static class RightsSimulator
{
    public static readonly IReadOnlyDictionary<string, string> HousingChoices = new Dictionary<string, string>
    {
        ["locataire_vide"] = "Locataire (logement privé)",
        ["locataire_hlm"] = "Locataire d'un logement social (HLM)",
        ["proprietaire"] = "Propriétaire",
        ["loge_gratuitement"] = "Hébergé gratuitement",
    };

    public static readonly IReadOnlyDictionary<string, string> DisabilityChoices = new Dictionary<string, string>
    {
        ["aucun"] = "Aucun taux d'incapacité reconnu",
        ["50"] = "De 50 à 79 %, avec une restriction durable d'accès à l'emploi reconnue",
        ["80"] = "80 % ou plus",
    };

    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Checks the answers; the errors by field (French), none when the simulation can run.</summary>
    public static Dictionary<string, string> Validate(SimulatorForm form)
    {
        var errors = new Dictionary<string, string>();
        if (ParseAge(form.Age) is not { } age)
        {
            errors[nameof(form.Age)] = "Indiquez votre âge en années, par exemple 42.";
        }
        else if (age < 16)
        {
            errors[nameof(form.Age)] = "Le simulateur concerne les personnes de 16 ans et plus.";
        }
        if (form.Couple && ParseAge(form.PartnerAge) is not { } partner)
        {
            errors[nameof(form.PartnerAge)] = "Indiquez l'âge de votre conjoint en années, par exemple 40.";
        }
        if (ParseChildren(form.ChildrenAges) == null)
        {
            errors[nameof(form.ChildrenAges)] = "Indiquez l'âge de chaque enfant, séparés par des virgules (par exemple 3, 7), de 0 à 24 ans, 12 enfants au plus.";
        }
        if (!HousingChoices.ContainsKey(form.Housing))
        {
            errors[nameof(form.Housing)] = "Choisissez votre situation de logement.";
        }
        if (!DisabilityChoices.ContainsKey(form.Disability))
        {
            errors[nameof(form.Disability)] = "Choisissez un taux d'incapacité.";
        }
        foreach (var (field, value) in Amounts(form))
        {
            if (ParseAmount(value) == null)
            {
                errors[field] = "Indiquez un montant mensuel en euros, par exemple 1 250 ou 412,50 (laissez vide si rien).";
            }
        }
        return errors;
    }

    /// <summary>The estimated rights for <paramref name="month"/>; call <see cref="Validate"/> first.</summary>
    public static IReadOnlyList<SimulatedRight> Simulate(SimulatorForm form, Month month, DateOnly today)
    {
        var situation = Situation(form, month, today);
        var period = new Period(month, 1);
        var computed = Calculator.Calculate(situation, "simulateur").Situation;
        double Family(string variable) => Number(computed["familles"]!["famille"]![variable]![month.ToString()]);
        double Person(string variable) => Number(computed["individus"]!["demandeur"]![variable]![month.ToString()]);
        List<string> Steps(string variable, string? entity = null) =>
            Calculator.Explain(situation, "simulateur", variable, period, entity).Explanation.Steps.Select(s => s.Text).ToList();

        var rights = new List<SimulatedRight>();
        var rsa = Family("rsa");
        rights.Add(new SimulatedRight("rsa", "Revenu de solidarité active (RSA)", rsa > 0, Money(rsa),
            rsa > 0 ? $"Environ {Euros(rsa)} par mois." : "Pas de RSA estimé avec ces ressources.", Steps("rsa"),
            "Demande sur caf.fr (ou msa.fr pour les agriculteurs), ou avec un agent France Services."));
        var ppa = Family("ppa");
        rights.Add(new SimulatedRight("ppa", "Prime d'activité", ppa > 0, Money(ppa),
            ppa > 0 ? $"Environ {Euros(ppa)} par mois." : "Pas de prime d'activité estimée (elle suppose des revenus d'activité).", Steps("ppa"),
            "Demande sur caf.fr (ou msa.fr), ou avec un agent France Services."));
        var free = computed["familles"]!["famille"]!["cmu_c"]![month.ToString()]?.GetValue<bool>() == true;
        var participation = Family("css_participation_forfaitaire");
        rights.Add(new SimulatedRight("css", "Complémentaire santé solidaire", free || participation > 0, free ? 0 : Money(participation),
            free ? "Gratuite pour tout le foyer." : participation > 0 ? $"Avec une participation d'environ {Euros(participation)} par mois pour le foyer." : "Ressources au-dessus des plafonds.",
            Steps(free || participation <= 0 ? "cmu_c" : "css_participation_forfaitaire"),
            "Demande sur ameli.fr (compte ameli) ou avec un agent France Services ; automatique pour les bénéficiaires du RSA."));
        var aah = Person("aah");
        rights.Add(new SimulatedRight("aah", "Allocation aux adultes handicapés (AAH)", aah > 0, Money(aah),
            aah > 0 ? $"Environ {Euros(aah)} par mois." : form.Disability == "aucun" ? "Elle suppose un taux d'incapacité reconnu par la MDPH." : "Pas d'AAH estimée avec ces ressources.",
            Steps("aah", "demandeur"), "Dossier à déposer à la MDPH du Lot (Cahors), qui décide du taux ; la CAF verse l'allocation."));
        var aspa = Family("aspa");
        rights.Add(new SimulatedRight("aspa", "Allocation de solidarité aux personnes âgées (ASPA)", aspa > 0, Money(aspa),
            aspa > 0 ? $"Environ {Euros(aspa)} par mois." : "Elle concerne les personnes de 65 ans et plus (62 ans avec un handicap) aux faibles ressources.",
            Steps("aspa"), "Demande à la caisse de retraite (Carsat, MSA) ; un agent France Services aide à la remplir."));
        return rights;
    }

    /// <summary>The OpenFisca situation: ages as birth dates, the monthly resources over M-13..M.</summary>
    public static JsonObject Situation(SimulatorForm form, Month month, DateOnly today)
    {
        var individus = new JsonObject();
        var parents = new JsonArray();
        var enfants = new JsonArray();
        JsonObject Person(int age)
        {
            // The middle of the year of birth: an age given in years is right within six months.
            var birth = today.AddYears(-age).AddMonths(-6);
            return new JsonObject { ["date_naissance"] = new JsonObject { ["ETERNITY"] = birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) } };
        }
        void Monthly(JsonObject person, string variable, decimal amount)
        {
            if (amount <= 0)
            {
                return;
            }
            person[variable] = EveryMonth(month, amount);
        }
        var me = Person(ParseAge(form.Age)!.Value);
        Monthly(me, "salaire_net", ParseAmount(form.Salary)!.Value);
        Monthly(me, "chomage_net", ParseAmount(form.Unemployment)!.Value);
        Monthly(me, "retraite_nette", ParseAmount(form.Pensions)!.Value);
        Monthly(me, "pensions_alimentaires_percues", ParseAmount(form.OtherIncome)!.Value);
        if (form.Disability is "50" or "80")
        {
            me["taux_incapacite"] = new JsonObject { [month.ToString()] = form.Disability == "80" ? 0.8 : 0.5 };
            me["aah_restriction_substantielle_durable_acces_emploi"] = new JsonObject { [month.ToString()] = true };
        }
        me["aah"] = new JsonObject { [month.ToString()] = null };
        individus["demandeur"] = me;
        parents.Add("demandeur");
        if (form.Couple)
        {
            var partner = Person(ParseAge(form.PartnerAge)!.Value);
            Monthly(partner, "salaire_net", ParseAmount(form.PartnerSalary)!.Value);
            individus["conjoint"] = partner;
            parents.Add("conjoint");
        }
        var children = ParseChildren(form.ChildrenAges)!;
        for (var i = 0; i < children.Count; i++)
        {
            individus[$"enfant{i + 1}"] = Person(children[i]);
            enfants.Add($"enfant{i + 1}");
        }
        var m0 = month.ToString();
        var famille = new JsonObject
        {
            ["parents"] = parents,
            ["enfants"] = enfants,
            ["rsa"] = new JsonObject { [m0] = null },
            ["ppa"] = new JsonObject { [m0] = null },
            ["cmu_c"] = new JsonObject { [m0] = null },
            ["css_participation_forfaitaire"] = new JsonObject { [m0] = null },
            ["aspa"] = new JsonObject { [m0] = null },
        };
        if (ParseAmount(form.HousingAid)!.Value is > 0 and var aid)
        {
            famille["aide_logement"] = EveryMonth(month, aid);
        }
        if (form.RecentlyAlone && !form.Couple)
        {
            famille["rsa_isolement_recent"] = new JsonObject { [m0] = true };
        }
        var menage = new JsonObject
        {
            ["personne_de_reference"] = new JsonArray("demandeur"),
            ["statut_occupation_logement"] = new JsonObject { [m0] = form.Housing },
        };
        if (form.Couple)
        {
            menage["conjoint"] = new JsonArray("conjoint");
        }
        if (enfants.Count > 0)
        {
            menage["enfants"] = enfants.DeepClone();
        }
        if (ParseAmount(form.Rent)!.Value is > 0 and var rent)
        {
            menage["loyer"] = new JsonObject { [m0] = (double)rent };
        }
        return new JsonObject
        {
            ["individus"] = individus,
            ["familles"] = new JsonObject { ["famille"] = famille },
            ["menages"] = new JsonObject { ["menage"] = menage },
        };
    }

    /// <summary>The same amount each month from M-13 to M (the CSS reads twelve months to M-2).</summary>
    private static JsonObject EveryMonth(Month month, decimal amount)
    {
        var months = new JsonObject();
        for (var m = month.AddMonths(-13); m <= month; m = m.AddMonths(1))
        {
            months[m.ToString()] = (double)amount;
        }
        return months;
    }

    private static IEnumerable<(string Field, string? Value)> Amounts(SimulatorForm f) =>
    [
        (nameof(f.Rent), f.Rent), (nameof(f.HousingAid), f.HousingAid), (nameof(f.Salary), f.Salary), (nameof(f.PartnerSalary), f.PartnerSalary),
        (nameof(f.Unemployment), f.Unemployment), (nameof(f.Pensions), f.Pensions), (nameof(f.OtherIncome), f.OtherIncome),
    ];

    private static int? ParseAge(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age <= 120 ? age : null;

    /// <summary>The children's ages; empty when none; null when unreadable.</summary>
    public static List<int>? ParseChildren(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var ages = new List<int>();
        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var age) || age > 24)
            {
                return null;
            }
            ages.Add(age);
        }
        return ages.Count > 12 ? null : ages;
    }

    /// <summary>A monthly amount in euros; 0 when empty; null when unreadable or out of range.</summary>
    public static decimal? ParseAmount(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }
        var cleaned = text.Replace("€", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal).Replace('.', ',');
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, Fr, out var amount) && amount < 100_000 ? amount : null;
    }

    private static double Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : node is JsonValue f && f.TryGetValue<float>(out var x) ? x : 0;

    private static decimal Money(double amount) => Math.Round((decimal)amount, 2, MidpointRounding.AwayFromZero);

    private static string Euros(double amount) => amount.ToString("#,##0", Fr) + " €";
}
