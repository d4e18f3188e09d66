using CarteBlanche.Platform.Audit;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Web;
using CarteBlanche.Rights.Conventions;

namespace CarteBlanche.Rights.Consents;

/// <summary>What an agent fills to record a consent.</summary>
public sealed class ConsentForm
{
    public Guid ConventionId { get; set; }
    public List<Guid> OperatorIds { get; set; } = [];
    public List<string> AttributeCodes { get; set; } = [];
    public List<ConsentPurpose> Purposes { get; set; } = [];
    public ConsentChannel? Channel { get; set; }
    public DateOnly? GivenOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
}

/// <summary>
/// The consent registry: records, withdraws, and answers who consented to what. A withdrawal takes effect at once:
/// every reader asks <see cref="Consent.Covers"/> on the day, nothing is cached.
/// </summary>
public sealed class ConsentRegistry(CarteBlancheDbContext db, IAuditLog auditLog, ParisClock clock)
{
    /// <summary>The conventions in force today, with their parties and data dictionary.</summary>
    public async Task<IReadOnlyList<Convention>> ConventionsInForceAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var conventions = await db.Set<Convention>().AsNoTracking().Where(c => c.StartsOn <= today && c.EndsOn >= today).OrderBy(c => c.Title).ToListAsync(cancellationToken);
        return conventions.Where(c => c.StatusOn(today) == ConventionStatus.InForce).ToList();
    }

    /// <summary>Checks the form against the convention; the errors by field (French), none when it can be recorded.</summary>
    public static Dictionary<string, string> Validate(ConsentForm form, Convention? convention, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (convention == null)
        {
            errors[nameof(form.ConventionId)] = "Choisissez la convention de partage à laquelle l'usager consent.";
            return errors;
        }
        if (convention.StatusOn(today) != ConventionStatus.InForce)
        {
            errors[nameof(form.ConventionId)] = $"La convention « {convention.Title} » n'est pas en vigueur : aucun consentement ne peut être recueilli en son nom.";
            return errors;
        }
        var parties = convention.Parties.Select(p => p.OrganisationId).ToHashSet();
        if (form.OperatorIds.Count == 0)
        {
            errors[nameof(form.OperatorIds)] = "Cochez au moins un organisme dont l'usager accepte le partage des données.";
        }
        else if (form.OperatorIds.Any(o => !parties.Contains(o)))
        {
            errors[nameof(form.OperatorIds)] = "Un organisme coché n'est pas signataire de la convention.";
        }
        var shared = convention.Attributes.Where(a => form.OperatorIds.Contains(a.OperatorId)).Select(a => a.Code).ToHashSet();
        if (form.AttributeCodes.Count == 0)
        {
            errors[nameof(form.AttributeCodes)] = "Cochez au moins une donnée que l'usager accepte de voir partagée.";
        }
        else if (form.AttributeCodes.Any(c => !shared.Contains(c)))
        {
            errors[nameof(form.AttributeCodes)] = "Une donnée cochée n'est partagée par aucun des organismes cochés dans cette convention.";
        }
        if (form.Purposes.Count == 0)
        {
            errors[nameof(form.Purposes)] = "Cochez au moins une finalité.";
        }
        if (form.Channel == null)
        {
            errors[nameof(form.Channel)] = "Indiquez comment l'usager a donné son consentement.";
        }
        if (form.GivenOn is not { } given)
        {
            errors[nameof(form.GivenOn)] = "Indiquez la date du consentement.";
        }
        else if (given > today)
        {
            errors[nameof(form.GivenOn)] = "La date du consentement ne peut pas être dans le futur.";
        }
        else if (given < today.AddMonths(-1))
        {
            errors[nameof(form.GivenOn)] = "Un consentement s'enregistre dans le mois où il est donné.";
        }
        if (form.ExpiresOn is not { } expires)
        {
            errors[nameof(form.ExpiresOn)] = "Indiquez jusqu'à quand le consentement vaut.";
        }
        else if (form.GivenOn is { } start && expires < start)
        {
            errors[nameof(form.ExpiresOn)] = "La fin de validité doit suivre la date du consentement.";
        }
        else if (form.GivenOn is { } from && expires > from.AddYears(RightsLimits.ConsentMaxYears))
        {
            errors[nameof(form.ExpiresOn)] = $"Un consentement vaut au plus {RightsLimits.ConsentMaxYears} ans ; il sera redemandé ensuite.";
        }
        else if (expires > convention.EndsOn)
        {
            errors[nameof(form.ExpiresOn)] = $"La convention prend fin le {FrenchFormat.Date(convention.EndsOn)} : le consentement ne peut pas valoir au-delà.";
        }
        return errors;
    }

    /// <summary>Records a validated consent, journaled in the same transaction.</summary>
    public async Task<Consent> RecordAsync(Guid residentId, ConsentForm form, Guid siteId, Guid agentId, CancellationToken cancellationToken)
    {
        var consent = new Consent
        {
            ResidentId = residentId,
            ConventionId = form.ConventionId,
            OperatorIds = form.OperatorIds.Distinct().ToList(),
            AttributeCodes = form.AttributeCodes.Distinct().ToList(),
            Purposes = form.Purposes.Distinct().ToList(),
            Channel = form.Channel!.Value,
            GivenOn = form.GivenOn!.Value,
            ExpiresOn = form.ExpiresOn!.Value,
            SiteId = siteId,
            RecordedAt = clock.Now,
            RecordedBy = agentId,
        };
        db.Add(consent);
        auditLog.Add(db, new AuditEvent("consent.record", "Resident", residentId.ToString("D"), AuditPurpose.ResidentConsent));
        await db.SaveChangesAsync(cancellationToken);
        return consent;
    }

    /// <summary>Withdraws a consent now; false when it was already withdrawn (nothing changes).</summary>
    public async Task<bool> WithdrawAsync(Consent consent, WithdrawalChannel via, Guid? agentId, CancellationToken cancellationToken)
    {
        if (consent.WithdrawnAt != null)
        {
            return false;
        }
        consent.WithdrawnAt = clock.Now;
        consent.WithdrawnVia = via;
        consent.WithdrawnBy = agentId;
        auditLog.Add(db, new AuditEvent("consent.withdraw", "Resident", consent.ResidentId.ToString("D"), AuditPurpose.ConsentWithdrawal));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The residents whose consent, today, covers this operator's attribute for this purpose (what a campaign may use).</summary>
    public async Task<HashSet<Guid>> ConsentingResidentsAsync(Guid conventionId, Guid operatorId, string attributeCode, ConsentPurpose purpose, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var candidates = await db.Set<Consent>().AsNoTracking()
            .Where(c => c.ConventionId == conventionId && c.WithdrawnAt == null && c.GivenOn <= today && c.ExpiresOn >= today)
            .ToListAsync(cancellationToken);
        return candidates.Where(c => c.Covers(operatorId, attributeCode, purpose, today)).Select(c => c.ResidentId).ToHashSet();
    }

    /// <summary>A new personal link for the resident (replacing any previous one); the token is shown once, only its hash is kept.</summary>
    public async Task<string> NewPersonalLinkAsync(Guid residentId, Guid agentId, CancellationToken cancellationToken)
    {
        await db.Set<ResidentLink>().Where(l => l.ResidentId == residentId).ExecuteDeleteAsync(cancellationToken);
        var token = ResidentLink.NewToken();
        var now = clock.Now;
        db.Add(new ResidentLink { ResidentId = residentId, TokenHash = ResidentLink.HashOf(token), CreatedAt = now, CreatedBy = agentId, ExpiresAt = now + ResidentLink.Lifetime });
        auditLog.Add(db, new AuditEvent("consent.personal-link", "Resident", residentId.ToString("D"), AuditPurpose.ResidentConsent));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>The resident a personal link opens; null when it is unknown or expired.</summary>
    public async Task<Guid?> ResidentOfLinkAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }
        var hash = ResidentLink.HashOf(token);
        var link = await db.Set<ResidentLink>().AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        return link == null || link.ExpiresAt <= clock.Now ? null : link.ResidentId;
    }

}
