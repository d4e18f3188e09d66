namespace CarteBlanche.Benefits;

/// <summary>Household-size rates shared by the RSA and the prime d'activité (montant forfaitaire, majoré, forfait logement).</summary>
public sealed class ScaleParameters
{
    public required ParameterValue Base { get; init; }
    public required double Second { get; init; }
    public required double Third { get; init; }
    public required double FourthCouple { get; init; }
    public required double FourthSingle { get; init; }
    public required double Beyond { get; init; }
    public required double MajorationBase { get; init; }
    public required double MajorationPerChild { get; init; }
    public required double Housing1 { get; init; }
    public required double Housing2 { get; init; }
    public required double Housing3 { get; init; }
    public required double MinimumPaid { get; init; }
    public required int MinimumAge { get; init; }
    public required int ChildAgeLimit { get; init; }
    public required IReadOnlyList<ParameterValue> Used { get; init; }

    /// <summary>Household rate for <paramref name="persons"/> (parents + children counted).</summary>
    public double Rate(int persons, bool single)
    {
        var rate = 1.0;
        if (persons >= 2)
        {
            rate += Second;
        }
        if (persons >= 3)
        {
            rate += Third;
        }
        if (persons >= 4)
        {
            rate += single ? FourthSingle : FourthCouple;
        }
        if (persons > 4)
        {
            rate += Beyond * (persons - 4);
        }
        return rate;
    }

    /// <summary>The housing forfait's ceiling: base × (1, 1.5, 1.8) × (rate for 1, 2, 3+ persons).</summary>
    public double HousingForfait(int persons) => persons switch
    {
        <= 1 => Base.Value * Housing1,
        2 => Base.Value * (1 + Second) * Housing2,
        _ => Base.Value * (1 + Second + Third) * Housing3,
    };
}

public sealed class RsaParameters
{
    public required ScaleParameters Scale { get; init; }
    /// <summary>True from the month the M-2..M-4 reference period may apply.</summary>
    public required bool LaterMonthsAllowed { get; init; }
    /// <summary>Share of earned income added back (the « RSA activité » until 2015; 0 since the prime d'activité).</summary>
    public required double ActivityShare { get; init; }
    /// <summary>The RSA jeune actif exists (from September 2010): under 25 with two years of work out of three.</summary>
    public required bool YoungWorkers { get; init; }
    public required int YoungMinimumAge { get; init; }
    /// <summary>Years of legal residence a national of the EEA or Switzerland, or of another country, needs.</summary>
    public required double ResidenceYearsEea { get; init; }
    public required double ResidenceYearsOther { get; init; }
    /// <summary>The self-employed conditions apply (until December 2016).</summary>
    public required bool TnsConditions { get; init; }
    public required double Smic { get; init; }
    public required double TnsAgriculturalHours { get; init; }
    public required double TnsSecondPerson { get; init; }
    public required double TnsFirstChildCouple { get; init; }
    public required double TnsChildBeyond { get; init; }
    public required double TnsSalesCeiling { get; init; }
    public required double TnsServicesCeiling { get; init; }
    /// <summary>Micro-enterprise flat allowances on turnover: BNC, sales, services.</summary>
    public required double MicroBnc { get; init; }
    public required double MicroSales { get; init; }
    public required double MicroServices { get; init; }
    /// <summary>From 2017 the RSA counts the self-employed's last known yearly income (before, the département set it).</summary>
    public bool CountsSelfEmployedIncome => !TnsConditions;
}

public sealed class PpaParameters
{
    public required ScaleParameters Scale { get; init; }
    /// <summary>The RSA's parameters of the same month: the prime d'activité's household counts the RSA's children.</summary>
    public required RsaParameters Rsa { get; init; }
    /// <summary>
    /// The month is before the prime d'activité existed (January 2016): nothing is paid; as a reference month of the
    /// first ones, it is computed with the parameters of January 2016 (decree 2015-1710).
    /// </summary>
    public required bool BeforeCreation { get; init; }
    /// <summary>Monthly earnings a student (or anyone, to count without earning every month) must exceed each month of the quarter.</summary>
    public required double StudentFloor { get; init; }
    /// <summary>Earnings above which the AAH received counts as earned income.</summary>
    public required double AahActivityThreshold { get; init; }
    public required double Share { get; init; }
    public required double BonusStart { get; init; }
    public required double BonusFull { get; init; }
    public required double BonusMaximum { get; init; }
    public required IReadOnlyList<ParameterValue> Used { get; init; }
}

