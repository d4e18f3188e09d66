namespace CarteBlanche.Rights.Conventions;

/// <summary>
/// A data-sharing convention between operators (CAF, France Travail, CPAM...): what for, on which legal basis, from
/// when to when, signed by whom, and the data each operator shares under it (<see cref="SharedAttribute"/>). Data is
/// exchanged only under a convention in force: every party signed, today within its dates. Its status is never stored.
/// </summary>
public sealed class Convention
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Title { get; set; }
    /// <summary>Finalité : why the data is shared (e.g. detect non-take-up and open rights).</summary>
    public required string Purpose { get; set; }
    /// <summary>Base légale (RGPD art. 6 and the texts that allow the exchange).</summary>
    public required string LegalBasis { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>Last day in force, included.</summary>
    public DateOnly EndsOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public List<ConventionParty> Parties { get; set; } = [];
    public List<SharedAttribute> Attributes { get; set; } = [];

    public string Reference => "CV-" + Id.ToString("N")[..8].ToUpperInvariant();

    public ConventionStatus StatusOn(DateOnly day) =>
        day > EndsOn ? ConventionStatus.Ended
        : Parties.Count < 2 || Parties.Any(p => p.SignedOn == null) ? ConventionStatus.AwaitingSignatures
        : day < StartsOn ? ConventionStatus.Upcoming
        : ConventionStatus.InForce;

    /// <summary>Whether <paramref name="operatorId"/> may share <paramref name="attributeCode"/> under this convention on that day.</summary>
    public bool Allows(Guid operatorId, string attributeCode, DateOnly day) =>
        StatusOn(day) == ConventionStatus.InForce
        && Attributes.Any(a => a.OperatorId == operatorId && a.Code == attributeCode);
}

public enum ConventionStatus
{
    AwaitingSignatures,
    Upcoming,
    InForce,
    Ended,
}

/// <summary>An operator party to a convention (an organisation of the territory), and its signature.</summary>
public sealed class ConventionParty
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ConventionId { get; set; }
    public Guid OrganisationId { get; set; }
    /// <summary>Name and title of the person who signed for the operator.</summary>
    public string? Signatory { get; set; }
    public DateOnly? SignedOn { get; set; }
}

public enum AttributeType
{
    Text,
    Number,
    Amount,
    Date,
    YesNo,
    Code,
}

public enum RefreshFrequency
{
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
    OnEvent,
}

public enum Sensitivity
{
    /// <summary>Identification and contact data.</summary>
    Normal,
    /// <summary>Resources, benefits, health insurance, registration as a job seeker: encrypted at rest, only under consent.</summary>
    Sensitive,
}

/// <summary>An entry of the data dictionary: one attribute an operator shares under a convention.</summary>
public sealed class SharedAttribute
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ConventionId { get; set; }
    /// <summary>The operator that holds and sends the data (one of the convention's parties).</summary>
    public Guid OperatorId { get; set; }
    /// <summary>Stable code, e.g. <c>quotient_familial</c>.</summary>
    public required string Code { get; set; }
    public required string Label { get; set; }
    public AttributeType Type { get; set; }
    /// <summary>Where it comes from, e.g. « API Particulier v3 — quotient familial CAF/MSA ».</summary>
    public required string Source { get; set; }
    public RefreshFrequency Refresh { get; set; }
    public Sensitivity Sensitivity { get; set; }
}
