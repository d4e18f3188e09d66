using System.Globalization;
using System.Text.Json.Nodes;

namespace CarteBlanche.Benefits;

/// <summary>Bad input in a situation: the message names the source, the entity and the field.</summary>
public sealed class SituationException(string message) : Exception(message);

/// <summary>One value to compute: a variable of an entity for a period.</summary>
public sealed record Request(EntityKind Entity, string Id, string Variable, Period Period);

/// <summary>
/// An OpenFisca situation (the Web API's <c>/calculate</c> body: <c>individus</c>, <c>familles</c>, <c>foyers_fiscaux</c>,
/// <c>menages</c> with their roles and variables by period), checked and turned into a one-situation
/// <see cref="Population"/> the formulas compute on.
/// </summary>
public sealed class Situation
{
    private static readonly string[] FamilleRoles = ["parents", "enfants"];
    private static readonly string[] FoyerRoles = ["declarants", "personnes_a_charge"];
    private static readonly string[] MenageRoles = ["personne_de_reference", "conjoint", "enfants", "autres"];

    private sealed record Group(string Id, Dictionary<string, List<string>> Roles);

    private readonly string _source;
    private readonly Period? _defaultPeriod;
    private readonly List<string> _persons = [];
    private readonly List<Group> _familles = [];
    private readonly List<Group> _menages = [];
    private readonly List<Group> _foyers = [];
    // (entity, id, variable) → month → value
    private readonly Dictionary<(EntityKind, string, string), SortedDictionary<int, JsonNode>> _inputs = [];
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private Population? _population;
    private int[] _familyOfPerson = [];
    private int[] _personRow = [];
    private readonly Dictionary<string, int> _familyIndex = new(StringComparer.Ordinal);

    public List<string> Warnings { get; } = [];

    public List<Request> Requests { get; } = [];

    public IReadOnlyList<string> PersonIds => _persons;

    private Situation(string source, Period? defaultPeriod) => (_source, _defaultPeriod) = (source, defaultPeriod);

    /// <summary>Reads a situation. <paramref name="defaultPeriod"/> is the YAML test's period, used for values given without one.</summary>
    public static Situation Read(JsonObject root, string source, Period? defaultPeriod = null)
    {
        var s = new Situation(source, defaultPeriod);
        s.ReadEntities(root);
        return s;
    }

    private SituationException Error(string where, string what) => new($"{_source} : {where} : {what}");

    private void ReadEntities(JsonObject root)
    {
        foreach (var (key, _) in root)
        {
            if (key is not ("individus" or "familles" or "foyers_fiscaux" or "menages"))
            {
                throw Error(key, "entité inconnue (attendu : individus, familles, foyers_fiscaux, menages)");
            }
        }
        if (root["individus"] is not JsonObject individus || individus.Count == 0)
        {
            throw Error("individus", "la situation doit décrire au moins une personne dans « individus »");
        }
        foreach (var (id, node) in individus)
        {
            _persons.Add(id);
            ReadVariables(EntityKind.Individu, id, node as JsonObject ?? throw Error($"individus.{id}", "une personne se décrit par un dictionnaire de variables"), []);
        }
        ReadGroups(root, "familles", EntityKind.Famille, FamilleRoles, _familles);
        ReadGroups(root, "foyers_fiscaux", EntityKind.FoyerFiscal, FoyerRoles, _foyers);
        ReadGroups(root, "menages", EntityKind.Menage, MenageRoles, _menages);
    }

