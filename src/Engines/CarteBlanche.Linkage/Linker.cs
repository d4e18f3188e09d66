namespace CarteBlanche.Linkage;

/// <summary>
/// Links persons across files: Fellegi–Sunter record linkage with m and u learnt by EM (as Splink does), blocking by
/// a union of rules, thresholds for accepted and reviewed links, one-to-one per pair of files, and clusters across N
/// files with at most one record of each file.
/// </summary>
public static class Linker
{
    /// <summary>
    /// Links two files. Every candidate pair (from blocking) is compared; EM learns the model on the counts of the
    /// comparison patterns; pairs at or above the review threshold are kept, and then, if <see cref="LinkageSettings.OneToOne"/>,
    /// each record keeps its strongest link only (greedily by weight, equal NIR hashes first).
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    public static LinkResult Link(IReadOnlyList<PersonRecord> left, IReadOnlyList<PersonRecord> right, LinkageSettings settings, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        var report = new ProgressReporter(progress);

        var leftPersons = Prepare(left, options);
        report.Report(0.05);
        var rightPersons = Prepare(right, options);
        report.Report(0.10);
        return Link(leftPersons, rightPersons, settings, options, report);
    }

    private static LinkResult Link(PreparedPerson[] leftPersons, PreparedPerson[] rightPersons, LinkageSettings settings, ParallelOptions options, ProgressReporter report)
    {
        var candidates = CandidatePairs.Compare(leftPersons, rightPersons, options, p => report.Report(0.10 + (0.70 * p)));
        var uFromRandomPairs = RandomPairLevels(leftPersons, rightPersons, settings);
        var model = Expectation.Train(candidates.CountsByRule, uFromRandomPairs, leftPersons.Length, rightPersons.Length, settings);
        report.Report(0.85);
        options.CancellationToken.ThrowIfCancellationRequested();

        var links = Decide(candidates, leftPersons, rightPersons, model, settings);
        report.Report(1.0);
        return new LinkResult(links, model, candidates.Count);
    }

    /// <summary>
    /// Links every pair of files and forms clusters (union–find over accepted links, strongest first). A link that
    /// would put two records of one file in the same cluster is refused and listed. Review links are returned with
    /// the pairwise results but make no cluster. At most 64 files. <paramref name="decided"/> gives an agent's decision on
    /// a pair (left record of the lower-numbered file first): true makes a link to review a match, false drops the link.
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    public static ClusterResult Cluster(IReadOnlyList<IReadOnlyList<PersonRecord>> sources, LinkageSettings settings, IProgress<double>? progress = null, CancellationToken cancellationToken = default, Func<RecordRef, RecordRef, bool?>? decided = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(settings);
        return Cluster(sources.Select(s => Prepare(s, settings, cancellationToken)).ToList(), settings, progress, cancellationToken, decided);
    }

