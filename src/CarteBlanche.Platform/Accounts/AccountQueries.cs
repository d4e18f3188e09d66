
namespace CarteBlanche.Platform.Accounts;

public static class AccountQueries
{
    /// <summary>The active accounts holding any of these roles (one query: roles are matched by name in the database).</summary>
    public static IQueryable<Account> ActiveInRoles(this CarteBlancheDbContext db, params string[] roles) =>
        db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
}
