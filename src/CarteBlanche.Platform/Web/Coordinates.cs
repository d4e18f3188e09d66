using System.Globalization;

namespace CarteBlanche.Platform.Web;

/// <summary>Decimal degrees typed by a person: "44.45" and "44,45" both accepted.</summary>
public static class Coordinates
{
    public static bool TryParse(string? text, double min, double max, out double value)
    {
        value = 0;
        return !string.IsNullOrWhiteSpace(text)
            && double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && !double.IsNaN(value) && value >= min && value <= max;
    }

    public static string Format(double? value) => value?.ToString("0.#####", CultureInfo.InvariantCulture) ?? "";
}
