namespace CarteBlanche.Benefits;

/// <summary>OpenFisca's <c>tns_autres_revenus_type_activite</c>.</summary>
public enum TnsActivity : byte
{
    AchatRevente,
    Bic,
    Bnc,
}

/// <summary>OpenFisca's <c>rsa_non_calculable</c>: the RSA of a self-employed person is set by the département, not computed.</summary>
public enum RsaNonCalculable : byte
{
    Calculable,
    Tns,
    ConjointTns,
}

/// <summary>
/// The self-employed (« travailleurs non salariés ») incomes the RSA's conditions read until 2016, per person and month
/// (<c>[person × Months + month]</c>, a yearly amount spread over its months), and values a situation gives for the
/// conditions themselves. The single-household path fills it; a synthetic population has none (no self-employed).
/// </summary>
public sealed class TnsIncomes
{
    public TnsIncomes(int persons, int families, int months)
    {
        AgriculturalProfit = new double[persons * months];
        OtherIncome = new double[persons * months];
        OtherTurnover = new double[persons * months];
        MicroTurnover = new double[persons * months];
        MicroBnc = new double[persons * months];
        MicroProfit = new double[persons * months];
        MicroSales = new double[persons * months];
        MicroServices = new double[persons * months];
        AutoBnc = new double[persons * months];
        AutoSales = new double[persons * months];
        AutoServices = new double[persons * months];
        Employer = new bool[persons];
        Activity = new TnsActivity[persons];
        GivenEligible = new sbyte[families];
        Array.Fill(GivenEligible, (sbyte)-1);
        GivenNonCalculable = new sbyte[families];
        Array.Fill(GivenNonCalculable, (sbyte)-1);
    }

    /// <summary><c>rpns_benefice_exploitant_agricole</c>.</summary>
    public double[] AgriculturalProfit { get; }
    /// <summary><c>rpns_autres_revenus</c>.</summary>
    public double[] OtherIncome { get; }
    /// <summary><c>rpns_autres_revenus_chiffre_affaires</c>.</summary>
    public double[] OtherTurnover { get; }
    /// <summary><c>rpns_micro_entreprise_chiffre_affaires</c>.</summary>
    public double[] MicroTurnover { get; }
    /// <summary>Micro-enterprise turnover declared for the year (<c>rpns_micro_entreprise_CA_bnc_imp</c>, <c>_bic_vente_imp</c>, <c>_bic_service_imp</c>).</summary>
    public double[] MicroBnc { get; }
    /// <summary><c>rpns_micro_entreprise_benefice</c>: the profit itself when given.</summary>
    public double[] MicroProfit { get; }
    public double[] MicroSales { get; }
    public double[] MicroServices { get; }
    /// <summary>Auto-entrepreneur turnover of the month (<c>rpns_auto_entrepreneur_CA_bnc</c>, <c>_bic_vente</c>, <c>_bic_service</c>).</summary>
    public double[] AutoBnc { get; }
    public double[] AutoSales { get; }
    public double[] AutoServices { get; }
    /// <summary><c>tns_avec_employe</c>.</summary>
    public bool[] Employer { get; }
    public TnsActivity[] Activity { get; }
    /// <summary><c>rsa_eligibilite_tns</c> given (-1: computed).</summary>
    public sbyte[] GivenEligible { get; }
    /// <summary><c>rsa_non_calculable</c> given (-1: computed).</summary>
    public sbyte[] GivenNonCalculable { get; }
}

public static partial class Formulas
{
    private static double YearSum(double[] column, int person, Population pop, int year)
    {
        var total = 0.0;
        for (var m = 1; m <= 12; m++)
        {
            total += At(column, person, pop, Month.Of(year, m));
        }
        return total;
    }

