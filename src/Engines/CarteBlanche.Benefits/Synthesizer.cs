namespace CarteBlanche.Benefits;

/// <summary>A synthetic population and, for each household, whether it receives each benefit it is entitled to.</summary>
public sealed class SyntheticPopulation(Population population, bool[] knownToCaf, Benefit[] entitled, Benefit[] receives, Month reference, BatchResults? results = null)
{
    /// <summary>The engine's results for the reference month (amounts, CSS with or without contribution); null when read back from a file.</summary>
    public BatchResults? Results { get; } = results;
    public Population Population { get; } = population;
    /// <summary>The household is already known to the CAF (children, housing aid, or half of the others).</summary>
    public bool[] KnownToCaf { get; } = knownToCaf;
    /// <summary>Benefits the household is entitled to in the reference month (computed by the engine).</summary>
    public Benefit[] Entitled { get; } = entitled;
    /// <summary>Benefits it actually receives: the entitled ones minus simulated non-take-up.</summary>
    public Benefit[] Receives { get; } = receives;
    public Month Reference { get; } = reference;
}

/// <summary>
/// Generates households of a rural French département (composition, ages, irregular work, unemployment, pensions,
/// housing and housing aid, disability), computes their rights with the engine, and draws non-take-up calibrated on
/// the DREES figures (../shared/rules/BENEFITS.md): higher when the amount is small and when the household is
/// unknown to the CAF. Deterministic for a seed.
/// </summary>
public static class Synthesizer
{
    /// <summary>Non-take-up rates among entitled households (DREES): RSA 34 %, free CSS 31 %, CSS with contribution 67 %, ASPA 50 %; prime d'activité about 32 % and AAH about 10 % (assumptions, see ADR 0008).</summary>
    public static readonly IReadOnlyDictionary<Benefit, double> NonTakeUp = new Dictionary<Benefit, double>
    {
        [Benefit.Rsa] = 0.34,
        [Benefit.Ppa] = 0.32,
        [Benefit.Aah] = 0.10,
        [Benefit.Aspa] = 0.50,
    };

    public const double FreeCssNonTakeUp = 0.31;
    public const double PaidCssNonTakeUp = 0.67;

    /// <summary>Months of history generated: the year computed and the 13 months before it.</summary>
    public const int HistoryMonths = 25;

