using System.Globalization;
using CarteBlanche.Platform.Calendar;
using CarteBlanche.Platform.Files;

namespace CarteBlanche.Platform.Results;

/// <summary>What a value measures, for its unit and its format.</summary>
public enum ResultUnit
{
    Count,
    Percent,
    WorkingDays,
    WorkingHours,
    Hours,
    Euros,
    /// <summary>An average rating from 1 to 5.</summary>
    Rating,
    /// <summary>An average count (visitors per passage), with one decimal.</summary>
    Average,
}

/// <summary>
/// One figure and the number of people or items it stands on (its basis: a count is its own basis, a share or a
/// median the number of cases it was taken over). In public, a figure standing on 1 to 4 is masked (secret
/// statistique): with so few, a neighbour could tell who.
/// </summary>
/// <remarks><paramref name="MaskBasis"/>: when set, what decides the masking instead of the basis (the smaller part of a share whose parts are published as counts).</remarks>
public readonly record struct ResultValue(double? Value, int Basis, bool Masked = false, int? MaskBasis = null)
{
    /// <summary>Below this many people or items, a figure is not published.</summary>
    public const int SmallCount = 5;

    public static ResultValue Count(int count) => new(count, count);

    public static ResultValue Share(int part, int whole) => whole == 0 ? new(null, 0) : new(100.0 * part / whole, whole);

    /// <summary>
    /// A share whose part and rest are also published as counts (found / not found, opened / contacted): masked when
    /// either is 1 to 4, else the masked count could be worked back from it.
    /// </summary>
    public static ResultValue ShareOfCounts(int part, int whole) =>
        whole == 0 ? new(null, 0) : new(100.0 * part / whole, whole, false, new[] { part, whole - part, whole }.Where(n => n > 0).DefaultIfEmpty(0).Min());

    public static ResultValue Of(double? value, int basis) => new(basis == 0 ? null : value, basis);

    public static ResultValue Money(decimal? euros, int basis) => new(euros is { } e && basis > 0 ? (double)e : null, basis);

    public ResultValue ForPublic() => (MaskBasis ?? Basis) is > 0 and < SmallCount ? new(null, Basis, true) : this;

    public ResultValue Mask() => new(null, Basis, true);
}

public enum ChartKind
{
    Line,
    Bar,
    StackedBar,
}

/// <summary>
/// One line of a chart (and one column of its table): a value per month of the period. <paramref name="Additive"/>:
/// its months add up to a total over the period (not so for people counted once a month, or firms served each month).
/// </summary>
public sealed record ResultSeries(string Label, IReadOnlyList<ResultValue> Values, bool Additive = true);

/// <summary>An indicator month by month: drawn as a chart and given as a table.</summary>
public sealed record ResultChart(string Key, string Title, ResultUnit Unit, ChartKind Kind, IReadOnlyList<ResultSeries> Series, string? Note = null);

/// <summary>A figure over the whole period, split by something else than the month (per stop, per firm, per site).</summary>
public sealed record ResultBreakdown(string Key, string Title, string RowHeader, IReadOnlyList<(string Label, ResultUnit Unit)> Columns,
    IReadOnlyList<(string Label, IReadOnlyList<ResultValue> Values)> Rows, string? Note = null);

/// <summary>A solution's results over a period: its charts (month by month) and its breakdowns.</summary>
public sealed record SolutionResults(string Slug, string Title, string Lead, IReadOnlyList<YearMonth> Months,
    IReadOnlyList<ResultChart> Charts, IReadOnlyList<ResultBreakdown> Breakdowns)
{
    /// <summary>
    /// The same results with every figure standing on fewer than five people or items masked. When a series (or a
    /// breakdown's column) has exactly one masked figure, the unmasked one standing on the fewest is masked too: a
    /// total over the period (a breakdown, the report) would otherwise give the masked one back by subtraction.
    /// </summary>
    public SolutionResults ForPublic() => this with
    {
        Charts = Charts.Select(c => c with { Series = c.Series.Select(s => s with { Values = Secondary(s.Values.Select(v => v.ForPublic()).ToList()) }).ToList() }).ToList(),
        Breakdowns = Breakdowns.Select(b =>
        {
            var rows = b.Rows.Select(r => r.Values.Select(v => v.ForPublic()).ToList()).ToList();
            for (var column = 0; column < b.Columns.Count; column++)
            {
                var masked = Secondary(rows.Select(r => r[column]).ToList());
                for (var row = 0; row < rows.Count; row++)
                {
                    rows[row][column] = masked[row];
                }
            }
            return b with { Rows = b.Rows.Select((r, i) => (r.Label, (IReadOnlyList<ResultValue>)rows[i])).ToList() };
        }).ToList(),
    };

    private static List<ResultValue> Secondary(List<ResultValue> values)
    {
        if (values.Count(v => v.Masked) == 1)
        {
            var other = values.Select((v, i) => (v, i)).Where(x => !x.v.Masked && x.v.Basis > 0).OrderBy(x => x.v.Basis).Select(x => (int?)x.i).FirstOrDefault();
            if (other is { } i)
            {
                values[i] = values[i].Mask();
            }
        }
        return values;
    }
}

