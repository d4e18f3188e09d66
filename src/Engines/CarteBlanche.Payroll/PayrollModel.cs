using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace CarteBlanche.Payroll;

/// <summary>A situation or a question the model cannot answer: the French message says what and where.</summary>
public sealed class PayrollInputException(string message) : Exception(message);

/// <summary>
/// A line of a payslip as the model gives it: its section (« Santé », « Retraite »…), the rule and its title, the base,
/// and the employee's and employer's rates (in %) and amounts, unrounded; null where the line has no such part. A
/// <paramref name="Detail"/> is a part of the line before it (RGDU within the exemptions), not added to the totals again.
/// </summary>
public sealed record PayslipLine(string Section, string Rule, string Title, double? Base, double? EmployeeRate, double? EmployeeAmount, double? EmployerRate, double? EmployerAmount, bool Detail = false);

/// <summary>The values asked and every line of the payslip.</summary>
public sealed record PayslipResult(IReadOnlyDictionary<string, PayrollValue> Values, IReadOnlyList<PayslipLine> Lines);

/// <summary>A computed rule: the model's unrounded value (null when the rule does not apply), its unit, and the value rounded once to the cent.</summary>
public sealed record PayrollValue(double? Value, string? Unit)
{
    /// <summary>Rounded once, to the cent, half away from zero (the model's half-cents: 1,561.255 → 1,561.26).</summary>
    public decimal? Cents => Value is { } v ? PayrollModel.ToCents(v) : null;
}

/// <summary>
/// The URSSAF's payroll rules (modele-social) on their own engine (publicodes), run in-process in V8 (ClearScript):
/// not a re-implementation of French payroll. A situation is given in the model's own keys and expressions
/// (« salarié . contrat . salaire brut » = « 2000 €/mois », « salarié . contrat » = « 'CDI' »); the values asked are
/// the model's rule names. One V8 engine per core at most, each loading the 1,348 rules once (~0.7 s); an engine
/// answers one payslip at a time.
/// </summary>
public sealed class PayrollModel : IDisposable
{
    /// <summary>The folder next to the assembly where the build copies the model's bundles.</summary>
    public const string Folder = "payroll-model";

    private static readonly JsonSerializerOptions LineJson = new() { PropertyNameCaseInsensitive = true };
    private readonly string _publicodes;
    private readonly string _linesScript;
    private readonly string _rules;
    private HashSet<string> _ruleNames = [];
    private readonly ConcurrentBag<V8ScriptEngine> _idle = [];
    private readonly SemaphoreSlim _engines;
    private readonly List<V8ScriptEngine> _all = [];

    /// <summary>The model's package version (« 11.1.0 »).</summary>
    public string Version { get; }

    /// <summary>The first and last day the model computes for: the year of its own default date (a model version is published for a year).</summary>
    public DateOnly From { get; }
    public DateOnly To { get; }

    /// <summary>How many V8 engines at most answer at once (one per core by default).</summary>
    public int MaxEngines { get; }

    /// <summary>The rule names of the model.</summary>
    public IReadOnlyCollection<string> RuleNames => _ruleNames;

    private PayrollModel(string publicodes, string rules, string version, int maxEngines)
    {
        _publicodes = publicodes;
        _rules = rules;
        using (var stream = typeof(PayrollModel).Assembly.GetManifestResourceStream("CarteBlanche.Payroll.payslip-lines.js")!)
        using (var reader = new StreamReader(stream))
        {
            _linesScript = reader.ReadToEnd();
        }
        Version = version;
        using var document = JsonDocument.Parse(rules);
        var date = document.RootElement.GetProperty("date");
        var defaultDate = ParseDate(date.ValueKind == JsonValueKind.String ? date.GetString()! : date.GetProperty("par défaut").GetString()!)
            ?? throw new InvalidOperationException("Le modèle de paie n'a pas de date par défaut lisible.");
        From = new DateOnly(defaultDate.Year, 1, 1);
        To = new DateOnly(defaultDate.Year, 12, 31);
        MaxEngines = maxEngines;
        _engines = new SemaphoreSlim(maxEngines, maxEngines);
        // The names as the engine parsed them: rules written inside others (« avec ») are rules too.
        var first = Rent();
        try
        {
            _ruleNames = JsonSerializer.Deserialize<string[]>((string)first.Evaluate("JSON.stringify(Object.keys(model.getParsedRules()))"))!.ToHashSet(StringComparer.Ordinal);
        }
        finally
        {
            Return(first);
        }
    }

