namespace CarteBlanche.Benefits;

public readonly record struct RsaResult(bool Eligible, int Persons, int Children, double Socle, double SocleMajore, double HousingForfait, double Resources, double Amount, bool TnsEligible = true, RsaNonCalculable NonCalculable = RsaNonCalculable.Calculable, double Activity = 0, double BeforeNonCalculable = 0, bool Majoration = false);

public readonly record struct PpaResult(bool Eligible, double Amount);

public enum CssStatus : byte
{
    NonEligible,
    AvecParticipation,
    Gratuite,
}

public readonly record struct CssResult(CssStatus Status, double Ceiling, double CeilingWithContribution, double Resources, double Contribution);

public readonly record struct AspaResult(bool Eligible, double Ceiling, double Resources, double Amount);

/// <summary>
/// The benefit rules, on one family (or person) of a <see cref="Population"/> for one month, following OpenFisca-France's
/// formulas (docs/adr/0008). The same code serves the single-household path (with an <see cref="Explanation"/>) and
/// the batch path (with <see cref="NoTrace"/>). Like OpenFisca, amounts are not rounded (only the PPA's maximum bonus
/// and the CSS ceiling are).
/// </summary>
public static partial class Formulas
{
    private static double At(double[] column, int row, Population pop, Month month)
    {
        var h = pop.Offset(month);
        return h < 0 ? 0 : column[row * pop.Months + h];
    }

    /// <summary>All resources of a person in a month (earned and other).</summary>
    private static double PersonResources(Population pop, int person, Month month)
    {
        var h = pop.Offset(month);
        return h < 0 ? 0 : pop.Activity[person * pop.Months + h] + pop.OtherIncome[person * pop.Months + h];
    }

    /// <summary>
    /// OpenFisca's rsa_condition_nationalite: French, or a national of the EEA or Switzerland with three months of
    /// residence, or another foreigner holding a residence permit for five years.
    /// </summary>
    public static bool NationalityCondition(Population pop, int person, RsaParameters p) => pop.Nationality[person] switch
    {
        NationalityGroup.French => true,
        NationalityGroup.Eea or NationalityGroup.Swiss => pop.ResidenceYears[person] >= p.ResidenceYearsEea - 1e-9,
        _ => pop.ResidenceYears[person] >= p.ResidenceYearsOther - 1e-9,
    };