    public static Population Generate(int households, int seed, Month firstMonth, int months, out bool[] knownToCaf)
    {
        var random = new Random(seed);
        // First pass: composition, to size the person columns.
        var parents = new byte[households];
        var children = new byte[households];
        var persons = 0;
        for (var f = 0; f < households; f++)
        {
            var r = random.NextDouble();
            (parents[f], children[f]) = r switch
            {
                < 0.37 => ((byte)1, (byte)0),
                < 0.63 => ((byte)2, (byte)0),
                < 0.88 => ((byte)2, (byte)(1 + Poisson(random, 0.8))),
                < 0.97 => ((byte)1, (byte)(1 + Poisson(random, 0.5))),
                _ => ((byte)1, (byte)0),
            };
            persons += parents[f] + children[f];
        }
        var pop = new Population(households, persons, firstMonth, months);
        knownToCaf = new bool[households];
        var row = 0;
        var end = firstMonth.AddMonths(months - 1);
        for (var f = 0; f < households; f++)
        {
            pop.FirstPerson[f] = row;
            pop.Parents[f] = parents[f];
            pop.Children[f] = children[f];
            var hasChildren = children[f] > 0;
            // Adults' ages: older without children (the Lot is an old département).
            var age = hasChildren ? 24 + random.Next(30) : 20 + (int)(Math.Abs(Gaussian(random)) * 30) + random.Next(15);
            age = Math.Min(age, 95);
            var lowIncome = random.NextDouble() < 0.22;
            var familyIncome = 0.0;
            // Parents eldest first and born on different days: the canonical order a situation is read in.
            var parentBirths = new int[parents[f]];
            for (var a = 0; a < parentBirths.Length; a++)
            {
                parentBirths[a] = BirthFor(random, end, Math.Clamp(age + (a == 0 ? 0 : random.Next(-4, 5)), 18, 98));
            }
            Array.Sort(parentBirths);
            if (parentBirths.Length == 2 && parentBirths[0] == parentBirths[1])
            {
                parentBirths[1] = Population.Pack(Population.Unpack(parentBirths[1]).AddDays(1));
            }
            for (var a = 0; a < parents[f]; a++)
            {
                var p = row++;
                pop.Birth[p] = parentBirths[a];
                var adultAge = end.AgeOf(pop.Birth[p]);
                pop.Restriction[p] = true;
                if (random.NextDouble() < 0.035)
                {
                    pop.Incapacity[p] = random.NextDouble() < 0.55 ? 0.8f : 0.5f;
                }
                pop.Pregnant[p] = a == 0 && adultAge < 40 && random.NextDouble() < 0.02;
                familyIncome += FillIncome(pop, p, adultAge, lowIncome, random);
            }
            var eldest = Math.Clamp(age - 20 - random.Next(6), 0, 24);
            var births = new int[children[f]];
            for (var c = 0; c < births.Length; c++)
            {
                births[c] = BirthFor(random, end, Math.Max(0, eldest - c * (1 + random.Next(3))));
            }
            Array.Sort(births); // eldest first, as the population's columns expect
            for (var c = 1; c < births.Length; c++)
            {
                if (births[c] <= births[c - 1])
                {
                    births[c] = Population.Pack(Population.Unpack(births[c - 1]).AddDays(1));
                }
            }
            foreach (var birth in births)
            {
                var p = row++;
                pop.Birth[p] = birth;
                var childAge = end.AgeOf(birth);
                pop.SharedCustody[p] = parents[f] == 1 && random.NextDouble() < 0.12;
                if (childAge >= 18 && random.NextDouble() < 0.4)
                {
                    familyIncome += FillIncome(pop, p, childAge, lowIncome, random);
                }
            }
            // Housing: owners (most, some with a loan), tenants (housing aid when income is low), housed free.
            var h = random.NextDouble();
            pop.Housing[f] = h < 0.55 ? HousingStatus.Proprietaire : h < 0.65 ? HousingStatus.PrimoAccedant : h < 0.80 ? HousingStatus.LocataireVide : h < 0.95 ? HousingStatus.LocataireHlm : HousingStatus.LogeGratuitement;
            pop.InKindHousing[f] = pop.Housing[f] is HousingStatus.Proprietaire or HousingStatus.LogeGratuitement;
            var monthly = familyIncome / months;
            var tenant = pop.Housing[f] is HousingStatus.LocataireVide or HousingStatus.LocataireHlm;
            var aid = tenant && monthly < 1500 + 300 * children[f] ? Math.Round(Math.Max(0, 380 + 60 * children[f] - 0.25 * monthly) * (0.8 + 0.4 * random.NextDouble()), 2) : 0;
            for (var m = 0; m < months; m++)
            {
                pop.HousingAid[f * months + m] = aid;
            }
            pop.RecentIsolation[f] = parents[f] == 1 && hasChildren && random.NextDouble() < 0.15;
            knownToCaf[f] = hasChildren || aid > 0 || random.NextDouble() < 0.5;
        }
        pop.FirstPerson[households] = row;
        return pop;
    }

    /// <summary>Monthly incomes of an adult: stable or irregular work, unemployment, pension, or nothing. Returns the total.</summary>
    private static double FillIncome(Population pop, int p, int age, bool lowIncome, Random random)
    {
        var months = pop.Months;
        var total = 0.0;
        if (age >= 62 && random.NextDouble() < 0.9)
        {
            var pension = lowIncome ? 500 + random.NextDouble() * 600 : 900 + Math.Abs(Gaussian(random)) * 900;
            for (var m = 0; m < months; m++)
            {
                pop.OtherIncome[p * months + m] = Math.Round(pension, 2);
                total += pension;
            }
            return total;
        }
        var r = random.NextDouble();
        var status = lowIncome ? (r < 0.35 ? 0 : r < 0.7 ? 1 : r < 0.85 ? 2 : 3) : (r < 0.75 ? 0 : r < 0.88 ? 1 : r < 0.95 ? 2 : 3);
        var wage = lowIncome ? 700 + random.NextDouble() * 800 : 1300 + Math.Abs(Gaussian(random)) * 1100;
        var working = status != 2;
        for (var m = 0; m < months; m++)
        {
            double activity = 0, other = 0;
            switch (status)
            {
                case 0: // stable work, a few months of overtime or reduced hours
                    activity = wage * (random.NextDouble() < 0.1 ? 0.7 + random.NextDouble() * 0.5 : 1);
                    break;
                case 1: // irregular work: seasonal contracts and gaps, unemployment benefits in between
                    if (random.NextDouble() < 0.15)
                    {
                        working = !working;
                    }
                    if (working)
                    {
                        activity = wage * (0.3 + random.NextDouble() * 0.8);
                    }
                    else
                    {
                        other = wage * 0.57;
                    }
                    break;
                case 2: // unemployed, with or without benefits
                    other = lowIncome && random.NextDouble() < 0.5 ? 0 : 650 + wage * 0.3;
                    break;
                default: // no income
                    break;
            }
            pop.Activity[p * months + m] = Math.Round(activity, 2);
            pop.OtherIncome[p * months + m] = Math.Round(other, 2);
            total += activity + other;
        }
        return total;
    }

