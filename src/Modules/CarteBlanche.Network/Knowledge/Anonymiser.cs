using System.Text.RegularExpressions;

namespace CarteBlanche.Network.Knowledge;

/// <summary>
/// Takes the personal data out of a question or an answer before it becomes a knowledge card (issue 18): e-mail
/// addresses, phone numbers, social security and other long numbers, dates (of birth or not), street addresses, and
/// names — the case's people when known, and any word after a civility (« Mme Durand », « Monsieur Paul Martin »).
/// Each is replaced by a bracketed word a reader understands (« [nom] », « [date] »). It is a first pass: the agent
/// reviews the text before proposing the card.
/// </summary>
public static partial class Anonymiser
{
    public static string Clean(string text, IEnumerable<string>? knownNames = null)
    {
        var result = text;
        // The case's own names first: a name holding digits (« Roques-123456 ») would otherwise be half taken as a number
        // and no longer be found whole.
        foreach (var name in (knownNames ?? []).Where(n => n.Trim().Length >= 2).OrderByDescending(n => n.Length))
        {
            result = Regex.Replace(result, $@"(?<![\p{{L}}]){Regex.Escape(name.Trim())}(?![\p{{L}}])", "[nom]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        result = Email().Replace(result, "[adresse e-mail]");
        result = Nir().Replace(result, "[numéro de sécurité sociale]");
        result = Phone().Replace(result, "[téléphone]");
        result = NumericDate().Replace(result, "[date]");
        result = WrittenDate().Replace(result, "[date]");
        result = Street().Replace(result, "[adresse]");
        result = PostalCodeAndTown().Replace(result, "[commune]");
        result = LongNumber().Replace(result, "[numéro]");
        result = Civility().Replace(result, m => $"{m.Groups["civ"].Value} [nom]");
        return Collapse().Replace(result, "[nom]");
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    /// <summary>A NIR, with or without spaces: sex, year, month, département (2A/2B), commune, order, key.</summary>
    [GeneratedRegex(@"\b[12]\s?\d{2}\s?(0[1-9]|1[0-2]|[2-9]\d)\s?(\d{2}|2A|2B)\s?\d{3}\s?\d{3}(\s?\d{2})?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Nir();

    /// <summary>French phone numbers: 0X XX XX XX XX in any spacing, or +33.</summary>
    [GeneratedRegex(@"(\+33\s?|\b0)[1-9]([\s.-]?\d{2}){4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b\d{1,2}[/.-]\d{1,2}[/.-](\d{4}|\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(1er|\d{1,2})\s+(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)(\s+\d{4})?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"\b\d{1,4}\s?(bis|ter)?,?\s+(rue|avenue|av\.|boulevard|bd|place|chemin|impasse|allée|allee|route|quai|cours|lieu-dit|hameau)\b[^,.;\n]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Street();

    [GeneratedRegex(@"\b\d{5}\s+\p{Lu}[\p{L}' -]+", RegexOptions.CultureInvariant)]
    private static partial Regex PostalCodeAndTown();

    /// <summary>Identifiers: 5 digits or more in a row, or three groups and more (« 123 456 789 »); amounts like « 1 200 € » stay.</summary>
    [GeneratedRegex(@"\b\d{5,}\b|\b\d{2,4}(\s\d{2,4}){2,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex LongNumber();

    /// <summary>A civility followed by one to three capitalised words.</summary>
    [GeneratedRegex(@"\b(?<civ>M\.|Mme|Mlle|Monsieur|Madame|Mademoiselle)\s+(\p{Lu}[\p{L}'-]+)(\s+\p{Lu}[\p{L}'-]+){0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex Civility();

    [GeneratedRegex(@"\[nom\](\s+\[nom\])+", RegexOptions.CultureInvariant)]
    private static partial Regex Collapse();
}