    /// <summary>Loads the model from the folder the build fills (<see cref="Folder"/> next to this assembly by default).</summary>
    public static PayrollModel Load(string? directory = null, int? maxEngines = null)
    {
        // V8's background threads (concurrent GC and compilation) compete with the engines for the cores: without them,
        // 300 payslips on 2 engines took 7.8–8.7 s instead of 9.7–12 s. Process-wide, read when the first engine starts.
        V8Settings.GlobalFlags |= V8GlobalFlags.DisableBackgroundWork;
        directory ??= Path.Combine(AppContext.BaseDirectory, Folder);
        var rulesModule = File.ReadAllText(Path.Combine(directory, "modele-social.js"));
        // The bundle is « export const json = "<the rules as a JSON string>"; export default JSON.parse(json); ».
        const string start = "export const json = /*@__PURE__*/ ";
        var from = rulesModule.IndexOf(start, StringComparison.Ordinal);
        var end = rulesModule.LastIndexOf(";\nexport default", StringComparison.Ordinal);
        if (from < 0 || end < from)
        {
            throw new InvalidOperationException($"{directory}/modele-social.js n'a pas la forme attendue (export const json = …) : version du paquet modele-social changée ?");
        }
        var rules = JsonSerializer.Deserialize<string>(rulesModule[(from + start.Length)..end])!;
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "modele-social.package.json")));
        var version = package.RootElement.GetProperty("version").GetString()!;
        return new PayrollModel(File.ReadAllText(Path.Combine(directory, "publicodes.cjs")), rules, version, maxEngines ?? Environment.ProcessorCount);
    }

    /// <summary>A situation file's text: an object of the model's keys and their values (« clé du modèle »: « valeur »).</summary>
    /// <exception cref="PayrollInputException">Not JSON (its line is named), or not an object.</exception>
    public static Dictionary<string, JsonElement> ReadSituation(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? throw new PayrollInputException("un objet JSON est attendu.");
        }
        catch (JsonException e)
        {
            throw new PayrollInputException($"JSON illisible (ligne {e.LineNumber + 1}) : un objet {{ \"clé du modèle\": \"valeur\" }} est attendu.");
        }
        catch (InvalidOperationException)
        {
            throw new PayrollInputException("JSON illisible : une clé n'y donne qu'une moitié de caractère (un « \\u » seul).");
        }
    }

    /// <summary>
    /// Computes <paramref name="rules"/> in <paramref name="situation"/> (the model's keys; a JSON string is a
    /// publicodes expression, a number a number, a boolean « oui »/« non »). An unknown key or rule, or a date outside
    /// the model's year, is refused before anything runs.
    /// </summary>
    public IReadOnlyDictionary<string, PayrollValue> Calculate(IReadOnlyDictionary<string, JsonElement> situation, IReadOnlyList<string> rules) =>
        Run(situation, rules, lines: false).Values;

    /// <summary>As <see cref="Calculate"/>, with every line of the payslip (payslip-lines.js, after mon-entreprise's payslip).</summary>
    public PayslipResult CalculatePayslip(IReadOnlyDictionary<string, JsonElement> situation, IReadOnlyList<string> rules) =>
        Run(situation, rules, lines: true);

    private PayslipResult Run(IReadOnlyDictionary<string, JsonElement> situation, IReadOnlyList<string> rules, bool lines)
    {
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(rules);
        var unknown = situation.Keys.Where(k => !_ruleNames.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new PayrollInputException($"Situation : {string.Join(", ", unknown.Select(k => $"« {k} »"))} n'existe pas dans le modèle de paie (modele-social {Version}).");
        }
        var unknownRules = rules.Where(r => !_ruleNames.Contains(r)).ToList();
        if (unknownRules.Count > 0)
        {
            throw new PayrollInputException($"Valeurs demandées : {string.Join(", ", unknownRules.Select(k => $"« {k} »"))} n'existe pas dans le modèle de paie (modele-social {Version}).");
        }
        if (situation.TryGetValue("date", out var dateValue))
        {
            var date = dateValue.ValueKind == JsonValueKind.String ? ParseDate(Text("date", dateValue)) : null;
            if (date == null)
            {
                throw new PayrollInputException($"Situation : « date » doit être une date entre apostrophes, par exemple « '01/06/{From.Year}' » (reçu {dateValue.GetRawText()}).");
            }
            if (date < From || date > To)
            {
                throw new PayrollInputException($"Situation : le modèle de paie (modele-social {Version}) calcule pour les dates du {From:dd/MM/yyyy} au {To:dd/MM/yyyy} ; « date » vaut {date:dd/MM/yyyy}.");
            }
        }
        var expressions = situation.ToDictionary(p => p.Key, p => p.Value.ValueKind switch
        {
            JsonValueKind.String => Text(p.Key, p.Value),
            JsonValueKind.Number => p.Value.GetRawText(),
            JsonValueKind.True => "oui",
            JsonValueKind.False => "non",
            _ => throw new PayrollInputException($"Situation : la valeur de « {p.Key} » doit être un texte (une expression du modèle), un nombre ou un booléen."),
        });
        var engine = Rent();
        try
        {
            string answer;
            try
            {
                answer = (string)engine.Invoke("calculate", JsonSerializer.Serialize(expressions), JsonSerializer.Serialize(rules), lines);
            }
            catch (ScriptEngineException e)
            {
                throw new PayrollInputException($"Le modèle de paie refuse la situation : {FirstLines(e.Message)}");
            }
            using var document = JsonDocument.Parse(answer);
            var values = document.RootElement.GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => new PayrollValue(
                p.Value.GetProperty("value").ValueKind == JsonValueKind.Number ? p.Value.GetProperty("value").GetDouble() : null,
                p.Value.GetProperty("unit").GetString()), StringComparer.Ordinal);
            var payslipLines = document.RootElement.TryGetProperty("lines", out var array) && array.ValueKind == JsonValueKind.Array
                ? array.Deserialize<List<PayslipLine>>(LineJson)! : [];
            return new PayslipResult(values, payslipLines);
        }
        finally
        {
            Return(engine);
        }
    }

    /// <summary>A text value; System.Text.Json decodes it only now, and « \ud800 » alone is half a character.</summary>
    private static string Text(string key, JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new PayrollInputException($"Situation : la valeur de « {key} » est illisible : un « \\u » n'y donne qu'une moitié de caractère.");
        }
    }

    /// <summary>Once, to the cent, half away from zero. Through decimal's conversion of the double (15 significant digits), so that 1561.255 is 1561.255, not 1561.25499…</summary>
    public static decimal ToCents(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);

    private V8ScriptEngine Rent()
    {
        _engines.Wait();
        if (_idle.TryTake(out var engine))
        {
            return engine;
        }
        try
        {
            // A payslip allocates a lot of short-lived objects: a young generation of 128 MiB (V8's default is a few)
            // collects less often; measured 1,000 payslips in 24–26 s instead of 27–30 s on 2 cores.
            engine = new V8ScriptEngine(new V8RuntimeConstraints { MaxNewSpaceSize = 128 }, V8ScriptEngineFlags.DisableGlobalMembers);
            engine.Execute("var module = { exports: {} }; var exports = module.exports;");
            engine.Execute(_publicodes);
            engine.Script.rulesJson = _rules;
            engine.Execute("""
                var publicodes = module.exports;
                var model = new publicodes.default(JSON.parse(rulesJson), { logger: { log() {}, warn() {}, error() {} } });
                rulesJson = null;
                function calculate(situationJson, rulesJson, withLines) {
                  model.setSituation(JSON.parse(situationJson));
                  var values = {};
                  for (var rule of JSON.parse(rulesJson)) {
                    var e = model.evaluate(rule);
                    values[rule] = { value: typeof e.nodeValue === 'number' ? e.nodeValue : null, unit: e.unit ? publicodes.serializeUnit(e.unit) : null };
                  }
                  return JSON.stringify(withLines ? { values: values, lines: flatPayslipLines(model) } : { values: values });
                }
                """);
            engine.Execute(_linesScript);
            lock (_all)
            {
                _all.Add(engine);
            }
            return engine;
        }
        catch
        {
            _engines.Release();
            throw;
        }
    }

    private void Return(V8ScriptEngine engine)
    {
        _idle.Add(engine);
        _engines.Release();
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim().Trim('\''), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string FirstLines(string message) =>
        string.Join(" ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith('[')).Take(3));

    public void Dispose()
    {
        lock (_all)
        {
            foreach (var engine in _all)
            {
                engine.Dispose();
            }
            _all.Clear();
        }
        _engines.Dispose();
    }
}