public sealed class CssParameters
{
    public required double CeilingSingle { get; init; }
    public required double Second { get; init; }
    public required double ThirdFourth { get; init; }
    public required double Beyond { get; init; }
    public required double WithContribution { get; init; }
    public required double Under30 { get; init; }
    public required double From30 { get; init; }
    public required double From50 { get; init; }
    public required double From60 { get; init; }
    public required double From70 { get; init; }
    public required IReadOnlyList<ParameterValue> Used { get; init; }

    public double Contribution(int age) => age < 30 ? Under30 : age < 50 ? From30 : age < 60 ? From50 : age < 70 ? From60 : From70;

    /// <summary>Coefficient of the n-th person (1-based) of the household in the ceiling: 1, then the second, third and fourth, beyond.</summary>
    public double Coefficient(int n) => n switch { 1 => 1, 2 => Second, 3 or 4 => ThirdFourth, _ => Beyond };
}

public sealed class AahParameters
{
    public required double Amount { get; init; }
    public required double FullRate { get; init; }
    public required double RestrictionRate { get; init; }
    public required int MinimumAge { get; init; }
    public required double PerChild { get; init; }
    public required int ChildAgeLimit { get; init; }
    /// <summary>The resources rule in force (<c>aah.regle_ressources</c>).</summary>
    public AahRule Rule { get; init; } = AahRule.Deconjugalised;
    /// <summary>From 16 for whoever no longer opens rights to family benefits.</summary>
    public int MinimumAgeWithoutFamilyBenefits { get; init; } = 16;
    /// <summary>Legal retirement age: above it, no AAH on a 50–79 % incapacity.</summary>
    public double RestrictionMaximumAge { get; init; } = double.MaxValue;
    public double CoupleRate { get; init; }
    public double PartnerTaxAllowance { get; init; }
    public double PartnerRate { get; init; }
    public double PartnerFlat { get; init; }
    public double PartnerFlatPerChild { get; init; }
    /// <summary>Annual SMIC (hourly × monthly hours × 12), for the 2011 bands.</summary>
    public double AnnualSmic { get; init; }
    public double LowerBandShare { get; init; }
    public double LowerAbatement { get; init; }
    public double UpperAbatement { get; init; }
    /// <summary>From 2011, abatement on the reference year's earned income of whoever stopped working.</summary>
    public double CessationAbatement { get; init; }
    /// <summary>2005–2010: the four band limits in euros (hourly SMIC × 300, 700, 1100, 1500) and their abatements.</summary>
    public double[] Bands2005 { get; init; } = [];
    public double[] Abatements2005 { get; init; } = [];
    public required IReadOnlyList<ParameterValue> Used { get; init; }
}

public sealed class AspaParameters
{
    public required double Single { get; init; }
    public required double Couple { get; init; }
    public required int MinimumAge { get; init; }
    public required IReadOnlyList<ParameterValue> Used { get; init; }
}

/// <summary>
/// The parameters of each benefit resolved for one month (the first day of the month), cached. A benefit whose
/// parameter has no value that month throws <see cref="MissingParameterException"/> only when that benefit is computed.
/// </summary>
public sealed class MonthParameters(ParameterSet set)
{

    public ParameterSet Set => set;

    public static MonthParameters Embedded { get; } = new(ParameterSet.Embedded);

    public RsaParameters Rsa(Month month) => Cached(_rsa, month, d => new RsaParameters
    {
        Scale = Scale("rsa", d),
        LaterMonthsAllowed = LaterMonthsAllowed(Month.Of(d.Year, d.Month)),
        ActivityShare = set.Get("rsa.part_revenus_activite", d).Value,
        YoungWorkers = set.Get("rsa.rsa_jeune_actif", d).Value >= 1,
        YoungMinimumAge = (int)set.Get("rsa.age_minimum_rsa_jeune", d).Value,
        TnsConditions = set.Get("rsa.conditions_tns", d).Value >= 1,
        ResidenceYearsEea = set.Get("rsa.duree_min_titre_sejour_eee", d).Value,
        ResidenceYearsOther = set.Get("rsa.duree_min_titre_sejour_hors_eee", d).Value,
        Smic = set.Get("smic.smic_horaire_brut", d).Value,
        TnsAgriculturalHours = set.Get("rsa.tns_agricole_plafond_smic_heures", d).Value,
        TnsSecondPerson = set.Get("rsa.tns_agricole_majoration_deuxieme_personne", d).Value,
        TnsFirstChildCouple = set.Get("rsa.tns_agricole_majoration_premier_enfant_couple", d).Value,
        TnsChildBeyond = set.Get("rsa.tns_agricole_majoration_enfant_supplementaire", d).Value,
        TnsSalesCeiling = set.Get("rsa.tns_plafond_chiffre_affaires_ventes", d).Value,
        TnsServicesCeiling = set.Get("rsa.tns_plafond_chiffre_affaires_services", d).Value,
        MicroBnc = set.Get("micro.abattement_bnc", d).Value,
        MicroSales = set.Get("micro.abattement_ventes", d).Value,
        MicroServices = set.Get("micro.abattement_services", d).Value,
    });

