using System.Security.Claims;

namespace CarteBlanche.Platform.Accounts;

/// <summary>The claims a signed-in account carries (written by <see cref="AccountClaimsPrincipalFactory"/>), and how to read them.</summary>
public static class AccountClaims
{
    public const string OrganisationId = "cb:org";
    public const string DisplayName = "cb:name";
    public const string SiteId = "cb:site";

    /// <summary>The signed-in account's id: every page behind authentication has one.</summary>
    public static Guid AccountId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Aucun compte connecté : cette page demande une authentification."));

    /// <summary>The account's organisation, if signed in.</summary>
    public static Guid? Organisation(this ClaimsPrincipal user) => GuidOf(user, OrganisationId);

    /// <summary>The site (France services) the account works at, if any.</summary>
    public static Guid? Site(this ClaimsPrincipal user) => GuidOf(user, SiteId);

    private static Guid? GuidOf(ClaimsPrincipal user, string claim) => Guid.TryParse(user.FindFirstValue(claim), out var id) ? id : null;
}
