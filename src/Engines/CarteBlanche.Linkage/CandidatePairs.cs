namespace CarteBlanche.Linkage;

/// <summary>A compared pair: the two records and the levels of all fields (a pattern).</summary>
internal readonly record struct CandidatePair(int Left, int Right, int Pattern);

/// <summary>
/// Every distinct pair that blocking brings together, compared: the pairs (in one buffer per worker) and the count
/// of each comparison pattern, which is all EM needs.
/// </summary>
internal sealed class CandidatePairs
{
    private CandidatePairs(List<List<CandidatePair>> buffers, long[][] countsByRule)
    {
        Buffers = buffers;
        CountsByRule = countsByRule;
        PatternCounts = new long[Comparison.PatternCount];
        for (var rule = 0; rule < Blocking.RuleCount; rule++)
        {
            for (var p = 0; p < PatternCounts.Length; p++)
            {
                PatternCounts[p] += countsByRule[rule][p];
            }
        }
        Count = PatternCounts.Sum();
    }

    /// <summary>Pattern counts of the pairs each rule found first, the training rule last (its pairs are not linked).</summary>
    public long[][] CountsByRule { get; }

    public List<List<CandidatePair>> Buffers { get; }

    /// <summary>Pattern counts of the pairs to link (all rules but the training rule).</summary>
    public long[] PatternCounts { get; }

    public long Count { get; }

    public static CandidatePairs Compare(PreparedPerson[] left, PreparedPerson[] right, ParallelOptions options, Action<double> progress)
    {
        var leftKeys = Blocking.AllKeys(left);
        var rightKeys = Blocking.AllKeys(right);
        var buffers = new List<List<CandidatePair>>();
        var countsByRule = new long[Blocking.TrainingRule + 1][];
        var gate = new object();
        for (var rule = 0; rule <= Blocking.TrainingRule; rule++)
        {
            var counts = countsByRule[rule] = new long[Comparison.PatternCount];
            var training = rule == Blocking.TrainingRule;
            options.CancellationToken.ThrowIfCancellationRequested();
            var ruleKeys = rightKeys[rule];
            var sortingRight = options.MaxDegreeOfParallelism > 1 ? Task.Run(() => Blocking.Sorted(ruleKeys)) : null;
            var l = Blocking.Sorted(leftKeys[rule]);
            var r = sortingRight?.Result ?? Blocking.Sorted(ruleKeys);
            var blocks = Blocks(l.Keys, r.Keys);
            // The training rule only needs enough pairs for EM: every n-th left record, about two million pairs.
            var sampleEvery = training ? (int)Math.Max(1, blocks.Sum(b => b.Pairs) / 2_000_000) : 1;
            var chunks = Chunks(blocks, options.MaxDegreeOfParallelism * 16);
            var slots = Blocking.Slots(rule);
            var done = 0;
            Parallel.For(0, chunks.Count - 1, options,
                () => (Pairs: new List<CandidatePair>(), Counts: new long[Comparison.PatternCount]),
                (c, _, local) =>
                {
                    for (var b = chunks[c]; b < chunks[c + 1]; b++)
                    {
                        options.CancellationToken.ThrowIfCancellationRequested();
                        var block = blocks[b];
                        for (var li = block.LeftStart; li < block.LeftEnd; li++)
                        {
                            var leftEntry = l.Entries[li];
                            var i = leftEntry / slots;
                            if (i % sampleEvery != 0)
                            {
                                continue;
                            }
                            for (var ri = block.RightStart; ri < block.RightEnd; ri++)
                            {
                                var rightEntry = r.Entries[ri];
                                var j = rightEntry / slots;
                                if (Blocking.FoundBefore(leftKeys, rightKeys, rule, i, j, leftEntry % slots, rightEntry % slots))
                                {
                                    continue;
                                }
                                var pattern = Comparison.Compare(left[i], right[j]);
                                if (!training)
                                {
                                    local.Pairs.Add(new CandidatePair(i, j, pattern));
                                }
                                local.Counts[pattern]++;
                            }
                        }
                    }
                    progress((rule + ((double)Interlocked.Increment(ref done) / (chunks.Count - 1))) / (Blocking.TrainingRule + 1));
                    return local;
                },
                local =>
                {
                    lock (gate)
                    {
                        buffers.Add(local.Pairs);
                        for (var p = 0; p < counts.Length; p++)
                        {
                            counts[p] += local.Counts[p];
                        }
                    }
                });
        }
        return new CandidatePairs(buffers, countsByRule);
    }

    private readonly record struct Block(int LeftStart, int LeftEnd, int RightStart, int RightEnd, long Pairs);

    // Runs of equal keys on both sides (a merge of the two sorted key lists).
    private static List<Block> Blocks(long[] left, long[] right)
    {
        var blocks = new List<Block>();
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            if (left[i] < right[j])
            {
                i++;
            }
            else if (left[i] > right[j])
            {
                j++;
            }
            else
            {
                var key = left[i];
                var i0 = i;
                var j0 = j;
                while (i < left.Length && left[i] == key)
                {
                    i++;
                }
                while (j < right.Length && right[j] == key)
                {
                    j++;
                }
                blocks.Add(new Block(i0, i, j0, j, (long)(i - i0) * (j - j0)));
            }
        }
        return blocks;
    }

    // Boundaries of about `wanted` runs of blocks with the same number of pairs each, so that threads share the work.
    private static List<int> Chunks(List<Block> blocks, int wanted)
    {
        var total = blocks.Sum(b => b.Pairs);
        var target = Math.Max(1, total / wanted);
        var bounds = new List<int> { 0 };
        long sum = 0;
        for (var b = 0; b < blocks.Count; b++)
        {
            sum += blocks[b].Pairs;
            if (sum >= target)
            {
                bounds.Add(b + 1);
                sum = 0;
            }
        }
        if (bounds[^1] != blocks.Count)
        {
            bounds.Add(blocks.Count);
        }
        return bounds;
    }
}
