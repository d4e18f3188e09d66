using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CarteBlanche.Platform.Accounts;

/// <summary>Adds the organisation and display name to the signed-in principal.</summary>
public sealed class AccountClaimsPrincipalFactory(
    UserManager<Account> userManager,
    RoleManager<Microsoft.AspNetCore.Identity.IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account, Microsoft.AspNetCore.Identity.IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccountClaims.OrganisationId, user.OrganisationId.ToString("D")));
        identity.AddClaim(new Claim(AccountClaims.DisplayName, user.DisplayName));
        if (user.SiteId is { } siteId)
        {
            identity.AddClaim(new Claim(AccountClaims.SiteId, siteId.ToString("D")));
        }
        return identity;
    }
}

/// <summary>A deactivated account cannot sign in, whatever its password.</summary>
public sealed class AccountSignInManager(
    UserManager<Account> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<Account> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<Account>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Account> confirmation)
    : SignInManager<Account>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Account user) => user.IsActive && await base.CanSignInAsync(user);
}
