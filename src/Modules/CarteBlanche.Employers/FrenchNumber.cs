using System.Globalization;

namespace CarteBlanche.Employers;

/// <summary>
/// An amount or a number of hours as a person types it: « 1 300,50 », « 1300.50 », « 24,5 ». The request culture is
/// French, where a number field's « 1300.50 » would not bind: such fields are text, read here.
/// </summary>
public static class FrenchNumber
{
    public static bool TryParse(string? text, out decimal value)
    {
        var cleaned = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '€').ToArray()).Replace(',', '.');
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads <paramref name="text"/> between <paramref name="min"/> and <paramref name="max"/>; otherwise adds <paramref name="error"/> under <paramref name="key"/>.</summary>
    public static decimal? Read(string? text, decimal min, decimal max, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string key, string error)
    {
        if (TryParse(text, out var value) && value >= min && value <= max)
        {
            return value;
        }
        state.AddModelError(key, error);
        return null;
    }

    /// <summary>For a field's value: « 1300,5 ».</summary>
    public static string Format(decimal value) => value.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"));
}
