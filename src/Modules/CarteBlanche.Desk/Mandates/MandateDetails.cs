using System.Security.Claims;
using CarteBlanche.Desk.Cases;
using CarteBlanche.Desk.Residents;

namespace CarteBlanche.Desk.Mandates;

/// <summary>A mandate with the names its pages show: the resident, the site, the agent it is given to.</summary>
public sealed record MandateDetails(Mandate Mandate, Resident Resident, string SiteName, string? SiteAddress, string? AgentName, string CreatedByName, string? RevokedByName)
{
    /// <summary>"Antoine Agent (France Services du Grand Cahors)" or "l'ensemble des agents de France Services du Grand Cahors".</summary>
    public string GrantedTo => AgentName == null ? $"l'ensemble des agents de {SiteName}" : $"{AgentName} ({SiteName})";

    /// <summary>
    /// The mandate (tracked) when this desk user's site holds it; otherwise what to answer: 404 when
    /// there is no such mandate, 403 with the refusal journaled when it belongs to another site.
    /// </summary>
    public static async Task<(MandateDetails? Details, IActionResult? Denied)> OpenAsync(CarteBlancheDbContext db, DeskAccess access, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var details = await LoadAsync(db, id, cancellationToken);
        if (details == null)
        {
            return (null, new NotFoundResult());
        }
        if (!DeskAccess.CanSee(user, details.Mandate.SiteId))
        {
            await access.RecordRefusalAsync("Mandate", id, cancellationToken);
            return (null, new ForbidResult());
        }
        return (details, null);
    }

    /// <summary>The mandate, tracked (so that the page can change it), or null if there is none with this id.</summary>
    public static async Task<MandateDetails?> LoadAsync(CarteBlancheDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var mandate = await db.Set<Mandate>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (mandate == null)
        {
            return null;
        }
        var resident = await db.Set<Resident>().AsNoTracking().SingleAsync(r => r.Id == mandate.ResidentId, cancellationToken);
        var site = await db.Places.Where(p => p.Id == mandate.SiteId).Select(p => new { p.Name, p.Address }).SingleAsync(cancellationToken);
        var accountIds = new[] { mandate.AgentId, mandate.CreatedBy, mandate.RevokedBy }.Where(a => a != null).Select(a => a!.Value).Distinct().ToList();
        var names = await db.Users.Where(u => accountIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string? NameOf(Guid? account) => account is { } a ? names.GetValueOrDefault(a) : null;
        return new MandateDetails(mandate, resident, site.Name, site.Address, NameOf(mandate.AgentId), NameOf(mandate.CreatedBy) ?? "", NameOf(mandate.RevokedBy));
    }
}
