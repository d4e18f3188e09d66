namespace CarteBlanche.Rights.Campaigns;

public enum ReviewDecision
{
    Pending,
    /// <summary>The same person: the next campaigns link them.</summary>
    SamePerson,
    /// <summary>Two persons: the next campaigns never link them.</summary>
    DifferentPersons,
}

/// <summary>
/// A link the campaign was unsure of (its match probability between the review and match thresholds), queued for a
/// data steward of one of the two operators: both records side by side, the evidence per field, and a decision the
/// next campaigns apply. Records are named by their operators' own identifiers, so a decision outlives a re-sent file.
/// </summary>
public sealed class LinkReview
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }
    public Guid ConventionId { get; set; }
    public Guid LeftOperatorId { get; set; }
    public required string LeftSourceId { get; set; }
    public Guid RightOperatorId { get; set; }
    public required string RightSourceId { get; set; }
    public double Weight { get; set; }
    public double Probability { get; set; }
    /// <summary>Per field: the comparison level reached and its partial weight (JSON of <see cref="ReviewEvidence"/>; nothing personal).</summary>
    public required string Evidence { get; set; }
    public ReviewDecision Decision { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedBy { get; set; }
}

/// <summary>One field's comparison in a link to review.</summary>
public sealed record ReviewEvidence(string Field, string Level, double Weight);
