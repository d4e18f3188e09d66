using CarteBlanche.Platform.Calendar;
using CarteBlanche.Rights.Consents;

namespace CarteBlanche.Rights.Campaigns;

/// <summary>A non-take-up signal for desk residents: the consenting residents it concerns.</summary>
public sealed record ResidentSignal(Signal Signal, IReadOnlyList<Guid> ResidentIds);

/// <summary>
/// The signals the desk may act on: of the current campaign of each convention, for households linked to residents who
/// consented, today, to non-take-up detection by the competent operator; never a household with a resident who withdrew.
/// </summary>
public sealed class ResidentSignals(CarteBlancheDbContext db, ParisClock clock)
{
    /// <summary>For the residents of a site (the agents' « Droits à proposer »).</summary>
    public Task<List<ResidentSignal>> OfSiteAsync(Guid siteId, CancellationToken cancellationToken) =>
        ReadAsync(m => m.SiteId == siteId, cancellationToken);

    /// <summary>For one resident (their page's section).</summary>
    public Task<List<ResidentSignal>> OfResidentAsync(Guid residentId, CancellationToken cancellationToken) =>
        ReadAsync(m => m.ResidentId == residentId, cancellationToken);

    private async Task<List<ResidentSignal>> ReadAsync(System.Linq.Expressions.Expression<Func<ResidentMatch, bool>> whose, CancellationToken cancellationToken)
    {
        var current = await CampaignConsents.CurrentCampaignsAsync(db, cancellationToken);
        if (current.Count == 0)
        {
            return [];
        }
        var matches = await db.Set<ResidentMatch>().AsNoTracking().Where(m => current.Contains(m.CampaignId)).Where(whose)
            .Select(m => new { m.CampaignId, m.Household, m.ResidentId }).Distinct().ToListAsync(cancellationToken);
        if (matches.Count == 0)
        {
            return [];
        }
        var households = matches.Select(m => m.Household).Distinct().ToList();
        var campaignIds = matches.Select(m => m.CampaignId).Distinct().ToList();
        var signals = await db.Set<Signal>().AsNoTracking()
            .Where(s => campaignIds.Contains(s.CampaignId) && households.Contains(s.Household) && s.Kind == SignalKind.NonTakeUp).ToListAsync(cancellationToken);
        var conventionOf = await db.Set<Campaign>().Where(c => campaignIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.ConventionId, cancellationToken);
        var residentIds = matches.Select(m => m.ResidentId).Distinct().ToList();
        var consents = await db.Set<Consent>().AsNoTracking().Where(c => residentIds.Contains(c.ResidentId)).ToListAsync(cancellationToken);
        var today = clock.Today;
        var opposed = new Dictionary<Guid, HashSet<Guid>>();
        foreach (var convention in conventionOf.Values.Distinct())
        {
            opposed[convention] = await CampaignConsents.OpposedAsync(db, convention, today, cancellationToken);
        }
        // Whole households are left out when one of their residents opposed: so every resident of the household is read.
        var everyone = await db.Set<ResidentMatch>().AsNoTracking().Where(m => campaignIds.Contains(m.CampaignId) && households.Contains(m.Household))
            .Select(m => new { m.CampaignId, m.Household, m.ResidentId }).Distinct().ToListAsync(cancellationToken);
        var result = new List<ResidentSignal>();
        foreach (var signal in signals)
        {
            var convention = conventionOf[signal.CampaignId];
            if (everyone.Any(m => m.CampaignId == signal.CampaignId && m.Household == signal.Household && opposed[convention].Contains(m.ResidentId)))
            {
                continue;
            }
            var concerned = matches.Where(m => m.CampaignId == signal.CampaignId && m.Household == signal.Household)
                .Select(m => m.ResidentId)
                .Where(r => CampaignConsents.Allows(consents.Where(c => c.ResidentId == r && c.ConventionId == convention), signal.OperatorId, ConsentPurpose.NonTakeUp, today))
                .ToList();
            if (concerned.Count > 0)
            {
                result.Add(new ResidentSignal(signal, concerned));
            }
        }
        return result;
    }
}
