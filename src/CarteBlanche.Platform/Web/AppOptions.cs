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

/// <summary>Section "Map": the tile server of the maps (the bus's tour). Markers are drawn without it.</summary>
public sealed class MapOptions : IValidatableObject
{
    public const string Section = "Map";

    /// <summary>Tile address with {z}, {x}, {y}; its origin is allowed by the content security policy.</summary>
    public string TileUrl { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public string Attribution { get; set; } = "© les contributeurs d'OpenStreetMap";

    public string? TileOrigin => Uri.TryCreate(TileUrl.Replace("{s}", "a", StringComparison.Ordinal).Replace("{z}", "0", StringComparison.Ordinal).Replace("{x}", "0", StringComparison.Ordinal).Replace("{y}", "0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        ? uri.GetLeftPart(UriPartial.Authority)
        : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TileOrigin == null || !TileUrl.Contains("{z}", StringComparison.Ordinal) || !TileUrl.Contains("{x}", StringComparison.Ordinal) || !TileUrl.Contains("{y}", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Map:TileUrl doit être une adresse complète contenant {z}, {x} et {y}, par exemple https://tile.openstreetmap.org/{z}/{x}/{y}.png.", ["Map:TileUrl"]);
        }
    }
}
