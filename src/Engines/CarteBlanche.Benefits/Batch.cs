namespace CarteBlanche.Benefits;

/// <summary>Which benefits a batch computes.</summary>
[Flags]
public enum Benefit
{
    None = 0,
    Rsa = 1,
    Ppa = 2,
    Css = 4,
    Aah = 8,
    Aspa = 16,
    Main = Rsa | Ppa | Css,
    All = Rsa | Ppa | Css | Aah | Aspa,
}

/// <summary>
/// Batch results, one column per output: <c>[family × Months + month]</c> (AAH per person). A benefit not asked for
/// has an empty column: a million households' unused columns would cost more to allocate than some benefits to compute.
/// </summary>
public sealed class BatchResults(int families, int persons, Month first, int months, Benefit benefits)
{
    public Month FirstMonth { get; } = first;
    public int Months { get; } = months;
    public Benefit Computed { get; } = benefits;
    public double[] Rsa { get; } = new double[(benefits & Benefit.Rsa) != 0 ? families * months : 0];
    public double[] Ppa { get; } = new double[(benefits & Benefit.Ppa) != 0 ? families * months : 0];
    public CssStatus[] Css { get; } = new CssStatus[(benefits & Benefit.Css) != 0 ? families * months : 0];
    public double[] CssContribution { get; } = new double[(benefits & Benefit.Css) != 0 ? families * months : 0];
    public double[] Aspa { get; } = new double[(benefits & Benefit.Aspa) != 0 ? families * months : 0];
    public double[] Aah { get; } = new double[(benefits & Benefit.Aah) != 0 ? persons * months : 0];
}

