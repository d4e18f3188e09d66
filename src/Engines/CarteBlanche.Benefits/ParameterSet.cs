using System.Globalization;
using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace CarteBlanche.Benefits;

/// <summary>A parameter's value at a date, with where it comes from (for the explanations).</summary>
public readonly record struct ParameterValue(string Name, double Value, DateOnly Since, string Description, string Reference, string? Unit);

/// <summary>Raised when a computation needs a parameter that has no value at that date: names both.</summary>
public sealed class MissingParameterException(string name, DateOnly date)
    : Exception(string.Create(CultureInfo.GetCultureInfo("fr-FR"), $"Le paramètre « {name} » n'a pas de valeur au {date:yyyy-MM-dd} : ajoutez-la dans Parameters/ (date d'effet et référence légale)."))
{
    public string Name { get; } = name;

    public DateOnly Date { get; } = date;
}

/// <summary>
/// The dated parameters (Parameters/*.yaml, embedded in the assembly): for each name, values by effective date, each
/// applying until the next. Names are "file.key", e.g. "rsa.montant_de_base".
/// </summary>
public sealed class ParameterSet
{
    private sealed record Entry(string Description, string Reference, string? Unit, DateOnly[] Dates, double[] Values);

    private readonly Dictionary<string, Entry> _entries;

    private ParameterSet(Dictionary<string, Entry> entries) => _entries = entries;

    /// <summary>The parameters shipped with the engine.</summary>
    public static ParameterSet Embedded { get; } = LoadEmbedded();

    public IEnumerable<string> Names => _entries.Keys.Order(StringComparer.Ordinal);

    public ParameterValue Get(string name, DateOnly date) =>
        TryGet(name, date, out var value) ? value : throw new MissingParameterException(name, date);

    /// <summary>The date of a parameter's first value (null when unknown): when the rule it belongs to began.</summary>
    public DateOnly? FirstDate(string name) => _entries.TryGetValue(name, out var e) && e.Dates.Length > 0 ? e.Dates[0] : null;

    public bool TryGet(string name, DateOnly date, out ParameterValue value)
    {
        value = default;
        if (!_entries.TryGetValue(name, out var e))
        {
            return false;
        }
        var i = Array.BinarySearch(e.Dates, date);
        i = i >= 0 ? i : ~i - 1;
        if (i < 0)
        {
            return false;
        }
        value = new ParameterValue(name, e.Values[i], e.Dates[i], e.Description, e.Reference, e.Unit);
        return true;
    }

    private static ParameterSet LoadEmbedded()
    {
        var assembly = typeof(ParameterSet).Assembly;
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Parameters/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            Load(reader, Path.GetFileNameWithoutExtension(resource), resource, entries);
        }
        return new ParameterSet(entries);
    }

    /// <summary>Reads one parameter file; a malformed one names the file and the key.</summary>
    public static ParameterSet Load(IEnumerable<(string Prefix, TextReader Reader, string FileName)> files)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (prefix, reader, fileName) in files)
        {
            Load(reader, prefix, fileName, entries);
        }
        return new ParameterSet(entries);
    }

    private static void Load(TextReader reader, string prefix, string fileName, Dictionary<string, Entry> entries)
    {
        var yaml = new YamlStream();
        yaml.Load(reader);
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new FormatException($"{fileName} : le fichier de paramètres est vide ou n'est pas un dictionnaire.");
        }
        foreach (var (keyNode, node) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            var name = $"{prefix}.{key}";
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode("values"), out var valuesNode) || valuesNode is not YamlMappingNode values)
            {
                throw new FormatException($"{fileName} : « {key} » n'a pas de liste « values » (date: valeur).");
            }
            string? Text(string field) => map.Children.TryGetValue(new YamlScalarNode(field), out var n) ? ((YamlScalarNode)n).Value : null;
            var pairs = new List<(DateOnly, double)>();
            foreach (var (dateNode, valueNode) in values.Children)
            {
                var dateText = ((YamlScalarNode)dateNode).Value;
                var valueText = (valueNode as YamlScalarNode)?.Value;
                if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw new FormatException($"{fileName} : « {key} » : la date « {dateText} » n'est pas au format aaaa-mm-jj (ligne {dateNode.Start.Line}).");
                }
                if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw new FormatException($"{fileName} : « {key} » au {dateText} : « {valueText} » n'est pas un nombre (ligne {valueNode.Start.Line}).");
                }
                pairs.Add((date, value));
            }
            pairs.Sort((a, b) => a.Item1.CompareTo(b.Item1));
            entries[name] = new Entry(Text("description") ?? key, Text("reference") ?? "", Text("unit"), pairs.Select(p => p.Item1).ToArray(), pairs.Select(p => p.Item2).ToArray());
        }
    }

    internal static Assembly Assembly => typeof(ParameterSet).Assembly;
}