    /// <summary>Whether the M-4..M-2 reference months may apply this month (<c>departement_experimentation_rsa</c>).</summary>
    public bool LaterMonthsAllowed(Month month) => Cached(_laterMonths, month, d => (object)(set.Get("rsa.periode_m2_m4_depuis", d).Value >= 1)) is true;

    public PpaParameters Ppa(Month month) => Cached(_ppa, month, asked =>
    {
        var creation = set.FirstDate("ppa.montant_de_base");
        var before = creation is { } c && asked < c;
        var d = before ? creation!.Value : asked;
        var scale = Scale("ppa", d);
        var smic = set.Get("smic.smic_horaire_brut", d);
        var share = set.Get("ppa.part_revenus_activite", d);
        var start = set.Get("ppa.bonification_seuil_smic_heures", d);
        var full = set.Get("ppa.bonification_plafond_smic_heures", d);
        var rate = set.Get("ppa.bonification_taux_maximum", d);
        return new PpaParameters
        {
            Scale = scale,
            Share = share.Value,
            BonusStart = start.Value * smic.Value,
            BonusFull = full.Value * smic.Value,
            BonusMaximum = Math.Round(rate.Value * scale.Base.Value, 2, MidpointRounding.AwayFromZero),
            Rsa = Rsa(Month.Of(asked.Year, asked.Month)),
            BeforeCreation = before,
            StudentFloor = set.Get("ppa.plancher_etudiant_smic_heures", d).Value * smic.Value,
            AahActivityThreshold = set.Get("ppa.seuil_aah_activite_smic_heures", d).Value * smic.Value,
            Used = [smic, share, start, full, rate],
        };
    });

    public CssParameters Css(Month month) => Cached(_css, month, d =>
    {
        ParameterValue[] v = [.. new[]
        {
            "plafond_personne_seule", "taux_deuxieme_personne", "taux_troisieme_quatrieme_personne", "taux_personne_supplementaire",
            "coefficient_plafond_participation", "participation_moins_de_30_ans", "participation_30_49_ans", "participation_50_59_ans",
            "participation_60_69_ans", "participation_70_ans_et_plus",
        }.Select(n => set.Get("css." + n, d))];
        return new CssParameters
        {
            CeilingSingle = v[0].Value, Second = v[1].Value, ThirdFourth = v[2].Value, Beyond = v[3].Value, WithContribution = v[4].Value,
            Under30 = v[5].Value, From30 = v[6].Value, From50 = v[7].Value, From60 = v[8].Value, From70 = v[9].Value, Used = v,
        };
    });

