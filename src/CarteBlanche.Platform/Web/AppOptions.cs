using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;

namespace CarteBlanche.Platform.Web;

/// <summary>Section "App".</summary>
public sealed class AppOptions : IValidatableObject
{
    public const string Section = "App";

    /// <summary>Public address of the application (https://carteblanche.example.gouv.fr), used in links sent by e-mail.
    /// When empty, the address of the current request is used (fine in development, not behind a proxy).</summary>
    public string? PublicUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PublicUrl) && !Uri.TryCreate(PublicUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("App:PublicUrl doit être une adresse complète, par exemple https://carteblanche.lot.gouv.fr.", ["App:PublicUrl"]);
        }
    }

    public string BaseUrlFor(HttpRequest request) =>
        string.IsNullOrWhiteSpace(PublicUrl) ? $"{request.Scheme}://{request.Host}" : PublicUrl.TrimEnd('/');
}
