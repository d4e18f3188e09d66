using System.Security.Claims;
using CarteBlanche.Desk.Cases;

namespace CarteBlanche.Desk.Residents;

/// <summary>
/// Which residents a desk user may open: those registered at their site and those with a case
/// there. The one place for the rule: the residents' list and search, the duplicate check, and
/// every page that opens a resident's file.
/// </summary>
public sealed class ResidentAccess(CarteBlancheDbContext db, DeskAccess access)
{
    /// <summary>The residents visible at <paramref name="siteId"/>, as a query to refine.</summary>
    public static IQueryable<Resident> VisibleAt(CarteBlancheDbContext db, Guid? siteId) =>
        db.Set<Resident>().Where(r => r.SiteId == siteId || db.Set<Case>().Any(c => c.ResidentId == r.Id && c.SiteId == siteId));

    /// <summary>
    /// The resident's record when this user may open it; otherwise what to answer (404 when there is
    /// no such resident, 403 with the refusal journaled when it is not theirs to see).
    /// </summary>
    public async Task<(Resident? Resident, IActionResult? Denied)> OpenAsync(ClaimsPrincipal user, Guid residentId, CancellationToken cancellationToken)
    {
        var siteId = DeskAccess.SiteOf(user);
        var found = await db.Set<Resident>().AsNoTracking()
            .Where(r => r.Id == residentId)
            .Select(r => new { Resident = r, Visible = r.SiteId == siteId || db.Set<Case>().Any(c => c.ResidentId == r.Id && c.SiteId == siteId) })
            .SingleOrDefaultAsync(cancellationToken);
        if (found == null)
        {
            return (null, new NotFoundResult());
        }
        if (!DeskAccess.IsDeskUser(user) || siteId == null || !found.Visible)
        {
            await access.RecordRefusalAsync("Resident", residentId, cancellationToken);
            return (null, new ForbidResult());
        }
        return (found.Resident, null);
    }
}
