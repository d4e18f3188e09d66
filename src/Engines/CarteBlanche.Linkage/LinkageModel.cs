namespace CarteBlanche.Linkage;

/// <summary>One comparison level of a field: m = P(level | same person), u = P(level | different persons), weight = log2(m / u).</summary>
/// <param name="Name">The level, in French, as an agent reads it.</param>
/// <param name="M">Null for the NIR hash, whose weights are set, not learnt.</param>
/// <param name="U">Null for the NIR hash.</param>
/// <param name="Weight">Partial match weight, log2(m / u).</param>
public sealed record LevelModel(string Name, double? M, double? U, double Weight);

/// <summary>A field and its levels ("non renseigné" is not listed: its weight is 0).</summary>
public sealed record FieldModel(string Name, IReadOnlyList<LevelModel> Levels);

/// <summary>
/// A trained Fellegi–Sunter model. <see cref="Prior"/> is λ, the share of candidate pairs that are the same person;
/// a pair's match weight is <see cref="PriorWeight"/> plus the weights of its fields' levels.
/// </summary>
public sealed class LinkageModel
{
    private readonly double[][] _weights;
    private readonly IReadOnlyList<FieldEvidence>?[] _evidence = new IReadOnlyList<FieldEvidence>?[Comparison.PatternCount];

    internal LinkageModel(double prior, double[][] m, double[][] u, double nirWeight, int iterations, bool converged)
    {
        Prior = prior;
        EmIterations = iterations;
        Converged = converged;
        _weights = new double[Comparison.FieldCount][];
        var fields = new List<FieldModel>();
        for (var k = 0; k < Comparison.FieldCount; k++)
        {
            var levels = new List<LevelModel>();
            _weights[k] = new double[Comparison.LevelCounts[k] + 1];
            for (var l = 0; l < Comparison.LevelCounts[k]; l++)
            {
                var weight = k == Comparison.Nir ? (l == 0 ? nirWeight : -nirWeight) : Math.Log2(m[k][l] / u[k][l]);
                _weights[k][l] = weight;
                levels.Add(k == Comparison.Nir ? new LevelModel(Comparison.LevelNames[k][l], null, null, weight) : new LevelModel(Comparison.LevelNames[k][l], m[k][l], u[k][l], weight));
            }
            fields.Add(new FieldModel(Comparison.FieldNames[k], levels));
        }
        Fields = fields;
    }

    /// <summary>λ: probability that two records drawn at random from the two files are the same person (as Splink's probability_two_random_records_match), estimated after EM.</summary>
    public double Prior { get; }

    /// <summary>log2(λ / (1 − λ)): where every pair's match weight starts.</summary>
    public double PriorWeight => Math.Log2(Prior / (1 - Prior));

    public IReadOnlyList<FieldModel> Fields { get; }

    /// <summary>EM iterations run.</summary>
    public int EmIterations { get; }

    /// <summary>False when EM stopped at the iteration limit before the probabilities settled.</summary>
    public bool Converged { get; }

    internal double Weight(int pattern)
    {
        var weight = PriorWeight;
        for (var k = 0; k < Comparison.FieldCount; k++)
        {
            weight += _weights[k][Comparison.Level(pattern, k)];
        }
        return weight;
    }

    // Shared by every link with the same levels: a million links make a few hundred lists.
    internal IReadOnlyList<FieldEvidence> Evidence(int pattern)
    {
        var cached = Volatile.Read(ref _evidence[pattern]);
        if (cached != null)
        {
            return cached;
        }
        var evidence = new FieldEvidence[Comparison.FieldCount];
        for (var k = 0; k < Comparison.FieldCount; k++)
        {
            var level = Comparison.Level(pattern, k);
            var name = Comparison.IsMissing(level, k) ? Comparison.MissingLevelName : Comparison.LevelNames[k][level];
            evidence[k] = new FieldEvidence(Comparison.FieldNames[k], name, _weights[k][level]);
        }
        Volatile.Write(ref _evidence[pattern], evidence);
        return evidence;
    }
}

