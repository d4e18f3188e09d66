using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace CarteBlanche.Benefits;

public sealed record CalculationResult(JsonObject Situation, IReadOnlyList<string> Warnings, IReadOnlyList<string> NotImplemented);

/// <summary>OpenFisca Web API's <c>/calculate</c>: the situation comes back with every <c>null</c> it can compute filled in.</summary>
public static class Calculator
{
    /// <summary>
    /// Reads a situation (the Web API's <c>/calculate</c> body). Refused, naming <paramref name="source"/> and the line:
    /// what is not JSON, not an object, not UTF-8, a key twice in an object, or half a character (« \ud800 »).
    /// </summary>
    /// <exception cref="SituationException">The situation cannot be read.</exception>
    public static JsonObject Read(Stream json, string source)
    {
        using var buffer = new MemoryStream();
        json.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }
        if (!Utf8.IsValid(bytes))
        {
            var valid = 0;
            while (Rune.DecodeFromUtf8(bytes[valid..], out _, out var length) == OperationStatus.Done)
            {
                valid += length;
            }
            throw new SituationException($"{source} : ligne {LineAt(bytes, valid)} : le fichier n'est pas en UTF-8 : enregistrez-le en UTF-8.");
        }
        // System.Text.Json reads keys and texts lazily, and a key twice or half a character would fail later with
        // exceptions of other kinds: checked here, token by token.
        var reader = new Utf8JsonReader(bytes);
        var keys = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        keys.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        keys.Pop();
                        break;
                    case JsonTokenType.PropertyName when !keys.Peek().Add(Text(ref reader, bytes, source)):
                        throw new SituationException($"{source} : ligne {LineAt(bytes, (int)reader.TokenStartIndex)} : la clé « {reader.GetString()} » figure deux fois dans le même objet.");
                    case JsonTokenType.String:
                        Text(ref reader, bytes, source);
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new SituationException($"{source} : JSON illisible, ligne {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1} : {ex.Message.Split('.')[0]}.");
        }
        return JsonNode.Parse(bytes) as JsonObject ?? throw new SituationException($"{source} : la situation doit être un objet JSON.");
    }

    private static string Text(ref Utf8JsonReader reader, ReadOnlySpan<byte> bytes, string source)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new SituationException($"{source} : ligne {LineAt(bytes, (int)reader.TokenStartIndex)} : texte illisible (un « \\u » n'y donne qu'une moitié de caractère).");
        }
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int index) => bytes[..index].Count((byte)'\n') + 1;

    public static CalculationResult Calculate(JsonObject situation, string source, MonthParameters? parameters = null)
    {
        parameters ??= MonthParameters.Embedded;
        var read = Situation.Read(situation, source);
        var notImplemented = new List<string>();
        var computable = read.Requests.Where(r => Variables.All[r.Variable].Role == VariableRole.Computed).ToList();
        foreach (var r in read.Requests.Except(computable))
        {
            notImplemented.Add($"{r.Variable} ({Variables.EntityPlural(r.Entity)}.{r.Id}, {r.Period}) : variable non implémentée dans ce moteur, laissée à null.");
        }
        var completed = (JsonObject)situation.DeepClone();
        if (computable.Count == 0)
        {
            return new CalculationResult(completed, read.Warnings, notImplemented);
        }
        var (from, to) = read.Window(computable.Select(r => r.Period));
        read.ToPopulation(from, to);
        foreach (var r in computable)
        {
            var value = read.Compute(r.Variable, r.Entity, r.Id, r.Period, parameters);
            // Amounts are written as OpenFisca's Web API writes them: float32, shortest form (314.6152).
            if (value is JsonValue number && Variables.All[r.Variable].Kind == ValueKind.Amount && number.TryGetValue<double>(out var amount))
            {
                value = JsonValue.Create((float)amount);
            }
            completed[Variables.EntityPlural(r.Entity)]![r.Id]![r.Variable]![r.Period.ToString()] = value;
        }
        return new CalculationResult(completed, read.Warnings, notImplemented);
    }

    /// <summary>Explains one variable for a period: the French steps and the parameters used. Null when the situation has no entity to compute it on.</summary>
    public static (Explanation Explanation, JsonNode? Value, string EntityId) Explain(JsonObject situation, string source, string variable, Period period, string? entityId = null, MonthParameters? parameters = null)
    {
        parameters ??= MonthParameters.Embedded;
        if (!Variables.All.TryGetValue(variable, out var info) || info.Role != VariableRole.Computed)
        {
            throw new SituationException($"{source} : « {variable} » n'est pas une variable calculée par ce moteur.");
        }
        var read = Situation.Read(situation, source);
        var ids = info.Entity == EntityKind.Individu ? read.PersonIds.ToList()
            : (situation["familles"] as JsonObject)?.Select(kv => kv.Key).ToList() ?? [];
        if (info.Entity == EntityKind.Famille && ids.Count == 0)
        {
            ids = [$"_{read.PersonIds[0]}"];
        }
        var id = entityId ?? ids.FirstOrDefault() ?? throw new SituationException($"{source} : aucune entité {Variables.EntityPlural(info.Entity)}.");
        var (from, to) = read.Window([period]);
        read.ToPopulation(from, to);
        var explanation = new Explanation();
        var value = read.Compute(variable, info.Entity, id, period, parameters, explanation);
        return (explanation, value, id);
    }
}
