using CarteBlanche.Platform.Audit;
namespace CarteBlanche.Desk.Mandates;

/// <summary>The outcome of asking to act on a resident's behalf: the mandate that allows it, or why not, in French.</summary>
public sealed record MandateDecision(Mandate? Mandate, string? Refusal)
{
    public bool IsAllowed => Mandate != null;
}

/// <summary>
/// Acting on a resident's behalf needs an active mandate of that resident, covering the domain, given
/// to this agent by name or to the agent's whole site. A refusal says which of these is missing.
/// </summary>
public static class MandateRules
{
    /// <summary>The audit action of each use of a mandate (record: the mandate; purpose: the domain).</summary>
    public const string UseAuditAction = "mandate.use";

    private static readonly Dictionary<MandateDomain, AuditPurpose> Purposes = new()
    {
        [MandateDomain.Papiers] = AuditPurpose.MandatePapiers,
        [MandateDomain.Famille] = AuditPurpose.MandateFamille,
        [MandateDomain.Social] = AuditPurpose.MandateSocial,
        [MandateDomain.Travail] = AuditPurpose.MandateTravail,
        [MandateDomain.Logement] = AuditPurpose.MandateLogement,
        [MandateDomain.Transports] = AuditPurpose.MandateTransports,
        [MandateDomain.Argent] = AuditPurpose.MandateArgent,
        [MandateDomain.Justice] = AuditPurpose.MandateJustice,
        [MandateDomain.Etranger] = AuditPurpose.MandateEtranger,
        [MandateDomain.Loisirs] = AuditPurpose.MandateLoisirs,
    };

    private static readonly Dictionary<AuditPurpose, MandateDomain> Domains = Purposes.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>The journal's purpose for a use (or refused use) of a mandate in this domain.</summary>
    public static AuditPurpose AuditPurposeOf(MandateDomain domain) => Purposes[domain];

    /// <summary>The domain of a journaled use, from its stored purpose code.</summary>
    public static MandateDomain? DomainOfAuditPurpose(string? stored) =>
        AuditPurposes.TryParse(stored, out var purpose) && Domains.TryGetValue(purpose, out var domain) ? domain : null;

    public static MandateDecision Authorise(IEnumerable<Mandate> residentMandates, MandateDomain domain, Guid agentId, Guid? agentSiteId, DateOnly today)
    {
        var mandates = residentMandates.ToList();
        var usable = mandates
            .Where(m => m.IsActiveOn(today) && m.Covers(domain) && m.IsGrantedTo(agentId, agentSiteId))
            // A mandate given by name says more than one given to the whole site.
            .OrderBy(m => m.IsForWholeSite).ThenByDescending(m => m.EndsOn)
            .FirstOrDefault();
        if (usable != null)
        {
            return new MandateDecision(usable, null);
        }
        return new MandateDecision(null, RefusalFor(mandates, domain, agentId, agentSiteId, today));
    }

    private static string RefusalFor(List<Mandate> mandates, MandateDomain domain, Guid agentId, Guid? agentSiteId, DateOnly today)
    {
        var label = Labels.Of(domain);
        var latest = mandates.Where(m => m.Covers(domain) && m.IsGrantedTo(agentId, agentSiteId)).MaxBy(m => m.CreatedAt);
        if (latest != null)
        {
            return latest.StatusOn(today) switch
            {
                MandateStatus.Revoked =>
                    $"Le mandat {latest.Reference} pour le domaine « {label} » a été révoqué par l'usager le {Labels.Day(latest.RevokedAt!.Value)} : vous ne pouvez plus agir pour son compte. Un nouveau mandat est nécessaire.",
                MandateStatus.Expired =>
                    $"Le mandat {latest.Reference} pour le domaine « {label} » a expiré : il était valable jusqu'au {Labels.Day(latest.EndsOn)} inclus. Un nouveau mandat est nécessaire pour agir pour le compte de l'usager.",
                MandateStatus.AwaitingSignedForm =>
                    $"Le mandat {latest.Reference} pour le domaine « {label} » attend le formulaire signé par l'usager : enregistrez-le sur la page du mandat avant d'agir pour son compte.",
                _ => $"Le mandat {latest.Reference} pour le domaine « {label} » ne commence que le {Labels.Day(latest.StartsOn)}.",
            };
        }
        if (mandates.Any(m => m.IsActiveOn(today) && m.Covers(domain)))
        {
            return $"Le mandat de l'usager pour le domaine « {label} » a été donné à un autre agent : vous ne pouvez pas agir pour son compte.";
        }
        var covered = mandates.Where(m => m.IsActiveOn(today) && m.IsGrantedTo(agentId, agentSiteId))
            .SelectMany(m => m.Domains).Distinct().Order().Select(Labels.Of).ToList();
        if (covered.Count > 0)
        {
            return $"Le mandat de l'usager ne couvre pas le domaine « {label} » (il couvre : {string.Join(", ", covered)}). Pour agir dans ce domaine, créez un nouveau mandat avec l'usager.";
        }
        return $"Aucun mandat actif de l'usager ne vous permet d'agir pour son compte dans le domaine « {label} ». Créez d'abord un mandat avec l'usager.";
    }
}