/// <summary>
/// Training as Splink does it. u comes from random pairs and stays fixed. m is learnt by expectation–maximisation on
/// the candidate pairs of one blocking rule at a time (NIR; date and sex; first name and date; and a rule for
/// training only, last and first names), leaving out the fields the rule blocks on (among pairs that
/// agree on a birth date by construction, the date says nothing about matching), and each field's m is the mean of
/// the sessions that learnt it, weighed by their matches. λ is the matches the sessions found over all pairs of the
/// two files: the prior that goes with u from random pairs (a λ learnt on candidate pairs with m and u fixed comes
/// out far too high: blocked non-matches agree on their blocking fields more than independence allows). EM runs on the counts of comparison patterns (pairs with the
/// same levels weigh the same), fields independent given the class; a missing level counts in neither class. The NIR
/// hash is not learnt (its weights are set).
/// </summary>
internal static class Expectation
{
    private const double Floor = 1e-4;

    public static LinkageModel Train(long[][] countsByRule, double[][] u, long leftCount, long rightCount, LinkageSettings settings)
    {
        var fields = Comparison.Nir; // learnt fields: all but the NIR hash
        var start = InitialM();
        var sums = new double[fields][];
        var weights = new double[fields];
        for (var k = 0; k < fields; k++)
        {
            sums[k] = new double[Comparison.LevelCounts[k]];
        }
        var iterations = 0;
        var converged = true;
        var matchesFound = 0.0;
        foreach (var rule in Blocking.TrainingSessions)
        {
            var excluded = Blocking.BlockedFields(rule);
            var m = start.Select(a => (double[])a.Clone()).ToArray();
            // Start from "about one match per record of the smaller file": EM started at λ = 0.5 on pairs that are
            // mostly non-matches can settle on another split (same sex, same birth place) than the one wanted.
            var session = Run(countsByRule[rule], m, u, excluded, learnM: true, settings.MaxEmIterations, InitialPrior(countsByRule[rule], leftCount, rightCount));
            iterations += session.Iterations;
            converged &= session.Converged;
            if (rule != Blocking.TrainingRule)
            {
                matchesFound += session.Matches;
            }
            for (var k = 0; k < fields; k++)
            {
                if ((excluded & (1 << k)) == 0 && session.Matches > 0)
                {
                    weights[k] += session.Matches;
                    for (var l = 0; l < sums[k].Length; l++)
                    {
                        sums[k][l] += session.Matches * m[k][l];
                    }
                }
            }
        }
        var learnt = start;
        for (var k = 0; k < fields; k++)
        {
            if (weights[k] > 0)
            {
                learnt[k] = sums[k].Select(x => x / weights[k]).ToArray();
            }
        }
        // The other linking rules only find the pairs the first ones missed (a wrong date): few matches among many
        // non-matches, too few to learn m from; their matches are counted with the model learnt, every field used.
        for (var rule = 0; rule < Blocking.RuleCount; rule++)
        {
            if (!Blocking.TrainingSessions.Contains(rule))
            {
                var session = Run(countsByRule[rule], learnt, u, excluded: 0, learnM: false, settings.MaxEmIterations, InitialPrior(countsByRule[rule], leftCount, rightCount));
                iterations += session.Iterations;
                matchesFound += session.Matches;
            }
        }
        // λ over all pairs of the two files: the matches found among the pairs each rule found first (so none
        // twice), all matches being assumed among the candidates, as blocking intends.
        var allPairs = Math.Max(1.0, (double)leftCount * rightCount);
        var prior = Math.Clamp(Math.Max(1, matchesFound) / allPairs, 1e-12, 0.5);
        return new LinkageModel(prior, learnt, u, settings.NirHashWeight, iterations, converged);
    }

