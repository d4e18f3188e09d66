using System.Text.Json;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Results;

namespace CarteBlanche.Web.Pages.Resultats;

/// <summary>What resultats.js needs to draw a chart, as JSON in the canvas's data-graphique attribute (no inline script: CSP).</summary>
public static class ChartData
{
    public static string Json(ResultChart chart, IReadOnlyList<YearMonth> months) => JsonSerializer.Serialize(new
    {
        kind = chart.Kind switch { ChartKind.Line => "line", ChartKind.StackedBar => "stacked", _ => "bar" },
        unit = chart.Unit.ToString(),
        labels = months.Select(ResultFormat.Month).ToList(),
        series = chart.Series.Select(s => new
        {
            label = s.Label,
            // Masked and empty months are gaps in the chart; the table below says which.
            data = s.Values.Select(v => v.Masked || v.Value == null ? (double?)null : Math.Round(v.Value.Value, 2)).ToList(),
        }).ToList(),
    });

    /// <summary>The chart's text alternative: what it shows, the table after it gives the numbers.</summary>
    public static string Description(ResultChart chart, IReadOnlyList<YearMonth> months) =>
        $"Graphique : {chart.Title}, de {ResultFormat.Month(months[0])} à {ResultFormat.Month(months[^1])}. Les valeurs sont dans le tableau qui suit.";
}
