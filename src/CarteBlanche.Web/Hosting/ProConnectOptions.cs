using System.ComponentModel.DataAnnotations;

namespace CarteBlanche.Web.Hosting;

/// <summary>Section "ProConnect": sign-in with the State's identity provider for agents (OpenID Connect). Off by default.</summary>
public sealed class ProConnectOptions : IValidatableObject
{
    public const string Section = "ProConnect";
    public const string Scheme = "ProConnect";

    public bool Enabled { get; set; }
    /// <summary>e.g. https://auth.agentconnect.gouv.fr/api/v2 (production) or the integration environment.</summary>
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string Scopes { get; set; } = "openid email given_name usual_name siret";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
        {
            yield return new ValidationResult("ProConnect:Authority doit être une adresse https quand ProConnect:Enabled vaut true.", ["ProConnect:Authority"]);
        }
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult("ProConnect:ClientId est obligatoire quand ProConnect:Enabled vaut true.", ["ProConnect:ClientId"]);
        }
        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return new ValidationResult("ProConnect:ClientSecret est obligatoire quand ProConnect:Enabled vaut true.", ["ProConnect:ClientSecret"]);
        }
    }
}
