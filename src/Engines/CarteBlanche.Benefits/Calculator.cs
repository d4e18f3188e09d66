using System.Text.Json.Nodes;

namespace CarteBlanche.Benefits;

public sealed record CalculationResult(JsonObject Situation, IReadOnlyList<string> Warnings, IReadOnlyList<string> NotImplemented);

/// <summary>OpenFisca Web API's <c>/calculate</c>: the situation comes back with every <c>null</c> it can compute filled in.</summary>
public static class Calculator
{
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
