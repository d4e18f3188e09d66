using System.Text;

namespace CarteBlanche.Network.Knowledge;

/// <summary>
/// French search words, the same on every database: lower case, no accents, no stop words, and a light stemmer so that
/// word forms meet (« allocations » and « allocation », « familiaux » and « familiale », « handicapée » and
/// « handicap »). A card keeps its words as « mot1 mot2 … » with spaces around; a search asks for each word of the
/// query. That is the search on SQLite. On PostgreSQL, the search is the database's own French full-text search
/// (<c>to_tsvector('french', …) @@ plainto_tsquery('french', …)</c>, Snowball stemmer and French stop words) over the
/// folded texts, with a GIN index: it stems more (« logement » and « loger » meet) and ranks nothing differently.
/// </summary>
public static class FrenchSearch
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "au", "aux", "avec", "ce", "ces", "c", "d", "dans", "de", "des", "du", "elle", "en", "est", "et", "il", "ils", "j", "je", "l", "la", "le", "les",
        "leur", "leurs", "lui", "m", "ma", "mais", "me", "mes", "mon", "n", "ne", "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui", "s", "sa",
        "se", "ses", "son", "sur", "t", "ta", "te", "tes", "ton", "un", "une", "vos", "votre", "vous", "y", "etre", "avoir", "comment", "quel", "quelle",
    };

    /// <summary>The distinct stemmed words of a text, in order of appearance.</summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        var plain = Platform.Territory.SearchText.Fold(text);
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in plain.Append(' '))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                current.Append(c);
                continue;
            }
            if (current.Length > 0)
            {
                var word = current.ToString();
                current.Clear();
                if (!StopWords.Contains(word) && Stem(word) is { Length: > 1 } stem && !words.Contains(stem))
                {
                    words.Add(stem);
                }
            }
        }
        return words;
    }

    /// <summary>The words as stored on a card: « allocation logement caf », spaces around for whole-word matching.</summary>
    public static string Index(params string?[] texts) => " " + string.Join(' ', texts.SelectMany(Terms).Distinct()) + " ";

    /// <summary>Plurals and feminine endings off: « familiaux » → « familial », « aides » → « aide » → « aid », « handicapee » → « handicap ».</summary>
    public static string Stem(string word)
    {
        if (word.All(char.IsAsciiDigit))
        {
            return word;
        }
        var w = word;
        if (w.Length > 4 && w.EndsWith("aux", StringComparison.Ordinal))
        {
            w = w[..^3] + "al";
        }
        else if (w.Length > 3 && (w.EndsWith('s') || w.EndsWith('x')))
        {
            w = w[..^1];
        }
        if (w.Length > 4 && w.EndsWith("ee", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.Length > 4 && w.EndsWith('e'))
        {
            w = w[..^1];
        }
        return w;
    }

    /// <summary>The texts folded for PostgreSQL's French search: lower case, no accents (it has no unaccent without an extension).</summary>
    public static string Folded(params string?[] texts) => string.Join(' ', texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(Platform.Territory.SearchText.Fold));

    /// <summary>
    /// PostgreSQL's full-text index, created at start when missing (a GIN expression index has no equivalent on SQLite,
    /// where the model is the same: it is kept out of the shared model and migrations).
    /// </summary>
    public const string PostgresIndexSql =
        """CREATE INDEX IF NOT EXISTS ix_network_knowledge_cards_search_french ON network_knowledge_cards USING GIN (to_tsvector('french', "SearchText"))""";

    /// <summary>
    /// The cards holding every word of <paramref name="query"/> (at most 8 words), in any of its forms: PostgreSQL's
    /// French full-text search there, the stemmed words elsewhere. A query without any word finds every card.
    /// </summary>
    public static IQueryable<KnowledgeCard> Matching(IQueryable<KnowledgeCard> cards, string? query, bool postgres)
    {
        var terms = Terms(query).Take(8).ToList();
        if (terms.Count == 0)
        {
            return cards;
        }
        if (postgres)
        {
            var words = string.Join(' ', Platform.Territory.SearchText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(16));
            return cards.Where(c => EF.Functions.ToTsVector("french", c.SearchText).Matches(EF.Functions.PlainToTsQuery("french", words)));
        }
        foreach (var term in terms)
        {
            var pattern = $"% {term} %";
            cards = cards.Where(c => EF.Functions.Like(c.SearchWords, pattern));
        }
        return cards;
    }
}