/// <summary>
/// A solution's indicators, given by its module to the results pages (one implementation per module, registered in
/// its <c>Add…Module</c>). Counts, shares, medians and amounts only: never a person.
/// </summary>
public interface ISolutionResults
{
    /// <summary>The address segment: /resultats/{Slug}.</summary>
    string Slug { get; }

    /// <summary>The solution's name in pages: « Le car France Services ».</summary>
    string Title { get; }

    /// <summary>Place on the results page.</summary>
    int Order { get; }

    Task<SolutionResults> ComputeAsync(YearMonth from, YearMonth to, CancellationToken cancellationToken);
}

/// <summary>Formats and files for results: the same numbers on the page, in the CSV and in the report.</summary>
public static class ResultFormat
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string UnitLabel(ResultUnit unit) => unit switch
    {
        ResultUnit.Count => "nombre",
        ResultUnit.Percent => "%",
        ResultUnit.WorkingDays => "jours ouvrés",
        ResultUnit.WorkingHours => "heures ouvrées",
        ResultUnit.Hours => "heures",
        ResultUnit.Euros => "€",
        ResultUnit.Rating => "note sur 5",
        ResultUnit.Average => "moyenne",
        _ => "",
    };

    /// <summary>"12", "87,5 %", "3,5 j", "—" for no value, "&lt; 5" when masked.</summary>
    public static string Text(ResultValue value, ResultUnit unit)
    {
        if (value.Masked)
        {
            return "< 5";
        }
        if (value.Value is not { } v)
        {
            return "—";
        }
        return unit switch
        {
            ResultUnit.Count => v.ToString("N0", French),
            ResultUnit.Percent => v.ToString("0.#", French) + " %",
            ResultUnit.WorkingDays => v.ToString("0.#", French) + " j ouvrés",
            ResultUnit.WorkingHours => v.ToString("0.#", French) + " h ouvrées",
            ResultUnit.Hours => v.ToString("0.#", French) + " h",
            ResultUnit.Euros => v.ToString("N2", French) + " €",
            ResultUnit.Rating => v.ToString("0.0", French) + " / 5",
            ResultUnit.Average => v.ToString("0.#", French),
            _ => v.ToString("0.##", French),
        };
    }

    /// <summary>The plain number for a file or a chart: French decimal comma in CSV, none when masked or empty.</summary>
    public static string CsvNumber(ResultValue value) =>
        value.Masked ? "secret" : value.Value is { } v ? Math.Round(v, 2).ToString("0.##", French) : "";

    /// <summary>Month in pages: "janv. 2026".</summary>
    public static string Month(YearMonth month) => month.ToString("MMM yyyy", French);

    /// <summary>
    /// One line per figure (long format, so that every report's number can be found again): solution, indicator,
    /// series, month (or the breakdown's row), value, unit, basis. Semicolons, decimal commas, UTF-8 with BOM,
    /// as French spreadsheets read them. Masked figures read « secret » and have no basis.
    /// </summary>
    public static byte[] ToCsv(IEnumerable<SolutionResults> results)
    {
        var lines = new List<IEnumerable<string>> { new[] { "solution", "indicateur", "serie", "mois_ou_ligne", "valeur", "unite", "base" } };
        foreach (var solution in results)
        {
            foreach (var chart in solution.Charts)
            {
                foreach (var series in chart.Series)
                {
                    for (var i = 0; i < solution.Months.Count; i++)
                    {
                        var value = series.Values[i];
                        lines.Add([solution.Slug, chart.Title, series.Label, solution.Months[i].ToString(), CsvNumber(value), UnitLabel(chart.Unit), Basis(value)]);
                    }
                }
            }
            foreach (var breakdown in solution.Breakdowns)
            {
                foreach (var (label, values) in breakdown.Rows)
                {
                    for (var i = 0; i < breakdown.Columns.Count; i++)
                    {
                        lines.Add([solution.Slug, breakdown.Title, breakdown.Columns[i].Label, label, CsvNumber(values[i]), UnitLabel(breakdown.Columns[i].Unit), Basis(values[i])]);
                    }
                }
            }
        }
        return Csv.WithByteOrderMark(Csv.Write(lines, ';', "\r\n"));

        static string Basis(ResultValue value) => value.Masked ? "" : value.Basis.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// A solution's evaluation report for a period, as a printable PDF: what it measures (reach, delays, rights opened,
/// satisfaction, cost: the solution's indicators), each indicator as a chart and a table, the period's totals of the
/// counts, the breakdowns. Made from the same results as the CSV of the same page and period, so that each figure
/// can be found again in it (the totals are the sums of its monthly lines).
/// </summary>
public static class EvaluationReportPdf
{
    public static byte[] Create(SolutionResults results, DateOnly madeOn, string csvName)
    {
        var months = results.Months;
        var period = $"{ResultFormat.Month(months[0])} à {ResultFormat.Month(months[^1])}";
        var pdf = new SimplePdf($"Rapport d'évaluation — {results.Title}");
        pdf.Heading($"Rapport d'évaluation — {results.Title}", 18);
        pdf.Paragraph($"Période : de {period}. Établi le {madeOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr-FR"))}.", 10, true);
        pdf.Paragraph(results.Lead);
        pdf.Paragraph($"Les chiffres de ce rapport sont ceux du fichier « {csvName} » (page « Résultats » de la solution, même période) : chaque valeur mensuelle y figure sur une ligne, " +
                      "et les totaux ci-dessous sont les sommes de ces lignes. Aucune donnée personnelle ; un chiffre qui porte sur moins de 5 personnes est masqué (« < 5 ») et n'entre pas dans les totaux.", 9);

        var counts = results.Charts.Where(c => c.Unit == ResultUnit.Count).SelectMany(c => c.Series.Where(s => s.Additive).Select(s => (c.Title, s))).ToList();
        if (counts.Count > 0)
        {
            pdf.Heading("La période en bref", 13);
            pdf.Table(["Indicateur", "Total sur la période", "Mois masqués (< 5)"],
                counts.Select(x => (IReadOnlyList<string>)
                [
                    x.s.Label,
                    x.s.Values.All(v => v.Masked) ? "—" : ResultFormat.Text(ResultValue.Count((int)x.s.Values.Where(v => !v.Masked).Sum(v => v.Value ?? 0)), ResultUnit.Count),
                    x.s.Values.Count(v => v.Masked).ToString(CultureInfo.InvariantCulture),
                ]).ToList());
        }

        foreach (var chart in results.Charts)
        {
            pdf.Heading($"{chart.Title} ({ResultFormat.UnitLabel(chart.Unit)})", 12);
            pdf.Chart(months.Select(ResultFormat.Month).ToList(),
                chart.Series.Select(s => (s.Label, (IReadOnlyList<double?>)s.Values.Select(v => v.Masked ? null : v.Value).ToList())).ToList(),
                chart.Kind == ChartKind.Line, chart.Kind == ChartKind.StackedBar,
                chart.Unit switch { ResultUnit.Percent => 100, ResultUnit.Rating => 5, _ => null });
            if (chart.Note != null)
            {
                pdf.Paragraph(chart.Note, 8);
            }
            // Many series (the domains): one table per group of six, so that the columns stay readable.
            foreach (var group in chart.Series.Chunk(6))
            {
                pdf.Table(["Mois", .. group.Select(s => s.Label)],
                    months.Select((m, i) => (IReadOnlyList<string>)[ResultFormat.Month(m), .. group.Select(s => ResultFormat.Text(s.Values[i], chart.Unit))]).ToList());
            }
        }
        foreach (var breakdown in results.Breakdowns)
        {
            pdf.Heading(breakdown.Title, 12);
            if (breakdown.Rows.Count == 0)
            {
                pdf.Paragraph("Aucun chiffre sur la période.");
                continue;
            }
            pdf.Table([breakdown.RowHeader, .. breakdown.Columns.Select(c => c.Label)],
                breakdown.Rows.Select(r => (IReadOnlyList<string>)[r.Label, .. r.Values.Select((v, i) => ResultFormat.Text(v, breakdown.Columns[i].Unit))]).ToList());
            if (breakdown.Note != null)
            {
                pdf.Paragraph(breakdown.Note, 8);
            }
        }
        return pdf.ToBytes();
    }
}
