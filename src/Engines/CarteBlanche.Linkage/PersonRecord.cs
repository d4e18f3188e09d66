namespace CarteBlanche.Linkage;

/// <summary>
/// A person as one operator's file knows her. Names are free text (accents, case, hyphens, particles as typed);
/// codes are INSEE commune codes (46042, 2A004). Nothing is required but <paramref name="Id"/>: a missing field
/// counts neither for nor against a link.
/// </summary>
/// <param name="Id">The operator's own identifier, carried through untouched.</param>
/// <param name="NirHash">Keyed hash of the NIR, when the operator has it: equal hashes are the same person.</param>
/// <param name="LastName">Name in use (nom d'usage), or the birth name when the file has only that one.</param>
/// <param name="BirthName">Birth name (nom de naissance) when the file knows it apart from the usage name.</param>
/// <param name="FirstNames">First names in civil-status order, separated by spaces or commas; a hyphen joins a compound name (Jean-Pierre).</param>
/// <param name="Sex">'M', 'F', or '?' when unknown.</param>
/// <param name="BirthDate">Date of birth.</param>
/// <param name="BirthPlace">INSEE code of the commune of birth.</param>
/// <param name="Commune">INSEE code of the commune of residence.</param>
public sealed record PersonRecord(string Id, string? NirHash, string LastName, string? BirthName, string FirstNames, char Sex, DateOnly? BirthDate, string? BirthPlace, string? Commune);

/// <summary>
/// How links are decided. Thresholds are match probabilities (0..1), computed from the match weight with the prior
/// learnt by EM: at or above <see cref="MatchThreshold"/> a link is accepted, at or above <see cref="ReviewThreshold"/>
/// it goes to an agent's review queue, below it is dropped.
/// </summary>
public sealed class LinkageSettings
{
    /// <summary>
    /// Probability at or above which a link is accepted (status <see cref="LinkStatus.Match"/>). Default 0.80: the
    /// probability is against all pairs of the two files (Splink's prior), so a link at 0.80 already beats millions of
    /// homonym candidates. Measured on 1M × 1M synthetic records (bench/README.md): at 0.80 precision 99.987 % and
    /// recall 99.155 %; at 0.95 precision 99.997 % but recall 98.13 % (the 0.80–0.95 links were 99.9 % right, and
    /// sending ten thousand of them to review cost agents more than it saved).
    /// </summary>
    public double MatchThreshold { get; init; } = 0.80;

    /// <summary>Probability at or above which a link goes to review (status <see cref="LinkStatus.Review"/>). Default 0.50.</summary>
    public double ReviewThreshold { get; init; } = 0.50;

    /// <summary>Most EM iterations; EM stops earlier when no probability moves by more than 1e-6. Default 30.</summary>
    public int MaxEmIterations { get; init; } = 30;

    /// <summary>Random pairs drawn to initialise the u probabilities (as Splink's estimate_u_using_random_sampling). Default 200,000.</summary>
    public int RandomPairsForU { get; init; } = 200_000;

    /// <summary>
    /// Partial weight (log2 Bayes factor) of NIR hashes: +this when equal, -this when different. Equal hashes also make
    /// the link a match whatever the other fields say (probability 1). Default 20.
    /// </summary>
    public double NirHashWeight { get; init; } = 20;

    /// <summary>A record links to at most one record of the other file (the strongest link, greedily). Default true.</summary>
    public bool OneToOne { get; init; } = true;

    /// <summary>Threads used for preparation and comparisons. Default: every core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Seed of the random pairs drawn for u: the same files and settings give the same links.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>0 &lt; review ≤ match ≤ 1: the rule for thresholds wherever they are set (engine, settings, command line).</summary>
    public static bool ThresholdsAreValid(double review, double match) => review is > 0 and <= 1 && match is > 0 and <= 1 && review <= match;

    internal void Validate()
    {
        if (!ThresholdsAreValid(ReviewThreshold, MatchThreshold))
        {
            throw new ArgumentException($"Seuils invalides : il faut 0 < seuil de revue ({ReviewThreshold}) ≤ seuil d'appariement ({MatchThreshold}) ≤ 1.");
        }
        if (MaxEmIterations < 1 || MaxDegreeOfParallelism < 1 || RandomPairsForU < 0)
        {
            throw new ArgumentException("MaxEmIterations et MaxDegreeOfParallelism doivent valoir au moins 1, RandomPairsForU au moins 0.");
        }
    }
}

/// <summary>Accepted link, or one an agent must confirm.</summary>
public enum LinkStatus
{
    /// <summary>Probability at or above the match threshold (or equal NIR hashes): the same person.</summary>
    Match,

    /// <summary>Between the review and the match thresholds: an agent decides.</summary>
    Review,
}

/// <summary>Why a link was made, one field: the comparison level reached (in French) and its partial weight (log2 Bayes factor, 0 when missing).</summary>
public sealed record FieldEvidence(string Field, string Level, double PartialWeight);

/// <summary>
/// A link between record <paramref name="Left"/> of the left file and record <paramref name="Right"/> of the right file
/// (indexes in the lists given). <paramref name="Weight"/> is the match weight: log2 of the prior odds plus the partial
/// weights of <paramref name="Evidence"/>; <paramref name="Probability"/> = 2^w / (1 + 2^w), or 1 for equal NIR hashes.
/// </summary>
public sealed record PersonLink(int Left, int Right, double Weight, double Probability, LinkStatus Status, IReadOnlyList<FieldEvidence> Evidence)
{
    /// <summary>An agent decided it (a link to review confirmed as the same person).</summary>
    public bool Decided { get; init; }
}

/// <summary>The links of two files and the model that made them (to show m and u to an agent or an auditor).</summary>
/// <param name="Links">Match and review links, ordered by left index.</param>
/// <param name="Model">The trained Fellegi–Sunter model.</param>
/// <param name="CandidatePairs">Distinct pairs compared after blocking (never all pairs).</param>
public sealed record LinkResult(IReadOnlyList<PersonLink> Links, LinkageModel Model, long CandidatePairs);

/// <summary>One record of one file: <paramref name="Source"/> is the file's index in the list given, <paramref name="Record"/> the record's index in that file.</summary>
public readonly record struct RecordRef(int Source, int Record);

/// <summary>The links found between two files during clustering (all of them: those a cluster refused too).</summary>
public sealed record SourcePairLinks(int LeftSource, int RightSource, LinkResult Result);

/// <summary>
/// Persons across N files: each cluster holds at most one record of each file (singletons included, so every record
/// is in exactly one cluster). <paramref name="RefusedLinks"/> are match links left out because they would have put
/// two records of one file in the same cluster (a stronger link won).
/// </summary>
public sealed record ClusterResult(IReadOnlyList<IReadOnlyList<RecordRef>> Clusters, IReadOnlyList<SourcePairLinks> Links, IReadOnlyList<(int LeftSource, int RightSource, PersonLink Link)> RefusedLinks);
