namespace CarteBlanche.Benefits;

/// <summary>The AAH's resources rule in force (<c>aah.regle_ressources</c>), in the order the law changed it.</summary>
public enum AahRule
{
    /// <summary>Resources of the couple of year N-2; the partner's after 10 % then 20 %.</summary>
    Annual = 1,
    /// <summary>July 2005: the claimant's earned income abated by bands of hourly SMIC (40, 30, 20, 10 %).</summary>
    AnnualBands = 2,
    /// <summary>January 2011: a quarterly evaluation for whoever works; earned income abated by 80 % then 40 % (30 % of the SMIC).</summary>
    Quarterly = 3,
    /// <summary>January 2022: a flat abatement on the partner's income (5,000 € + 1,400 € per child).</summary>
    PartnerFlat = 4,
    /// <summary>October 2023: own resources only (the former calculation kept on option).</summary>
    Deconjugalised = 5,
}

public readonly record struct AahResult(bool Eligible, double Resources, double Ceiling, double Amount);

/// <summary>
/// What the AAH's resources need beyond the shared columns, per person and month (<c>[person × Months + month]</c>):
/// the taxable incomes of the annual evaluation, the incomes of the quarterly one, and values a situation gives
/// for variables the engine otherwise computes. The single-household path fills it; a synthetic population has none
/// (no taxable income: the AAH before October 2023 then counts no resources).
/// </summary>
public sealed class AahIncomes
{
    public AahIncomes(int persons, int families, int months)
    {
        TaxableSalary = new double[persons * months];
        AnnualActivity = new double[persons * months];
        AnnualPensions = new double[persons * months];
        QuarterActivity = new double[persons * months];
        QuarterOther = new double[persons * months];
        NonCumulable = new double[persons * months];
        GivenResources = new double[persons * months];
        Array.Fill(GivenResources, double.NaN);
        GivenEligible = new sbyte[persons * months];
        Array.Fill(GivenEligible, (sbyte)-1);
        FamilyBenefitsChild = new sbyte[persons];
        Array.Fill(FamilyBenefitsChild, (sbyte)-1);
        ConjugalisedOption = new bool[persons];
        GivenCouple = new sbyte[families * months];
        Array.Fill(GivenCouple, (sbyte)-1);
        GivenChildren = new int[families * months];
        Array.Fill(GivenChildren, -1);
    }

    /// <summary><c>salaire_imposable</c>: whoever has some in the month is evaluated on the last quarter.</summary>
    public double[] TaxableSalary { get; }
    /// <summary>Earned income of the annual evaluation (<c>salaire_imposable</c>, <c>chomage_imposable</c>).</summary>
    public double[] AnnualActivity { get; }
    /// <summary><c>revenu_assimile_pension</c>: <c>retraite_imposable</c>, <c>pensions_alimentaires_percues</c>, <c>pensions_invalidite</c>.</summary>
    public double[] AnnualPensions { get; }
    /// <summary>Earned income of the quarterly evaluation (<c>salaire_net</c>, or the taxable salary when no net salary is given; <c>chomage_net</c>, internships).</summary>
    public double[] QuarterActivity { get; }
    /// <summary>Other income of the quarterly evaluation (pensions, retirement, ASP), less the alimony paid.</summary>
    public double[] QuarterOther { get; }
    /// <summary><c>pensions_invalidite</c> of the month: the AAH only tops it up to the full amount.</summary>
    public double[] NonCumulable { get; }
    /// <summary><c>aah_base_ressources_conjugalisee</c> given by the situation (NaN: computed).</summary>
    public double[] GivenResources { get; }
    /// <summary><c>aah_eligible</c> given by the situation (-1: computed).</summary>
    public sbyte[] GivenEligible { get; }
    /// <summary><c>prestations_familiales_enfant_a_charge</c> given (-1: counted as a child for family benefits while under 20).</summary>
    public sbyte[] FamilyBenefitsChild { get; }
    /// <summary><c>aah_conjugalise_eligible</c>: after October 2023, keeps the former calculation when better.</summary>
    public bool[] ConjugalisedOption { get; }
    /// <summary><c>en_couple</c> given, per family and month (-1: two parents).</summary>
    public sbyte[] GivenCouple { get; }
    /// <summary><c>af_nbenf</c> given, per family and month (-1: the children under 20).</summary>
    public int[] GivenChildren { get; }
}

