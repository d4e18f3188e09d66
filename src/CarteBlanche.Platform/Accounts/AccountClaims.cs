namespace CarteBlanche.Platform.Accounts;

public static class AccountClaims
{
    public const string OrganisationId = "cb:org";
    public const string DisplayName = "cb:name";
    public const string SiteId = "cb:site";
}