    private void ReadGroups(JsonObject root, string key, EntityKind kind, string[] roles, List<Group> into)
    {
        if (root[key] is null)
        {
            return;
        }
        if (root[key] is not JsonObject groups)
        {
            throw Error(key, "attendu un dictionnaire d'entités");
        }
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, node) in groups)
        {
            if (node is not JsonObject group)
            {
                throw Error($"{key}.{id}", "attendu un dictionnaire (rôles et variables)");
            }
            var members = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var role in roles)
            {
                if (group[role] is null)
                {
                    continue;
                }
                var ids = group[role] is JsonArray array ? array.Select(PersonId).ToList() : [PersonId(group[role])];
                foreach (var person in ids)
                {
                    if (person == null || !_persons.Contains(person))
                    {
                        throw Error($"{key}.{id}.{role}", $"« {person} » n'est pas une personne de « individus »");
                    }
                    if (seen.TryGetValue(person, out var other))
                    {
                        throw Error($"{key}.{id}.{role}", $"« {person} » est déjà dans {key}.{other} : une personne appartient à une seule entité de ce type");
                    }
                    seen[person] = id;
                }
                members[role] = ids!;
            }
            if (kind == EntityKind.Famille && members.TryGetValue("parents", out var parents) && parents.Count > 2)
            {
                throw Error($"{key}.{id}.parents", $"{parents.Count} parents : une famille en a un ou deux");
            }
            into.Add(new Group(id, members));
            ReadVariables(kind, id, group, roles);
        }
    }

    /// <summary>A member named by a string (« parent1 ») or a number (OpenFisca's tests write <c>parents: [1, 2]</c>, the persons' keys being "1" and "2").</summary>
    private static string? PersonId(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text
        : node is JsonValue number && number.TryGetValue<double>(out var n) ? n.ToString(CultureInfo.InvariantCulture)
        : null;

    private void ReadVariables(EntityKind kind, string id, JsonObject node, string[] roles)
    {
        var where = $"{Variables.EntityPlural(kind)}.{id}";
        foreach (var (name, value) in node)
        {
            if (roles.Contains(name))
            {
                continue;
            }
            if (!Variables.All.TryGetValue(name, out var info))
            {
                if (_warned.Add(name))
                {
                    Warnings.Add($"Variable inconnue ignorée : « {name} » ({where}).");
                }
                continue;
            }
            if (info.Entity != kind)
            {
                throw Error($"{where}.{name}", $"« {name} » est une variable de l'entité {Variables.EntityPlural(info.Entity)}, pas de {Variables.EntityPlural(kind)}");
            }
            if (info.Role == VariableRole.Ignored)
            {
                continue;
            }
            var periods = new List<(Period, JsonNode?)>();
            if (value is JsonObject byPeriod)
            {
                foreach (var (periodText, v) in byPeriod)
                {
                    if (!Period.TryParse(periodText, out var period) && periodText != "ETERNITY")
                    {
                        throw Error($"{where}.{name}", $"période « {periodText} » illisible (attendu 2025-06, 2025 ou month:2025-01:3)");
                    }
                    periods.Add((periodText == "ETERNITY" ? new Period(Month.Of(1900, 1), 1) : period, v));
                }
            }
            else if (_defaultPeriod is { } p)
            {
                periods.Add((p, value));
            }
            else if (info.Kind == ValueKind.Date && value is JsonValue)
            {
                periods.Add((new Period(Month.Of(1900, 1), 1), value));
            }
            else
            {
                throw Error($"{where}.{name}", "donnez la valeur par période, par exemple { \"2025-06\": 1200 }");
            }
            foreach (var (period, v) in periods)
            {
                if (v == null)
                {
                    // Asked for: computed, or reported as not implemented (an input such as af is never computed here).
                    Requests.Add(new Request(kind, id, name, period));
                    continue;
                }
                if (name == "age")
                {
                    var years = Check(info with { Kind = ValueKind.Integer }, v, $"{where}.age ({period})").GetValue<double>();
                    if (years > MaxAge)
                    {
                        throw Error($"{where}.age ({period})", string.Create(CultureInfo.InvariantCulture, $"{years} ans : un âge est de {MaxAge} ans au plus"));
                    }
                    GiveAge(id, period.Start, (int)years);
                    continue;
                }
                if (info.Role != VariableRole.Input && !Variables.GivenComputed.Contains(name))
                {
                    continue; // a computed variable given a value: the engine computes it anyway (its rules do not read it)
                }
                var checkedValue = Check(info, v, $"{where}.{name} ({period})");
                var key = (kind, id, name);
                if (!_inputs.TryGetValue(key, out var months))
                {
                    _inputs[key] = months = [];
                }
                if (info.Kind == ValueKind.Amount && period.Months > 1)
                {
                    // A yearly (or longer) amount is spread evenly over its months.
                    var each = checkedValue.GetValue<double>() / period.Months;
                    foreach (var m in period.EachMonth())
                    {
                        months[m.Index] = JsonValue.Create(each);
                    }
                }
                else
                {
                    foreach (var m in period.EachMonth())
                    {
                        months[m.Index] = checkedValue;
                    }
                }
            }
        }
    }

    private JsonNode Check(VariableInfo info, JsonNode value, string where)
    {
        switch (info.Kind)
        {
            case ValueKind.Amount or ValueKind.Rate or ValueKind.Integer or ValueKind.Quantity:
                if (!TryNumber(value, out var number))
                {
                    throw Error(where, $"« {value.ToJsonString()} » n'est pas un nombre");
                }
                if (number < 0)
                {
                    throw Error(where, $"valeur négative ({number.ToString(CultureInfo.InvariantCulture)}) : {info.Label} est positif ou nul");
                }
                if (info.Kind == ValueKind.Rate && number > 1)
                {
                    throw Error(where, $"taux de {number.ToString(CultureInfo.InvariantCulture)} : un taux s'écrit entre 0 et 1 (0.8 pour 80 %)");
                }
                return JsonValue.Create(number);
            case ValueKind.Boolean:
                if (value is JsonValue b && b.TryGetValue<bool>(out var flag))
                {
                    return JsonValue.Create(flag);
                }
                if (TryNumber(value, out var bit) && bit is 0 or 1)
                {
                    return JsonValue.Create(bit == 1); // OpenFisca reads 0 and 1 as booleans (en_couple: 1)
                }
                throw Error(where, $"« {value.ToJsonString()} » n'est pas un booléen (true ou false)");
            case ValueKind.Date:
                if (value is JsonValue d && d.TryGetValue<string>(out var text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    return JsonValue.Create(text);
                }
                throw Error(where, $"« {value.ToJsonString()} » n'est pas une date aaaa-mm-jj");
            case ValueKind.Enumeration when info.Name == "nationalite":
                if (value is JsonValue c && c.TryGetValue<string>(out var code) && code.Length == 2 && code.All(char.IsAsciiLetterUpper))
                {
                    return JsonValue.Create(code);
                }
                throw Error(where, $"« {value.ToJsonString().Trim('"')} » n'est pas un code pays à deux lettres majuscules (FR, DE, MA…)");
            default:
                var possible = Variables.PossibleValues(info.Name);
                if (value is JsonValue e && e.TryGetValue<string>(out var enumValue) && possible.Contains(enumValue))
                {
                    return JsonValue.Create(enumValue);
                }
                throw Error(where, $"valeur inconnue « {value.ToJsonString().Trim('"')} » (valeurs possibles : {string.Join(", ", possible)})");
        }
    }

    private static bool TryNumber(JsonNode node, out double number)
    {
        number = 0;
        if (node is not JsonValue v)
        {
            return false;
        }
        if (v.TryGetValue(out double d))
        {
            number = d;
            return double.IsFinite(d);
        }
        if (v.TryGetValue(out int i))
        {
            number = i;
            return true;
        }
        if (v.TryGetValue(out long l))
        {
            number = l;
            return true;
        }
        if (v.TryGetValue(out decimal m))
        {
            number = (double)m;
            return true;
        }
        return false;
    }

    private double Amount(EntityKind kind, string id, string name, Month month) =>
        _inputs.TryGetValue((kind, id, name), out var months) && months.TryGetValue(month.Index, out var v) ? v.GetValue<double>() : 0;

    private bool Given(EntityKind kind, string id, string name, Month month, out JsonNode value)
    {
        value = null!;
        return _inputs.TryGetValue((kind, id, name), out var months) && months.TryGetValue(month.Index, out value!);
    }

    private JsonNode? Latest(EntityKind kind, string id, string name) =>
        _inputs.TryGetValue((kind, id, name), out var months) && months.Count > 0 ? months.Last().Value : null;

    /// <summary>Builds the population the formulas read: one family per <c>familles</c> entry; anyone in none is a family alone.</summary>
    public Population ToPopulation(Month from, Month to)
    {
        // Members in a canonical order, eldest first (ties by id), so that no result depends on the order they were
        // listed in (sums of amounts in another order can differ in the last bits); children eldest first is also the
        // order of their ranks in the CSS ceiling, as in OpenFisca.
        List<string> Canonical(List<string>? ids) => (ids ?? []).OrderBy(BirthOf).ThenBy(id => id, StringComparer.Ordinal).ToList();
        var families = _familles.Select(f => (f.Id, Parents: Canonical(f.Roles.GetValueOrDefault("parents")), Children: Canonical(f.Roles.GetValueOrDefault("enfants")))).ToList();
        var placed = families.SelectMany(f => f.Parents.Concat(f.Children)).ToHashSet(StringComparer.Ordinal);
        foreach (var alone in _persons.Where(p => !placed.Contains(p)))
        {
            families.Add(($"_{alone}", [alone], []));
        }
        foreach (var f in families.Where(f => f.Parents.Count == 0))
        {
            throw Error($"familles.{f.Id}", "une famille a au moins un parent");
        }
        var months = to.Index - from.Index + 1;
        var pop = new Population(families.Count, _persons.Count, from, months);
        pop.AahIncomes = new AahIncomes(_persons.Count, families.Count, months);
        pop.TnsIncomes = new TnsIncomes(_persons.Count, families.Count, months);
        _familyOfPerson = new int[_persons.Count];
        _personRow = new int[_persons.Count];
        var row = 0;
        for (var f = 0; f < families.Count; f++)
        {
            var (id, parents, children) = families[f];
            _familyIndex[id] = f;
            pop.FirstPerson[f] = row;
            pop.Parents[f] = (byte)parents.Count;
            pop.Children[f] = (byte)Math.Min(children.Count, 255);
            // The household of the family: the one holding a parent (any of them: the order they are listed in must not matter).
            var menage = _menages.FirstOrDefault(m => m.Roles.Values.Any(r => r.Intersect(parents).Any()));
            if (menage != null && Latest(EntityKind.Menage, menage.Id, "statut_occupation_logement") is { } status)
            {
                pop.Housing[f] = (HousingStatus)Variables.HousingStatusNames.ToList().IndexOf(status.GetValue<string>());
                // OpenFisca's avantage en nature: owner paying no rent or loan, or housed free without sharing the costs.
                var rent = Latest(EntityKind.Menage, menage.Id, "loyer")?.GetValue<double>() ?? 0;
                var shares = Latest(EntityKind.Menage, menage.Id, "participation_frais")?.GetValue<bool>() ?? false;
                pop.InKindHousing[f] = (pop.Housing[f] is HousingStatus.Proprietaire or HousingStatus.PrimoAccedant && rent == 0) || (pop.Housing[f] == HousingStatus.LogeGratuitement && !shares);
            }
            pop.LaterMonths[f] = Latest(EntityKind.Famille, id, "departement_experimentation_rsa")?.GetValue<bool>() ?? false;
            for (var h = 0; h < months; h++)
            {
                if (Given(EntityKind.Famille, id, "rsa_nb_enfants", from.AddMonths(h), out var givenChildren))
                {
                    pop.GivenRsaChildren ??= Enumerable.Repeat(-1, families.Count * months).ToArray();
                    pop.GivenRsaChildren[f * months + h] = (int)givenChildren.GetValue<double>();
                }
            }
            pop.TnsIncomes.GivenEligible[f] = Latest(EntityKind.Famille, id, "rsa_eligibilite_tns") is { } tnsEligible ? (sbyte)(tnsEligible.GetValue<bool>() ? 1 : 0) : (sbyte)-1;
            pop.TnsIncomes.GivenNonCalculable[f] = Latest(EntityKind.Famille, id, "rsa_non_calculable") is { } nonCalculable
                ? (sbyte)Array.IndexOf(Variables.RsaNonCalculableNames, nonCalculable.GetValue<string>()) : (sbyte)-1;
            pop.RecentIsolation[f] = Latest(EntityKind.Famille, id, "rsa_isolement_recent")?.GetValue<bool>() ?? false;
            for (var h = 0; h < months; h++)
            {
                var m = from.AddMonths(h);
                pop.HousingAid[f * months + h] = Amount(EntityKind.Famille, id, "aide_logement", m);
                // Only the complément familial's amount before its majoration counts, when given (OpenFisca's cf_non_majore_avant_cumul).
                var cfBase = Given(EntityKind.Famille, id, "cf_non_majore_avant_cumul", m, out _);
                // The allocations familiales count as paid, at most their base amount when both are given (OpenFisca's min(af_base, af)).
                var af = Given(EntityKind.Famille, id, "af", m, out _) && Given(EntityKind.Famille, id, "af_base", m, out _)
                    ? Math.Min(Amount(EntityKind.Famille, id, "af", m), Amount(EntityKind.Famille, id, "af_base", m))
                    : Amount(EntityKind.Famille, id, "af", m) + Amount(EntityKind.Famille, id, "af_base", m);
                pop.FamilyResources[f * months + h] = af + Variables.FamilyBenefits.Where(name => name is not ("af" or "af_base") && (name != "cf" || !cfBase)).Sum(name => Amount(EntityKind.Famille, id, name, m));
                if (Given(EntityKind.Famille, id, "rsa_majore_eligibilite", m, out var majoration))
                {
                    pop.GivenMajoration ??= Enumerable.Repeat((sbyte)-1, families.Count * months).ToArray();
                    pop.GivenMajoration[f * months + h] = (sbyte)(majoration.GetValue<bool>() ? 1 : 0);
                }
                if (Given(EntityKind.Famille, id, "aspa", m, out var aspa))
                {
                    pop.ReceivedAspa ??= new double[families.Count * months];
                    pop.ReceivedAspa[f * months + h] = aspa.GetValue<double>();
                }
                pop.AahIncomes.GivenCouple[f * months + h] = Given(EntityKind.Famille, id, "en_couple", m, out var couple) ? (sbyte)(couple.GetValue<bool>() ? 1 : 0) : (sbyte)-1;
                pop.AahIncomes.GivenChildren[f * months + h] = Given(EntityKind.Famille, id, "af_nbenf", m, out var given) ? (int)given.GetValue<double>() : -1;
            }
            foreach (var person in parents.Concat(children))
            {
                var index = _persons.IndexOf(person);
                _familyOfPerson[index] = f;
                _personRow[index] = row;
                FillPerson(pop, row, person, from, months);
                row++;
            }
        }
        pop.FirstPerson[families.Count] = row;
        pop.RefreshAges();
        pop.RefreshIncomes();
        _population = pop;
        return pop;
    }

    private int BirthOf(string id) =>
        Latest(EntityKind.Individu, id, "date_naissance") is { } birth ? Population.Pack(DateOnly.ParseExact(birth.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture))
        : _ages.TryGetValue(id, out var age) ? Population.Pack(age.Month.FirstDay.AddYears(-age.Years).AddMonths(-6)) : 19700101;

    private void FillPerson(Population pop, int row, string id, Month from, int months)
    {
        // A date of birth; or, when only an age was given for a month, a birth date six months before that age's
        // anniversary (the age holds for the months around); or OpenFisca's default, 1970-01-01.
        pop.Birth[row] = BirthOf(id);
        pop.Pregnant[row] = Latest(EntityKind.Individu, id, "enceinte")?.GetValue<bool>() ?? false;
        pop.Incapacity[row] = (float)(Latest(EntityKind.Individu, id, "taux_incapacite")?.GetValue<double>() ?? 0);
        pop.Restriction[row] = Latest(EntityKind.Individu, id, "aah_restriction_substantielle_durable_acces_emploi")?.GetValue<bool>() ?? true; // OpenFisca's default
        pop.SharedCustody[row] = Latest(EntityKind.Individu, id, "garde_alternee")?.GetValue<bool>() ?? false;
        pop.Student[row] = Latest(EntityKind.Individu, id, "etudiant")?.GetValue<bool>() ?? false;
        pop.Learner[row] = pop.Student[row] || (Latest(EntityKind.Individu, id, "stagiaire")?.GetValue<bool>() ?? false) || (Latest(EntityKind.Individu, id, "apprenti")?.GetValue<bool>() ?? false);
        for (var h = 0; h < months; h++)
        {
            if (Given(EntityKind.Individu, id, "aah", from.AddMonths(h), out var aah))
            {
                pop.ReceivedAah ??= new double[pop.PersonCount * months];
                pop.ReceivedAah[row * months + h] = aah.GetValue<double>();
            }
        }
        var nationality = Latest(EntityKind.Individu, id, "nationalite")?.GetValue<string>() ?? "FR";
        pop.Nationality[row] = nationality == "FR" ? NationalityGroup.French : nationality == "CH" ? NationalityGroup.Swiss
            : Variables.EeaCountries.Contains(nationality) ? NationalityGroup.Eea : NationalityGroup.Other;
        pop.ResidenceYears[row] = (float)(Latest(EntityKind.Individu, id, "duree_possession_titre_sejour")?.GetValue<double>() ?? 0);
        pop.YoungWorker[row] = Latest(EntityKind.Individu, id, "rsa_jeune_condition_heures_travail_remplie")?.GetValue<bool>() ?? false;
        for (var h = 0; h < months; h++)
        {
            var m = from.AddMonths(h);
            pop.Activity[row * months + h] = Variables.ActivityIncomes.Sum(name => Amount(EntityKind.Individu, id, name, m));
            pop.ActivityStopped[row * months + h] = pop.Activity[row * months + h] == 0 && Variables.ActivityIncomes.Any(name => Given(EntityKind.Individu, id, name, m, out _));
            var sickness = Variables.SicknessAllowances.Sum(name => Amount(EntityKind.Individu, id, name, m));
            if (sickness > 0)
            {
                var stopped = Latest(EntityKind.Individu, id, "date_arret_de_travail") is { } date ? DateOnly.ParseExact(date.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
                var threeBefore = m.AddMonths(-3);
                var recent = stopped is { } d ? d > threeBefore.FirstDay : Variables.SicknessAllowances.Sum(name => Amount(EntityKind.Individu, id, name, threeBefore)) == 0;
                if (recent || Amount(EntityKind.Individu, id, "salaire_net", m) > 0)
                {
                    pop.Activity[row * months + h] += sickness;
                }
                else
                {
                    pop.OtherIncome[row * months + h] += sickness;
                }
            }
            var patrimony = Variables.PatrimonyIncomes.Sum(name => Amount(EntityKind.Individu, id, name, m))
                + _foyers.Where(foyer => MainDeclarant(foyer) == id).Sum(foyer => Variables.CapitalBoxes.Sum(name => Amount(EntityKind.FoyerFiscal, foyer.Id, name, m)));
            pop.OtherIncome[row * months + h] += Variables.OtherIncomes.Where(name => !Variables.PatrimonyIncomes.Contains(name)).Sum(name => Amount(EntityKind.Individu, id, name, m)) + patrimony;
            if (patrimony != 0)
            {
                pop.Patrimony ??= new double[pop.PersonCount * months];
                pop.Patrimony[row * months + h] = patrimony;
            }
        }
        FillAah(pop.AahIncomes!, row, id, from, months);
        var tns = pop.TnsIncomes!;
        tns.Employer[row] = Latest(EntityKind.Individu, id, "tns_avec_employe")?.GetValue<bool>() ?? false;
        tns.Activity[row] = Latest(EntityKind.Individu, id, "tns_autres_revenus_type_activite")?.GetValue<string>() switch { "bic" => TnsActivity.Bic, "bnc" => TnsActivity.Bnc, _ => TnsActivity.AchatRevente };
        for (var h = 0; h < months; h++)
        {
            var m = from.AddMonths(h);
            tns.AgriculturalProfit[row * months + h] = Amount(EntityKind.Individu, id, "rpns_benefice_exploitant_agricole", m);
            tns.OtherIncome[row * months + h] = Amount(EntityKind.Individu, id, "rpns_autres_revenus", m);
            tns.OtherTurnover[row * months + h] = Amount(EntityKind.Individu, id, "rpns_autres_revenus_chiffre_affaires", m);
            tns.MicroTurnover[row * months + h] = Amount(EntityKind.Individu, id, "rpns_micro_entreprise_chiffre_affaires", m);
            tns.MicroProfit[row * months + h] = Amount(EntityKind.Individu, id, "rpns_micro_entreprise_benefice", m);
            tns.MicroBnc[row * months + h] = Amount(EntityKind.Individu, id, "rpns_micro_entreprise_CA_bnc_imp", m);
            tns.MicroSales[row * months + h] = Amount(EntityKind.Individu, id, "rpns_micro_entreprise_CA_bic_vente_imp", m);
            tns.MicroServices[row * months + h] = Amount(EntityKind.Individu, id, "rpns_micro_entreprise_CA_bic_service_imp", m);
            tns.AutoBnc[row * months + h] = Amount(EntityKind.Individu, id, "rpns_auto_entrepreneur_CA_bnc", m);
            tns.AutoSales[row * months + h] = Amount(EntityKind.Individu, id, "rpns_auto_entrepreneur_CA_bic_vente", m);
            tns.AutoServices[row * months + h] = Amount(EntityKind.Individu, id, "rpns_auto_entrepreneur_CA_bic_service", m);
        }
    }

    /// <summary>The AAH's incomes (taxable ones for the annual evaluation, those of the quarterly one) and the values given for its variables.</summary>
    private void FillAah(AahIncomes aah, int row, string id, Month from, int months)
    {
        double A(string name, Month m) => Amount(EntityKind.Individu, id, name, m);
        aah.FamilyBenefitsChild[row] = Latest(EntityKind.Individu, id, "prestations_familiales_enfant_a_charge") is { } child ? (sbyte)(child.GetValue<bool>() ? 1 : 0) : (sbyte)-1;
        aah.ConjugalisedOption[row] = Latest(EntityKind.Individu, id, "aah_conjugalise_eligible")?.GetValue<bool>() ?? false;
        for (var h = 0; h < months; h++)
        {
            var m = from.AddMonths(h);
            var i = row * months + h;
            var taxable = A("salaire_imposable", m);
            aah.TaxableSalary[i] = taxable;
            aah.AnnualActivity[i] = taxable + A("chomage_imposable", m);
            aah.AnnualPensions[i] = A("retraite_imposable", m) + A("pensions_alimentaires_percues", m) + A("pensions_invalidite", m);
            // OpenFisca's salaire_net, when not given, is the taxable salary less the CSG and CRDS of a base salary that is then 0.
            var net = Given(EntityKind.Individu, id, "salaire_net", m, out _) ? A("salaire_net", m) : taxable;
            aah.QuarterActivity[i] = net + A("chomage_net", m) + A("indemnites_stage", m) + A("revenus_stage_formation_pro", m);
            aah.QuarterOther[i] = A("allocation_securisation_professionnelle", m) + A("pensions_alimentaires_percues", m) + A("pensions_invalidite", m) + A("retraite_nette", m)
                - Math.Abs(A("pensions_alimentaires_versees_individu", m));
            aah.NonCumulable[i] = A("pensions_invalidite", m);
            aah.GivenResources[i] = Given(EntityKind.Individu, id, "aah_base_ressources_conjugalisee", m, out var resources) ? resources.GetValue<double>() : double.NaN;
            aah.GivenEligible[i] = Given(EntityKind.Individu, id, "aah_eligible", m, out var eligible) ? (sbyte)(eligible.GetValue<bool>() ? 1 : 0) : (sbyte)-1;
        }
    }

    /// <summary>A foyer fiscal's main declarant: its first declarant, or the only person when the foyer names none.</summary>
    private string? MainDeclarant(Group foyer) =>
        foyer.Roles.TryGetValue("declarants", out var declarants) && declarants.Count > 0 ? declarants[0] : _persons.Count == 1 ? _persons[0] : null;

    private readonly Dictionary<string, (Month Month, int Years)> _ages = new(StringComparer.Ordinal);

    /// <summary>The oldest age given as input (the birth date it gives must be a date).</summary>
    public const int MaxAge = 150;

    /// <summary>An <c>age</c> given as input (tests often give it instead of a birth date).</summary>
    public void GiveAge(string person, Month month, int years) => _ages[person] = (month, years);

    /// <summary>The months the inputs and requests need: from a year before the first requested month to the last one.</summary>
    public (Month From, Month To) Window(IEnumerable<Period> periods)
    {
        var list = periods.ToList();
        if (list.Count == 0)
        {
            throw Error("sortie", "aucune variable à calculer (mettez null pour une variable à calculer)");
        }
        var first = list.Min(p => p.Start.Index);
        var last = list.Max(p => p.Start.Index + p.Months - 1);
        var inputsFirst = _inputs.Values.SelectMany(m => m.Keys).Where(k => k > Month.Of(1900, 1).Index).DefaultIfEmpty(first).Min();
        return (new Month(Math.Min(first - 13, inputsFirst)), new Month(last));
    }

    /// <summary>Computes a variable for an entity and period; monthly amounts asked for a longer period are summed.</summary>
    public JsonNode? Compute(string variable, EntityKind entity, string id, Period period, MonthParameters parameters, Explanation? explanation = null)
    {
        var pop = _population ?? throw new InvalidOperationException("ToPopulation first.");
        var info = Variables.All[variable];
        int family, person = -1;
        if (entity == EntityKind.Famille)
        {
            family = _familyIndex.TryGetValue(id, out var f) ? f : throw Error($"familles.{id}", "famille inconnue");
        }
        else if (entity == EntityKind.Individu)
        {
            var index = _persons.IndexOf(id);
            if (index < 0)
            {
                throw Error($"individus.{id}", "personne inconnue");
            }
            (family, person) = (_familyOfPerson[index], _personRow[index]);
        }
        else
        {
            throw Error($"{Variables.EntityPlural(entity)}.{id}.{variable}", "variable non calculée pour cette entité");
        }
        if (info.Kind != ValueKind.Amount)
        {
            return MonthValue(pop, variable, family, person, period.Start, parameters, explanation);
        }
        var total = 0.0;
        foreach (var m in period.EachMonth())
        {
            total += MonthValue(pop, variable, family, person, m, parameters, explanation)!.GetValue<double>();
        }
        return JsonValue.Create(total);
    }

    private static JsonNode? MonthValue(Population pop, string variable, int family, int person, Month month, MonthParameters parameters, Explanation? explanation)
    {
        return explanation == null ? Evaluate(pop, variable, family, person, month, parameters, default(NoTrace)) : Evaluate(pop, variable, family, person, month, parameters, explanation);
    }

    private static JsonNode? Evaluate<T>(Population pop, string variable, int family, int person, Month month, MonthParameters parameters, T trace) where T : ITrace
    {
        switch (variable)
        {
            case "age":
                return JsonValue.Create(pop.Age(person, month));
            case "ressortissant_eee":
                return JsonValue.Create(pop.Nationality[person] is NationalityGroup.French or NationalityGroup.Eea);
            case "rsa_condition_nationalite":
                return JsonValue.Create(Formulas.NationalityCondition(pop, person, parameters.Rsa(month)));
            case "rsa" or "rsa_socle" or "rsa_socle_majore" or "rsa_forfait_logement" or "rsa_base_ressources" or "rsa_eligibilite" or "rsa_nb_enfants" or "rsa_eligibilite_tns" or "rsa_non_calculable":
                var rsa = Formulas.Rsa(pop, family, month, parameters.Rsa(month), trace);
                return variable switch
                {
                    "rsa" => rsa.Amount,
                    "rsa_socle" => rsa.Socle,
                    "rsa_socle_majore" => rsa.SocleMajore,
                    "rsa_forfait_logement" => rsa.HousingForfait,
                    "rsa_base_ressources" => rsa.Resources,
                    "rsa_nb_enfants" => JsonValue.Create(rsa.Children),
                    "rsa_eligibilite_tns" => JsonValue.Create(rsa.TnsEligible),
                    "rsa_non_calculable" => JsonValue.Create(Variables.RsaNonCalculableNames[(int)rsa.NonCalculable]),
                    _ => JsonValue.Create(rsa.Eligible),
                };
            case "rsa_montant" or "rsa_revenu_activite":
                {
                    var r = Formulas.Rsa(pop, family, month, parameters.Rsa(month), trace);
                    return variable == "rsa_montant" ? r.BeforeNonCalculable : r.Activity;
                }
            case "rsa_majore_eligibilite":
                return JsonValue.Create(Formulas.RsaMajorationEligible(pop, family, month, parameters.Rsa(month)));
            case "rsa_revenu_activite_individu":
                return Formulas.RsaActivityOf(pop, person, month);
            case "rsa_enfant_a_charge":
                return JsonValue.Create(Formulas.IsRsaChildOf(pop, family, person, month, parameters.Rsa(month)));
            case "ppa_revenu_activite_individu":
                return Formulas.PpaMember(pop, person, month, parameters.Ppa(month)).Earned;
            case "ppa_ressources_hors_activite_individu":
                return Formulas.PpaMember(pop, person, month, parameters.Ppa(month)).Other;
            case "ppa_revenu_activite" or "ppa_ressources_hors_activite" or "ppa_base_ressources":
                {
                    var (activity, other) = Formulas.PpaResources(pop, family, month, parameters.Ppa(month));
                    return variable switch { "ppa_revenu_activite" => activity, "ppa_ressources_hors_activite" => other, _ => activity + other };
                }
            case "ppa_montant_forfaitaire_familial_non_majore" or "ppa_montant_forfaitaire_familial_majore":
                {
                    var (nonMajore, majore) = Formulas.PpaForfaits(pop, family, month, parameters.Ppa(month));
                    return variable == "ppa_montant_forfaitaire_familial_majore" ? majore : nonMajore;
                }
            case "ppa_fictive":
                return Formulas.PpaNotional(pop, family, month, parameters.Ppa(month), trace);
            case "ppa_eligibilite_apprenants":
                return JsonValue.Create(Formulas.PpaActivityCondition(pop, family, month, Formulas.ReferenceShift(pop, family, month, parameters), parameters.Ppa(month)));
            case "ppa" or "ppa_eligibilite":
                var ppa = Formulas.Ppa(pop, family, month, parameters, trace);
                return variable == "ppa" ? ppa.Amount : JsonValue.Create(ppa.Eligible);
            case "ppa_forfait_logement":
                {
                    var pp = parameters.Ppa(month);
                    var persons = pop.Parents[family] + Formulas.RsaChildren(pop, family, month, pp.Rsa);
                    var aidH = pop.Offset(month);
                    var aid = aidH < 0 ? 0 : pop.HousingAid[family * pop.Months + aidH];
                    return Formulas.HousingForfait("ppa_forfait_logement", pp.Scale, persons, aid, pop.InKindHousing[family], month, trace);
                }
            case "ppa_bonification":
                var p = parameters.Ppa(month);
                var earned = Formulas.PpaMember(pop, person, month, p).Earned;
                var bonus = Formulas.PpaBonus(p, earned);
                if (trace.On)
                {
                    trace.Uses(p.Used);
                    trace.Step("ppa_bonification", bonus, $"Bonification : revenus d'activité de {Explanation.Euros(earned)} ; elle commence à {Explanation.Euros(p.BonusStart)} et atteint {Explanation.Euros(p.BonusMaximum)} à {Explanation.Euros(p.BonusFull)} → {Explanation.Euros(bonus)}.");
                }
                return bonus;
            case "cmu_c_plafond" or "acs_plafond" or "css_cmu_base_ressources" or "cmu_c" or "css_participation_forfaitaire":
                var rsaAmount = Formulas.Rsa(pop, family, month, parameters.Rsa(month), default(NoTrace)).Amount;
                var css = Formulas.Css(pop, family, month, parameters.Css(month), rsaAmount, trace);
                return variable switch
                {
                    "cmu_c_plafond" => css.Ceiling,
                    "acs_plafond" => css.CeilingWithContribution,
                    "css_cmu_base_ressources" => css.Resources,
                    "css_participation_forfaitaire" => css.Contribution,
                    _ => JsonValue.Create(css.Status == CssStatus.Gratuite),
                };
            case "aah_base_ressources_conjugalisee":
                return Formulas.AahConjugalisedResources(pop, family, person, month, parameters.Aah(month), trace);
            case "aah_base_ressources_activite_eval_trimestrielle":
                return Formulas.AahQuarterActivity(pop, person, month);
            case "aah_base_ressources_hors_activite_eval_annuelle":
                return Formulas.AahAnnualPensions(pop, person, month);
            case "en_couple":
                return JsonValue.Create(Formulas.AahCouple(pop, family, month));
            case "af_nbenf":
                return JsonValue.Create(Formulas.AahChildren(pop, family, month, parameters.Aah(month)));
            case "aah" or "aah_base" or "aah_eligible" or "aah_base_ressources" or "aah_plafond_ressources":
                var aah = Formulas.Aah(pop, family, person, month, parameters.Aah(month), trace);
                return variable switch
                {
                    "aah" or "aah_base" => aah.Amount,
                    "aah_base_ressources" => aah.Resources,
                    "aah_plafond_ressources" => aah.Ceiling,
                    _ => JsonValue.Create(aah.Eligible),
                };
            case "aspa" or "aspa_eligibilite" or "aspa_base_ressources":
                var aspa = Formulas.Aspa(pop, family, month, parameters.Aspa(month), trace);
                return variable switch
                {
                    "aspa" => aspa.Amount,
                    "aspa_base_ressources" => aspa.Resources,
                    _ => JsonValue.Create(aspa.Eligible),
                };
            default:
                throw new InvalidOperationException(variable);
        }
    }
}
