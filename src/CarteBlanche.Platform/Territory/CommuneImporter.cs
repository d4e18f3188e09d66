using System.Globalization;
using System.Text.RegularExpressions;
using CarteBlanche.Platform.Files;

namespace CarteBlanche.Platform.Territory;

public sealed record ImportError(int Line, string Field, string Message)
{
    public override string ToString() => Line == 0 ? Message : Field == "ligne" ? $"ligne {Line} : {Message}" : $"ligne {Line}, {Field} : {Message}";
}

public sealed record CommuneImportResult(int Added, int Updated, int EpcisAdded, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Loads communes and their EPCIs from a CSV shaped like data/communes-bassin-de-vie-cahors.csv.
/// Every row is checked first; one bad row and nothing is written. The write is one transaction.
/// </summary>
public sealed partial class CommuneImporter(CarteBlancheDbContext db)
{
    /// <summary>The longest commune or EPCI name the tables hold.</summary>
    public const int MaxName = 200;

    public static readonly string[] Header =
        ["insee_code", "name", "population_2026", "postal_code", "epci_siren", "epci_name", "latitude", "longitude"];

    public async Task<CommuneImportResult> ImportAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        var (communes, epcis, errors) = Parse(reader);
        if (errors.Count > 0)
        {
            return new CommuneImportResult(0, 0, 0, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existingEpcis = await db.Epcis.ToDictionaryAsync(e => e.Siren, cancellationToken);
        var epcisAdded = 0;
        foreach (var epci in epcis.Values)
        {
            if (existingEpcis.TryGetValue(epci.Siren, out var existing))
            {
                existing.Name = epci.Name;
            }
            else
            {
                db.Epcis.Add(epci);
                epcisAdded++;
            }
        }
        var codes = communes.Select(c => c.InseeCode).ToList();
        var existingCommunes = await db.Communes.Where(c => codes.Contains(c.InseeCode)).ToDictionaryAsync(c => c.InseeCode, cancellationToken);
        int added = 0, updated = 0;
        foreach (var commune in communes)
        {
            if (existingCommunes.TryGetValue(commune.InseeCode, out var existing))
            {
                existing.Name = commune.Name;
                existing.SearchName = commune.SearchName;
                existing.Population = commune.Population;
                existing.PostalCode = commune.PostalCode;
                existing.EpciSiren = commune.EpciSiren;
                existing.Latitude = commune.Latitude;
                existing.Longitude = commune.Longitude;
                updated++;
            }
            else
            {
                db.Communes.Add(commune);
                added++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CommuneImportResult(added, updated, epcisAdded, []);
    }

    internal static (List<Commune> Communes, Dictionary<string, Epci> Epcis, List<ImportError> Errors) Parse(TextReader reader)
    {
        var communes = new List<Commune>();
        var epcis = new Dictionary<string, Epci>();
        var errors = new List<ImportError>();
        var seen = new Dictionary<string, int>();
        var headerRead = false;
        IEnumerable<Csv.Row> rows;
        try
        {
            rows = Csv.Read(reader).ToList();
        }
        catch (CsvFormatException ex)
        {
            errors.Add(new ImportError(ex.Line, ex.Field >= 0 && ex.Field < Header.Length ? Header[ex.Field] : "ligne", ex.Reason));
            return (communes, epcis, errors);
        }

        foreach (var row in rows)
        {
            if (!headerRead)
            {
                headerRead = true;
                var header = row.Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToArray();
                if (!header.SequenceEqual(Header))
                {
                    errors.Add(new ImportError(row.LineNumber, "en-tête",
                        $"colonnes attendues « {string.Join(',', Header)} », trouvées « {string.Join(',', header)} »"));
                    return (communes, epcis, errors);
                }
                continue;
            }
            var line = row.LineNumber;
            if (row.Fields.Count != Header.Length)
            {
                errors.Add(new ImportError(line, "ligne", $"{row.Fields.Count} colonnes au lieu de {Header.Length}"));
                continue;
            }
            var f = row.Fields.Select(v => v.Trim()).ToArray();
            var rowErrors = errors.Count;
            if (!InseeCode().IsMatch(f[0]))
            {
                errors.Add(new ImportError(line, "insee_code", $"« {f[0]} » n'est pas un code commune INSEE (5 caractères, par exemple 46042)"));
            }
            else if (seen.TryGetValue(f[0], out var firstLine))
            {
                errors.Add(new ImportError(line, "insee_code", $"la commune {f[0]} figure déjà ligne {firstLine}"));
            }
            if (f[1].Length == 0)
            {
                errors.Add(new ImportError(line, "name", "le nom de la commune est vide"));
            }
            else if (f[1].Length > MaxName || SearchText.Fold(f[1]).Length > MaxName)
            {
                // The folded name is searched on, in a column as long: « œ » makes two letters of one.
                errors.Add(new ImportError(line, "name", $"le nom de la commune a {f[1].Length} caractères : {MaxName} au plus"));
            }
            if (!int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var population))
            {
                errors.Add(new ImportError(line, "population_2026", $"« {f[2]} » n'est pas un nombre d'habitants (entier positif)"));
            }
            if (!PostalCode().IsMatch(f[3]))
            {
                errors.Add(new ImportError(line, "postal_code", $"« {f[3]} » n'est pas un code postal (5 chiffres)"));
            }
            if (!Siren().IsMatch(f[4]))
            {
                errors.Add(new ImportError(line, "epci_siren", $"« {f[4]} » n'est pas un SIREN (9 chiffres)"));
            }
            if (f[5].Length == 0)
            {
                errors.Add(new ImportError(line, "epci_name", "le nom de l'EPCI est vide"));
            }
            else if (f[5].Length > MaxName)
            {
                errors.Add(new ImportError(line, "epci_name", $"le nom de l'EPCI a {f[5].Length} caractères : {MaxName} au plus"));
            }
            foreach (var (column, text) in new[] { ("name", f[1]), ("epci_name", f[5]) })
            {
                if (text.Any(Csv.IsStrayControl))
                {
                    errors.Add(new ImportError(line, column, $"un caractère de contrôle (U+{(int)text.First(Csv.IsStrayControl):X4}) dans « {text} » : retirez-le"));
                }
            }
            var latitude = ParseCoordinate(f[6], -90, 90, line, "latitude", errors);
            var longitude = ParseCoordinate(f[7], -180, 180, line, "longitude", errors);
            if (errors.Count > rowErrors)
            {
                continue;
            }
            seen[f[0]] = line;
            if (epcis.TryGetValue(f[4], out var epci) && epci.Name != f[5])
            {
                errors.Add(new ImportError(line, "epci_name", $"l'EPCI {f[4]} s'appelle « {epci.Name} » plus haut et « {f[5]} » ici"));
                continue;
            }
            epcis[f[4]] = new Epci { Siren = f[4], Name = f[5] };
            communes.Add(new Commune
            {
                InseeCode = f[0],
                Name = f[1],
                SearchName = SearchText.Fold(f[1]),
                Population = population,
                PostalCode = f[3],
                EpciSiren = f[4],
                Latitude = latitude,
                Longitude = longitude,
            });
        }
        if (!headerRead)
        {
            errors.Add(new ImportError(0, "", "le fichier est vide"));
        }
        else if (communes.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(0, "", "le fichier ne contient aucune commune"));
        }
        return (communes, epcis, errors);
    }

    private static double ParseCoordinate(string text, double min, double max, int line, string field, List<ImportError> errors)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
        {
            errors.Add(new ImportError(line, field, $"« {text} » n'est pas un nombre décimal (séparateur : point)"));
            return 0;
        }
        if (value < min || value > max)
        {
            errors.Add(new ImportError(line, field, string.Create(CultureInfo.InvariantCulture, $"{value} est hors de l'intervalle [{min} ; {max}]")));
        }
        return value;
    }

    // [0-9], not \d: \d takes any script's digits (« ٤٦٠٤٢ »), and $ a final line break.
    [GeneratedRegex(@"^([0-9]{5}|2[AB][0-9]{3})\z")]
    private static partial Regex InseeCode();

    [GeneratedRegex(@"^[0-9]{5}\z")]
    private static partial Regex PostalCode();

    [GeneratedRegex(@"^[0-9]{9}\z")]
    private static partial Regex Siren();
}