public static partial class Formulas
{
    private static double AahSum(double[]? column, Population pop, int person, Month from, int count)
    {
        if (column == null)
        {
            return 0;
        }
        var total = 0.0;
        for (var k = 0; k < count; k++)
        {
            var h = pop.Offset(from.AddMonths(k));
            if (h >= 0)
            {
                total += column[person * pop.Months + h];
            }
        }
        return total;
    }

    /// <summary><c>en_couple</c>: two parents in the family, unless the situation says otherwise.</summary>
    public static bool AahCouple(Population pop, int family, Month month)
    {
        var h = pop.Offset(month);
        var given = pop.AahIncomes is { } inc && h >= 0 ? inc.GivenCouple[family * pop.Months + h] : (sbyte)-1;
        return given >= 0 ? given == 1 : pop.Parents[family] == 2;
    }

    /// <summary><c>af_nbenf</c>: the family's children under the age limit, unless the situation says otherwise.</summary>
    public static int AahChildren(Population pop, int family, Month month, AahParameters p)
    {
        var h = pop.Offset(month);
        var given = pop.AahIncomes is { } inc && h >= 0 ? inc.GivenChildren[family * pop.Months + h] : -1;
        return given >= 0 ? given : CountedChildren(pop, family, month, p.ChildAgeLimit);
    }

    /// <summary>Earned income after the claimant's abatements of the rule in force (annual amounts).</summary>
    private static double AahEarnedAfterAbatements(double earned, AahParameters p)
    {
        if (p.Rule == AahRule.Annual)
        {
            return earned;
        }
        if (p.Rule == AahRule.AnnualBands)
        {
            var total = 0.0;
            var previous = 0.0;
            for (var i = 0; i < p.Bands2005.Length; i++)
            {
                total += Math.Max(0, Math.Min(earned - previous, p.Bands2005[i] - previous)) * (1 - p.Abatements2005[i]);
                previous = p.Bands2005[i];
            }
            return total + Math.Max(0, earned - previous);
        }
        var lower = Math.Min(p.LowerBandShare * p.AnnualSmic, earned);
        return (1 - p.LowerAbatement) * lower + (1 - p.UpperAbatement) * Math.Max(0, earned - lower);
    }

    /// <summary>The partner's income as counted: 10 % then 20 % off; from 2022, 10 % off then a flat 5,000 € + 1,400 € per child.</summary>
    private static double AahPartnerCounted(double income, AahParameters p, int children) => p.Rule >= AahRule.PartnerFlat
        ? Math.Max((1 - p.PartnerTaxAllowance) * income - (p.PartnerFlat + p.PartnerFlatPerChild * children), 0)
        : (1 - p.PartnerTaxAllowance) * (1 - p.PartnerRate) * income;

    /// <summary>Whether the person has a taxable salary in the month (then evaluated on the last quarter, from 2011).</summary>
    private static bool AahWorking(Population pop, int person, Month month)
    {
        var h = pop.Offset(month);
        return pop.AahIncomes is { } inc && h >= 0 && inc.TaxableSalary[person * pop.Months + h] > 0;
    }

    /// <summary><c>aah_base_ressources_activite_eval_trimestrielle</c>: the last quarter's earned income, × 4.</summary>
    public static double AahQuarterActivity(Population pop, int person, Month month) =>
        4 * AahSum(pop.AahIncomes?.QuarterActivity, pop, person, month.AddMonths(-3), 3);

    /// <summary><c>aah_base_ressources_hors_activite_eval_annuelle</c>: pensions and the like of year N-2.</summary>
    public static double AahAnnualPensions(Population pop, int person, Month month) =>
        AahSum(pop.AahIncomes?.AnnualPensions, pop, person, Month.Of(month.Year - 2, 1), 12);

