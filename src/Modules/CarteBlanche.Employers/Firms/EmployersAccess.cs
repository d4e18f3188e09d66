using System.Security.Claims;

namespace CarteBlanche.Employers.Firms;

/// <summary>
/// Who sees a firm and its employees: the HR experts assigned to it, its owner (an account of the firm's
/// organisation), coordinators and admins. Who keeps its records: its experts, coordinators and admins.
/// </summary>
public sealed class EmployersAccess(CarteBlancheDbContext db)
{
    public static bool SeesAllFirms(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin);

    /// <summary>The firms the user may open.</summary>
    public IQueryable<Firm> VisibleFirms(ClaimsPrincipal user)
    {
        var firms = db.Set<Firm>().AsQueryable();
        if (SeesAllFirms(user))
        {
            return firms;
        }
        var account = user.AccountId();
        var organisation = user.Organisation();
        var asExpert = user.IsInRole(Roles.HrExpert);
        var asOwner = user.IsInRole(Roles.FirmOwner);
        return firms.Where(f =>
            (asExpert && db.Set<FirmExpert>().Any(e => e.FirmId == f.Id && e.AccountId == account))
            || (asOwner && organisation != null && f.OrganisationId == organisation));
    }

    /// <summary>The firms whose records the user keeps: those they follow as an HR expert, all for coordinators and admins.</summary>
    public IQueryable<Firm> EditableFirms(ClaimsPrincipal user)
    {
        if (SeesAllFirms(user))
        {
            return db.Set<Firm>();
        }
        var account = user.AccountId();
        var asExpert = user.IsInRole(Roles.HrExpert);
        return db.Set<Firm>().Where(f => asExpert && db.Set<FirmExpert>().Any(e => e.FirmId == f.Id && e.AccountId == account));
    }

    /// <summary>The firm if the user may open it, else null (the page answers 404: no hint that it exists).</summary>
    public Task<Firm?> FindAsync(ClaimsPrincipal user, Guid firmId, CancellationToken cancellationToken) =>
        VisibleFirms(user).SingleOrDefaultAsync(f => f.Id == firmId, cancellationToken);

    /// <summary>Whether the user keeps the firm's records (an expert of the firm, a coordinator, an admin), not only reads them.</summary>
    public async Task<bool> CanEditAsync(ClaimsPrincipal user, Guid firmId, CancellationToken cancellationToken)
    {
        if (SeesAllFirms(user))
        {
            return true;
        }
        var account = user.AccountId();
        return user.IsInRole(Roles.HrExpert) && await db.Set<FirmExpert>().AnyAsync(e => e.FirmId == firmId && e.AccountId == account, cancellationToken);
    }
}
