namespace CarteBlanche.Benefits;

/// <summary>What the RSA's residence condition depends on in a nationality.</summary>
public enum NationalityGroup : byte
{
    French,
    /// <summary>A national of the European Economic Area.</summary>
    Eea,
    Swiss,
    Other,
}

/// <summary>OpenFisca's <c>statut_occupation_logement</c>, in its order.</summary>
public enum HousingStatus : byte
{
    NonRenseigne,
    PrimoAccedant,
    Proprietaire,
    LocataireHlm,
    LocataireVide,
    LocataireMeuble,
    LogeGratuitement,
    LocataireFoyer,
    SansDomicile,
}

/// <summary>
/// Households as columns (one array per variable, no object per household): what the batch path computes on, and
/// what a single OpenFisca situation is turned into. Each family's persons are contiguous, parents first, then
/// children eldest first. Monthly amounts cover <see cref="Months"/> months from <see cref="FirstMonth"/>, person- or family-major
/// (<c>[person × Months + month]</c>), so a family's history is read sequentially.
/// </summary>
public sealed class Population
{
    public Population(int families, int persons, Month firstMonth, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(families);
        ArgumentOutOfRangeException.ThrowIfNegative(persons);
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        FamilyCount = families;
        PersonCount = persons;
        FirstMonth = firstMonth;
        Months = months;
        FirstPerson = new int[families + 1];
        Parents = new byte[families];
        Children = new byte[families];
        Housing = new HousingStatus[families];
        LaterMonths = new bool[families];
        InKindHousing = new bool[families];
        RecentIsolation = new bool[families];
        HousingAid = new double[families * months];
        FamilyResources = new double[families * months];
        Birth = new int[persons];
        Pregnant = new bool[persons];
        Incapacity = new float[persons];
        Restriction = new bool[persons];
        SharedCustody = new bool[persons];
        Student = new bool[persons];
        Learner = new bool[persons];
        Nationality = new NationalityGroup[persons];
        ResidenceYears = new float[persons];
        YoungWorker = new bool[persons];
        Activity = new double[persons * months];
        OtherIncome = new double[persons * months];
        ActivityStopped = new bool[persons * months];
    }

    public int FamilyCount { get; }
    public int PersonCount { get; }
    public Month FirstMonth { get; }
    public int Months { get; }

    /// <summary>Index of each family's first person; <c>FirstPerson[FamilyCount]</c> = PersonCount.</summary>
    public int[] FirstPerson { get; }
    public byte[] Parents { get; }
    public byte[] Children { get; }
    public HousingStatus[] Housing { get; }
    /// <summary><c>departement_experimentation_rsa</c>: the RSA and the prime d'activité read months M-4..M-2 (from October 2024).</summary>
    public bool[] LaterMonths { get; }
    /// <summary>
    /// Housed as an owner without rent or loan, or free without paying charges (<c>statut_occupation_logement</c>,
    /// <c>loyer</c>, <c>participation_frais</c>): the whole housing forfait is deducted.
    /// </summary>
    public bool[] InKindHousing { get; }
    /// <summary><c>rsa_isolement_recent</c>: the parent alone became so in the last 12 months (opens the majoration).</summary>
    public bool[] RecentIsolation { get; }
    /// <summary><c>aide_logement</c>, per family and month.</summary>
    public double[] HousingAid { get; }
    /// <summary>Family benefits counted as resources (<c>af</c>, <c>cf</c>, <c>asf</c>, <c>paje_base</c>), per family and month.</summary>
    public double[] FamilyResources { get; }

