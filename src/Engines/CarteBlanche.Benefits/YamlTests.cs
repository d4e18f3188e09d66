using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace CarteBlanche.Benefits;

public sealed record YamlTestFailure(string File, string Test, string Message);

public sealed record YamlTestReport(int Passed, int Failed, int Skipped, IReadOnlyList<YamlTestFailure> Failures, IReadOnlyList<string> Skips, IReadOnlyList<string> Warnings);

/// <summary>
/// Runs OpenFisca YAML tests (openfisca-core's test format): one test or a list per file; inputs with singular
/// (<c>famille</c>, <c>menage</c>, <c>foyer_fiscal</c>) or plural entities, or plain variables for a one-person
/// situation; values by period (a yearly amount is spread over its months); expected outputs may be arithmetic.
/// A test asking for a variable the engine does not compute is skipped, never passed.
/// </summary>
public static class YamlTests
{
    private static readonly Dictionary<string, (string Plural, string DefaultId)> Singular = new(StringComparer.Ordinal)
    {
        ["famille"] = ("familles", "famille"),
        ["foyer_fiscal"] = ("foyers_fiscaux", "foyer_fiscal"),
        ["menage"] = ("menages", "menage"),
    };

    public static YamlTestReport Run(IEnumerable<string> paths, MonthParameters? parameters = null)
    {
        parameters ??= MonthParameters.Embedded;
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.y*ml", SearchOption.AllDirectories).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"{path} : fichier ou dossier introuvable.", path);
            }
        }
        int passed = 0, failed = 0, skipped = 0;
        var failures = new List<YamlTestFailure>();
        var skips = new List<string>();
        var warnings = new List<string>();
        foreach (var file in files)
        {
            YamlStream yaml;
            DepthLimitedParser? parser = null;
            try
            {
                yaml = new YamlStream();
                using var reader = new StreamReader(file);
                parser = new DepthLimitedParser(new Parser(reader));
                yaml.Load(parser);
            }
            catch (YamlException ex)
            {
                failed++;
                failures.Add(new YamlTestFailure(file, "", $"YAML illisible, ligne {ex.Start.Line}, colonne {ex.Start.Column} : {ex.InnerException?.Message ?? ex.Message}"));
                continue;
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                // YamlDotNet fails so on some broken files: its scanner on some plain scalars (« a: {b: 1, c- d: e » then a
                // line; aaubry/YamlDotNet#541), its document on events it does not expect (a NUL in a comment).
                failed++;
                failures.Add(new YamlTestFailure(file, "", $"YAML illisible après la ligne {parser?.Line}, colonne {parser?.Column} : construction non reconnue (accolade ou crochet non fermé ?)"));
                continue;
            }
            var tests = yaml.Documents.SelectMany(d => d.RootNode is YamlSequenceNode list ? list.Children : [d.RootNode]).ToList();
            var index = 0;
            foreach (var node in tests)
            {
                index++;
                var name = node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("name"), out var n) && n is YamlScalarNode { Value: { Length: > 0 } text } ? text : $"test {index}";
                try
                {
                    var outcome = RunOne(node, file, name, parameters, warnings);
                    if (outcome.Skip != null)
                    {
                        skipped++;
                        skips.Add($"{file} « {name} » : {outcome.Skip}");
                    }
                    else if (outcome.Failures.Count > 0)
                    {
                        failed++;
                        failures.AddRange(outcome.Failures.Select(f => new YamlTestFailure(file, name, f)));
                    }
                    else
                    {
                        passed++;
                    }
                }
                catch (Exception ex) when (ex is SituationException or MissingParameterException or FormatException)
                {
                    failed++;
                    // The line already names the file and the test.
                    var prefix = $"{Path.GetFileName(file)} « {name} » : ";
                    failures.Add(new YamlTestFailure(file, name, ex.Message.StartsWith(prefix, StringComparison.Ordinal) ? ex.Message[prefix.Length..] : ex.Message));
                }
                catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or KeyNotFoundException or NotSupportedException or InvalidCastException)
                {
                    // A test this runner does not read yet fails alone, named, and the run goes on.
                    failed++;
                    failures.Add(new YamlTestFailure(file, name, $"test non lu ({ex.GetType().Name}) : {ex.Message}"));
                }
            }
        }
        return new YamlTestReport(passed, failed, skipped, failures, skips, warnings.Distinct().ToList());
    }

    private sealed record Outcome(string? Skip, List<string> Failures);

    private static Outcome RunOne(YamlNode node, string file, string name, MonthParameters parameters, List<string> warnings)
    {
        if (node is not YamlMappingNode test)
        {
            throw new FormatException($"ligne {node.Start.Line} : un test est un dictionnaire (name, period, input, output)");
        }
        var where = $"{Path.GetFileName(file)} « {name} »";
        YamlNode? Field(string key) => test.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
        var periodText = (Field("period") as YamlScalarNode)?.Value;
        if (!Period.TryParse(periodText, out var period))
        {
            throw new FormatException($"{where} : période « {periodText} » illisible (attendu 2025-01 ou 2025)");
        }
        // A margin is a number, or { default: x, <variable>: y }.
        var absoluteMargins = Margins(Field("absolute_error_margin"));
        var relativeMargins = Margins(Field("relative_error_margin"));
        var input = ToJson(Field("input")) as JsonObject ?? throw new FormatException($"{where} : « input » manque ou n'est pas un dictionnaire");
        EvaluateArithmetic(input, where);
        var output = ToJson(Field("output")) as JsonObject ?? throw new FormatException($"{where} : « output » manque ou n'est pas un dictionnaire");

        var situation = Normalise(input, where);
        var read = Situation.Read(situation, where, period);
        warnings.AddRange(read.Warnings.Select(w => $"{where} : {w}"));

        // Expected values: (entity, id, variable, period, expected).
        var personIds = read.PersonIds.ToList();
        var familyIds = (situation["familles"] as JsonObject)?.Select(kv => kv.Key).ToList() is { Count: > 0 } fams ? fams : personIds.Select(p => $"_{p}").ToList();
        var expected = new List<(EntityKind Entity, string Id, string Variable, Period Period, JsonNode? Value)>();
        void Expect(string variable, JsonNode? value, IReadOnlyList<string>? ids)
        {
            if (!Variables.All.TryGetValue(variable, out var info))
            {
                expected.Add((EntityKind.Individu, "", variable, period, value));
                return;
            }
            var all = info.Entity == EntityKind.Individu ? personIds : info.Entity == EntityKind.Famille ? familyIds : [];
            var targets = ids ?? all;
            foreach (var (p, v) in value is JsonObject byPeriod && byPeriod.All(kv => Period.TryParse(kv.Key, out _))
                ? byPeriod.Select(kv => (Period.TryParse(kv.Key, out var pp) ? pp : period, kv.Value))
                : [(period, value)])
            {
                if (v is JsonArray list)
                {
                    if (list.Count != targets.Count)
                    {
                        throw new FormatException($"{where} : {variable} : {list.Count} valeurs attendues pour {targets.Count} entités {Variables.EntityPlural(info.Entity)}");
                    }
                    for (var i = 0; i < list.Count; i++)
                    {
                        expected.Add((info.Entity, targets[i], variable, p, list[i]));
                    }
                }
                else
                {
                    foreach (var id in targets)
                    {
                        expected.Add((info.Entity, id, variable, p, v));
                    }
                }
            }
        }
        foreach (var (key, value) in output)
        {
            if (key is "individus" or "familles" or "menages" or "foyers_fiscaux" && value is JsonObject byId)
            {
                foreach (var (id, vars) in byId)
                {
                    if (vars is not JsonObject variables)
                    {
                        throw new FormatException($"{where} : output.{key}.{id} : un dictionnaire de variables est attendu");
                    }
                    foreach (var (variable, v) in variables)
                    {
                        Expect(variable, v, [key == "familles" && !familyIds.Contains(id) ? id : id]);
                    }
                }
            }
            else if ((personIds.Contains(key) || familyIds.Contains(key)) && value is JsonObject vars)
            {
                foreach (var (variable, v) in vars)
                {
                    Expect(variable, v, [key]);
                }
            }
            else if (Singular.ContainsKey(key) && value is JsonObject singularVars)
            {
                foreach (var (variable, v) in singularVars)
                {
                    Expect(variable, v, null);
                }
            }
            else
            {
                Expect(key, value, null);
            }
        }
        var missing = expected.Where(e => !Variables.All.TryGetValue(e.Variable, out var info) || info.Role != VariableRole.Computed).Select(e => e.Variable).Distinct().ToList();
        if (missing.Count > 0)
        {
            return new Outcome($"variable(s) non implémentée(s) : {string.Join(", ", missing)}", []);
        }
        var (from, to) = read.Window(expected.Select(e => e.Period));
        read.ToPopulation(from, to);
        var failures = new List<string>();
        foreach (var (entity, id, variable, p, value) in expected)
        {
            var actual = read.Compute(variable, entity, id, p, parameters);
            var problem = Compare(value, actual, MarginOf(absoluteMargins, variable), MarginOf(relativeMargins, variable), $"{where} : {variable}");
            if (problem != null)
            {
                failures.Add($"{variable} ({(id.StartsWith('_') ? id[1..] : id)}, {p}) : {problem}");
            }
        }
        return new Outcome(null, failures);
    }

    private static string? Compare(JsonNode? expected, JsonNode? actual, double absolute, double relative, string where)
    {
        if (actual is JsonValue a && a.TryGetValue<bool>(out var actualBool))
        {
            var wanted = expected is JsonValue e && e.TryGetValue<bool>(out var b) ? b : Evaluate(expected, where) != 0;
            return wanted == actualBool ? null : $"attendu {Text(wanted)}, obtenu {Text(actualBool)}";
        }
        if (actual is JsonValue s && s.TryGetValue<string>(out var actualText))
        {
            var wanted = expected is JsonValue w && w.TryGetValue<string>(out var wantedText) ? wantedText : expected?.ToJsonString();
            return wanted == actualText ? null : $"attendu « {wanted} », obtenu « {actualText} »";
        }
        var expectedNumber = Evaluate(expected, where);
        var actualNumber = actual is JsonValue n && n.TryGetValue<int>(out var whole) ? whole : actual!.GetValue<double>();
        // As OpenFisca's runner: both sides as float32, then within the absolute or the relative margin (0 when none is given).
        var (e32, a32) = ((float)expectedNumber, (float)actualNumber);
        var margin = Math.Max(absolute, relative * Math.Abs(e32));
        return Math.Abs(e32 - a32) <= margin ? null
            : string.Create(CultureInfo.InvariantCulture, $"attendu {expectedNumber:0.####}, obtenu {actualNumber:0.####} (écart {actualNumber - expectedNumber:0.####}, marge {margin:0.####})");
    }

    private static string Text(bool b) => b ? "vrai" : "faux";

    private static double Evaluate(JsonNode? node, string where)
    {
        if (node is JsonValue v && v.TryGetValue<double>(out var d))
        {
            return d;
        }
        if (node is JsonValue l && l.TryGetValue<long>(out var i))
        {
            return i;
        }
        if (node is JsonValue s && s.TryGetValue<string>(out var text))
        {
            return Expression.Evaluate(text, where);
        }
        throw new FormatException($"{where} : valeur attendue illisible « {node?.ToJsonString()} »");
    }

    private static Dictionary<string, double> Margins(YamlNode? node)
    {
        var margins = new Dictionary<string, double>(StringComparer.Ordinal);
        if (node is YamlMappingNode map)
        {
            foreach (var (k, v) in map.Children)
            {
                if (k is not YamlScalarNode { Value: { } variable })
                {
                    throw new FormatException($"ligne {k.Start.Line} : une marge se donne par nom de variable");
                }
                margins[variable] = Number(v) ?? throw new FormatException($"ligne {v.Start.Line} : marge « {((YamlScalarNode)k).Value} » illisible");
            }
        }
        else if (node != null)
        {
            margins["default"] = Number(node) ?? throw new FormatException($"ligne {node.Start.Line} : marge illisible");
        }
        return margins;
    }

    private static double MarginOf(Dictionary<string, double> margins, string variable) =>
        margins.TryGetValue(variable, out var m) ? m : margins.GetValueOrDefault("default");

    private static double? Number(YamlNode? node) =>
        node is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>Turns a test's input into a plural situation: singular entities become one group; loose variables go to the single person, family or household.</summary>
    private static JsonObject Normalise(JsonObject input, string where)
    {
        var situation = new JsonObject();
        var loose = new List<(string, JsonNode?)>();
        foreach (var (key, value) in input)
        {
            if (key is "individus" or "familles" or "foyers_fiscaux" or "menages")
            {
                situation[key] = value is JsonArray list
                    ? new JsonObject(list.Select((n, i) => KeyValuePair.Create($"{key.TrimEnd('s')}_{i + 1}", n?.DeepClone())))
                    : value?.DeepClone();
            }
            else if (Singular.TryGetValue(key, out var plural))
            {
                situation[plural.Plural] = new JsonObject { [plural.DefaultId] = value?.DeepClone() };
            }
            else
            {
                loose.Add((key, value?.DeepClone()));
            }
        }
        if (situation["individus"] == null)
        {
            // Persons' values given as lists (age: [20, 17, 19]) describe as many persons, each on their own, as OpenFisca reads them.
            var count = loose.Where(l => Variables.All.TryGetValue(l.Item1, out var i) && i.Entity == EntityKind.Individu && l.Item2 is JsonArray)
                .Select(l => ((JsonArray)l.Item2!).Count).DefaultIfEmpty(1).Max();
            situation["individus"] = new JsonObject(Enumerable.Range(1, count).Select(i => KeyValuePair.Create<string, JsonNode?>($"individu_{i}", new JsonObject())));
        }
        if (situation["individus"] is not JsonObject { Count: > 0 } persons)
        {
            throw new SituationException($"{where} : individus : la situation doit décrire au moins une personne, dans un dictionnaire");
        }
        foreach (var (id, person) in persons)
        {
            if (person is not JsonObject)
            {
                throw new SituationException($"{where} : individus.{id} : une personne se décrit par un dictionnaire de variables");
            }
        }
        foreach (var (singular, (plural, id)) in Singular)
        {
            if (situation[plural] is JsonObject groups && groups.Count == 1 && groups[id] is JsonObject group && persons.Count == 1)
            {
                // A singular family or household without roles holds the only person.
                var first = persons.First().Key;
                var role = singular == "famille" ? "parents" : singular == "menage" ? "personne_de_reference" : "declarants";
                if (!group.Any(kv => kv.Key is "parents" or "enfants" or "personne_de_reference" or "conjoint" or "autres" or "declarants" or "personnes_a_charge"))
                {
                    group[role] = singular == "menage" ? JsonValue.Create(first) : new JsonArray(JsonValue.Create(first));
                }
            }
        }
        foreach (var (name, value) in loose)
        {
            if (!Variables.All.TryGetValue(name, out var info))
            {
                // Unknown: left on the person so that the situation reports it once, with the others.
                persons.First().Value!.AsObject()[name] = value;
                continue;
            }
            if (persons.Count > 1 && info.Entity == EntityKind.Individu && value is JsonArray values)
            {
                if (values.Count != persons.Count)
                {
                    throw new SituationException($"{where} : « {name} » donne {values.Count} valeurs pour {persons.Count} personnes");
                }
                var index = 0;
                foreach (var (_, person) in persons)
                {
                    person!.AsObject()[name] = values[index++]?.DeepClone();
                }
                continue;
            }
            if (persons.Count != 1 && info.Entity == EntityKind.Individu)
            {
                throw new SituationException($"{where} : « {name} » est donnée hors de toute personne alors que la situation en compte {persons.Count}");
            }
            var only = persons.First().Key;
            switch (info.Entity)
            {
                case EntityKind.Individu:
                    persons[only]!.AsObject()[name] = value;
                    break;
                default:
                    var plural = Variables.EntityPlural(info.Entity);
                    var defaultId = Singular.Values.First(v => v.Plural == plural).DefaultId;
                    if (situation[plural] is not JsonObject groups)
                    {
                        var role = info.Entity == EntityKind.Famille ? "parents" : info.Entity == EntityKind.Menage ? "personne_de_reference" : "declarants";
                        situation[plural] = groups = new JsonObject { [defaultId] = new JsonObject { [role] = info.Entity == EntityKind.Menage ? JsonValue.Create(only) : new JsonArray(JsonValue.Create(only)) } };
                    }
                    if (groups.Count != 1)
                    {
                        throw new SituationException($"{where} : « {name} » est donnée hors de toute entité alors que la situation compte {groups.Count} {plural}");
                    }
                    if (groups.First().Value is not JsonObject group)
                    {
                        throw new SituationException($"{where} : {plural}.{groups.First().Key} : un dictionnaire (rôles et variables) est attendu");
                    }
                    group[name] = value;
                    break;
            }
        }
        return situation;
    }

    /// <summary>YAML to JSON: plain scalars that read as numbers, booleans or null become those; the rest stays text.</summary>
    /// <summary>
    /// Inputs written as arithmetic, as OpenFisca reads them (<c>salaire_net: "524 * 0.55"</c>, <c>"1583.1951*12"</c>),
    /// become their value. A date (« 2019-01-01 ») is not arithmetic.
    /// </summary>
    internal static void EvaluateArithmetic(JsonNode? node, string where)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is JsonValue value && value.TryGetValue<string>(out var text) && LooksLikeArithmetic(text))
                    {
                        obj[key] = JsonValue.Create(Expression.Evaluate(text, where));
                    }
                    else
                    {
                        EvaluateArithmetic(obj[key], where);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text) && LooksLikeArithmetic(text))
                    {
                        array[i] = JsonValue.Create(Expression.Evaluate(text, where));
                    }
                    else
                    {
                        EvaluateArithmetic(array[i], where);
                    }
                }
                break;
        }
    }

    private static bool LooksLikeArithmetic(string text) =>
        text.Length > 0 && text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || c is '.' or ' ' or '+' or '-' or '*' or '/' or '(' or ')')
        && (text.IndexOfAny(['*', '/', '+']) >= 0 || text.Contains(" - ", StringComparison.Ordinal));

    /// <summary>Nesting deeper than this is refused: each level is a call (a deep file, or an alias inside itself, would overflow the stack).</summary>
    public const int MaxDepth = 64;

    /// <summary>Values in one input or output at most: a few aliases of aliases (« billion laughs ») would make billions.</summary>
    public const int MaxValues = 100_000;

    internal static JsonNode? ToJson(YamlNode? node)
    {
        var budget = MaxValues;
        return ToJson(node, 0, ref budget);
    }

    private static JsonNode? ToJson(YamlNode? node, int depth, ref int budget)
    {
        if (node != null && (depth > MaxDepth || --budget < 0))
        {
            throw new FormatException(depth > MaxDepth
                ? $"ligne {node.Start.Line} : plus de {MaxDepth} niveaux imbriqués (un alias YAML qui se contient lui-même ?)"
                : $"ligne {node.Start.Line} : plus de {MaxValues} valeurs (des alias YAML qui se répètent ?)");
        }
        switch (node)
        {
            case null:
                return null;
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (k, v) in map.Children)
                {
                    if (k is not YamlScalarNode { Value: { } key })
                    {
                        throw new FormatException($"ligne {k.Start.Line} : une clé doit être un simple texte");
                    }
                    obj[key] = ToJson(v, depth + 1, ref budget);
                }
                return obj;
            case YamlSequenceNode seq:
                var items = new JsonNode?[seq.Children.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ToJson(seq.Children[i], depth + 1, ref budget);
                }
                return new JsonArray(items);
            case YamlScalarNode scalar:
                var text = scalar.Value ?? "";
                if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
                {
                    return JsonValue.Create(text);
                }
                if (text is "" or "~" or "null" or "Null" or "NULL")
                {
                    return null;
                }
                if (text is "true" or "True" or "TRUE")
                {
                    return JsonValue.Create(true);
                }
                if (text is "false" or "False" or "FALSE")
                {
                    return JsonValue.Create(false);
                }
                // Only finite numbers: 1e400 stays text (JSON has no infinity; the situation then says it is not a number).
                if ((double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !text.Contains('-', StringComparison.Ordinal) || (text.StartsWith('-') && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number)))
                    && double.IsFinite(number))
                {
                    return JsonValue.Create(number);
                }
                return JsonValue.Create(text);
            default:
                throw new FormatException($"ligne {node.Start.Line} : nœud YAML non pris en charge");
        }
    }
}

