using CarteBlanche.Platform.Web;

namespace CarteBlanche.Rights.Consents;

/// <summary>What the resident allows their shared data to be used for.</summary>
public enum ConsentPurpose
{
    /// <summary>Find the rights the resident probably has and does not get, and be contacted to open them.</summary>
    NonTakeUp,
    /// <summary>« Dites-le nous une fois » : what an operator already knows is prefilled instead of asked again.</summary>
    TellUsOnce,
}

/// <summary>How the resident gave their consent.</summary>
public enum ConsentChannel
{
    /// <summary>A printed consent form signed by the resident; the paper is kept by the site.</summary>
    SignedPaperForm,
    /// <summary>Given orally at the counter, after the agent read out its scope.</summary>
    InPerson,
    /// <summary>Given by the resident on the public site.</summary>
    Online,
}

public enum ConsentStatus
{
    Active,
    Expired,
    Withdrawn,
}

/// <summary>How a consent was withdrawn.</summary>
public enum WithdrawalChannel
{
    /// <summary>At the counter: an agent recorded the resident's request.</summary>
    Desk,
    /// <summary>By the resident, on the page of their personal link.</summary>
    PersonalLink,
}

/// <summary>
/// A resident's consent to data sharing under a convention: which operators, which data, what for, how given, from
/// when to when. Withdrawn at any time with immediate effect (<see cref="WithdrawnAt"/>). Its status is never
/// stored: it follows from the dates and the withdrawal.
/// </summary>
public sealed class Consent
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The desk's resident (module border: no foreign key; the desk calls this module when it deletes them).</summary>
    public Guid ResidentId { get; set; }
    public Guid ConventionId { get; set; }
    /// <summary>The operators whose data the resident lets be shared (parties to the convention).</summary>
    public List<Guid> OperatorIds { get; set; } = [];
    /// <summary>The codes of the shared attributes covered (of the convention's data dictionary).</summary>
    public List<string> AttributeCodes { get; set; } = [];
    public List<ConsentPurpose> Purposes { get; set; } = [];
    public ConsentChannel Channel { get; set; }
    public DateOnly GivenOn { get; set; }
    /// <summary>Last day of validity, included.</summary>
    public DateOnly ExpiresOn { get; set; }
    /// <summary>The site where it was recorded.</summary>
    public Guid SiteId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedBy { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public WithdrawalChannel? WithdrawnVia { get; set; }
    /// <summary>The agent who recorded the withdrawal; null when the resident did it through their link.</summary>
    public Guid? WithdrawnBy { get; set; }

    public string Reference => "CS-" + Id.ToString("N")[..8].ToUpperInvariant();

    public ConsentStatus StatusOn(DateOnly day) =>
        WithdrawnAt != null ? ConsentStatus.Withdrawn
        : day > ExpiresOn ? ConsentStatus.Expired
        : ConsentStatus.Active;

    /// <summary>Whether it is in force on that day (given, neither expired nor withdrawn) for this purpose.</summary>
    public bool InForceFor(ConsentPurpose purpose, DateOnly day) =>
        StatusOn(day) == ConsentStatus.Active && day >= GivenOn && Purposes.Contains(purpose);

    /// <summary>Whether it lets this operator's attribute be used for this purpose on that day.</summary>
    public bool Covers(Guid operatorId, string attributeCode, ConsentPurpose purpose, DateOnly day) =>
        InForceFor(purpose, day) && OperatorIds.Contains(operatorId) && AttributeCodes.Contains(attributeCode);
}

/// <summary>
/// The resident's personal link to their consents (seen and withdrawn without an account). Only the token's hash is
/// kept; a new link replaces the previous one.
/// </summary>
public sealed class ResidentLink
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ResidentId { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    public static string NewToken() => SecretTokens.New();

    public static string HashOf(string token) => SecretTokens.HashOf(token);
}
