namespace CarteBlanche.Desk.Mandates;

/// <summary>The domains a mandate covers (those of Aidants Connect).</summary>
public enum MandateDomain
{
    Papiers,
    Famille,
    Social,
    Travail,
    Logement,
    Transports,
    Argent,
    Justice,
    Etranger,
    Loisirs,
}

public enum MandateDuration
{
    OneDay,
    OneMonth,
    SixMonths,
    OneYear,
}

/// <summary>How the resident gave their consent.</summary>
public enum MandateConsent
{
    /// <summary>A printed mandate form signed by the resident, scanned; the signed paper is kept by the site.</summary>
    SignedPaperForm,
    /// <summary>Given in person, at the counter, after the mandate was read out.</summary>
    InPerson,
}

public enum MandateStatus
{
    /// <summary>Signed paper form not recorded yet: the mandate cannot be used.</summary>
    AwaitingSignedForm,
    Active,
    Expired,
    Revoked,
}

/// <summary>
/// A mandate (mandat): the resident lets one agent, or every agent of a site, carry out procedures on
/// their behalf in some domains, from <see cref="StartsOn"/> to <see cref="EndsOn"/> included. The
/// resident can revoke it at any time. Its status is never stored: it follows from the dates, the
/// signed form and <see cref="RevokedAt"/>.
/// </summary>
public sealed class Mandate
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ResidentId { get; set; }
    /// <summary>The site where the mandate was given; its agents see it.</summary>
    public Guid SiteId { get; set; }
    /// <summary>The agent the mandate is given to; null: every agent of <see cref="SiteId"/>.</summary>
    public Guid? AgentId { get; set; }
    public List<MandateDomain> Domains { get; set; } = [];
    public MandateDuration Duration { get; set; }
    public DateOnly StartsOn { get; set; }
    /// <summary>Last day of validity, included.</summary>
    public DateOnly EndsOn { get; set; }
    public MandateConsent Consent { get; set; }
    /// <summary>When the agent recorded that the signed paper form is scanned and kept (signed paper consent only).</summary>
    public DateTimeOffset? SignedFormKeptAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public Guid? RevokedBy { get; set; }

    public string Reference => "M-" + Id.ToString("N")[..8].ToUpperInvariant();

    public bool IsForWholeSite => AgentId == null;

    /// <summary>The last day of a mandate of this duration starting on <paramref name="startsOn"/> (included).</summary>
    public static DateOnly EndFor(DateOnly startsOn, MandateDuration duration) => duration switch
    {
        MandateDuration.OneDay => startsOn,
        MandateDuration.OneMonth => startsOn.AddMonths(1).AddDays(-1),
        MandateDuration.SixMonths => startsOn.AddMonths(6).AddDays(-1),
        _ => startsOn.AddYears(1).AddDays(-1),
    };

    public static Mandate Grant(Guid residentId, Guid siteId, Guid? agentId, IEnumerable<MandateDomain> domains, MandateDuration duration,
        MandateConsent consent, bool signedFormKept, DateOnly today, DateTimeOffset now, Guid createdBy) => new()
        {
            ResidentId = residentId,
            SiteId = siteId,
            AgentId = agentId,
            Domains = domains.Distinct().Order().ToList(),
            Duration = duration,
            StartsOn = today,
            EndsOn = EndFor(today, duration),
            Consent = consent,
            SignedFormKeptAt = consent == MandateConsent.SignedPaperForm && signedFormKept ? now : null,
            CreatedAt = now,
            CreatedBy = createdBy,
        };

    public MandateStatus StatusOn(DateOnly today)
    {
        if (RevokedAt != null)
        {
            return MandateStatus.Revoked;
        }
        if (today > EndsOn)
        {
            return MandateStatus.Expired;
        }
        if (Consent == MandateConsent.SignedPaperForm && SignedFormKeptAt == null)
        {
            return MandateStatus.AwaitingSignedForm;
        }
        return MandateStatus.Active;
    }

    public bool IsActiveOn(DateOnly today) => StatusOn(today) == MandateStatus.Active && today >= StartsOn;

    public bool Covers(MandateDomain domain) => Domains.Contains(domain);

    /// <summary>Given to this agent by name, or to every agent of this agent's site.</summary>
    public bool IsGrantedTo(Guid agentId, Guid? agentSiteId) => AgentId == null ? agentSiteId == SiteId : AgentId == agentId;

    /// <summary>The resident takes the mandate back; it cannot be used any more, from now on.</summary>
    public string? Revoke(DateTimeOffset at, Guid by)
    {
        if (RevokedAt != null)
        {
            return "Ce mandat est déjà révoqué.";
        }
        RevokedAt = at;
        RevokedBy = by;
        return null;
    }

    public string? RecordSignedForm(DateTimeOffset at, DateOnly today)
    {
        if (Consent != MandateConsent.SignedPaperForm)
        {
            return "Ce mandat a été consenti en personne : il n'y a pas de formulaire signé à enregistrer.";
        }
        if (SignedFormKeptAt != null)
        {
            return "Le formulaire signé est déjà enregistré.";
        }
        if (StatusOn(today) is MandateStatus.Revoked or MandateStatus.Expired)
        {
            return "Ce mandat n'est plus valable : créez-en un nouveau avec l'usager.";
        }
        SignedFormKeptAt = at;
        return null;
    }
}