/// <summary>
/// YamlDotNet's parser, refusing as it reads what would overflow the stack while YamlDotNet builds the document (a call
/// per level): nesting deeper than <see cref="YamlTests.MaxDepth"/>, and an alias inside the very node it names
/// (« &amp;a [*a] »: a node that contains itself, whose hash never ends when it is a key).
/// </summary>
internal sealed class DepthLimitedParser(IParser inner) : IParser
{
    private readonly Stack<string?> _open = [];

    public ParsingEvent? Current => inner.Current;

    /// <summary>Where the last event read ends: the scanner failed after it.</summary>
    public long Line { get; private set; } = 1;

    public long Column { get; private set; } = 1;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }
        var current = inner.Current!;
        (Line, Column) = (current.End.Line, current.End.Column);
        switch (current)
        {
            case SequenceStart or MappingStart when _open.Count >= YamlTests.MaxDepth:
                throw new YamlException(current.Start, current.End, $"plus de {YamlTests.MaxDepth} niveaux imbriqués");
            case SequenceStart or MappingStart:
                var anchor = ((NodeEvent)current).Anchor;
                _open.Push(anchor.IsEmpty ? null : anchor.Value);
                break;
            case SequenceEnd or MappingEnd:
                _open.TryPop(out _);
                break;
            case AnchorAlias alias when _open.Contains(alias.Value.Value):
                throw new YamlException(current.Start, current.End, $"l'alias *{alias.Value.Value} est à l'intérieur du nœud qu'il désigne : un nœud ne peut pas se contenir lui-même");
        }
        return true;
    }
}