    /// <summary>
    /// Until 2016, the conditions for a self-employed household (OpenFisca's <c>rsa_eligibilite_tns</c>): last year's
    /// agricultural profit under 800 hours of SMIC (more with a partner or children), no employee, and each parent's
    /// turnover under the micro-enterprise ceiling of the activity.
    /// </summary>
    public static bool RsaTnsEligible(Population pop, int family, Month month, RsaParameters p, int children)
    {
        var tns = pop.TnsIncomes;
        if (tns == null)
        {
            return true;
        }
        if (tns.GivenEligible[family] >= 0)
        {
            return tns.GivenEligible[family] == 1;
        }
        if (!p.TnsConditions)
        {
            return true;
        }
        var first = pop.FirstPerson[family];
        var parents = pop.Parents[family];
        var lastYear = month.Year - 1;
        var profit = 0.0;
        var employer = false;
        for (var i = first; i < pop.FirstPerson[family + 1]; i++)
        {
            profit += YearSum(tns.AgriculturalProfit, i, pop, lastYear);
            employer |= tns.Employer[i];
        }
        var extraChildren = Math.Max(children - 1, 0) * p.TnsChildBeyond;
        var rate = parents == 2
            ? 1 + p.TnsSecondPerson + (children > 0 ? p.TnsFirstChildCouple : 0) + extraChildren
            : 1 + (children > 0 ? p.TnsSecondPerson : 0) + extraChildren;
        var turnoverOk = true;
        for (var i = first; i < first + parents; i++)
        {
            var turnover = YearSum(tns.OtherTurnover, i, pop, lastYear);
            turnoverOk &= turnover <= (tns.Activity[i] == TnsActivity.AchatRevente ? p.TnsSalesCeiling : p.TnsServicesCeiling);
        }
        return profit < p.TnsAgriculturalHours * p.Smic * rate && !employer && turnoverOk;
    }

    /// <summary>
    /// A self-employed person's earned income for the month (OpenFisca's ppa_rsa_derniers_revenus_tns_annuels_connus
    /// and rpns_auto_entrepreneur_benefice): the last known year's profit (this year, else last year, else the year
    /// before) in twelfths, agricultural, other and micro-enterprise after its flat allowance; plus the month's
    /// auto-entrepreneur turnover after its allowance.
    /// </summary>
    public static double SelfEmployedIncome(Population pop, int person, Month month, RsaParameters p)
    {
        var tns = pop.TnsIncomes;
        if (tns == null)
        {
            return 0;
        }
        double LastKnown(Func<int, double> ofYear)
        {
            for (var year = month.Year; year >= month.Year - 2; year--)
            {
                var value = ofYear(year);
                if (value > 0)
                {
                    return value / 12;
                }
            }
            return 0;
        }
        var yearly = LastKnown(y => YearSum(tns.AgriculturalProfit, person, pop, y)) + LastKnown(y => YearSum(tns.OtherIncome, person, pop, y))
            + LastKnown(y => YearSum(tns.MicroProfit, person, pop, y) + YearSum(tns.MicroBnc, person, pop, y) * (1 - p.MicroBnc) + YearSum(tns.MicroSales, person, pop, y) * (1 - p.MicroSales) + YearSum(tns.MicroServices, person, pop, y) * (1 - p.MicroServices));
        var monthly = At(tns.AutoBnc, person, pop, month) * (1 - p.MicroBnc) + At(tns.AutoSales, person, pop, month) * (1 - p.MicroSales) + At(tns.AutoServices, person, pop, month) * (1 - p.MicroServices);
        return yearly + monthly;
    }

    /// <summary>
    /// Until 2016, an RSA that would be paid to a self-employed parent (any self-employed income this year or last)
    /// is set by the président du conseil départemental, not computed: the applicant's own, else the partner's.
    /// </summary>
    public static RsaNonCalculable RsaNonCalculableOf(Population pop, int family, Month month, RsaParameters p, double amount)
    {
        var tns = pop.TnsIncomes;
        if (tns == null)
        {
            return RsaNonCalculable.Calculable;
        }
        if (tns.GivenNonCalculable[family] >= 0)
        {
            return (RsaNonCalculable)tns.GivenNonCalculable[family];
        }
        if (!p.TnsConditions || amount <= 0)
        {
            return RsaNonCalculable.Calculable;
        }
        var first = pop.FirstPerson[family];
        for (var i = first; i < first + pop.Parents[family]; i++)
        {
            var income = 0.0;
            for (var year = month.Year - 1; year <= month.Year; year++)
            {
                income += YearSum(tns.AgriculturalProfit, i, pop, year) + YearSum(tns.MicroTurnover, i, pop, year) + YearSum(tns.OtherIncome, i, pop, year);
            }
            if (income > 0)
            {
                return i == first ? RsaNonCalculable.Tns : RsaNonCalculable.ConjointTns;
            }
        }
        return RsaNonCalculable.Calculable;
    }
}
