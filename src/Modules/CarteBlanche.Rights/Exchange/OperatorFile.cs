using System.Globalization;
using System.Text;
using System.Text.Json;
using CarteBlanche.Platform.Files;
using CarteBlanche.Platform.People;
using CarteBlanche.Rights.Conventions;

namespace CarteBlanche.Rights.Exchange;

/// <summary>An error of an operator's file: where (line, column), what.</summary>
public sealed record FileError(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"ligne {Line} : {Message}" : Message;
}

/// <summary>
/// The file an operator sends (CSV with ',' or ';', or JSON Lines: one object per line), documented by the convention's
/// data dictionary: the identity columns below, then one column per attribute the operator shares (<c>code</c>, or
/// <c>code:AAAA-MM</c> for a month's value). Read one row at a time; every error gives its line.
/// </summary>
public sealed class OperatorFile(IReadOnlyList<SharedAttribute> shared)
{
    public const int MaxErrors = 100;

    /// <summary>The identity columns, with what each holds (the format's documentation).</summary>
    public static readonly IReadOnlyList<(string Column, bool Required, string Description)> IdentityColumns =
    [
        ("identifiant", true, "Identifiant de la personne chez l'organisme (unique dans le fichier)"),
        ("foyer", false, "Identifiant du dossier ou du foyer (numéro d'allocataire…) : les membres d'un foyer ont le même"),
        ("role", false, "allocataire, conjoint, enfant ou personne (par défaut)"),
        ("nir", false, "Numéro de sécurité sociale, 15 caractères avec la clé (jamais conservé en clair)"),
        ("nom_naissance", true, "Nom de naissance"),
        ("nom_usage", false, "Nom d'usage"),
        ("prenoms", true, "Prénoms, séparés par des espaces"),
        ("sexe", true, "M ou F"),
        ("date_naissance", true, "AAAA-MM-JJ ou JJ/MM/AAAA"),
        ("code_insee_naissance", false, "Code officiel géographique de la commune de naissance (ou 99xxx pour un pays étranger)"),
        ("code_insee_commune", false, "Code officiel géographique de la commune de résidence"),
    ];

    private static readonly HashSet<string> Identity = IdentityColumns.Select(c => c.Column).ToHashSet(StringComparer.Ordinal);
    private readonly Dictionary<string, SharedAttribute> _attributes = shared.GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public List<FileError> Errors { get; } = [];
    public int ErrorCount { get; private set; }
    public int Rows { get; private set; }

    /// <summary>Reads every row; <paramref name="onPerson"/> gets each valid one. False when the file has any error (then nothing it gave may be kept).</summary>
    public bool Read(TextReader reader, string fileName, Action<SharedPerson> onPerson, CancellationToken cancellationToken = default)
    {
        foreach (var person in Persons(reader, fileName, cancellationToken))
        {
            onPerson(person);
        }
        return ErrorCount == 0;
    }

    /// <summary>The valid persons, one at a time as the file is read (millions of rows are never held together); errors gather in <see cref="Errors"/>.</summary>
    public IEnumerable<SharedPerson> Persons(TextReader reader, string fileName, CancellationToken cancellationToken = default)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var json = fileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        using var rows = (json ? JsonLines(reader) : CsvRows(reader)).GetEnumerator();
        while (true)
        {
            try
            {
                if (!rows.MoveNext())
                {
                    break;
                }
            }
            catch (CsvFormatException e)
            {
                Add(e.Line, e.Reason);
                break;
            }
            var (line, fields) = rows.Current;
            Rows++;
            if (Rows % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (Parse(line, fields) is not { } person)
            {
                continue;
            }
            if (seen.TryGetValue(person.SourceId, out var first))
            {
                Add(line, $"identifiant « {person.SourceId} » en double (déjà ligne {first})");
                continue;
            }
            seen[person.SourceId] = line;
            yield return person;
        }
        if (Rows == 0 && ErrorCount == 0)
        {
            Add(0, "le fichier ne contient aucune personne");
        }
    }

    private IEnumerable<(int Line, IReadOnlyDictionary<string, string> Fields)> CsvRows(TextReader reader)
    {
        var header = reader.ReadLine();
        if (header == null)
        {
            yield break;
        }
        if (Csv.NotUtf8(header) is { } notUtf8)
        {
            Add(1, notUtf8);
            yield break;
        }
        var separator = header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
        var columns = header.TrimStart('\uFEFF').Split(separator).Select(c => c.Trim().Trim('"').ToLowerInvariant()).ToArray();
        if (!CheckColumns(columns))
        {
            yield break;
        }
        foreach (var r in Csv.Read(reader, separator, firstLine: 2))
        {
            var line = r.LineNumber;
            if (r.Fields.Count != columns.Length)
            {
                Add(line, $"{r.Fields.Count} colonnes au lieu de {columns.Length}");
                Rows++;
                continue;
            }
            var fields = new Dictionary<string, string>(columns.Length, StringComparer.Ordinal);
            for (var i = 0; i < columns.Length; i++)
            {
                fields[columns[i]] = r.Fields[i].Trim();
            }
            yield return (line, fields);
        }
    }