/// <summary>Arithmetic in expected values: numbers, + − × ÷ and parentheses ("550.93 * 1.5 - 132.22").</summary>
public static class Expression
{
    /// <summary>Parentheses and minus signs nested deeper are refused (each level is a call: thousands would overflow the stack).</summary>
    public const int MaxDepth = 100;

    public static double Evaluate(string text, string where)
    {
        var position = 0;
        var value = Sum(text, ref position, where, 0);
        Skip(text, ref position);
        if (position != text.Length)
        {
            throw new FormatException($"{where} : expression « {text} » illisible à la position {position + 1}");
        }
        if (!double.IsFinite(value))
        {
            throw new FormatException($"{where} : expression « {text} » : le résultat n'est pas un nombre (division par zéro ?)");
        }
        return value;
    }

    private static void Skip(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }

    private static double Sum(string text, ref int i, string where, int depth)
    {
        var value = Product(text, ref i, where, depth);
        while (true)
        {
            Skip(text, ref i);
            if (i < text.Length && text[i] is '+' or '-')
            {
                var op = text[i++];
                var right = Product(text, ref i, where, depth);
                value = op == '+' ? value + right : value - right;
            }
            else
            {
                return value;
            }
        }
    }

    private static double Product(string text, ref int i, string where, int depth)
    {
        var value = Unary(text, ref i, where, depth);
        while (true)
        {
            Skip(text, ref i);
            if (i < text.Length && text[i] is '*' or '/')
            {
                var op = text[i++];
                var right = Unary(text, ref i, where, depth);
                value = op == '*' ? value * right : value / right;
            }
            else
            {
                return value;
            }
        }
    }

    private static double Unary(string text, ref int i, string where, int depth)
    {
        Skip(text, ref i);
        if (i < text.Length && text[i] is '-' or '(' && depth >= MaxDepth)
        {
            throw new FormatException($"{where} : expression « {text} » illisible à la position {i + 1} : plus de {MaxDepth} parenthèses ou signes moins imbriqués");
        }
        if (i < text.Length && text[i] == '-')
        {
            i++;
            return -Unary(text, ref i, where, depth + 1);
        }
        if (i < text.Length && text[i] == '(')
        {
            i++;
            var value = Sum(text, ref i, where, depth + 1);
            Skip(text, ref i);
            if (i >= text.Length || text[i] != ')')
            {
                throw new FormatException($"{where} : parenthèse non fermée dans « {text} »");
            }
            i++;
            return value;
        }
        var start = i;
        while (i < text.Length && (char.IsDigit(text[i]) || text[i] is '.' or '_' or 'e' or 'E'))
        {
            i++;
        }
        if (!double.TryParse(text.AsSpan(start, i - start).ToString().Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw new FormatException($"{where} : expression « {text} » illisible à la position {start + 1}");
        }
        return number;
    }
}