    /// <summary>Birth date packed as yyyymmdd.</summary>
    public int[] Birth { get; }
    public bool[] Pregnant { get; }
    /// <summary><c>taux_incapacite</c>, 0 to 1.</summary>
    public float[] Incapacity { get; }
    /// <summary><c>aah_restriction_substantielle_durable_acces_emploi</c>.</summary>
    public bool[] Restriction { get; }
    /// <summary><c>garde_alternee</c>: counts half in the CSS ceiling.</summary>
    public bool[] SharedCustody { get; }
    /// <summary>Self-employed incomes and given conditions (single-household path; null for a synthetic population).</summary>
    public TnsIncomes? TnsIncomes { get; set; }
    /// <summary><c>rsa_nb_enfants</c> given by a situation, per family and month (-1: counted from the children); null when none is given.</summary>
    public int[]? GivenRsaChildren { get; set; }
    /// <summary><c>etudiant</c>, <c>stagiaire</c> or <c>apprenti</c>: the prime d'activité's floor of earnings applies.</summary>
    public bool[] Learner { get; }
    /// <summary><c>rsa_majore_eligibilite</c> given, per family and month (-1: computed); null when none is given.</summary>
    public sbyte[]? GivenMajoration { get; set; }
    /// <summary>
    /// Benefits the household receives that the RSA and the prime d'activité count, per person and month: <c>aah</c>
    /// given (the RSA averages it over the reference months; the prime d'activité counts it as earned income above 29
    /// hours of SMIC of earnings). Null when none is given.
    /// </summary>
    public double[]? ReceivedAah { get; set; }
    /// <summary>
    /// Capital and rental income (and life annuities) included in <see cref="OtherIncome"/>, per person and month: the
    /// prime d'activité counts them as a twelfth of year N-2 instead. Null when none is given.
    /// </summary>
    public double[]? Patrimony { get; set; }
    /// <summary>
    /// Only <see cref="Activity"/> and <see cref="OtherIncome"/> hold incomes (a synthetic population): no self-employed,
    /// patrimony or received AAH to read besides.
    /// </summary>
    public bool OnlyColumnIncomes => TnsIncomes == null && Patrimony == null && ReceivedAah == null;
    /// <summary>ASPA given as received, per family and month; null when none is given.</summary>
    public double[]? ReceivedAspa { get; set; }
    /// <summary><c>nationalite</c>, as the RSA and the prime d'activité read it (French by default, as in OpenFisca).</summary>
    public NationalityGroup[] Nationality { get; }
    /// <summary><c>duree_possession_titre_sejour</c>, in years.</summary>
    public float[] ResidenceYears { get; }
    /// <summary><c>etudiant</c>: no RSA; the prime d'activité only above a floor of earnings every month of the quarter.</summary>
    public bool[] Student { get; }
    /// <summary><c>rsa_jeune_condition_heures_travail_remplie</c>: under 25, worked two years out of the last three (RSA jeune actif).</summary>
    public bool[] YoungWorker { get; }
    /// <summary>Earned income (<c>salaire_net</c>, <c>indemnites_stage</c>...), per person and month.</summary>
    public double[] Activity { get; }
    /// <summary>
    /// The month's earned income was reported as nothing (not merely missing): with income the month before, the RSA
    /// treats it as interrupted and neutralises it (CASF art. R262-13).
    /// </summary>
    public bool[] ActivityStopped { get; }
    /// <summary>The AAH's own incomes and given values (single-household path; null for a synthetic population).</summary>
    public AahIncomes? AahIncomes { get; set; }
    /// <summary>Other resources (<c>chomage_net</c>, <c>retraite_nette</c>, <c>pensions_alimentaires_percues</c>...), per person and month.</summary>
    public double[] OtherIncome { get; }

    /// <summary>
    /// Per person, the month index from which the age counts: birth month, plus one when born after the 1st (the age
    /// is taken on the first day of the month). Filled from <see cref="Birth"/> by <see cref="RefreshAges"/>.
    /// </summary>
    private int[] _ageBase = [];

    /// <summary>Recomputes the ages' base from <see cref="Birth"/> and <see cref="HasIncome"/> (call after changing birth dates or incomes).</summary>
    public void RefreshAges()
    {
        var bases = new int[PersonCount];
        for (var p = 0; p < PersonCount; p++)
        {
            var b = Birth[p];
            bases[p] = (b / 10000) * 12 + (b / 100 % 100 - 1) + (b % 100 > 1 ? 1 : 0);
        }
        _ageBase = bases;
        // Conservative until the incomes are looked at (RefreshIncomes): everyone may have income.
        var hasIncome = new bool[PersonCount];
        Array.Fill(hasIncome, true);
        HasIncome = hasIncome;
        AllFrench = Array.TrueForAll(Nationality, n => n == NationalityGroup.French);
        AnyActivityStopped = Array.IndexOf(ActivityStopped, true) >= 0;
    }

    /// <summary>Looks at every person's incomes for <see cref="HasIncome"/> (the single-household path).</summary>
    public void RefreshIncomes()
    {
        for (var f = 0; f < FamilyCount; f++)
        {
            RefreshIncomes(f);
        }
    }

    /// <summary>
    /// Looks at a family's incomes for <see cref="HasIncome"/>. The batch calls it just before computing the family:
    /// its rows are read then anyway, and no flag can be stale.
    /// </summary>
    public void RefreshIncomes(int family)
    {
        // Only the children's flags are read (the RSA's resources test); the parents' stay true.
        for (var p = FirstPerson[family] + Parents[family]; p < FirstPerson[family + 1]; p++)
        {
            HasIncome[p] = Activity.AsSpan(p * Months, Months).ContainsAnyExcept(0.0) || OtherIncome.AsSpan(p * Months, Months).ContainsAnyExcept(0.0)
                || (ReceivedAah != null && ReceivedAah.AsSpan(p * Months, Months).ContainsAnyExcept(0.0));
        }
    }

    /// <summary>Everyone is French (filled by <see cref="RefreshAges"/>): the nationality condition holds without reading it.</summary>
    public bool AllFrench { get; private set; } = true;

    /// <summary>Some earned income is reported stopped (filled by <see cref="RefreshAges"/>): only then is the neutralisation looked for.</summary>
    public bool AnyActivityStopped { get; private set; }

    /// <summary>
    /// Whether a person has any income in the history (true until <see cref="RefreshIncomes()"/> looked): most children
    /// have none, and the RSA's per-child resources test, run for every month, skips them.
    /// </summary>
    public bool[] HasIncome { get; private set; } = [];

    /// <summary>Age in whole years on the first day of the month (-1 before birth).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int Age(int person, Month month)
    {
        var months = month.Index - _ageBase[person];
        return months >= 0 ? months / 12 : -1;
    }

    public static int Pack(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public static DateOnly Unpack(int packed) => new(packed / 10000, packed / 100 % 100, packed % 100);

    /// <summary>Offset of a month in the monthly columns, or -1 when it is outside the history (its amounts are 0).</summary>
    public int Offset(Month month)
    {
        var h = month.Index - FirstMonth.Index;
        return h >= 0 && h < Months ? h : -1;
    }
}