    public AahParameters Aah(Month month) => Cached(_aah, month, d =>
    {
        ParameterValue[] v = [.. new[] { "montant", "taux_incapacite_plein", "taux_incapacite_restriction", "age_minimum", "majoration_plafond_par_enfant", "age_limite_enfant", "regle_ressources", "age_minimum_sans_prestations_familiales", "age_maximum_restriction", "majoration_plafond_couple", "abattement_fiscal_conjoint" }.Select(n => set.Get("aah." + n, d))];
        var used = new List<ParameterValue>(v);
        ParameterValue P(string name)
        {
            var value = set.Get(name, d);
            used.Add(value);
            return value;
        }
        var rule = (AahRule)(int)v[6].Value;
        // Each rule reads only the parameters in force under it (the 2005 bands end in 2011, the flat partner abatement starts in 2022).
        var partnerRate = rule < AahRule.PartnerFlat ? P("aah.abattement_proportionnel_conjoint").Value : 0;
        var (flat, flatPerChild) = rule >= AahRule.PartnerFlat ? (P("aah.abattement_forfaitaire_conjoint").Value, P("aah.abattement_forfaitaire_conjoint_par_enfant").Value) : (0, 0);
        double[] bands = [], abatements = [];
        double annualSmic = 0, share = 0, lower = 0, upper = 0, cessation = 0;
        if (rule == AahRule.AnnualBands)
        {
            var smic = P("smic.smic_horaire_brut").Value;
            bands = [.. Enumerable.Range(1, 4).Select(i => P($"aah.seuil_smic_horaire_2005_{i}").Value * smic)];
            abatements = [.. Enumerable.Range(1, 4).Select(i => P($"aah.abattement_tranche_2005_{i}").Value)];
        }
        else if (rule >= AahRule.Quarterly)
        {
            annualSmic = 12 * P("smic.smic_horaire_brut").Value * P("aah.heures_smic_mensuel").Value;
            (share, lower, upper) = (P("aah.tranche_smic").Value, P("aah.abattement_tranche_inferieure").Value, P("aah.abattement_tranche_superieure").Value);
            cessation = P("aah.abattement_cessation_activite").Value;
        }
        return new AahParameters
        {
            Amount = v[0].Value, FullRate = v[1].Value, RestrictionRate = v[2].Value, MinimumAge = (int)v[3].Value, PerChild = v[4].Value, ChildAgeLimit = (int)v[5].Value,
            Rule = rule, MinimumAgeWithoutFamilyBenefits = (int)v[7].Value, RestrictionMaximumAge = v[8].Value, CoupleRate = v[9].Value, PartnerTaxAllowance = v[10].Value,
            PartnerRate = partnerRate, PartnerFlat = flat, PartnerFlatPerChild = flatPerChild, AnnualSmic = annualSmic, LowerBandShare = share, LowerAbatement = lower,
            UpperAbatement = upper, CessationAbatement = cessation, Bands2005 = bands, Abatements2005 = abatements, Used = used,
        };
    });

    public AspaParameters Aspa(Month month) => Cached(_aspa, month, d =>
    {
        ParameterValue[] v = [.. new[] { "plafond_personne_seule", "plafond_couple", "age_minimum" }.Select(n => set.Get("aspa." + n, d))];
        return new AspaParameters { Single = v[0].Value, Couple = v[1].Value, MinimumAge = (int)v[2].Value, Used = v };
    });

    private ScaleParameters Scale(string benefit, DateOnly d)
    {
        ParameterValue P(string name) => set.Get($"{benefit}.{name}", d);
        ParameterValue[] v =
        [
            P("montant_de_base"), P("taux_deuxieme_personne"), P("taux_troisieme_personne"), P("taux_quatrieme_personne_couple"),
            P("taux_quatrieme_personne_isole"), P("taux_personne_supplementaire"), P("majoration_isolement_base"), P("majoration_isolement_par_enfant"),
            P("forfait_logement_taux_1_personne"), P("forfait_logement_taux_2_personnes"), P("forfait_logement_taux_3_personnes"),
            P("montant_minimum_verse"), P("age_minimum"), P("age_maximum_enfant"),
        ];
        return new ScaleParameters
        {
            Base = v[0], Second = v[1].Value, Third = v[2].Value, FourthCouple = v[3].Value, FourthSingle = v[4].Value, Beyond = v[5].Value,
            MajorationBase = v[6].Value, MajorationPerChild = v[7].Value, Housing1 = v[8].Value, Housing2 = v[9].Value, Housing3 = v[10].Value,
            MinimumPaid = v[11].Value, MinimumAge = (int)v[12].Value, ChildAgeLimit = (int)v[13].Value, Used = v,
        };
    }

    // Per benefit, one slot per month from 1990-01: read without a lock (the batch's hot path); a slot is written
    // whole by whoever resolves it first (resolving twice gives the same value).
    private const int FirstYear = 1990;
    private const int Slots = 150 * 12;
    private readonly object?[] _rsa = new object?[Slots];
    private readonly object?[] _ppa = new object?[Slots];
    private readonly object?[] _css = new object?[Slots];
    private readonly object?[] _aah = new object?[Slots];
    private readonly object?[] _aspa = new object?[Slots];
    private readonly object?[] _laterMonths = new object?[Slots];

    private static T Cached<T>(object?[] slots, Month month, Func<DateOnly, T> resolve) where T : class
    {
        var slot = month.Index - FirstYear * 12;
        if (slot is < 0 or >= Slots)
        {
            return resolve(month.FirstDay);
        }
        if (Volatile.Read(ref slots[slot]) is T value)
        {
            return value;
        }
        value = resolve(month.FirstDay);
        Volatile.Write(ref slots[slot], value);
        return value;
    }
}
