using CarteBlanche.Rights.Consents;

namespace CarteBlanche.Rights.Campaigns;

/// <summary>
/// What residents' consents do to campaigns. The operators' files are shared under the convention's public-mission
/// basis; a consent adds the desk: its agents see the signals of consenting residents of their site, and the data
/// already known (« Dites-le nous une fois »). A resident who withdrew their consent to non-take-up detection (and gave
/// no other since) opposed it: their household is left out of every campaign's lists and figures, at once — read
/// here on each request, never cached.
/// </summary>
public static class CampaignConsents
{
    /// <summary>The residents who withdrew their consent to non-take-up detection under this convention and have none in force.</summary>
    public static async Task<HashSet<Guid>> OpposedAsync(CarteBlancheDbContext db, Guid conventionId, DateOnly today, CancellationToken cancellationToken)
    {
        var consents = await db.Set<Consent>().AsNoTracking().Where(c => c.ConventionId == conventionId).ToListAsync(cancellationToken);
        return consents.Where(c => c.Purposes.Contains(ConsentPurpose.NonTakeUp)).GroupBy(c => c.ResidentId)
            .Where(g => g.Any(c => c.WithdrawnAt != null) && g.All(c => c.StatusOn(today) != ConsentStatus.Active))
            .Select(g => g.Key).ToHashSet();
    }

    /// <summary>The campaign's signals without the households of residents who opposed.</summary>
    public static IQueryable<Signal> Visible(this IQueryable<Signal> signals, CarteBlancheDbContext db, IReadOnlyCollection<Guid> opposed) =>
        opposed.Count == 0 ? signals
        : signals.Where(s => !db.Set<ResidentMatch>().Any(m => m.CampaignId == s.CampaignId && m.Household == s.Household && opposed.Contains(m.ResidentId)));

    /// <summary>The resident's consents in force today that let the desk see what this operator shares, for this purpose.</summary>
    public static bool Allows(IEnumerable<Consent> consents, Guid operatorId, ConsentPurpose purpose, DateOnly today) =>
        consents.Any(c => c.InForceFor(purpose, today) && c.OperatorIds.Contains(operatorId));

    /// <summary>The last succeeded campaign of each convention: the one whose signals and matches are current.</summary>
    public static async Task<List<Guid>> CurrentCampaignsAsync(CarteBlancheDbContext db, CancellationToken cancellationToken)
    {
        var finished = await db.Set<Campaign>().AsNoTracking().Where(c => c.Status == CampaignStatus.Succeeded)
            .Select(c => new { c.Id, c.ConventionId, c.StartedAt }).ToListAsync(cancellationToken);
        return finished.GroupBy(c => c.ConventionId).Select(g => g.OrderByDescending(c => c.StartedAt).First().Id).ToList();
    }
}