/// <summary>
/// The columnar path: the same <see cref="Formulas"/> over a whole <see cref="Population"/>, without allocating per
/// household; parameters are resolved once per month; families are split over threads.
/// </summary>
public static class Batch
{
    public static BatchResults Compute(Population pop, Month first, int months, Benefit benefits, MonthParameters? parameters = null, int threads = 1, CancellationToken cancellationToken = default)
    {
        parameters ??= MonthParameters.Embedded;
        pop.RefreshAges();
        var results = new BatchResults(pop.FamilyCount, pop.PersonCount, first, months, benefits);
        // Resolve every month's parameters before the loops: a missing value fails here, naming the parameter and date.
        var rsa = new RsaParameters[months];
        var css = new CssParameters[months];
        var aah = new AahParameters[months];
        var aspa = new AspaParameters[months];
        for (var k = 0; k < months; k++)
        {
            var m = first.AddMonths(k);
            if ((benefits & (Benefit.Rsa | Benefit.Css)) != 0)
            {
                rsa[k] = parameters.Rsa(m);
            }
            if ((benefits & Benefit.Ppa) != 0)
            {
                // The notional amounts of the three (or four) months before each use their own month's parameters.
                for (var back = 0; back <= 4; back++)
                {
                    parameters.Ppa(m.AddMonths(-back));
                }
                parameters.LaterMonthsAllowed(m);
            }
            if ((benefits & Benefit.Css) != 0)
            {
                css[k] = parameters.Css(m);
            }
            if ((benefits & Benefit.Aah) != 0)
            {
                aah[k] = parameters.Aah(m);
            }
            if ((benefits & Benefit.Aspa) != 0)
            {
                aspa[k] = parameters.Aspa(m);
            }
        }
        var ppaMinimum = new double[months];
        var ppaBefore = new bool[months];
        var ppaAtMonth = new PpaParameters[months];
        var laterMonths = new bool[months];
        // The notional months' parameters, first - 4 onwards (looked up once, not per family).
        var ppaNotional = new PpaParameters[months + 4];
        for (var k = 0; k < months && (benefits & Benefit.Ppa) != 0; k++)
        {
            var atMonth = parameters.Ppa(first.AddMonths(k));
            ppaMinimum[k] = atMonth.Scale.MinimumPaid;
            ppaBefore[k] = atMonth.BeforeCreation;
            ppaAtMonth[k] = atMonth;
            laterMonths[k] = parameters.LaterMonthsAllowed(first.AddMonths(k));
        }
        for (var i = 0; i < months + 4 && (benefits & Benefit.Ppa) != 0; i++)
        {
            ppaNotional[i] = parameters.Ppa(first.AddMonths(i - 4));
        }
        void Range(int from, int to)
        {
            var trace = default(NoTrace);
            // A month's notional prime d'activité depends only on that month: computed once, shared by the three
            // (or four) months whose amount averages it. notional[i] is the month first - 4 + i.
            var notional = new double[months + 4];
            // A family's total resources per month, from M-13 of the first month: the CSS's rolling years share them.
            var totals = new double[months + 13];
            for (var f = from; f < to; f++)
            {
                pop.RefreshIncomes(f);
                if ((benefits & Benefit.Css) != 0)
                {
                    for (var i = 0; i < totals.Length; i++)
                    {
                        totals[i] = Formulas.FamilyTotal(pop, f, first.AddMonths(i - 13));
                    }
                }
                if ((benefits & Benefit.Ppa) != 0)
                {
                    for (var i = 0; i < notional.Length; i++)
                    {
                        notional[i] = Formulas.PpaNotional(pop, f, first.AddMonths(i - 4), ppaNotional[i], trace);
                    }
                }
                if (((f - from) & 4095) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
                for (var k = 0; k < months; k++)
                {
                    var m = first.AddMonths(k);
                    var cell = f * months + k;
                    var rsaAmount = 0.0;
                    if ((benefits & (Benefit.Rsa | Benefit.Css)) != 0)
                    {
                        rsaAmount = Formulas.Rsa(pop, f, m, rsa[k], trace).Amount;
                        if ((benefits & Benefit.Rsa) != 0)
                        {
                            results.Rsa[cell] = rsaAmount;
                        }
                    }
                    if ((benefits & Benefit.Ppa) != 0)
                    {
                        var latest = k + 4 - (laterMonths[k] && pop.LaterMonths[f] ? 2 : 1); // Formulas.ReferenceShift
                        var amount = ppaBefore[k] ? 0 : Formulas.PpaAmount(notional[latest - 2], notional[latest - 1], notional[latest], ppaMinimum[k]);
                        // The activity condition only matters when something would be paid (and costs a little).
                        results.Ppa[cell] = amount > 0 && !Formulas.PpaActivityCondition(pop, f, m, k + 4 - latest, ppaAtMonth[k]) ? 0 : amount;
                    }
                    if ((benefits & Benefit.Css) != 0)
                    {
                        var resources = 0.0;
                        for (var back = 2; back <= 13; back++)
                        {
                            resources += totals[k + 13 - back]; // same order as the single path: M-2 first
                        }
                        var c = Formulas.Css(pop, f, m, css[k], rsaAmount, resources, trace);
                        results.Css[cell] = c.Status;
                        results.CssContribution[cell] = c.Contribution;
                    }
                    if ((benefits & Benefit.Aspa) != 0)
                    {
                        results.Aspa[cell] = Formulas.Aspa(pop, f, m, aspa[k], trace).Amount;
                    }
                    if ((benefits & Benefit.Aah) != 0)
                    {
                        for (var p = pop.FirstPerson[f]; p < pop.FirstPerson[f + 1]; p++)
                        {
                            results.Aah[p * months + k] = Formulas.Aah(pop, f, p, m, aah[k], trace).Amount;
                        }
                    }
                }
            }
        }
        // Families go by chunks even on one thread: a method called once with one long loop runs as on-stack-replaced
        // code, which the JIT optimises less well than a method called many times (measured: 8 % of the whole batch).
        var chunk = threads <= 1 ? 1024 : Math.Max(1024, pop.FamilyCount / (threads * 8) + 1);
        var chunks = (pop.FamilyCount + chunk - 1) / chunk;
        if (threads <= 1)
        {
            for (var c = 0; c < chunks; c++)
            {
                Range(c * chunk, Math.Min(pop.FamilyCount, (c + 1) * chunk));
            }
        }
        else
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
                c => Range(c * chunk, Math.Min(pop.FamilyCount, (c + 1) * chunk)));
        }
        return results;
    }
}
