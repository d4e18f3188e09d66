
namespace CarteBlanche.Platform.Territory;

/// <summary>A commune field the agent fills as he speaks: a name (accents and case ignored), a postal code, « Cahors (46000) » from the list, or an INSEE code.</summary>
public static class CommuneChoice
{
    public sealed record Option(string InseeCode, string Label);

    /// <summary>The territory's communes as the field's suggestions, « Name (postal code) », by name.</summary>
    public static async Task<IReadOnlyList<Option>> OptionsAsync(CarteBlancheDbContext db, CancellationToken cancellationToken) =>
        (await db.Communes.AsNoTracking().OrderBy(c => c.SearchName).Select(c => new { c.InseeCode, c.Name, c.PostalCode }).ToListAsync(cancellationToken))
            .Select(c => new Option(c.InseeCode, Label(c.Name, c.PostalCode))).ToList();

    public static string Label(string name, string postalCode) => $"{name} ({postalCode})";

    /// <summary>The INSEE code the text names, or the French message saying why it names none (or several).</summary>
    public static async Task<(string? InseeCode, string? Error)> ResolveAsync(CarteBlancheDbContext db, string? text, CancellationToken cancellationToken)
    {
        var typed = text?.Trim() ?? "";
        if (typed.Length == 0)
        {
            return (null, null);
        }
        var communes = await db.Communes.AsNoTracking().Select(c => new { c.InseeCode, c.Name, c.PostalCode, c.SearchName }).ToListAsync(cancellationToken);
        var folded = SearchText.Fold(typed);
        var matches = communes.Where(c => Label(c.Name, c.PostalCode) == typed || c.InseeCode == typed).ToList();
        if (matches.Count == 0)
        {
            matches = communes.Where(c => c.SearchName == folded).ToList();
        }
        if (matches.Count == 0 && typed.Length == 5 && typed.All(char.IsAsciiDigit))
        {
            matches = communes.Where(c => c.PostalCode == typed).ToList();
        }
        return matches.Count switch
        {
            1 => (matches[0].InseeCode, null),
            0 => (null, $"Commune inconnue : « {typed} » n'est pas une commune du territoire. Tapez son nom ou son code postal, puis choisissez-la dans la liste."),
            _ => (null, $"Plusieurs communes répondent à « {typed} » : {string.Join(", ", matches.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => Label(m.Name, m.PostalCode)))}. Choisissez-la dans la liste."),
        };
    }
}