    /// <summary>
    /// A file brought to the compared forms (names normalised, phonetic keys), on all cores: what
    /// <see cref="Cluster(IReadOnlyList{PreparedFile}, LinkageSettings, IProgress{double}?, CancellationToken, Func{RecordRef, RecordRef, bool?}?)"/>
    /// links. A caller reading several files can prepare one while it reads the next.
    /// </summary>
    public static PreparedFile Prepare(IReadOnlyList<PersonRecord> records, LinkageSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return new PreparedFile(Prepare(records, new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism, CancellationToken = cancellationToken }));
    }

    /// <summary>The same as the overload with records, over files already prepared (each prepared once, whatever the number of pairs it is in).</summary>
    public static ClusterResult Cluster(IReadOnlyList<PreparedFile> sources, LinkageSettings settings, IProgress<double>? progress = null, CancellationToken cancellationToken = default, Func<RecordRef, RecordRef, bool?>? decided = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(settings);
        if (sources.Count > 64)
        {
            throw new ArgumentException($"Au plus 64 fichiers peuvent être rapprochés ensemble ({sources.Count} donnés).", nameof(sources));
        }
        var offsets = new int[sources.Count + 1];
        for (var s = 0; s < sources.Count; s++)
        {
            offsets[s + 1] = offsets[s] + sources[s].Count;
        }
        var pairsOfSources = new List<(int A, int B)>();
        for (var a = 0; a < sources.Count; a++)
        {
            for (var b = a + 1; b < sources.Count; b++)
            {
                pairsOfSources.Add((a, b));
            }
        }
        settings.Validate();
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        var results = new List<SourcePairLinks>();
        for (var n = 0; n < pairsOfSources.Count; n++)
        {
            var (a, b) = pairsOfSources[n];
            var step = progress == null ? null : new ScaledProgress(progress, 0.95 * n / pairsOfSources.Count, 0.95 / pairsOfSources.Count);
            var result = Link(sources[a].Persons, sources[b].Persons, settings, options, new ProgressReporter(step));
            if (decided != null)
            {
                var links = new List<PersonLink>(result.Links.Count);
                foreach (var link in result.Links)
                {
                    switch (decided(new RecordRef(a, link.Left), new RecordRef(b, link.Right)))
                    {
                        case true:
                            links.Add(link with { Status = LinkStatus.Match, Decided = true });
                            break;
                        case false:
                            break;
                        default:
                            links.Add(link);
                            break;
                    }
                }
                result = result with { Links = links };
            }
            results.Add(new SourcePairLinks(a, b, result));
        }

        // Union–find: each root knows which files its cluster already holds.
        var parent = new int[offsets[^1]];
        var filesOf = new ulong[parent.Length];
        for (var s = 0; s < sources.Count; s++)
        {
            for (var r = offsets[s]; r < offsets[s + 1]; r++)
            {
                parent[r] = r;
                filesOf[r] = 1UL << s;
            }
        }
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }
        var accepted = results
            .SelectMany(r => r.Result.Links.Where(l => l.Status == LinkStatus.Match).Select(l => (r.LeftSource, r.RightSource, Link: l)))
            .OrderByDescending(l => l.Link.Probability >= 1 ? double.PositiveInfinity : l.Link.Weight)
            .ThenBy(l => l.LeftSource).ThenBy(l => l.RightSource).ThenBy(l => l.Link.Left)
            .ToList();
        var refused = new List<(int, int, PersonLink)>();
        foreach (var (a, b, link) in accepted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var x = Find(offsets[a] + link.Left);
            var y = Find(offsets[b] + link.Right);
            if (x == y)
            {
                continue;
            }
            if ((filesOf[x] & filesOf[y]) != 0)
            {
                refused.Add((a, b, link));
                continue;
            }
            parent[y] = x;
            filesOf[x] |= filesOf[y];
        }
        var clusters = new Dictionary<int, List<RecordRef>>();
        var order = new List<List<RecordRef>>();
        for (var s = 0; s < sources.Count; s++)
        {
            for (var r = 0; r < sources[s].Count; r++)
            {
                var root = Find(offsets[s] + r);
                if (!clusters.TryGetValue(root, out var members))
                {
                    clusters[root] = members = [];
                    order.Add(members);
                }
                members.Add(new RecordRef(s, r));
            }
        }
        progress?.Report(1.0);
        return new ClusterResult(order, results, refused);
    }

    private static PreparedPerson[] Prepare(IReadOnlyList<PersonRecord> records, ParallelOptions options)
    {
        var persons = new PreparedPerson[records.Count];
        const int chunk = 4096;
        Parallel.For(0, (records.Count + chunk - 1) / chunk, options, c =>
        {
            var end = Math.Min(records.Count, (c + 1) * chunk);
            for (var i = c * chunk; i < end; i++)
            {
                persons[i] = PreparedPerson.From(records[i]);
            }
        });
        return persons;
    }

    // u initialised from random pairs, nearly all of them different persons (Splink's estimate_u_using_random_sampling);
    // one pair added to every level so that none is impossible.
    private static double[][] RandomPairLevels(PreparedPerson[] left, PreparedPerson[] right, LinkageSettings settings)
    {
        var counts = new double[Comparison.FieldCount][];
        for (var k = 0; k < Comparison.FieldCount; k++)
        {
            counts[k] = Enumerable.Repeat(1.0, Comparison.LevelCounts[k]).ToArray();
        }
        if (left.Length > 0 && right.Length > 0)
        {
            var random = new Random(settings.Seed);
            for (var n = 0; n < settings.RandomPairsForU; n++)
            {
                var pattern = Comparison.Compare(left[random.Next(left.Length)], right[random.Next(right.Length)]);
                for (var k = 0; k < Comparison.FieldCount; k++)
                {
                    var level = Comparison.Level(pattern, k);
                    if (!Comparison.IsMissing(level, k))
                    {
                        counts[k][level]++;
                    }
                }
            }
        }
        foreach (var c in counts)
        {
            var total = c.Sum();
            for (var l = 0; l < c.Length; l++)
            {
                c[l] /= total;
            }
        }
        return counts;
    }

    private static List<PersonLink> Decide(CandidatePairs candidates, PreparedPerson[] left, PreparedPerson[] right, LinkageModel model, LinkageSettings settings)
    {
        var weights = new double[Comparison.PatternCount];
        for (var p = 0; p < weights.Length; p++)
        {
            weights[p] = model.Weight(p);
        }
        var reviewWeight = WeightOf(settings.ReviewThreshold);
        var kept = new List<(int Left, int Right, int Pattern, double Rank)>();
        foreach (var buffer in candidates.Buffers)
        {
            foreach (var pair in buffer)
            {
                var nirEqual = Comparison.Level(pair.Pattern, Comparison.Nir) == 0;
                var weight = weights[pair.Pattern];
                if (nirEqual || weight >= reviewWeight)
                {
                    kept.Add((pair.Left, pair.Right, pair.Pattern, nirEqual ? double.PositiveInfinity : weight));
                }
            }
        }
        // Strongest first; ties in index order so that the same input gives the same links.
        kept.Sort((x, y) => y.Rank.CompareTo(x.Rank) is var c and not 0 ? c : x.Left != y.Left ? x.Left.CompareTo(y.Left) : x.Right.CompareTo(y.Right));
        var leftTaken = new bool[left.Length];
        var rightTaken = new bool[right.Length];
        var links = new List<PersonLink>();
        foreach (var (l, r, pattern, rank) in kept)
        {
            if (settings.OneToOne)
            {
                if (leftTaken[l] || rightTaken[r])
                {
                    continue;
                }
                leftTaken[l] = rightTaken[r] = true;
            }
            var weight = weights[pattern];
            var probability = double.IsPositiveInfinity(rank) ? 1.0 : Probability(weight);
            // Two different NIR hashes are two people unless one was mistyped: whatever their civil status says, a person
            // decides (review), never the threshold alone.
            var nirDiffers = Comparison.Level(pattern, Comparison.Nir) == 1;
            var status = probability >= settings.MatchThreshold && !nirDiffers ? LinkStatus.Match : LinkStatus.Review;
            links.Add(new PersonLink(l, r, weight, probability, status, model.Evidence(pattern)));
        }
        links.Sort((x, y) => x.Left != y.Left ? x.Left.CompareTo(y.Left) : x.Right.CompareTo(y.Right));
        return links;
    }

    private static double Probability(double weight) => 1.0 / (1.0 + Math.Pow(2, -weight));

    private static double WeightOf(double probability) => probability >= 1 ? double.PositiveInfinity : Math.Log2(probability / (1 - probability));

    // The progress of one Link within Cluster's whole.
    private sealed class ScaledProgress(IProgress<double> outer, double start, double span) : IProgress<double>
    {
        public void Report(double value) => outer.Report(start + (span * value));
    }

    private sealed class ProgressReporter(IProgress<double>? progress)
    {
        private long _last = -1;

        // Only forward values that move by a thousandth: millions of pairs would flood a UI.
        public void Report(double value)
        {
            if (progress == null)
            {
                return;
            }
            var permille = (long)(Math.Clamp(value, 0, 1) * 1000);
            var last = Interlocked.Read(ref _last);
            if (permille > last && Interlocked.CompareExchange(ref _last, permille, last) == last)
            {
                progress.Report(permille / 1000.0);
            }
        }
    }
}

/// <summary>A file's records in the forms linkage compares (<see cref="Linker.Prepare(IReadOnlyList{PersonRecord}, LinkageSettings, CancellationToken)"/>).</summary>
public sealed class PreparedFile
{
    internal PreparedFile(PreparedPerson[] persons) => Persons = persons;

    internal PreparedPerson[] Persons { get; }

    public int Count => Persons.Length;
}