    /// <summary>
    /// <c>aah_base_ressources_conjugalisee</c>: the monthly resources of the conjugalised calculation (before October
    /// 2023, and after it for whoever keeps it), under the rule in force (the 2022 one after October 2023).
    /// </summary>
    public static double AahConjugalisedResources<T>(Population pop, int family, int person, Month month, AahParameters p, T trace) where T : ITrace
    {
        var inc = pop.AahIncomes;
        var h = pop.Offset(month);
        if (inc != null && h >= 0 && !double.IsNaN(inc.GivenResources[person * pop.Months + h]))
        {
            var given = inc.GivenResources[person * pop.Months + h];
            if (trace.On)
            {
                trace.Step("aah_base_ressources_conjugalisee", given, $"Ressources données par la situation : {Explanation.Euros(given)} par mois.");
            }
            return given;
        }
        var first = pop.FirstPerson[family];
        var partner = pop.Parents[family] == 2 && person == first ? first + 1 : pop.Parents[family] == 2 && person == first + 1 ? first : -1;
        var children = AahChildren(pop, family, month, p);
        var quarterly = p.Rule >= AahRule.Quarterly && AahWorking(pop, person, month);
        double own, partnerIncome;
        var ceased = false;
        if (quarterly)
        {
            own = Math.Max(0, AahEarnedAfterAbatements(AahQuarterActivity(pop, person, month), p) + 4 * AahSum(inc?.QuarterOther, pop, person, month.AddMonths(-3), 3));
            partnerIncome = partner < 0 ? 0 : AahQuarterActivity(pop, partner, month) + 4 * AahSum(inc?.QuarterOther, pop, partner, month.AddMonths(-3), 3);
            // From 2022 the claimant's (first parent's) income, seen from the partner, is not floored at 0 (as in OpenFisca).
            if (p.Rule == AahRule.Quarterly || person == first)
            {
                partnerIncome = Math.Max(0, partnerIncome);
            }
        }
        else
        {
            var reference = Month.Of(month.Year - 2, 1);
            var earned = AahEarnedAfterAbatements(AahSum(inc?.AnnualActivity, pop, person, reference, 12), p);
            // From 2011, whoever earned nothing in the last twelve months has stopped working: 30 % off the reference year's earnings.
            ceased = p.CessationAbatement > 0 && earned > 0 && AahSum(inc?.TaxableSalary, pop, person, month.AddMonths(-12), 12) <= 0;
            own = earned * (ceased ? 1 - p.CessationAbatement : 1) + AahAnnualPensions(pop, person, month);
            partnerIncome = partner < 0 ? 0 : AahSum(inc?.AnnualActivity, pop, partner, reference, 12) + AahAnnualPensions(pop, partner, month);
        }
        var counted = partner < 0 ? 0 : AahPartnerCounted(partnerIncome, p, children);
        var resources = (own + counted) / 12;
        if (trace.On)
        {
            var how = quarterly
                ? $"salaire ce mois-ci : ressources des trois derniers mois ({month.AddMonths(-3)} à {month.AddMonths(-1)}) × 4, revenus d'activité abattus de {Explanation.Number(p.LowerAbatement * 100)} % jusqu'à {Explanation.Number(p.LowerBandShare * 100)} % du SMIC annuel ({Explanation.Euros(p.LowerBandShare * p.AnnualSmic)}) et de {Explanation.Number(p.UpperAbatement * 100)} % au-delà"
                : $"ressources de l'année {month.Year - 2} (N-2){p.Rule switch
                {
                    AahRule.Annual => "",
                    AahRule.AnnualBands => ", revenus d'activité abattus par tranches de SMIC horaire (40, 30, 20 puis 10 %)",
                    _ => $", revenus d'activité abattus de {Explanation.Number(p.LowerAbatement * 100)} % jusqu'à {Explanation.Number(p.LowerBandShare * 100)} % du SMIC annuel et de {Explanation.Number(p.UpperAbatement * 100)} % au-delà",
                }}{(ceased ? $", puis de {Explanation.Number(p.CessationAbatement * 100)} % (aucun salaire depuis douze mois : cessation d'activité)" : "")}";
            var partnerText = partner < 0 ? "" : p.Rule >= AahRule.PartnerFlat
                ? $" ; revenus du conjoint {Explanation.Euros(partnerIncome)} par an, moins 10 % puis l'abattement forfaitaire de {Explanation.Euros(p.PartnerFlat)} + {Explanation.Euros(p.PartnerFlatPerChild)} × {children} enfant(s) → {Explanation.Euros(counted)}"
                : $" ; revenus du conjoint {Explanation.Euros(partnerIncome)} par an, moins {Explanation.Number(p.PartnerTaxAllowance * 100)} % puis {Explanation.Number(p.PartnerRate * 100)} % → {Explanation.Euros(counted)}";
            trace.Step("aah_base_ressources_conjugalisee", resources, $"{month} — avant la déconjugalisation d'octobre 2023, ressources du couple ({how}) : demandeur {Explanation.Euros(own)} par an{partnerText} ; soit {Explanation.Euros(resources)} par mois.");
        }
        return resources;
    }

    /// <summary><c>aah_eligible</c>: incapacity, age (and, from July 2005 to 2010, no salary last year on a 50–79 % rate), unless the situation gives it.</summary>
    private static bool AahEligible(Population pop, int person, Month month, AahParameters p, out int age, out float rate, out bool given)
    {
        age = pop.Age(person, month);
        rate = pop.Incapacity[person];
        var inc = pop.AahIncomes;
        var h = pop.Offset(month);
        var stated = inc != null && h >= 0 ? inc.GivenEligible[person * pop.Months + h] : (sbyte)-1;
        given = stated >= 0;
        if (given)
        {
            return stated == 1;
        }
        var restricted = rate >= p.RestrictionRate - 1e-6 && pop.Restriction[person] && age <= p.RestrictionMaximumAge;
        if (restricted && p.Rule == AahRule.AnnualBands)
        {
            restricted = AahSum(inc?.TaxableSalary, pop, person, Month.Of(month.Year - 1, 1), 12) <= 0;
        }
        var familyBenefitsChild = inc != null && inc.FamilyBenefitsChild[person] >= 0 ? inc.FamilyBenefitsChild[person] == 1 : age < p.ChildAgeLimit;
        return (rate >= p.FullRate - 1e-6 || restricted) && (age >= p.MinimumAge || (age >= p.MinimumAgeWithoutFamilyBenefits && !familyBenefitsChild));
    }

    /// <summary>
    /// AAH of one person (<c>aah_base</c>; <c>aah</c> without the reduction for hospital or prison stays): before
    /// October 2023, the couple's resources against a ceiling raised for a couple and per child; since then, own
    /// resources only (the average of the twelve previous months) against the ceiling raised per child, the former
    /// calculation kept when better for whoever opted for it.
    /// </summary>
    public static AahResult Aah<T>(Population pop, int family, int person, Month month, AahParameters p, T trace) where T : ITrace
    {
        trace.Uses(p.Used);
        var eligible = AahEligible(pop, person, month, p, out var age, out var rate, out var given);
        if (trace.On)
        {
            trace.Step("aah_eligible", eligible ? 1 : 0, given ? $"Éligibilité donnée par la situation : {(eligible ? "oui" : "non")}."
                : eligible
                ? $"Éligible : {age} ans, taux d'incapacité {rate.ToString("P0", Explanation.Fr)}{(rate < p.FullRate - 1e-6 ? " avec restriction substantielle et durable d'accès à l'emploi" : "")}."
                : $"Non éligible : {age} ans (au moins {p.MinimumAge}, ou {p.MinimumAgeWithoutFamilyBenefits} sans ouvrir droit aux prestations familiales), taux d'incapacité {rate.ToString("P0", Explanation.Fr)} (80 %, ou 50 % avec restriction d'accès à l'emploi jusqu'à l'âge légal de la retraite).");
        }
        var option = p.Rule == AahRule.Deconjugalised && pop.AahIncomes is { } inc && inc.ConjugalisedOption[person];
        if (p.Rule < AahRule.Deconjugalised || option)
        {
            var couple = AahCouple(pop, family, month);
            var children = AahChildren(pop, family, month, p);
            var ceiling = p.Amount * (1 + (couple ? p.CoupleRate : 0) + p.PerChild * children);
            var resources = AahConjugalisedResources(pop, family, person, month, p, trace);
            var h = pop.Offset(month);
            var nonCumulable = pop.AahIncomes is { } incomes && h >= 0 ? incomes.NonCumulable[person * pop.Months + h] : 0;
            var amount = eligible ? Math.Min(Math.Min(p.Amount, Math.Max(0, ceiling - resources)), Math.Max(0, p.Amount - nonCumulable)) : 0;
            if (trace.On)
            {
                trace.Step("aah_plafond_ressources", ceiling, $"Plafond mensuel (calcul conjugalisé) : {Explanation.Euros(p.Amount)} × (1{(couple ? $" + {Explanation.Number(p.CoupleRate)} pour un couple" : "")}{(children > 0 ? $" + {Explanation.Number(p.PerChild)} × {children} enfant(s)" : "")}) = {Explanation.Euros(ceiling)}.");
                trace.Step("aah", amount, $"AAH (calcul conjugalisé) : {Explanation.Euros(ceiling)} − {Explanation.Euros(resources)}, au plus {Explanation.Euros(p.Amount)}{(nonCumulable > 0 ? $" moins la pension d'invalidité {Explanation.Euros(nonCumulable)}" : "")} → {Explanation.Euros(amount)}.");
            }
            if (!option)
            {
                return new AahResult(eligible, resources, ceiling, amount);
            }
            var own = AahDeconjugalised(pop, family, person, month, p, eligible, trace);
            if (trace.On)
            {
                trace.Step("aah", Math.Max(amount, own.Amount), $"Option pour l'ancien calcul : la plus élevée des deux AAH, {Explanation.Euros(amount)} (conjugalisée) ou {Explanation.Euros(own.Amount)} (déconjugalisée).");
            }
            return amount > own.Amount ? new AahResult(eligible, resources, ceiling, amount) : own;
        }
        return AahDeconjugalised(pop, family, person, month, p, eligible, trace);
    }

    /// <summary>Since October 2023: own resources only, the average of the twelve previous months, against the ceiling raised per child.</summary>
    private static AahResult AahDeconjugalised<T>(Population pop, int family, int person, Month month, AahParameters p, bool eligible, T trace) where T : ITrace
    {
        var isChild = person >= pop.FirstPerson[family] + pop.Parents[family];
        var children = isChild ? 0 : CountedChildren(pop, family, month, p.ChildAgeLimit);
        var ceiling = p.Amount * (1 + p.PerChild * children);
        var resources = 0.0;
        for (var k = 1; k <= 12; k++)
        {
            resources += PersonResources(pop, person, month.AddMonths(-k));
        }
        resources /= 12;
        var amount = eligible ? Math.Clamp(ceiling - resources, 0, p.Amount) : 0;
        if (trace.On)
        {
            trace.Step("aah_plafond_ressources", ceiling, $"Plafond mensuel : {Explanation.Euros(p.Amount)}{(children > 0 ? $" × (1 + {Explanation.Number(p.PerChild)} × {children} enfant(s))" : "")} = {Explanation.Euros(ceiling)}.");
            trace.Step("aah_base_ressources", resources, $"Ressources propres, moyenne des douze derniers mois (celles du conjoint ne comptent plus depuis octobre 2023) : {Explanation.Euros(resources)}.");
            trace.Step("aah", amount, $"AAH : {Explanation.Euros(ceiling)} − {Explanation.Euros(resources)}, au plus {Explanation.Euros(p.Amount)} → {Explanation.Euros(amount)}.");
        }
        return new AahResult(eligible, resources, ceiling, amount);
    }
}
