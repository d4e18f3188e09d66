using System.Security.Claims;
using CarteBlanche.Platform.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Web.Hosting;

/// <summary>
/// Every request of a signed-in account checks, server-side, that its session is still valid: the account exists,
/// is active, and its security stamp is the one the cookie was issued with. Signing out, deactivation, a password
/// change or a new second factor change the stamp, so a copy of the cookie taken before stops working at once
/// (not after the cookie's 8 hours). Cost: one query by primary key per authenticated request (two columns).
/// The framework's validator then refreshes roles and claims every minute, as before.
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var claimTypes = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(claimTypes.SecurityStampClaimType);
        if (Guid.TryParse(principal?.FindFirstValue(claimTypes.UserIdClaimType), out var accountId) && !string.IsNullOrEmpty(stamp))
        {
            var db = services.GetRequiredService<CarteBlancheDbContext>();
            var current = await db.Users.AsNoTracking().Where(u => u.Id == accountId)
                .Select(u => new { u.SecurityStamp, u.IsActive })
                .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
            if (current != null && current.IsActive && string.Equals(current.SecurityStamp, stamp, StringComparison.Ordinal))
            {
                await SecurityStampValidator.ValidatePrincipalAsync(context);
                return;
            }
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