    private static int BirthFor(Random random, Month end, int age)
    {
        var date = end.FirstDay.AddYears(-age).AddDays(-random.Next(365));
        return Population.Pack(date);
    }

    private static int Poisson(Random random, double lambda)
    {
        var l = Math.Exp(-lambda);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= random.NextDouble();
        }
        while (p > l && k < 6);
        return k - 1;
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Generates the population, computes rights for the reference month (the last one), draws non-take-up.</summary>
    /// <remarks>
    /// <paramref name="laterMonths"/>: every household's RSA and prime d'activité read months M-4..M-2
    /// (<c>departement_experimentation_rsa</c>), the rule everywhere since March 2025 (« solidarité à la source »).
    /// False keeps OpenFisca's default, M-3..M-1.
    /// </remarks>
    public static SyntheticPopulation Synthesize(int households, int seed, Month reference, MonthParameters? parameters = null, int threads = 1, bool laterMonths = false)
    {
        var first = reference.AddMonths(-(HistoryMonths - 1));
        var pop = Generate(households, seed, first, HistoryMonths, out var known);
        Array.Fill(pop.LaterMonths, laterMonths);
        var results = Batch.Compute(pop, reference, 1, Benefit.All, parameters, threads);
        var entitled = new Benefit[households];
        var amounts = new Dictionary<Benefit, double[]>();
        foreach (var b in new[] { Benefit.Rsa, Benefit.Ppa, Benefit.Css, Benefit.Aah, Benefit.Aspa })
        {
            amounts[b] = new double[households];
        }
        for (var f = 0; f < households; f++)
        {
            var aah = 0.0;
            for (var p = pop.FirstPerson[f]; p < pop.FirstPerson[f + 1]; p++)
            {
                aah += results.Aah[p];
            }
            var css = results.Css[f];
            // The CSS's "amount" for take-up is what it saves: a full complementary for free, less the contribution otherwise.
            (amounts[Benefit.Rsa][f], amounts[Benefit.Ppa][f], amounts[Benefit.Aah][f], amounts[Benefit.Aspa][f], amounts[Benefit.Css][f]) =
                (results.Rsa[f], results.Ppa[f], aah, results.Aspa[f], css == CssStatus.Gratuite ? 60.0 * (pop.FirstPerson[f + 1] - pop.FirstPerson[f]) : css == CssStatus.AvecParticipation ? 40.0 : 0);
            foreach (var (b, a) in amounts)
            {
                if (a[f] > 0)
                {
                    entitled[f] |= b;
                }
            }
        }
        var receives = (Benefit[])entitled.Clone();
        var random = new Random(seed ^ 0x5EED);
        foreach (var (benefit, a) in amounts)
        {
            if (benefit == Benefit.Css)
            {
                DrawTakeUp(a, known, random, receives, benefit, f => results.Css[f] == CssStatus.Gratuite ? FreeCssNonTakeUp : PaidCssNonTakeUp);
            }
            else
            {
                DrawTakeUp(a, known, random, receives, benefit, _ => NonTakeUp[benefit]);
            }
        }
        return new SyntheticPopulation(pop, known, entitled, receives, reference, results);
    }

    /// <summary>
    /// Non-take-up probability = sigmoid(b − 0.8 × ln(amount ÷ median) − 0.7 × known to CAF), b set by bisection so that
    /// the mean over the entitled households equals the target rate (per group when the target differs by group).
    /// </summary>
    private static void DrawTakeUp(double[] amounts, bool[] known, Random random, Benefit[] receives, Benefit benefit, Func<int, double> target)
    {
        var groups = Enumerable.Range(0, amounts.Length).Where(f => amounts[f] > 0).GroupBy(target);
        foreach (var group in groups)
        {
            var members = group.ToArray();
            var sorted = members.Select(f => amounts[f]).Order().ToArray();
            var median = sorted[sorted.Length / 2];
            double Probability(int f, double b) => 1 / (1 + Math.Exp(-(b - 0.8 * Math.Log(amounts[f] / median) - (known[f] ? 0.7 : 0))));
            double low = -10, high = 10;
            for (var i = 0; i < 40; i++)
            {
                var mid = (low + high) / 2;
                var mean = members.Average(f => Probability(f, mid));
                (low, high) = mean < group.Key ? (mid, high) : (low, mid);
            }
            foreach (var f in members)
            {
                if (random.NextDouble() < Probability(f, (low + high) / 2))
                {
                    receives[f] &= ~benefit;
                }
            }
        }
    }
}