    private IEnumerable<(int Line, IReadOnlyDictionary<string, string> Fields)> JsonLines(TextReader reader)
    {
        var line = 0;
        string? text;
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        while ((text = reader.ReadLine()) != null)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            if (Csv.NotUtf8(text) is { } notUtf8)
            {
                Add(line, notUtf8);
                Rows++;
                continue;
            }
            var fields = JsonObject(line, text);
            if (fields == null)
            {
                Rows++;
                continue;
            }
            // Every line's keys checked (each new key once): an unknown key is refused on every line it is on.
            var unknown = fields.Keys.Where(k => !(known.TryGetValue(k, out var ok) ? ok : known[k] = Identity.Contains(k) || KnownFact(k))).ToList();
            if (unknown.Count > 0)
            {
                Add(line, $"champ inconnu « {unknown[0]} » : ni une colonne d'identité, ni une donnée que la convention permet à l'organisme de partager");
                Rows++;
                continue;
            }
            yield return (line, fields);
        }
    }

    private Dictionary<string, string>? JsonObject(int line, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Add(line, "chaque ligne doit être un objet JSON");
                return null;
            }
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                fields[property.Name.ToLowerInvariant()] = property.Value.ValueKind switch
                {
                    JsonValueKind.Null => "",
                    JsonValueKind.String => property.Value.GetString()!.Trim(),
                    JsonValueKind.True => "oui",
                    JsonValueKind.False => "non",
                    _ => property.Value.GetRawText(),
                };
            }
            return fields;
        }
        catch (JsonException e)
        {
            // The parser's own words are English: where it stopped is what helps. It counts UTF-8 bytes; a reader counts characters.
            var utf8 = Encoding.UTF8.GetBytes(text);
            var at = e.BytePositionInLine is { } bytes ? Encoding.UTF8.GetCharCount(utf8, 0, (int)Math.Min(bytes, utf8.Length)) + 1 : (int?)null;
            Add(line, at == null ? "JSON invalide" : $"JSON invalide au caractère {at}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json decodes names and texts when asked: a « \ud800 » alone is half a character.
            Add(line, "texte illisible : un « \\u » n'y donne qu'une moitié de caractère");
            return null;
        }
    }

    private bool CheckColumns(string[] columns)
    {
        var ok = true;
        for (var i = 0; i < columns.Length; i++)
        {
            if (!Identity.Contains(columns[i]) && !KnownFact(columns[i]))
            {
                Add(1, $"colonne {i + 1} « {columns[i]} » inconnue : ni une colonne d'identité, ni une donnée que la convention permet à l'organisme de partager");
                ok = false;
            }
            else if (Array.IndexOf(columns, columns[i]) != i)
            {
                Add(1, $"colonne {i + 1} « {columns[i]} » en double");
                ok = false;
            }
        }
        foreach (var (column, required, _) in IdentityColumns)
        {
            if (required && !columns.Contains(column))
            {
                Add(1, $"colonne obligatoire « {column} » absente");
                ok = false;
            }
        }
        return ok;
    }

    private bool KnownFact(string column)
    {
        var colon = column.IndexOf(':');
        var code = colon < 0 ? column : column[..colon];
        return _attributes.ContainsKey(code) && (colon < 0 || TryMonth(column[(colon + 1)..], out _));
    }

    private SharedPerson? Parse(int line, IReadOnlyDictionary<string, string> f)
    {
        var before = ErrorCount;
        string Get(string column) => f.TryGetValue(column, out var v) ? v : "";
        string? Optional(string column) => Get(column) is { Length: > 0 } v ? v : null;
        var id = Get("identifiant");
        if (id.Length == 0 || id.Length > 60)
        {
            Add(line, "identifiant absent ou trop long (60 caractères au plus)");
        }
        var role = Get("role").ToLowerInvariant() switch
        {
            "" or "personne" => PersonRole.Person,
            "allocataire" or "demandeur" or "assure" or "assuré" => PersonRole.Applicant,
            "conjoint" => PersonRole.Partner,
            "enfant" => PersonRole.Child,
            var other => Invalid(line, $"rôle « {other} » inconnu (allocataire, conjoint, enfant ou personne)", PersonRole.Person),
        };
        var nir = Optional("nir");
        if (nir != null && Nir.Check(nir) is { } nirError)
        {
            Add(line, $"NIR invalide : {nirError}");
        }
        foreach (var (column, _, _) in IdentityColumns)
        {
            if (Get(column).Any(Csv.IsStrayControl))
            {
                Add(line, $"« {column} » contient un caractère de contrôle (U+{(int)Get(column).First(Csv.IsStrayControl):X4}) : retirez-le");
            }
        }
        if (Get("foyer").Length > 60)
        {
            Add(line, "identifiant du foyer trop long (60 caractères au plus)");
        }
        if (Get("nom_usage").Length > 100)
        {
            Add(line, "nom d'usage trop long (100 caractères au plus)");
        }
        var birthName = Get("nom_naissance");
        var firstNames = Get("prenoms");
        if (birthName.Length == 0 || birthName.Length > 100)
        {
            Add(line, "nom de naissance absent ou trop long");
        }
        if (firstNames.Length == 0 || firstNames.Length > 100)
        {
            Add(line, "prénoms absents ou trop longs");
        }
        var sex = Get("sexe").ToUpperInvariant() switch
        {
            "M" or "MASCULIN" or "1" => 'M',
            "F" or "FEMININ" or "FÉMININ" or "2" => 'F',
            var other => Invalid(line, $"sexe « {other} » : M ou F attendu", '?'),
        };
        DateOnly? birth = null;
        var birthText = Get("date_naissance");
        if (DateOnly.TryParseExact(birthText, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var b))
        {
            birth = b;
        }
        else
        {
            Add(line, $"date de naissance « {birthText} » : AAAA-MM-JJ ou JJ/MM/AAAA attendu");
        }
        var birthPlace = Optional("code_insee_naissance");
        var commune = Optional("code_insee_commune");
        foreach (var (code, label) in new[] { (birthPlace, "code INSEE de naissance"), (commune, "code INSEE de la commune") })
        {
            if (code != null && !IsInseeCode(code))
            {
                Add(line, $"{label} « {code} » : 5 caractères attendus (chiffres, 2A ou 2B pour la Corse)");
            }
        }
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (column, value) in f)
        {
            if (Identity.Contains(column) || value.Length == 0)
            {
                continue;
            }
            var colon = column.IndexOf(':');
            var attribute = _attributes[colon < 0 ? column : column[..colon]];
            if (Normalise(attribute.Type, value) is { } normalised)
            {
                facts[column] = normalised;
            }
            else
            {
                Add(line, $"« {column} » = « {value} » : {Expected(attribute.Type)}");
            }
        }
        return ErrorCount > before ? null
            : new SharedPerson(id, Optional("foyer"), role, nir == null ? null : Nir.Normalise(nir), birthName, Optional("nom_usage"), firstNames, sex, birth, birthPlace, commune, facts);
    }

    private T Invalid<T>(int line, string message, T fallback)
    {
        Add(line, message);
        return fallback;
    }

    private void Add(int line, string message)
    {
        ErrorCount++;
        if (Errors.Count < MaxErrors)
        {
            Errors.Add(new FileError(line, message));
        }
    }

    public static bool IsInseeCode(string code) =>
        code.Length == 5 && (code.All(char.IsAsciiDigit) || (code.StartsWith("2A", StringComparison.Ordinal) || code.StartsWith("2B", StringComparison.Ordinal)) && code[2..].All(char.IsAsciiDigit));

    private static bool TryMonth(string text, out DateOnly month) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);

    /// <summary>The value in a stable form (amounts with a dot, dates AAAA-MM-JJ, oui/non), or null when it is not of the type.</summary>
    public static string? Normalise(AttributeType type, string value)
    {
        switch (type)
        {
            case AttributeType.Amount:
            case AttributeType.Number:
                // Most amounts are already in their stable form: the same string, without parsing it (26 a CAF row).
                if (IsStableNumber(value))
                {
                    return value;
                }
                return decimal.TryParse(value.Replace(',', '.').Replace(" ", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
                    ? d.ToString(CultureInfo.InvariantCulture) : null;
            case AttributeType.Date:
                return DateOnly.TryParseExact(value, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            case AttributeType.YesNo:
                return value.ToLowerInvariant() switch
                {
                    "oui" or "o" or "true" or "1" => "oui",
                    "non" or "n" or "false" or "0" => "non",
                    _ => null,
                };
            default:
                return value.Length <= 200 ? value : null;
        }
    }

    /// <summary>
    /// Digits with at most one dot inside (« 412.50 », « 0.5 », « 1200 »), no sign, no leading zero before other digits,
    /// 28 characters at most: what decimal's parsing then invariant printing gives back unchanged.
    /// </summary>
    internal static bool IsStableNumber(string value)
    {
        if (value.Length is 0 or > 28 || !char.IsAsciiDigit(value[0]) || !char.IsAsciiDigit(value[^1]))
        {
            return false;
        }
        var dot = -1;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '.')
            {
                if (dot >= 0)
                {
                    return false;
                }
                dot = i;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        var integerDigits = dot < 0 ? value.Length : dot;
        return !(value[0] == '0' && integerDigits > 1);
    }

    private static string Expected(AttributeType type) => type switch
    {
        AttributeType.Amount or AttributeType.Number => "un nombre est attendu (1234.56)",
        AttributeType.Date => "une date AAAA-MM-JJ est attendue",
        AttributeType.YesNo => "oui ou non est attendu",
        _ => "200 caractères au plus",
    };
}
