using System.Text.Json;
using System.Text.Json.Serialization;

namespace CarteBlanche.Transit;

/// <summary>Severities of the national access point's validator (etalab transport-validator).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    Information,
    Warning,
    Error,
    Fatal,
}

/// <summary>One problem found in a feed: where (file, line, object id) and what, in French.</summary>
public sealed record ValidationIssue(Severity Severity, string Code, string File, int? Line, string? ObjectId, string Message);

/// <summary>The validation of one feed. A Fatal issue means nothing was loaded; an Error means the object was skipped.</summary>
public sealed class ValidationReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Issues of one code beyond this number are counted, not listed (a bad feed can have millions).</summary>
    public const int MaxListedPerCode = 200;

    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    // Every issue counts, listed or not: the summary must add up to the counts (499 warnings, not the 200 listed).
    private readonly Dictionary<Severity, int> _bySeverity = [];

    public string Feed { get; }

    public List<ValidationIssue> Issues { get; } = [];

    public ValidationReport(string feed) => Feed = feed;

    public bool HasFatal => Total(Severity.Fatal) > 0;

    /// <summary>How many issues of this severity were found, including those beyond <see cref="MaxListedPerCode"/> that are not listed.</summary>
    public int Total(Severity severity) => _bySeverity.GetValueOrDefault(severity);

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public void Add(Severity severity, string code, string file, int? line, string? objectId, string message)
    {
        _counts[code] = _counts.GetValueOrDefault(code) + 1;
        _bySeverity[severity] = _bySeverity.GetValueOrDefault(severity) + 1;
        if (_counts[code] <= MaxListedPerCode)
        {
            Issues.Add(new ValidationIssue(severity, code, file, line, objectId, message));
        }
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        feed = Feed,
        summary = Enum.GetValues<Severity>().Reverse().ToDictionary(s => s.ToString(), Total),
        counts = _counts,
        issues = Issues,
    }, Json);

    /// <summary>A readable French page: a summary by severity, then a table per severity.</summary>
    public string ToHtml()
    {
        static string E(string? s) => System.Net.WebUtility.HtmlEncode(s ?? "");
        var html = new System.Text.StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Validation GTFS — ").Append(E(Feed)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3rem;text-align:left;vertical-align:top}caption{text-align:left;font-weight:bold;margin:.5rem 0}</style></head><body>");
        html.Append("<h1>Validation du jeu de données ").Append(E(Feed)).Append("</h1>");
        var labels = new Dictionary<Severity, string> { [Severity.Fatal] = "Bloquant", [Severity.Error] = "Erreur", [Severity.Warning] = "Avertissement", [Severity.Information] = "Information" };
        html.Append("<ul>");
        foreach (var s in new[] { Severity.Fatal, Severity.Error, Severity.Warning, Severity.Information })
        {
            html.Append("<li>").Append(labels[s]).Append(" : ").Append(Total(s)).Append("</li>");
        }
        html.Append("</ul>");
        if (HasFatal)
        {
            html.Append("<p><strong>Le jeu de données n'a pas été chargé.</strong></p>");
        }
        foreach (var s in new[] { Severity.Fatal, Severity.Error, Severity.Warning, Severity.Information })
        {
            var issues = Issues.Where(i => i.Severity == s).ToList();
            if (issues.Count == 0)
            {
                continue;
            }
            html.Append("<table><caption>").Append(labels[s]).Append("</caption><thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Fichier</th><th scope=\"col\">Ligne</th><th scope=\"col\">Objet</th><th scope=\"col\">Message</th></tr></thead><tbody>");
            foreach (var i in issues)
            {
                html.Append("<tr><td>").Append(E(i.Code)).Append("</td><td>").Append(E(i.File)).Append("</td><td>").Append(i.Line).Append("</td><td>").Append(E(i.ObjectId)).Append("</td><td>").Append(E(i.Message)).Append("</td></tr>");
            }
            html.Append("</tbody></table>");
            var unlisted = Total(s) - issues.Count;
            if (unlisted > 0)
            {
                html.Append("<p>").Append(unlisted).Append(" de plus, non listés (au plus ").Append(MaxListedPerCode).Append(" par code).</p>");
            }
        }
        return html.Append("</body></html>").ToString();
    }
}