    /// <summary>Whether a parent of the family meets the nationality condition.</summary>
    public static bool AnyParentNational(Population pop, int family, RsaParameters p)
    {
        for (var i = pop.FirstPerson[family]; i < pop.FirstPerson[family] + pop.Parents[family]; i++)
        {
            if (NationalityCondition(pop, i, p))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsCountedChild(Population pop, int person, Month month, int ageLimit) => pop.Age(person, month) < ageLimit;

    /// <summary>Children younger than the limit on the first day of the month.</summary>
    public static int CountedChildren(Population pop, int family, Month month, int ageLimit)
    {
        var first = pop.FirstPerson[family] + pop.Parents[family];
        var count = 0;
        for (var p = first; p < pop.FirstPerson[family + 1]; p++)
        {
            if (IsCountedChild(pop, p, month, ageLimit))
            {
                count++;
            }
        }
        return count;
    }

    private static bool HasChildUnder(Population pop, int family, Month month, int age)
    {
        for (var p = pop.FirstPerson[family] + pop.Parents[family]; p < pop.FirstPerson[family + 1]; p++)
        {
            if (pop.Age(p, month) < age)
            {
                return true;
            }
        }
        return false;
    }

    private static bool AnyParentPregnant(Population pop, int family)
    {
        var first = pop.FirstPerson[family];
        for (var p = first; p < first + pop.Parents[family]; p++)
        {
            if (pop.Pregnant[p])
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The majoration for isolation: a parent alone, with a child or pregnant, while the youngest child is under 3,
    /// or in the 12 months after becoming alone (<c>rsa_isolement_recent</c>), or during the pregnancy.
    /// </summary>
    private static bool MajorationEligible(Population pop, int family, Month month, int children, bool pregnant) =>
        MajorationEligible(pop, family, month, children, pregnant, pop.Parents[family] == 1 && HasChildUnder(pop, family, month, 3));

    /// <summary><see cref="MajorationEligible(Population, int, Month, int, bool)"/> when the caller already knows whether a child is under 3.</summary>
    private static bool MajorationEligible(Population pop, int family, Month month, int children, bool pregnant, bool childUnder3)
    {
        if (pop.GivenMajoration is { } given && pop.Offset(month) is var h and >= 0 && given[family * pop.Months + h] >= 0)
        {
            return given[family * pop.Months + h] == 1;
        }
        return pop.Parents[family] == 1 && (pregnant || children > 0) && (pregnant || pop.RecentIsolation[family] || childUnder3);
    }

    /// <summary>Housing forfait: the whole forfait when housed in kind; otherwise the smaller of the housing aid and the forfait.</summary>
    public static double HousingForfait<T>(string variable, ScaleParameters scale, int persons, double aid, bool inKind, Month month, T trace) where T : ITrace
    {
        var ceiling = scale.HousingForfait(persons);
        var forfait = inKind ? ceiling : aid > 0 ? Math.Min(aid, ceiling) : 0;
        if (trace.On)
        {
            var why = inKind ? "propriétaire sans loyer ni emprunt, ou logé gratuitement : forfait entier"
                : aid > 0 ? $"aide au logement de {Explanation.Euros(aid)} : la plus petite des deux"
                : "ni aide au logement ni avantage en nature : pas de forfait";
            trace.Step(variable, forfait, $"{month} — forfait logement pour {persons} personne(s) : plafond {Explanation.Euros(ceiling)} ; {why} → {Explanation.Euros(forfait)}.");
        }
        return forfait;
    }

    /// <summary>Montant forfaitaire (and majoré when eligible): the family gets the higher.</summary>
    private static (double Socle, double Majore) Forfaits<T>(string prefix, ScaleParameters scale, int parents, int children, bool pregnant, bool majoration, Month month, T trace) where T : ITrace
    {
        var persons = parents + children;
        var single = parents == 1;
        var rate = scale.Rate(persons, single);
        var socle = scale.Base.Value * rate;
        var majore = majoration ? scale.Base.Value * (scale.MajorationBase + scale.MajorationPerChild * children) : 0;
        if (trace.On)
        {
            trace.Step(prefix + "_socle", socle, $"{month} — montant forfaitaire : {Explanation.Euros(scale.Base.Value)} × {Explanation.Number(rate)} ({persons} personne(s), {(single ? "personne seule" : "couple")}) = {Explanation.Euros(socle)}.");
            if (majoration)
            {
                trace.Step(prefix + "_socle_majore", majore, $"{month} — montant majoré (parent isolé{(pregnant ? ", grossesse" : "")}) : {Explanation.Euros(scale.Base.Value)} × ({Explanation.Number(scale.MajorationBase)} + {Explanation.Number(scale.MajorationPerChild)} × {children}) = {Explanation.Euros(majore)}.");
            }
        }
        return (socle, majore);
    }

    /// <summary>
    /// A person's earned and other resources summed over the RSA's three reference months (the batch's hot path:
    /// indexed directly when the months are in the history; callers divide by 3 once per family). Earned income is
    /// neutralised (0) when it stopped: reported as nothing in the month itself, something the month before, and no
    /// replacement income that month (OpenFisca's <c>rsa_revenu_activite_individu</c>, which also reads a month not
    /// given as 0; any other resource of the month counts as replacement here). The AAH received counts among the
    /// other resources (minima sociaux).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static (double Earned, double Other) RsaSums(Population pop, int person, Month month, int from)
    {
        if (!pop.HasIncome[person])
        {
            return (0, 0);
        }
        // The common case, small enough to be inlined: the three months in the history, earned and other income only.
        var oldest = month.Index - from - 2 - pop.FirstMonth.Index;
        if (oldest >= 0 && oldest + 2 < pop.Months && pop.ReceivedAah == null && !pop.AnyActivityStopped)
        {
            var i = person * pop.Months + oldest;
            var activity = pop.Activity;
            var otherIncome = pop.OtherIncome;
            return (activity[i + 2] + activity[i + 1] + activity[i], otherIncome[i + 2] + otherIncome[i + 1] + otherIncome[i]);
        }
        return RsaSumsInFull(pop, person, month, from);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (double Earned, double Other) RsaSumsInFull(Population pop, int person, Month month, int from)
    {
        var months = pop.Months;
        var row = person * months;
        double earned = 0, other = 0;
        for (var k = from; k < from + 3; k++) // latest month first, as the common case adds them
        {
            var m = month.AddMonths(-k);
            earned += At(pop.Activity, person, pop, m);
            other += At(pop.OtherIncome, person, pop, m);
        }
        if (pop.ReceivedAah is { } aah)
        {
            other += At(aah, person, pop, month.AddMonths(-from)) + At(aah, person, pop, month.AddMonths(-from - 1)) + At(aah, person, pop, month.AddMonths(-from - 2));
        }
        var now = month.Index - pop.FirstMonth.Index;
        if (pop.AnyActivityStopped && now >= 1 && now < months && pop.ActivityStopped[row + now] && pop.Activity[row + now - 1] > 0 && pop.OtherIncome[row + now] == 0)
        {
            earned = 0;
        }
        return (earned, other);
    }

    /// <summary>A person's monthly averages over the RSA's three reference months (<see cref="RsaSums"/> / 3).</summary>
    private static (double Earned, double Other) RsaAverages(Population pop, int person, Month month, int from)
    {
        var (earned, other) = RsaSums(pop, person, month, from);
        return (earned / 3, other / 3);
    }

    private static double RsaActivity(Population pop, int person, Month month, int from) => RsaAverages(pop, person, month, from).Earned;

    /// <summary>
    /// A member's earned and other income of one month for the prime d'activité: self-employed income included; the
    /// AAH received counts as earned income above 29 hours of SMIC of earnings; capital and rental income as a twelfth
    /// of year N-2 (OpenFisca's ppa_revenu_activite_individu and ppa_ressources_hors_activite_individu).
    /// </summary>
    public static (double Earned, double Other) PpaMember(Population pop, int person, Month m, PpaParameters p)
    {
        if (!pop.HasIncome[person] && pop.TnsIncomes == null)
        {
            return (0, 0);
        }
        var h = pop.Offset(m);
        var earned = h < 0 ? 0 : pop.Activity[person * pop.Months + h];
        var other = h < 0 ? 0 : pop.OtherIncome[person * pop.Months + h];
        if (pop.OnlyColumnIncomes)
        {
            return (earned, other);
        }
        earned += SelfEmployedIncome(pop, person, m, p.Rsa);
        if (pop.Patrimony is { } patrimony)
        {
            other += YearSum(patrimony, person, pop, m.Year - 2) / 12 - At(patrimony, person, pop, m);
        }
        if (pop.ReceivedAah is { } aah)
        {
            var received = At(aah, person, pop, m);
            if (earned >= p.AahActivityThreshold)
            {
                earned += received;
            }
            else
            {
                other += received;
            }
        }
        return (earned, other);
    }

    /// <summary>
    /// Whether a child counts in the RSA household (OpenFisca's <c>rsa_enfant_a_charge</c>): younger than the limit,
    /// and with resources (other resources + the part of earned income not covered by the activity share) under the
    /// increase of the forfait the child brings — 40 % of the base, or the isolation majoration's share for a first
    /// child when the child opens it (recently alone, not pregnant, no other child).
    /// </summary>
    private static bool IsRsaChild(Population pop, int family, int person, Month month, ScaleParameters scale, double share, int from, int ageEligible, bool pregnant)
    {
        if (pop.Age(person, month) >= scale.ChildAgeLimit)
        {
            return false;
        }
        var (earned, other) = RsaAverages(pop, person, month, from);
        return ChildKept(pop, family, earned, other, scale, share, ageEligible, pregnant);
    }

    /// <summary>The resources test of <see cref="IsRsaChild"/> on a child's averages.</summary>
    private static bool ChildKept(Population pop, int family, double earned, double other, ScaleParameters scale, double share, int ageEligible, bool pregnant)
    {
        var resources = other + (1 - share) * earned;
        if (resources == 0)
        {
            return true;
        }
        var opensMajoration = pop.Parents[family] == 1 && !pregnant && pop.RecentIsolation[family] && ageEligible <= 1;
        var limit = opensMajoration ? scale.MajorationBase - 1 + scale.MajorationPerChild : scale.Beyond;
        return resources < limit * scale.Base.Value;
    }

    /// <summary>A person's earned income as the RSA counts it for the month (OpenFisca's rsa_revenu_activite_individu).</summary>
    public static double RsaActivityOf(Population pop, int person, Month month) => RsaActivity(pop, person, month, 1);

    /// <summary>Whether a person counts as a child of the RSA household this month (OpenFisca's rsa_enfant_a_charge).</summary>
    public static bool IsRsaChildOf(Population pop, int family, int person, Month month, RsaParameters p)
    {
        if (person < pop.FirstPerson[family] + pop.Parents[family])
        {
            return false;
        }
        return IsRsaChild(pop, family, person, month, p.Scale, p.ActivityShare, 1, CountedChildren(pop, family, month, p.Scale.ChildAgeLimit), AnyParentPregnant(pop, family));
    }

    /// <summary>Earned income and other resources of the prime d'activité's members in a month (parents, children under the age limit).</summary>
    public static (double Activity, double Other) PpaResources(Population pop, int family, Month m, PpaParameters p)
    {
        var first = pop.FirstPerson[family];
        var activity = 0.0;
        var other = At(pop.FamilyResources, family, pop, m) + (pop.ReceivedAspa is { } aspa ? At(aspa, family, pop, m) : 0);
        for (var i = first; i < pop.FirstPerson[family + 1]; i++)
        {
            if (i < first + pop.Parents[family] || IsCountedChild(pop, i, m, p.Scale.ChildAgeLimit))
            {
                var (earned, others) = PpaMember(pop, i, m, p);
                activity += earned;
                other += others;
            }
        }
        return (activity, other);
    }

    /// <summary>The prime d'activité's montant forfaitaire of the month, without and with the isolation majoration.</summary>
    public static (double NonMajore, double Majore) PpaForfaits(Population pop, int family, Month m, PpaParameters p)
    {
        var children = RsaChildren(pop, family, m, p.Rsa);
        var scale = p.Scale;
        return (scale.Base.Value * scale.Rate(pop.Parents[family] + children, pop.Parents[family] == 1),
            scale.Base.Value * (scale.MajorationBase + scale.MajorationPerChild * children));
    }

    /// <summary>OpenFisca's rsa_majore_eligibilite: a parent alone with a counted child or pregnant, the youngest under 3 or recently alone.</summary>
    public static bool RsaMajorationEligible(Population pop, int family, Month month, RsaParameters p) =>
        MajorationEligible(pop, family, month, RsaChildren(pop, family, month, p), AnyParentPregnant(pop, family));

    /// <summary>The children counted for the RSA (and the prime d'activité's household) in a month.</summary>
    public static int RsaChildren(Population pop, int family, Month month, RsaParameters p, int from = 1)
    {
        if (GivenChildren(pop, family, month) is var given and >= 0)
        {
            return given;
        }
        var scale = p.Scale;
        // One pass when no child has income (the batch's common case): the age test alone.
        var ageEligible = 0;
        var withIncome = false;
        for (var c = pop.FirstPerson[family] + pop.Parents[family]; c < pop.FirstPerson[family + 1]; c++)
        {
            if (pop.Age(c, month) < scale.ChildAgeLimit)
            {
                ageEligible++;
                withIncome |= pop.HasIncome[c];
            }
        }
        if (!withIncome)
        {
            return ageEligible;
        }
        var pregnant = AnyParentPregnant(pop, family);
        var count = 0;
        for (var c = pop.FirstPerson[family] + pop.Parents[family]; c < pop.FirstPerson[family + 1]; c++)
        {
            if (pop.HasIncome[c] ? IsRsaChild(pop, family, c, month, scale, p.ActivityShare, from, ageEligible, pregnant) : pop.Age(c, month) < scale.ChildAgeLimit)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>The RSA's children count a situation gives for the month (-1 when it does not).</summary>
    private static int GivenChildren(Population pop, int family, Month month)
    {
        if (pop.GivenRsaChildren is not { } given)
        {
            return -1;
        }
        var h = pop.Offset(month);
        return h >= 0 ? given[family * pop.Months + h] : -1;
    }

    public static RsaResult Rsa<T>(Population pop, int family, Month month, RsaParameters p, T trace) where T : ITrace
    {
        var scale = p.Scale;
        trace.Uses(scale.Used);
        var parents = pop.Parents[family];
        var later = p.LaterMonthsAllowed && pop.LaterMonths[family];
        var from = later ? 2 : 1;
        var first = pop.FirstPerson[family];
        // Children under the age limit (before the resources test), and whether one is under 3 (the majoration).
        var ageEligible = 0;
        var childUnder3 = false;
        for (var c = first + parents; c < pop.FirstPerson[family + 1]; c++)
        {
            var age = pop.Age(c, month);
            if (age < scale.ChildAgeLimit)
            {
                ageEligible++;
                childUnder3 |= age < 3;
            }
        }
        // A parent opens the right when not a student and aged 25, or with a child (born or to be born), or young
        // having worked two years out of three (RSA jeune actif, from September 2010).
        var pregnant = false;
        var oldest = 0;
        var students = 0;
        var adultOrYoungWorker = false;
        for (var i = first; i < first + parents; i++)
        {
            pregnant |= pop.Pregnant[i];
            var age = pop.Age(i, month);
            oldest = Math.Max(oldest, age);
            if (pop.Student[i])
            {
                students++;
                continue;
            }
            adultOrYoungWorker |= age >= scale.MinimumAge || (p.YoungWorkers && pop.YoungWorker[i] && age >= p.YoungMinimumAge);
        }
        // Resources of the parents and of the children who count: the reference months' sums, averaged once for the family.
        var earnedSum = 0.0;
        var otherSum = 0.0;
        var selfEmployed = 0.0;
        var children = 0;
        for (var i = first; i < pop.FirstPerson[family + 1]; i++)
        {
            var isChild = i >= first + parents;
            if (isChild && (ageEligible == 0 || pop.Age(i, month) >= scale.ChildAgeLimit))
            {
                continue;
            }
            var (earned, other) = RsaSums(pop, i, month, from);
            if (isChild)
            {
                if (!ChildKept(pop, family, earned / 3, other / 3, scale, p.ActivityShare, ageEligible, pregnant))
                {
                    continue;
                }
                children++;
            }
            if (p.CountsSelfEmployedIncome && pop.TnsIncomes != null)
            {
                selfEmployed += SelfEmployedIncome(pop, i, month, p);
            }
            earnedSum += earned;
            otherSum += other;
        }
        var activity = earnedSum / 3 + selfEmployed;
        var resources = activity + otherSum / 3;
        // A count given by the situation wins (its children's resources then count only for those computed as counted).
        if (pop.GivenRsaChildren != null && GivenChildren(pop, family, month) is var given and >= 0)
        {
            children = given;
        }
        if (trace.On && children < ageEligible)
        {
            trace.Step("rsa_nb_enfants", children, $"{month} — {ageEligible - children} enfant(s) exclu(s) du foyer : leurs ressources dépassent ce que leur présence ajoute au montant forfaitaire.");
        }
        var eligible = students < parents && (adultOrYoungWorker || children > 0 || pregnant);
        if (eligible && !pop.AllFrench && !AnyParentNational(pop, family, p))
        {
            eligible = false;
            if (trace.On)
            {
                trace.Step("rsa_condition_nationalite", 0, "Non éligible : aucun parent ne remplit la condition de séjour (trois mois pour un ressortissant de l'Espace économique européen ou suisse, cinq ans de titre de séjour pour les autres étrangers).");
            }
        }
        var tnsEligible = pop.TnsIncomes == null || RsaTnsEligible(pop, family, month, p, children);
        if (!tnsEligible && eligible)
        {
            eligible = false;
            if (trace.On)
            {
                trace.Step("rsa_eligibilite_tns", 0, $"{month} — non éligible comme travailleur non salarié (jusqu'en 2016) : bénéfice agricole de l'année précédente au-delà de {Explanation.Number(p.TnsAgriculturalHours)} heures de SMIC (majorées selon le foyer), salariés, ou chiffre d'affaires au-delà du plafond du régime micro.");
            }
        }
        if (trace.On)
        {
            trace.Step("rsa_eligibilite", eligible ? 1 : 0, eligible
                ? $"Éligible : {(oldest >= scale.MinimumAge ? $"un parent a {oldest} ans (au moins {scale.MinimumAge})" : children > 0 ? $"moins de {scale.MinimumAge} ans avec enfant à charge" : pregnant ? $"moins de {scale.MinimumAge} ans et grossesse" : "moins de 25 ans ayant travaillé deux ans sur les trois dernières années (RSA jeune actif)")}."
                : students == parents ? "Non éligible : un étudiant n'a pas droit au RSA."
                : $"Non éligible : le parent le plus âgé a {oldest} ans (moins de {scale.MinimumAge}), sans enfant ni grossesse.");
        }
        var majoration = MajorationEligible(pop, family, month, children, pregnant, childUnder3);
        var (socleOnly, majore) = Forfaits("rsa", scale, parents, children, pregnant, majoration, month, trace);
        var socle = Math.Max(socleOnly, majore);
        var persons = parents + children;
        var forfait = HousingForfait("rsa_forfait_logement", scale, persons, At(pop.HousingAid, family, pop, month), pop.InKindHousing[family], month, trace);
        var familyBenefits = At(pop.FamilyResources, family, pop, month) + (pop.ReceivedAspa is { } aspa ? At(aspa, family, pop, month) : 0);
        resources += familyBenefits;
        // Until 2015 the RSA also topped up earned income (the « RSA activité »): a share of it is added back.
        var topUp = p.ActivityShare * activity;
        var gross = Math.Max(0, socle - forfait - resources + topUp);
        var amount = !eligible || gross < scale.MinimumPaid ? 0 : gross;
        var beforeNonCalculable = amount;
        var nonCalculable = pop.TnsIncomes == null ? RsaNonCalculable.Calculable : RsaNonCalculableOf(pop, family, month, p, amount);
        if (nonCalculable != RsaNonCalculable.Calculable)
        {
            amount = 0;
        }
        if (trace.On)
        {
            trace.Step("rsa_base_ressources", resources, $"Ressources : moyenne des mois {month.AddMonths(-from - 2)} à {month.AddMonths(-from)} (revenus d'activité, chômage, retraites, pensions){(familyBenefits > 0 ? $" + prestations familiales du mois {Explanation.Euros(familyBenefits)}" : "")} = {Explanation.Euros(resources)} par mois.");
            trace.Step("rsa", amount, !eligible ? "RSA : 0 € (non éligible)."
                : $"RSA : {Explanation.Euros(socle)} − forfait logement {Explanation.Euros(forfait)} − ressources {Explanation.Euros(resources)}{(topUp > 0 ? $" + {Explanation.Number(p.ActivityShare)} × revenus d'activité {Explanation.Euros(activity)} (RSA activité, jusqu'en 2015)" : "")} = {Explanation.Euros(gross)}{(gross < scale.MinimumPaid ? $", moins de {Explanation.Euros(scale.MinimumPaid)} : non versé" : "")} → {Explanation.Euros(amount)}.");
        }
        if (trace.On && nonCalculable != RsaNonCalculable.Calculable)
        {
            trace.Step("rsa_non_calculable", (int)nonCalculable, $"RSA non calculé : {(nonCalculable == RsaNonCalculable.Tns ? "le demandeur" : "son conjoint")} est travailleur non salarié ; jusqu'en 2016 le président du conseil départemental fixe ses revenus (0 € ici).");
        }
        return new RsaResult(eligible, persons, children, socleOnly, majore, forfait, resources, amount, tnsEligible, nonCalculable, activity, beforeNonCalculable, majoration);
    }

    /// <summary>Individual bonus of the prime d'activité for a month's earned income.</summary>
    public static double PpaBonus(PpaParameters p, double earned) =>
        Math.Clamp(p.BonusMaximum * (earned - p.BonusStart) / (p.BonusFull - p.BonusStart), 0, p.BonusMaximum);

    /// <summary>
    /// Notional prime d'activité of one month m, with m's parameters, household and resources:
    /// forfait + bonuses + share × earned income − max(resources + housing forfait, forfait).
    /// </summary>
    public static double PpaNotional<T>(Population pop, int family, Month m, PpaParameters p, T trace) where T : ITrace
    {
        var scale = p.Scale;
        if (trace.On)
        {
            trace.Uses(scale.Used);
            trace.Uses(p.Used);
        }
        var parents = pop.Parents[family];
        var first = pop.FirstPerson[family];
        var end = pop.FirstPerson[family + 1];
        var pregnant = false;
        var h = pop.Offset(m);
        var activity = 0.0;
        var bonus = 0.0;
        var adult = false;
        var other = At(pop.FamilyResources, family, pop, m) + (pop.ReceivedAspa is { } aspa ? At(aspa, family, pop, m) : 0);
        // A synthetic population has only earned and other income: read them directly (the batch's hot path).
        var synthetic = pop.OnlyColumnIncomes;
        // One pass over the members (each age computed once): the resources are those of the parents and of every child
        // under the age limit, counted in the household or excluded for their resources (as OpenFisca).
        var ageEligible = 0;
        var childWithIncome = false;
        var childUnder3 = false;
        for (var i = first; i < end; i++)
        {
            var age = pop.Age(i, m);
            adult |= age >= scale.MinimumAge;
            if (i >= first + parents)
            {
                if (age >= scale.ChildAgeLimit)
                {
                    continue;
                }
                ageEligible++;
                childWithIncome |= pop.HasIncome[i];
                childUnder3 |= age < 3;
            }
            else
            {
                pregnant |= pop.Pregnant[i];
            }
            if (h >= 0)
            {
                var (earned, others) = synthetic ? (pop.Activity[i * pop.Months + h], pop.OtherIncome[i * pop.Months + h]) : PpaMember(pop, i, m, p);
                activity += earned;
                bonus += PpaBonus(p, earned);
                other += others;
            }
        }
        // The household counts the RSA's children (OpenFisca's rsa_nb_enfants): those under the age limit unless their
        // own resources exclude them, or the count a situation gives.
        var children = childWithIncome || pop.GivenRsaChildren != null ? RsaChildren(pop, family, m, p.Rsa) : ageEligible;
        var (ppaSocle, ppaMajore) = Forfaits("ppa", scale, parents, children, pregnant, MajorationEligible(pop, family, m, children, pregnant, childUnder3), m, trace);
        var forfait = HousingForfait("ppa_forfait_logement", scale, parents + children, At(pop.HousingAid, family, pop, m), pop.InKindHousing[family], m, trace);
        var forfaitMontant = Math.Max(ppaSocle, ppaMajore);
        var resources = activity + other;
        // Like the RSA, a parent must meet the nationality condition.
        adult &= pop.AllFrench || AnyParentNational(pop, family, p.Rsa);
        var notional = adult ? Math.Max(0, forfaitMontant + bonus + p.Share * activity - Math.Max(resources + forfait, forfaitMontant)) : 0;
        if (trace.On)
        {
            trace.Step("ppa_fictive", notional, $"{m} — montant du mois : {Explanation.Euros(forfaitMontant)} + bonifications {Explanation.Euros(bonus)} + {Explanation.Number(p.Share)} × revenus d'activité {Explanation.Euros(activity)} − max(ressources {Explanation.Euros(resources)} + forfait logement {Explanation.Euros(forfait)} ; {Explanation.Euros(forfaitMontant)}) = {Explanation.Euros(notional)}{(adult ? "" : $" (aucun membre d'au moins {scale.MinimumAge} ans)")}.");
        }
        return notional;
    }

    /// <summary>
    /// Prime d'activité for month M: the average of the notional amounts of M-3..M-1 (M-4..M-2 for the experimental
    /// départements from October 2024), each with its own month's parameters; not paid under the minimum of M.
    /// </summary>
    public static PpaResult Ppa<T>(Population pop, int family, Month month, MonthParameters parameters, T trace) where T : ITrace
    {
        var atMonth = parameters.Ppa(month);
        var eligible = false;
        for (var i = pop.FirstPerson[family]; i < pop.FirstPerson[family + 1]; i++)
        {
            eligible |= pop.Age(i, month) >= atMonth.Scale.MinimumAge;
        }
        eligible &= AnyParentNational(pop, family, atMonth.Rsa);
        if (atMonth.BeforeCreation)
        {
            if (trace.On)
            {
                trace.Step("ppa", 0, $"Prime d'activité : 0 € (elle existe depuis janvier 2016).");
            }
            return new PpaResult(eligible, 0);
        }
        var from = ReferenceShift(pop, family, month, parameters);
        if (!PpaActivityCondition(pop, family, month, from, atMonth))
        {
            if (trace.On)
            {
                trace.Step("ppa", 0, $"Prime d'activité : 0 € (aucun parent n'a travaillé pendant les mois de référence, ou un étudiant a gagné moins de {Explanation.Euros(atMonth.StudentFloor)} l'un des mois).");
            }
            return new PpaResult(eligible, 0);
        }
        var oldest = PpaNotional(pop, family, month.AddMonths(-from - 2), parameters.Ppa(month.AddMonths(-from - 2)), trace);
        var middle = PpaNotional(pop, family, month.AddMonths(-from - 1), parameters.Ppa(month.AddMonths(-from - 1)), trace);
        var latest = PpaNotional(pop, family, month.AddMonths(-from), parameters.Ppa(month.AddMonths(-from)), trace);
        var amount = PpaAmount(oldest, middle, latest, atMonth.Scale.MinimumPaid);
        var average = (oldest + middle + latest) / 3;
        if (trace.On)
        {
            trace.Step("ppa", amount, $"Prime d'activité : moyenne des trois montants = {Explanation.Euros(average)}{(average < atMonth.Scale.MinimumPaid ? $", moins de {Explanation.Euros(atMonth.Scale.MinimumPaid)} : non versée" : "")} → {Explanation.Euros(amount)}.");
        }
        return new PpaResult(eligible, amount);
    }

    /// <summary>
    /// OpenFisca's ppa_eligibilite_etudiants: a parent who is not a student earned something in one of the reference
    /// months, or anyone earned more than the floor in each of them (a student must), or the parent alone gets the
    /// majoration.
    /// </summary>
    public static bool PpaActivityCondition(Population pop, int family, Month month, int from, PpaParameters p)
    {
        var first = pop.FirstPerson[family];
        for (var i = first; i < first + pop.Parents[family]; i++)
        {
            var any = false;
            var all = true;
            for (var k = from; k < from + 3; k++)
            {
                var earned = PpaMember(pop, i, month.AddMonths(-k), p).Earned;
                any |= earned > 0;
                all &= earned > p.StudentFloor;
                if (any && !pop.Learner[i])
                {
                    return true;
                }
            }
            if (all)
            {
                return true;
            }
        }
        var children = RsaChildren(pop, family, month, p.Rsa);
        return MajorationEligible(pop, family, month, children, AnyParentPregnant(pop, family));
    }

    /// <summary>1 for months M-3..M-1; 2 (M-4..M-2) for a family of an experimental département from October 2024.</summary>
    public static int ReferenceShift(Population pop, int family, Month month, MonthParameters parameters) =>
        pop.LaterMonths[family] && parameters.LaterMonthsAllowed(month) ? 2 : 1;

    /// <summary>The prime d'activité paid from the three notional amounts (oldest first): their average, 0 under the minimum.</summary>
    public static double PpaAmount(double oldest, double middle, double latest, double minimum)
    {
        var average = (oldest + middle + latest) / 3;
        return average < minimum ? 0 : average;
    }

    /// <summary>
    /// Complémentaire santé solidaire: the resources of the rolling year M-13..M-2 against the ceilings (the free CSS
    /// also for RSA recipients); with contribution, each member pays by age.
    /// </summary>
    public static CssResult Css<T>(Population pop, int family, Month month, CssParameters p, double rsa, T trace) where T : ITrace
    {
        var resources = 0.0;
        for (var k = 2; k <= 13; k++)
        {
            resources += FamilyTotal(pop, family, month.AddMonths(-k));
        }
        return Css(pop, family, month, p, rsa, resources, trace);
    }

    /// <summary>All resources of a family in a month: every member's incomes and the family benefits.</summary>
    public static double FamilyTotal(Population pop, int family, Month month)
    {
        var h = pop.Offset(month);
        if (h < 0)
        {
            return 0;
        }
        var total = pop.FamilyResources[family * pop.Months + h];
        for (var i = pop.FirstPerson[family]; i < pop.FirstPerson[family + 1]; i++)
        {
            total += pop.Activity[i * pop.Months + h] + pop.OtherIncome[i * pop.Months + h];
        }
        return total;
    }

    /// <summary>The CSS with the rolling year's resources already summed (M-2 first, back to M-13), as the batch does.</summary>
    public static CssResult Css<T>(Population pop, int family, Month month, CssParameters p, double rsa, double resources, T trace) where T : ITrace
    {
        trace.Uses(p.Used);
        var first = pop.FirstPerson[family];
        var end = pop.FirstPerson[family + 1];
        var firstChild = first + pop.Parents[family];
        var coefficient = 0.0;
        var n = 0;
        var contribution = 0.0;
        for (var i = first; i < end; i++)
        {
            n++;
            coefficient += p.Coefficient(n) * (i >= firstChild && pop.SharedCustody[i] ? 0.5 : 1);
            contribution += p.Contribution(pop.Age(i, month));
        }
        var ceiling = Math.Round(p.CeilingSingle * coefficient, MidpointRounding.AwayFromZero);
        var withContribution = ceiling * p.WithContribution;
        var status = resources <= ceiling || rsa > 0 ? CssStatus.Gratuite : resources <= withContribution ? CssStatus.AvecParticipation : CssStatus.NonEligible;
        var paid = status == CssStatus.AvecParticipation ? contribution : 0;
        if (trace.On)
        {
            trace.Step("cmu_c_plafond", ceiling, $"Plafond de la CSS gratuite : {Explanation.Euros(p.CeilingSingle)} × {Explanation.Number(coefficient)} ({n} personne(s)), arrondi à l'euro = {Explanation.Euros(ceiling)} par an.");
            trace.Step("acs_plafond", withContribution, $"Plafond de la CSS avec participation : {Explanation.Euros(ceiling)} × {Explanation.Number(p.WithContribution)} = {Explanation.Euros(withContribution)}.");
            trace.Step("css_cmu_base_ressources", resources, $"Ressources des douze mois {month.AddMonths(-13)} à {month.AddMonths(-2)} : {Explanation.Euros(resources)}.");
            trace.Step("cmu_c", status == CssStatus.Gratuite ? 1 : 0, status switch
            {
                CssStatus.Gratuite => rsa > 0 && resources > ceiling ? "CSS gratuite : le foyer perçoit le RSA." : "CSS gratuite : ressources sous le premier plafond.",
                CssStatus.AvecParticipation => "Pas de CSS gratuite : ressources entre les deux plafonds.",
                _ => "Pas de CSS : ressources au-dessus du plafond avec participation.",
            });
            trace.Step("css_participation_forfaitaire", paid, status == CssStatus.AvecParticipation
                ? $"CSS avec participation : {Explanation.Euros(paid)} par mois (selon l'âge de chaque membre)."
                : "Pas de participation.");
        }
        return new CssResult(status, ceiling, withContribution, resources, paid);
    }

    /// <summary>ASPA: the parents' average monthly resources of M-3..M-1 against the monthly ceiling (single or couple).</summary>
    public static AspaResult Aspa<T>(Population pop, int family, Month month, AspaParameters p, T trace) where T : ITrace
    {
        trace.Uses(p.Used);
        var first = pop.FirstPerson[family];
        var parents = pop.Parents[family];
        var eligibleCount = 0;
        for (var i = first; i < first + parents; i++)
        {
            if (pop.Age(i, month) >= p.MinimumAge)
            {
                eligibleCount++;
            }
        }
        var ceiling = (parents == 2 ? p.Couple : p.Single) / 12;
        var maximum = (eligibleCount == 2 ? p.Couple : p.Single) / 12;
        var resources = 0.0;
        for (var k = 1; k <= 3; k++)
        {
            for (var i = first; i < first + parents; i++)
            {
                resources += PersonResources(pop, i, month.AddMonths(-k));
            }
        }
        resources /= 3;
        var amount = eligibleCount == 0 ? 0 : Math.Clamp(ceiling - resources, 0, maximum);
        if (trace.On)
        {
            trace.Step("aspa_eligibilite", eligibleCount, eligibleCount == 0 ? $"Non éligible : aucun parent de {p.MinimumAge} ans ou plus." : $"{eligibleCount} parent(s) de {p.MinimumAge} ans ou plus.");
            trace.Step("aspa_base_ressources", resources, $"Ressources, moyenne des trois derniers mois : {Explanation.Euros(resources)} par mois.");
            trace.Step("aspa", amount, $"ASPA : plafond {(parents == 2 ? "couple" : "personne seule")} {Explanation.Euros(ceiling)} par mois − ressources {Explanation.Euros(resources)}, au plus {Explanation.Euros(maximum)} → {Explanation.Euros(amount)}.");
        }
        return new AspaResult(eligibleCount > 0, ceiling, resources, amount);
    }
}
