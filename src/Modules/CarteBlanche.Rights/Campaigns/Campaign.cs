namespace CarteBlanche.Rights.Campaigns;

public enum CampaignStatus
{
    /// <summary>Being computed; its signals are not shown. Left so by a crash: the next campaign marks it interrupted and removes its signals.</summary>
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// A non-take-up campaign: the operators' current data under a convention linked and assessed by the benefits engine
/// for one month. Its signals appear only once it succeeded (all written in one transaction).
/// </summary>
public sealed class Campaign
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ConventionId { get; set; }
    /// <summary>First day of the month assessed.</summary>
    public DateOnly Month { get; set; }
    public CampaignStatus Status { get; set; }
    /// <summary>0–100, updated while it runs (the page's progress bar).</summary>
    public int Progress { get; set; }
    public string? Step { get; set; }
    public string? Failure { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    /// <summary>Null when started from the command line.</summary>
    public Guid? StartedBy { get; set; }

    public int Records { get; set; }
    public int Persons { get; set; }
    public int Households { get; set; }
    public int HouseholdsAssessed { get; set; }
    /// <summary>Links between two operators' records the engine was unsure of (between the review and match thresholds).</summary>
    public int LinksToReview { get; set; }
    /// <summary>Desk residents (with a consent under the convention) linked to at least one operator's record.</summary>
    public int ResidentsLinked { get; set; }
    /// <summary>Households the engine estimates entitled (receiving or not), per benefit: the denominator of the non-take-up rate.</summary>
    public int EntitledRsa { get; set; }
    public int EntitledPpa { get; set; }
    public int EntitledCss { get; set; }
    public double LoadSeconds { get; set; }
    public double LinkageSeconds { get; set; }
    public double EngineSeconds { get; set; }
    public double SaveSeconds { get; set; }

    /// <summary>Against a synthetic Lot's truth file (command line, --verite): precision and recall of the non-take-up found.</summary>
    public double? Precision { get; set; }
    public double? Recall { get; set; }
}

public enum OutreachChannel
{
    Letter,
    Sms,
    Call,
    BusVisit,
    Appointment,
}

public enum OutreachStatus
{
    ToContact,
    Contacted,
    RightOpened,
    NotEligible,
    Refused,
    Unreachable,
}

/// <summary>
/// One benefit a linked household probably does not get, and the outreach it calls for: assigned to the competent
/// operator (the payer of the benefit), with the explanation, the amount at stake, and the outcome once known. The
/// household's persons are kept encrypted (names, birth dates: what the operator needs to find them).
/// </summary>
public sealed class Signal
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }
    /// <summary>Number of the household in the campaign (« ménage 1234 »): no name in lists.</summary>
    public int Household { get; set; }
    /// <summary>rsa, ppa or css.</summary>
    public required string Benefit { get; set; }
    public SignalKind Kind { get; set; }
    public Certainty Certainty { get; set; }
    public decimal MonthlyAmount { get; set; }
    public Guid OperatorId { get; set; }
    public string? Commune { get; set; }
    public required string HouseholdType { get; set; }
    /// <summary>The explanation, assumptions and persons (JSON), protected: resources and civil status are personal data.</summary>
    public required string DetailProtected { get; set; }

    public OutreachStatus Status { get; set; }
    public OutreachChannel? Channel { get; set; }
    public DateOnly? ContactedOn { get; set; }
    public DateOnly? OpenedOn { get; set; }
    public decimal? OpenedAmount { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>What a signal's protected detail holds.</summary>
public sealed record SignalDetail(string Explanation, IReadOnlyList<string> Assumptions, IReadOnlyList<SignalPerson> Persons);

/// <summary>A person of the household as one operator knows her.</summary>
public sealed record SignalPerson(string Operator, string SourceId, string Name, string FirstNames, DateOnly? BirthDate, string? Commune);

/// <summary>
/// A desk resident (who gave a consent under the campaign's convention) linked by the campaign to one of an operator's
/// records: the resident's household in the campaign and the record. What lets an agent see the resident's signals and
/// the data already known (« Dites-le nous une fois »), and what removes a resident who withdrew from every campaign.
/// </summary>
public sealed class ResidentMatch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CampaignId { get; set; }
    public Guid ResidentId { get; set; }
    /// <summary>The resident's site when the campaign ran: its agents see the resident's signals.</summary>
    public Guid SiteId { get; set; }
    /// <summary>The household's number in the campaign (as <see cref="Signal.Household"/>).</summary>
    public int Household { get; set; }
    public Guid OperatorId { get; set; }
    /// <summary>The operator's own identifier of the record (its file's first column).</summary>
    public required string SourceId { get; set; }
    /// <summary>The operator's stored record: gone once the operator sends a new file (then known again at the next campaign).</summary>
    public Guid RecordId { get; set; }
    /// <summary>The match probability of the link between the resident and this record; null when linked through another operator's record.</summary>
    public double? Probability { get; set; }
}