    // Starting m as Splink's defaults would: most true pairs agree exactly. The NIR row is a placeholder.
    private static double[][] InitialM() =>
    [
        [0.80, 0.10, 0.04, 0.06],
        [0.80, 0.10, 0.04, 0.06],
        [0.90, 0.05, 0.02, 0.03],
        [0.98, 0.02],
        [0.90, 0.10],
        [0.80, 0.20],
        [1, 1],
    ];

    private static double InitialPrior(long[] counts, long leftCount, long rightCount)
    {
        var pairs = counts.Sum();
        return pairs == 0 ? 0.5 : Math.Clamp(Math.Min(leftCount, rightCount) / (double)pairs, 1e-4, 0.5);
    }

    private readonly record struct Session(double Matches, int Iterations, bool Converged);

    // EM over pattern counts. With learnM, m and λ are learnt (u fixed); without, only λ (m and u fixed).
    // excluded: a bit per field left out.
    private static Session Run(long[] patternCounts, double[][] m, double[][] u, int excluded, bool learnM, int maxIterations, double initialPrior)
    {
        var fields = Comparison.Nir;
        var patterns = Enumerable.Range(0, patternCounts.Length).Where(p => patternCounts[p] > 0).ToArray();
        var levels = patterns.Select(p => Enumerable.Range(0, fields).Select(k => (excluded & (1 << k)) != 0 ? Comparison.LevelCounts[k] : Comparison.Level(p, k)).ToArray()).ToArray();
        var counts = patterns.Select(p => (double)patternCounts[p]).ToArray();
        var total = counts.Sum();
        if (total == 0)
        {
            return new Session(0, 0, true);
        }
        var prior = initialPrior;
        var mSum = new double[fields][];
        for (var k = 0; k < fields; k++)
        {
            mSum[k] = new double[Comparison.LevelCounts[k]];
        }
        var matches = 0.0;
        for (var iteration = 1; iteration <= maxIterations; iteration++)
        {
            foreach (var s in mSum)
            {
                Array.Clear(s);
            }
            matches = 0.0;
            for (var p = 0; p < patterns.Length; p++)
            {
                // E-step: probability that a pair with these levels is the same person.
                double likelihoodMatch = prior, likelihoodNonMatch = 1 - prior;
                var level = levels[p];
                for (var k = 0; k < fields; k++)
                {
                    if (!Comparison.IsMissing(level[k], k))
                    {
                        likelihoodMatch *= m[k][level[k]];
                        likelihoodNonMatch *= u[k][level[k]];
                    }
                }
                var asMatch = counts[p] * (likelihoodMatch / (likelihoodMatch + likelihoodNonMatch));
                matches += asMatch;
                for (var k = 0; k < fields; k++)
                {
                    if (!Comparison.IsMissing(level[k], k))
                    {
                        mSum[k][level[k]] += asMatch;
                    }
                }
            }
            // M-step.
            var change = Math.Abs((matches / total) - prior);
            prior = Math.Clamp(matches / total, Floor, 1 - Floor);
            if (learnM)
            {
                for (var k = 0; k < fields; k++)
                {
                    if ((excluded & (1 << k)) == 0)
                    {
                        change = Math.Max(change, Normalise(mSum[k], m[k]));
                    }
                }
            }
            if (change < 1e-6)
            {
                return new Session(matches, iteration, true);
            }
        }
        return new Session(matches, maxIterations, false);
    }

    // Sums made probabilities (floored so that no level weighs infinitely), written into target; returns the largest change.
    private static double Normalise(double[] sums, double[] target)
    {
        var total = sums.Sum();
        if (total <= 0)
        {
            return 0;
        }
        var change = 0.0;
        var floored = 0.0;
        for (var l = 0; l < sums.Length; l++)
        {
            floored += Math.Max(sums[l] / total, Floor);
        }
        for (var l = 0; l < sums.Length; l++)
        {
            var value = Math.Max(sums[l] / total, Floor) / floored;
            change = Math.Max(change, Math.Abs(value - target[l]));
            target[l] = value;
        }
        return change;
    }
}
