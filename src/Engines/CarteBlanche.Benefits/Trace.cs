using System.Globalization;

namespace CarteBlanche.Benefits;

/// <summary>
/// What a formula tells as it computes. The batch path passes <see cref="NoTrace"/> (a struct: the calls compile away);
/// an explanation passes <see cref="Explanation"/>, which keeps every step in French.
/// </summary>
public interface ITrace
{
    bool On { get; }

    void Step(string variable, double value, string text);

    void Uses(IEnumerable<ParameterValue> parameters);
}

public readonly struct NoTrace : ITrace
{
    public bool On => false;

    public void Step(string variable, double value, string text)
    {
    }

    public void Uses(IEnumerable<ParameterValue> parameters)
    {
    }
}

public sealed record ExplanationStep(string Variable, double Value, string Text);

/// <summary>A computation told step by step: the rules applied, the parameter values and their dates, the inputs, the amounts.</summary>
public sealed class Explanation : ITrace
{
    public static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    private readonly List<ParameterValue> _parameters = [];

    public bool On => true;

    public List<ExplanationStep> Steps { get; } = [];

    public IReadOnlyList<ParameterValue> Parameters => _parameters;

    public void Step(string variable, double value, string text) => Steps.Add(new ExplanationStep(variable, value, text));

    public void Uses(IEnumerable<ParameterValue> parameters)
    {
        foreach (var p in parameters)
        {
            if (!_parameters.Any(q => q.Name == p.Name && q.Since == p.Since))
            {
                _parameters.Add(p);
            }
        }
    }

    public static string Euros(double value) => value.ToString("#,##0.00", Fr) + " €";

    public static string Number(double value) => value.ToString("0.#####", Fr);
}
